import { createInflate, constants as zlibConstants } from 'node:zlib';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Permission, startEmulator, type Emulator } from './index.ts';
import { computePings } from './validation.ts';

type Frame = { op: number; t: string | null; s: number | null; d: Record<string, unknown> };

function open(url: string): Promise<{ ws: WebSocket; frames: Frame[]; closed: Promise<number> }> {
  const ws = new WebSocket(url);
  const frames: Frame[] = [];
  ws.on('message', (data, isBinary) => { if (!isBinary) frames.push(JSON.parse(data.toString()) as Frame); });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, frames, closed }));
    ws.once('error', reject);
  });
}

describe('gateway protocol details and the permission and mention rules', () => {
  let emulator: Emulator;

  beforeAll(async () => { emulator = await startEmulator(); });
  afterAll(async () => { await emulator?.close(); });

  it('closes with 4004 on a wrong token and 4003 on a payload before IDENTIFY', async () => {
    const a = await open(`${emulator.gatewayUrl}?v=10&encoding=json`);
    await emulator.until(() => a.frames.length > 0);
    expect(a.frames[0]?.op).toBe(10);
    expect(a.frames[0]?.d.heartbeat_interval).toBeTypeOf('number');
    a.ws.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } }));
    expect(await a.closed).toBe(4004);

    const b = await open(`${emulator.gatewayUrl}?v=10&encoding=json`);
    b.ws.send(JSON.stringify({ op: 8, d: { guild_id: '1' } }));
    expect(await b.closed).toBe(4003);
  });

  it('speaks zlib-stream when asked: READY then one GUILD_CREATE per guild', async () => {
    const ws = new WebSocket(`${emulator.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
    const inflate = createInflate({ finishFlush: zlibConstants.Z_SYNC_FLUSH });
    const events: Frame[] = [];
    let text = '';
    inflate.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      // Each payload is flushed whole; complete JSON documents can be parsed as they arrive.
      try { events.push(JSON.parse(text) as Frame); text = ''; } catch { /* partial */ }
    });
    ws.on('message', (data: Buffer) => inflate.write(data));
    await new Promise((r) => ws.once('open', r));
    await emulator.until(() => events.some((e) => e.op === 10));
    ws.send(JSON.stringify({ op: 2, d: { token: emulator.token, intents: 1, properties: {} } }));
    await emulator.until(() => events.filter((e) => e.t === 'GUILD_CREATE').length === emulator.guilds().length);
    const ready = events.find((e) => e.t === 'READY');
    expect(ready?.d.guilds).toEqual(emulator.guilds().map((g) => ({ id: g.id, unavailable: true })));
    expect(ready?.d.application).toEqual({ id: emulator.applicationId, flags: 0 });
    const created = events.find((e) => e.t === 'GUILD_CREATE')?.d;
    expect(created?.unavailable).toBe(false);
    expect((created?.members as { user: { id: string } }[]).some((m) => m.user.id === emulator.botUserId)).toBe(true);
    ws.close(1000);
  });

  it('setMemberPermissions changes the permissions carried by the next interaction', () => {
    const guild = emulator.guilds()[0];
    const viewer = guild?.members.find((m) => m.user.username.startsWith('viewer'));
    if (!guild || !viewer) throw new Error('defaults missing');
    expect(emulator.permissionsOf(guild.id, null, viewer.user.id) & Permission.ManageGuild).toBe(0n);
    emulator.setMemberPermissions(guild.id, viewer.user.id, Permission.ManageGuild | Permission.MentionEveryone);
    const h = emulator.invokeCommand({ guildId: guild.id, userId: viewer.user.id, name: 'config' });
    const perms = BigInt((h.payload.member as { permissions: string }).permissions);
    expect(perms & Permission.ManageGuild).toBe(Permission.ManageGuild);
    expect(perms & Permission.MentionEveryone).toBe(Permission.MentionEveryone);
    expect(perms & Permission.Administrator).toBe(0n);
    expect(BigInt(h.payload.app_permissions as string) & Permission.SendMessages).toBe(Permission.SendMessages);
  });

  it('pings: @everyone needs both the permission and allowed_mentions; listed ids pass a narrow allow list', () => {
    const content = '@here <@111111111111111111> <@222222222222222222> <@&333333333333333333>';
    const all = computePings(content, null, Permission.MentionEveryone, () => true);
    expect(all).toEqual({ everyone: false, here: true, users: ['111111111111111111', '222222222222222222'], roles: ['333333333333333333'] });
    const withoutPerm = computePings(content, null, 0n, () => false);
    expect(withoutPerm.here).toBe(false);
    expect(withoutPerm.roles).toEqual([]);
    const narrow = computePings(content, { parse: [], users: ['222222222222222222'] }, Permission.MentionEveryone, () => true);
    expect(narrow).toEqual({ everyone: false, here: false, users: ['222222222222222222'], roles: [] });
  });
});
