/**
 * A local stand-in for Discord (REST v10 + gateway) that the real discord.js client talks to in
 * end-to-end tests. `startEmulator()` listens on 127.0.0.1 with a free port; give discord.js
 * `rest: { api: emulator.apiUrl }` and it finds the gateway itself through GET /gateway/bot.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerCommandRoutes } from './command-routes.ts';
import type { FaultHandle, FaultSpec } from './faults.ts';
import { Gateway, type GatewayStats } from './gateway.ts';
import { RestServer, type RequestRecord, type RestStats } from './http.ts';
import { Interactions, type InteractionHandle, type InvokeAutocompleteOptions, type InvokeCommandOptions } from './interactions.ts';
import { registerRestRoutes } from './rest-routes.ts';
import {
  buildGuild, channelJson, defaultGuilds, guildJson, memberJson, permissionsIn, roleJson, snowflake,
  type Guild, type GuildInput, type OverwriteInput, type StoredCommand, type StoredMessage,
} from './state.ts';
import { World } from './world.ts';

export type { FaultHandle, FaultSpec, FaultStatus } from './faults.ts';
export type { CallbackRecord, InteractionHandle, InvokeAutocompleteOptions, InvokeCommandOptions, OptionValue } from './interactions.ts';
export type { RequestRecord } from './http.ts';
export type { ChannelInput, Guild, GuildInput, MemberInput, OverwriteInput, Pings, RoleInput, StoredCommand, StoredMessage } from './state.ts';
export { ALL_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS, Permission } from './permissions.ts';

export interface EmulatorOptions {
  /** The bot token discord.js must present (default: a fixed test token). */
  token?: string;
  applicationId?: string;
  botUsername?: string;
  /** Guilds the bot is in; defaults to three fan-community guilds. */
  guilds?: GuildInput[];
  /** Time the bot has to acknowledge an interaction (Discord: 3000 ms). */
  interactionDeadlineMs?: number;
  /** Gateway heartbeat interval sent in HELLO (Discord: ~41250 ms). */
  heartbeatIntervalMs?: number;
  /** Per-route rate limit reported in headers and enforced (default 50 requests per second). */
  rateLimit?: { limit: number; windowMs: number };
  /** Discord's global limit across routes for bot-token requests (off unless given; Discord: 50 per second). */
  globalRateLimit?: { limit: number; windowMs: number };
  /** How long an enforce_nonce message de-duplicates repeats (default 5 minutes). */
  nonceWindowMs?: number;
}

export interface EmulatorStats {
  rest: RestStats;
  gateway: GatewayStats;
}

export interface Emulator {
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUserId: string;
  guilds(): Guild[];
  guild(id: string): Guild;
  /** Messages stored for a channel, oldest first, including deleted ones (flagged). */
  messages(channelId: string): StoredMessage[];
  globalCommands(): StoredCommand[];
  guildCommands(guildId: string): StoredCommand[];
  invokeCommand(options: InvokeCommandOptions): InteractionHandle;
  invokeAutocomplete(options: InvokeAutocompleteOptions): InteractionHandle;
  /** Sends a raw gateway event to every session that has the intent (Guilds by default). */
  dispatch(event: string, data: unknown, intent?: number): void;
  /** Closes gateway connections with `code` (default 4000, which discord.js resumes after). */
  disconnect(code?: number): void;
  requestReconnect(): void;
  invalidateSessions(resumable?: boolean): void;
  injectFault(spec: FaultSpec): FaultHandle;
  clearFaults(): void;
  deleteChannel(channelId: string): void;
  /** A member (not the bot) says something in a channel, as fans do between alerts. */
  postAsMember(channelId: string, content: string): StoredMessage;
  /** Sets (or with allow and deny both 0, removes) a channel overwrite for a role or member. */
  setChannelPermission(channelId: string, overwrite: OverwriteInput): void;
  /** Replaces a member's roles with one role of their own holding `permissions` (@everyone still applies). */
  setMemberPermissions(guildId: string, userId: string, permissions: bigint): void;
  /** Renames a guild or changes its locale; GUILD_UPDATE is dispatched. */
  updateGuild(guildId: string, patch: { name?: string; preferredLocale?: string }): void;
  /** Adds the bot to a guild; GUILD_CREATE is dispatched. */
  addGuild(input: GuildInput): Guild;
  /** Removes the bot from a guild; GUILD_DELETE is dispatched. */
  removeGuild(guildId: string): void;
  /** Effective permissions of a user in a channel (or in the guild when channelId is null). */
  permissionsOf(guildId: string, channelId: string | null, userId: string): bigint;
  requests(): RequestRecord[];
  stats(): EmulatorStats;
  /** Polls until `predicate` is true; rejects after `timeoutMs` (default 5000). */
  until(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAw.emulator.test-token-not-a-secret';

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const applicationId = options.applicationId ?? '1000000000000000000';
  const world = new World({
    token: options.token ?? DEFAULT_TOKEN,
    applicationId,
    botUser: { id: applicationId, username: options.botUsername ?? 'Hyosan', bot: true },
    nonceWindowMs: options.nonceWindowMs ?? 5 * 60_000,
  });
  for (const g of options.guilds ?? defaultGuilds()) world.addGuild(buildGuild(g, world.botUser));

  const rest = new RestServer(() => world.token, options.rateLimit ?? { limit: 50, windowMs: 1000 }, options.globalRateLimit);
  const gateway = new Gateway(world, options.heartbeatIntervalMs ?? 41_250);
  const interactions = new Interactions(world, options.interactionDeadlineMs ?? 3000);
  world.dispatch = (event, data, intent) => gateway.dispatch(event, data, intent);
  registerRestRoutes(rest, world, () => gateway.url);
  registerCommandRoutes(rest, world);
  interactions.register(rest);

  const server = createServer((req, res) => {
    rest.handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `500: ${error instanceof Error ? error.message : String(error)}`, code: 0 }));
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname === '/gateway') gateway.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  gateway.url = `ws://127.0.0.1:${port}/gateway`;

  const findChannel = (channelId: string) => world.channel(channelId);
  const everyRole = (guild: Guild, ref: string) => guild.roles.find((r) => r.id === ref || r.name === ref)?.id ?? ref;

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl: gateway.url,
    token: world.token,
    applicationId,
    botUserId: world.botUser.id,
    guilds: () => [...world.guilds.values()],
    guild: (id) => world.guild(id),
    messages: (channelId) => world.messages(channelId),
    globalCommands: () => world.globalCommands,
    guildCommands: (guildId) => world.guildCommands.get(guildId) ?? [],
    invokeCommand: (o) => interactions.invokeCommand(o),
    invokeAutocomplete: (o) => interactions.invokeAutocomplete(o),
    dispatch: (event, data, intent) => gateway.dispatch(event, data, intent),
    disconnect: (code) => gateway.disconnect(code),
    requestReconnect: () => gateway.requestReconnect(),
    invalidateSessions: (resumable) => gateway.invalidateSessions(resumable),
    injectFault: (spec) => rest.faults.add(spec),
    clearFaults: () => rest.faults.clear(),
    postAsMember(channelId, content) {
      const { guild } = findChannel(channelId);
      const member = guild.members.find((m) => m.user.id !== world.botUser.id && !m.user.bot);
      if (!member) throw new Error(`postAsMember: guild ${guild.id} has no member besides the bot`);
      return world.createMessage({ channelId, authorId: member.user.id, body: { content }, source: 'member', skipPermissions: true }).message;
    },
    deleteChannel(channelId) {
      const { guild, channel } = findChannel(channelId);
      guild.channels = guild.channels.filter((c) => c.id !== channelId);
      gateway.dispatch('CHANNEL_DELETE', channelJson(channel));
    },
    setChannelPermission(channelId, o) {
      const { guild, channel } = findChannel(channelId);
      const id = o.type === 'role' ? everyRole(guild, o.id) : o.id;
      const allow = BigInt(o.allow ?? 0n);
      const deny = BigInt(o.deny ?? 0n);
      channel.overwrites = channel.overwrites.filter((x) => x.id !== id);
      if (allow !== 0n || deny !== 0n) channel.overwrites.push({ id, type: o.type === 'role' ? 0 : 1, allow, deny });
      gateway.dispatch('CHANNEL_UPDATE', channelJson(channel));
    },
    setMemberPermissions(guildId, userId, permissions) {
      const guild = world.guild(guildId);
      const member = guild.members.find((m) => m.user.id === userId);
      if (!member) throw new Error(`setMemberPermissions: ${userId} is not in guild ${guildId}`);
      const name = `perms-${userId}`;
      let role = guild.roles.find((r) => r.name === name);
      if (role) {
        role.permissions = permissions;
        gateway.dispatch('GUILD_ROLE_UPDATE', { guild_id: guild.id, role: roleJson(role) });
      } else {
        role = { id: snowflake(), name, permissions, position: guild.roles.length, mentionable: false };
        guild.roles.push(role);
        gateway.dispatch('GUILD_ROLE_CREATE', { guild_id: guild.id, role: roleJson(role) });
      }
      member.roles = [role.id];
      // Discord sends member updates for the bot itself even without the GuildMembers intent.
      gateway.dispatch('GUILD_MEMBER_UPDATE', { guild_id: guild.id, ...memberJson(member) },
        userId === world.botUser.id ? undefined : 1 << 1);
    },
    updateGuild(guildId, patch) {
      const guild = world.guild(guildId);
      if (patch.name !== undefined) guild.name = patch.name;
      if (patch.preferredLocale !== undefined) guild.preferredLocale = patch.preferredLocale;
      gateway.dispatch('GUILD_UPDATE', guildJson(guild, false));
    },
    addGuild(input) {
      const guild = buildGuild(input, world.botUser);
      world.addGuild(guild);
      gateway.dispatch('GUILD_CREATE', guildJson(guild));
      return guild;
    },
    removeGuild(guildId) {
      world.guild(guildId);
      world.guilds.delete(guildId);
      gateway.dispatch('GUILD_DELETE', { id: guildId });
    },
    permissionsOf(guildId, channelId, userId) {
      const guild = world.guild(guildId);
      const channel = channelId ? guild.channels.find((c) => c.id === channelId) ?? null : null;
      return permissionsIn(guild, channel, userId);
    },
    requests: () => [...rest.log],
    stats: () => ({ rest: structuredClone(rest.stats), gateway: structuredClone(gateway.stats) }),
    until: (predicate, timeoutMs = 5000) => new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const tick = () => {
        if (predicate()) return resolve();
        if (Date.now() - started > timeoutMs) return reject(new Error(`condition not met within ${timeoutMs} ms`));
        setTimeout(tick, 10);
      };
      tick();
    }),
    async close() {
      rest.dropHanging();
      gateway.shutdown();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
