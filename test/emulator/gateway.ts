/**
 * The gateway: HELLO, IDENTIFY → READY (guilds unavailable) → one GUILD_CREATE per guild,
 * heartbeats with ACKs, RESUME with replay of missed events, and Discord's close codes. Speaks
 * plain JSON text frames (what discord.js uses without zlib-sync) and zlib-stream when asked.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { constants as zlibConstants, createDeflate, type Deflate } from 'node:zlib';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { guildJson, snowflake, userJson } from './state.ts';
import { Intent, type World } from './world.ts';

interface Session {
  id: string;
  intents: number;
  seq: number;
  socket: Connection | null;
  /** Recent events kept for RESUME replay. */
  events: { s: number; t: string; d: unknown }[];
}

interface Connection {
  ws: WebSocket;
  session: Session | null;
  deflate: Deflate | null;
  closingWith: number | null;
}

export interface GatewayStats {
  connections: number;
  identifies: number;
  resumes: number;
  heartbeats: number;
  /** Close codes seen, in order, whoever closed. */
  closeCodes: number[];
}

const REPLAY_LIMIT = 1000;
/** Close codes after which Discord forgets the session. */
const SESSION_ENDING = new Set([1000, 1001, 4004, 4010, 4011, 4012, 4013, 4014]);

export class Gateway {
  readonly stats: GatewayStats = { connections: 0, identifies: 0, resumes: 0, heartbeats: 0, closeCodes: [] };
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private readonly connections = new Set<Connection>();
  private readonly world: World;
  private readonly heartbeatIntervalMs: number;
  url = '';

  constructor(world: World, heartbeatIntervalMs: number) {
    this.world = world;
    this.heartbeatIntervalMs = heartbeatIntervalMs;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, new URL(req.url ?? '/', 'http://127.0.0.1')));
  }

  /** Sends an event to every session that asked for its intent, keeping it for RESUME. */
  dispatch(event: string, data: unknown, intent: number = Intent.Guilds): void {
    for (const session of this.sessions.values()) {
      if ((session.intents & intent) !== intent) continue;
      const s = ++session.seq;
      session.events.push({ s, t: event, d: data });
      if (session.events.length > REPLAY_LIMIT) session.events.shift();
      if (session.socket) this.send(session.socket, { op: 0, t: event, s, d: data });
    }
  }

  /** Closes every live connection with `code` (4000 lets discord.js resume, 1000 makes it identify anew). */
  disconnect(code = 4000, reason = 'Emulator disconnect'): void {
    for (const c of this.connections) this.closeWith(c, code, reason);
  }

  /** Opcode 7: Discord asking the client to reconnect and resume. */
  requestReconnect(): void {
    for (const c of this.connections) this.send(c, { op: 7, d: null });
  }

  /** Opcode 9; `resumable: false` also forgets the sessions. */
  invalidateSessions(resumable = false): void {
    for (const c of this.connections) this.send(c, { op: 9, d: resumable });
    if (!resumable) this.sessions.clear();
  }

  liveSessions(): number {
    return [...this.sessions.values()].filter((s) => s.socket !== null).length;
  }

  shutdown(): void {
    for (const c of this.connections) c.ws.terminate();
    this.wss.close();
  }

  private onConnection(ws: WebSocket, url: URL): void {
    this.stats.connections += 1;
    const conn: Connection = { ws, session: null, deflate: null, closingWith: null };
    this.connections.add(conn);
    const encoding = url.searchParams.get('encoding') ?? 'json';
    if (url.searchParams.get('compress') === 'zlib-stream') {
      conn.deflate = createDeflate({ flush: zlibConstants.Z_SYNC_FLUSH });
      conn.deflate.on('data', (chunk: Buffer) => { if (ws.readyState === ws.OPEN) ws.send(chunk, { binary: true }); });
    }
    ws.on('message', (raw, isBinary) => this.onMessage(conn, raw, isBinary));
    ws.on('close', (code) => {
      this.connections.delete(conn);
      conn.deflate?.end();
      const effective = conn.closingWith ?? code;
      this.stats.closeCodes.push(effective);
      const session = conn.session;
      if (session && session.socket === conn) {
        session.socket = null;
        if (SESSION_ENDING.has(effective)) this.sessions.delete(session.id);
      }
    });
    if (encoding !== 'json') {
      this.closeWith(conn, 4002, 'Error while decoding payload.');
      return;
    }
    this.send(conn, { op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs, _trace: ['["emulator-gateway",{"micros":0}]'] } });
  }

  private onMessage(conn: Connection, raw: RawData, isBinary: boolean): void {
    let payload: { op?: number; d?: Record<string, unknown> | number | null };
    try {
      if (isBinary) throw new Error('binary frames need etf');
      payload = JSON.parse(raw.toString());
    } catch {
      this.closeWith(conn, 4002, 'Error while decoding payload.');
      return;
    }
    const d = (typeof payload.d === 'object' && payload.d !== null ? payload.d : {}) as Record<string, unknown>;
    switch (payload.op) {
      case 1:
        this.stats.heartbeats += 1;
        this.send(conn, { op: 11 });
        return;
      case 2:
        return this.identify(conn, d);
      case 6:
        return this.resume(conn, d);
      case 3: case 4: case 8:
        if (!conn.session) this.closeWith(conn, 4003, 'Not authenticated.');
        return;
      default:
        this.closeWith(conn, 4001, 'Unknown opcode.');
    }
  }

  private tokenOk(token: unknown): boolean {
    return typeof token === 'string' && token.replace(/^Bot /, '') === this.world.token;
  }

  private identify(conn: Connection, d: Record<string, unknown>): void {
    this.stats.identifies += 1;
    if (conn.session) return this.closeWith(conn, 4005, 'Already authenticated.');
    if (!this.tokenOk(d.token)) return this.closeWith(conn, 4004, 'Authentication failed.');
    if (typeof d.intents !== 'number') return this.closeWith(conn, 4013, 'Invalid intent(s).');
    const session: Session = { id: snowflake(), intents: d.intents, seq: 0, socket: conn, events: [] };
    this.sessions.set(session.id, session);
    conn.session = session;
    const guilds = [...this.world.guilds.values()];
    this.sendDispatch(session, 'READY', {
      v: 10, user_settings: {}, user: { ...userJson(this.world.botUser), verified: true, mfa_enabled: false, email: null },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id, session_type: 'normal', resume_gateway_url: this.url, shard: Array.isArray(d.shard) ? d.shard : [0, 1],
      application: { id: this.world.applicationId, flags: 0 },
      private_channels: [], relationships: [], presences: [], guild_join_requests: [], geo_ordered_rtc_regions: [],
      auth_session_id_hash: '', _trace: ['["emulator-gateway",{"micros":0}]'],
    });
    // Guild availability arrives after READY, one GUILD_CREATE each, as on Discord.
    for (const g of guilds) this.sendDispatch(session, 'GUILD_CREATE', guildJson(g));
  }

  private resume(conn: Connection, d: Record<string, unknown>): void {
    this.stats.resumes += 1;
    if (!this.tokenOk(d.token)) return this.closeWith(conn, 4004, 'Authentication failed.');
    const session = this.sessions.get(String(d.session_id));
    if (!session) {
      this.send(conn, { op: 9, d: false });
      return;
    }
    session.socket?.ws.terminate();
    session.socket = conn;
    conn.session = session;
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    for (const e of session.events) if (e.s > seq) this.send(conn, { op: 0, t: e.t, s: e.s, d: e.d });
    this.sendDispatch(session, 'RESUMED', { _trace: ['["emulator-gateway",{"micros":0}]'] });
  }

  private sendDispatch(session: Session, event: string, data: unknown): void {
    const s = ++session.seq;
    session.events.push({ s, t: event, d: data });
    if (session.socket) this.send(session.socket, { op: 0, t: event, s, d: data });
  }

  private send(conn: Connection, payload: Record<string, unknown>): void {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    const text = JSON.stringify({ s: null, t: null, ...payload });
    if (conn.deflate) conn.deflate.write(text);
    else conn.ws.send(text);
  }

  private closeWith(conn: Connection, code: number, reason: string): void {
    conn.closingWith = code;
    conn.ws.close(code, reason);
  }
}
