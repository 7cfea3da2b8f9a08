/**
 * Slash-command interactions: building the INTERACTION_CREATE payload Discord would send, and
 * the callback and webhook routes the bot answers through. Discord's timing rules are kept
 * (3 s to acknowledge, one acknowledgement only, 15 min of follow-ups) because those are what
 * a bot most often gets wrong.
 */
import type { RestServer } from './http.ts';
import { HttpError } from './http.ts';
import { channelJson, memberJson, memberOf, permissionsIn, roleJson, snowflake, userJson, type Guild, type StoredMessage } from './state.ts';
import type { World } from './world.ts';

export type OptionValue = string | number | boolean;

export interface InvokeCommandOptions {
  name: string;
  guildId?: string;
  channelId?: string;
  /** Who runs the command; the first member who is not a bot when left out. */
  userId?: string;
  /** Option values by name; types come from the registered command, else from the JS value. */
  options?: Record<string, OptionValue>;
  subcommand?: string;
  group?: string;
  locale?: string;
  /** Leave member.permissions out of the payload, as some gateways and proxies do. */
  omitMemberPermissions?: boolean;
}

export interface InvokeAutocompleteOptions extends InvokeCommandOptions {
  /** The option being typed in; its value is the partial text. */
  focused: string;
}

export interface CallbackRecord {
  type: number;
  data: Record<string, unknown> | null;
  /** Milliseconds from dispatching INTERACTION_CREATE to receiving the callback. */
  latencyMs: number;
  withResponse: boolean;
}

export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  readonly payload: Record<string, unknown>;
  /** Resolves with the first accepted callback; rejects if none arrives within `timeoutMs` (default 5000). */
  response(timeoutMs?: number): Promise<CallbackRecord>;
  callback(): CallbackRecord | null;
  /** The response message as it is now (after edits), if the callback created one. */
  original(): StoredMessage | null;
  followups(): StoredMessage[];
  /** Resolves once `predicate` holds for this interaction, checked after each change. */
  waitFor(predicate: (h: InteractionHandle) => boolean, timeoutMs?: number): Promise<void>;
  /** Every callback attempt, including rejected ones, with the status Discord's side answered. */
  attempts(): { type: number; status: number }[];
}

interface Pending {
  handle: InteractionHandle;
  kind: 'command' | 'autocomplete';
  dispatchedAt: number;
  channelId: string;
  callback: CallbackRecord | null;
  originalId: string | null;
  followupIds: string[];
  attempts: { type: number; status: number }[];
  listeners: Set<() => void>;
}

const WEBHOOK_TOKEN_LIFETIME_MS = 15 * 60_000;
const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;

const OPTION_TYPE = { SubCommand: 1, SubCommandGroup: 2, String: 3, Integer: 4, Boolean: 5, User: 6, Channel: 7, Role: 8, Mentionable: 9, Number: 10 } as const;

export class Interactions {
  private readonly pending = new Map<string, Pending>();
  private readonly byToken = new Map<string, Pending>();
  private readonly world: World;
  deadlineMs: number;

  constructor(world: World, deadlineMs: number) {
    this.world = world;
    this.deadlineMs = deadlineMs;
  }

  invokeCommand(opts: InvokeCommandOptions): InteractionHandle {
    return this.invoke(opts, 'command');
  }

  invokeAutocomplete(opts: InvokeAutocompleteOptions): InteractionHandle {
    return this.invoke(opts, 'autocomplete', opts.focused);
  }

  private invoke(opts: InvokeCommandOptions, kind: Pending['kind'], focused?: string): InteractionHandle {
    const world = this.world;
    const guild = opts.guildId ? world.guild(opts.guildId) : [...world.guilds.values()][0];
    if (!guild) throw new Error('invokeCommand: the emulator has no guild');
    const channel = opts.channelId ? guild.channels.find((c) => c.id === opts.channelId) : guild.channels[0];
    if (!channel) throw new Error(`invokeCommand: no channel ${opts.channelId ?? ''} in guild ${guild.id}`);
    const userId = opts.userId ?? guild.members.find((m) => !m.user.bot)?.user.id;
    const member = userId ? memberOf(guild, userId) : undefined;
    if (!member) throw new Error(`invokeCommand: user ${userId ?? ''} is not a member of guild ${guild.id}`);

    const command = (world.guildCommands.get(guild.id) ?? []).find((c) => c.name === opts.name && c.type === 1)
      ?? world.globalCommands.find((c) => c.name === opts.name && c.type === 1);
    const { options, resolved } = this.buildOptions(guild, command, opts, focused);

    const id = snowflake();
    const token = `aW50ZXJhY3Rpb246${id}:${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
    const payload: Record<string, unknown> = {
      id, application_id: world.applicationId, type: kind === 'command' ? 2 : 4, token, version: 1,
      data: {
        id: command?.id ?? snowflake(), name: opts.name, type: 1,
        ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
        ...(options.length ? { options } : {}),
        ...(Object.keys(resolved).length ? { resolved } : {}),
      },
      guild_id: guild.id,
      guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
      channel_id: channel.id,
      channel: { ...channelJson(channel), permissions: permissionsIn(guild, channel, member.user.id).toString() },
      member: opts.omitMemberPermissions ? memberJson(member) : { ...memberJson(member), permissions: permissionsIn(guild, channel, member.user.id).toString() },
      app_permissions: permissionsIn(guild, channel, world.botUser.id).toString(),
      locale: opts.locale ?? 'en-US',
      guild_locale: guild.preferredLocale,
      entitlements: [],
      authorizing_integration_owners: { 0: guild.id },
      context: 0,
      attachment_size_limit: 10_485_760,
    };

    const p: Pending = {
      handle: undefined as unknown as InteractionHandle, kind, dispatchedAt: 0, channelId: channel.id,
      callback: null, originalId: null, followupIds: [], attempts: [], listeners: new Set(),
    };
    const byId = (mid: string) => this.messageById(p.channelId, mid);
    p.handle = {
      id, token, payload,
      response: (timeoutMs = 5000) => new Promise<CallbackRecord>((resolve, reject) => {
        p.handle.waitFor(() => p.callback !== null, timeoutMs).then(() => resolve(p.callback as CallbackRecord), reject);
      }),
      callback: () => p.callback,
      original: () => (p.originalId ? byId(p.originalId) : null),
      followups: () => p.followupIds.map((mid) => byId(mid)).filter((m): m is StoredMessage => m !== null),
      attempts: () => [...p.attempts],
      waitFor: (predicate, timeoutMs = 5000) => new Promise<void>((resolve, reject) => {
        if (predicate(p.handle)) return resolve();
        const timer = setTimeout(() => {
          p.listeners.delete(check);
          reject(new Error(`interaction ${opts.name}: condition not met within ${timeoutMs} ms`));
        }, timeoutMs);
        const check = () => {
          if (!predicate(p.handle)) return;
          clearTimeout(timer);
          p.listeners.delete(check);
          resolve();
        };
        p.listeners.add(check);
      }),
    };
    this.pending.set(id, p);
    this.byToken.set(token, p);
    p.dispatchedAt = performance.now();
    world.dispatch('INTERACTION_CREATE', payload);
    return p.handle;
  }

  private messageById(channelId: string, messageId: string): StoredMessage | null {
    return this.world.messages(channelId).find((m) => m.id === messageId && !m.deleted) ?? null;
  }

  private buildOptions(guild: Guild, command: Record<string, unknown> | undefined, opts: InvokeCommandOptions, focused?: string) {
    type Def = { name: string; type: number; options?: Def[] };
    let defs = (command?.options ?? []) as Def[];
    if (opts.group) defs = defs.find((d) => d.name === opts.group)?.options ?? [];
    if (opts.subcommand) defs = defs.find((d) => d.name === opts.subcommand)?.options ?? [];
    const resolved: Record<string, Record<string, unknown>> = {};
    const add = (kind: string, key: string, value: unknown) => { (resolved[kind] ??= {})[key] = value; };

    const leaves = Object.entries(opts.options ?? {}).map(([name, value]) => {
      const declared = defs.find((d) => d.name === name)?.type;
      let type: number = declared ?? (typeof value === 'boolean' ? OPTION_TYPE.Boolean
        : typeof value === 'number' ? (Number.isInteger(value) ? OPTION_TYPE.Integer : OPTION_TYPE.Number) : OPTION_TYPE.String);
      const isFocused = name === focused;
      if (isFocused) type = declared ?? OPTION_TYPE.String;
      const id = String(value);
      if (!isFocused && (type === OPTION_TYPE.User || type === OPTION_TYPE.Mentionable)) {
        const m = memberOf(guild, id);
        const user = this.world.users.get(id);
        if (user) add('users', id, userJson(user));
        if (m) {
          const { user: _u, ...rest } = memberJson(m);
          add('members', id, { ...rest, permissions: permissionsIn(guild, null, id).toString() });
        }
      }
      if (!isFocused && (type === OPTION_TYPE.Role || type === OPTION_TYPE.Mentionable)) {
        const role = guild.roles.find((r) => r.id === id);
        if (role) add('roles', id, roleJson(role));
      }
      if (!isFocused && type === OPTION_TYPE.Channel) {
        const c = guild.channels.find((x) => x.id === id);
        if (c) add('channels', id, { id: c.id, name: c.name, type: 0, permissions: permissionsIn(guild, c, this.world.botUser.id).toString(), parent_id: null });
      }
      return { name, type, value: isFocused ? String(value) : value, ...(isFocused ? { focused: true } : {}) };
    });
    let options: Record<string, unknown>[] = leaves;
    if (opts.subcommand) options = [{ type: OPTION_TYPE.SubCommand, name: opts.subcommand, options }];
    if (opts.group) options = [{ type: OPTION_TYPE.SubCommandGroup, name: opts.group, options }];
    return { options, resolved };
  }

  private changed(p: Pending): void {
    for (const l of [...p.listeners]) l();
  }

  private fromToken(appId: string | undefined, token: string | undefined): Pending {
    const p = token ? this.byToken.get(token) : undefined;
    if (!p || appId !== this.world.applicationId) throw new HttpError(404, 10015, 'Unknown Webhook');
    if (performance.now() - p.dispatchedAt > WEBHOOK_TOKEN_LIFETIME_MS) throw new HttpError(401, 50027, 'Invalid Webhook Token');
    return p;
  }

  register(rest: RestServer): void {
    const world = this.world;
    rest.route('POST', '/interactions/:interactionId/:token/callback', ({ params, body, query }) => {
      const p = this.pending.get(params.interactionId ?? '');
      if (!p || p.handle.token !== params.token) throw new HttpError(404, 10062, 'Unknown interaction');
      const b = (body ?? {}) as { type?: number; data?: Record<string, unknown> };
      const type = Number(b.type);
      const reject = (err: HttpError): never => {
        p.attempts.push({ type, status: err.status });
        this.changed(p);
        throw err;
      };
      if (p.callback) reject(new HttpError(400, 40060, 'Interaction has already been acknowledged.'));
      const latencyMs = performance.now() - p.dispatchedAt;
      if (latencyMs > this.deadlineMs) reject(new HttpError(404, 10062, 'Unknown interaction'));
      const validTypes = p.kind === 'autocomplete' ? [8] : [4, 5, 6, 7, 9];
      if (!validTypes.includes(type)) {
        reject(new HttpError(400, 50035, 'Invalid Form Body', { errors: { type: { _errors: [{ code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: 'Interaction response type is invalid' }] } } }));
      }
      const data = b.data ?? null;
      try {
        if (type === 8 && Array.isArray(data?.choices) && data.choices.length > 25) {
          throw new HttpError(400, 50035, 'Invalid Form Body', { errors: { data: { choices: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' }] } } } });
        }
        if (type === 4 || type === 5 || type === 7) {
          const { message } = world.createMessage({
            channelId: p.channelId, authorId: world.botUser.id, source: 'interaction', interactionId: p.handle.id,
            skipPermissions: true, allowEmpty: type === 5,
            body: type === 5 ? { content: '', flags: LOADING | (Number(data?.flags ?? 0) & EPHEMERAL) } : { ...(data ?? {}) },
          });
          p.originalId = message.id;
        }
      } catch (error) {
        if (error instanceof HttpError) reject(error);
        throw error;
      }
      p.callback = { type, data, latencyMs, withResponse: query.get('with_response') === 'true' };
      p.attempts.push({ type, status: 200 });
      this.changed(p);
      if (query.get('with_response') !== 'true') return { status: 204 };
      const original = p.handle.original();
      return {
        body: {
          interaction: {
            id: p.handle.id, type: p.kind === 'command' ? 2 : 4,
            ...(original ? {
              response_message_id: original.id, response_message_loading: type === 5,
              response_message_ephemeral: (original.flags & EPHEMERAL) !== 0,
            } : {}),
          },
          resource: { type, ...(original && type !== 5 ? { message: world.toJson(original) } : {}) },
        },
      };
    }, { auth: false });

    const originalOf = (p: Pending, messageId: string | undefined): StoredMessage => {
      const id = messageId === '@original' ? p.originalId : messageId;
      const m = id ? this.messageById(p.channelId, id) : null;
      if (!m || (m.id !== p.originalId && !p.followupIds.includes(m.id))) throw new HttpError(404, 10008, 'Unknown Message');
      return m;
    };

    rest.route('POST', '/webhooks/:appId/:token', ({ params, body, query }) => {
      const p = this.fromToken(params.appId, params.token);
      if (!p.callback) throw new HttpError(404, 10015, 'Unknown Webhook');
      const { message } = world.createMessage({
        channelId: p.channelId, authorId: world.botUser.id, source: 'followup', interactionId: p.handle.id,
        skipPermissions: true, body: { ...(body as Record<string, unknown>) },
      });
      p.followupIds.push(message.id);
      this.changed(p);
      return query.get('wait') === 'false' ? { status: 204 } : { body: world.toJson(message) };
    }, { auth: false });
    rest.route('GET', '/webhooks/:appId/:token/messages/:messageId', ({ params }) => {
      const p = this.fromToken(params.appId, params.token);
      return { body: world.toJson(originalOf(p, params.messageId)) };
    }, { auth: false });
    rest.route('PATCH', '/webhooks/:appId/:token/messages/:messageId', ({ params, body }) => {
      const p = this.fromToken(params.appId, params.token);
      const m = originalOf(p, params.messageId);
      const edited = world.editMessage(m, { ...(body as Record<string, unknown>) });
      // The first edit of a deferred reply replaces the "thinking" placeholder.
      edited.flags &= ~LOADING;
      this.changed(p);
      return { body: world.toJson(edited) };
    }, { auth: false });
    rest.route('DELETE', '/webhooks/:appId/:token/messages/:messageId', ({ params }) => {
      const p = this.fromToken(params.appId, params.token);
      world.deleteMessage(originalOf(p, params.messageId));
      this.changed(p);
      return { status: 204 };
    }, { auth: false });
  }
}
