/**
 * The live emulator state with the operations that both REST handlers and test controls use:
 * lookups that fail the way Discord fails, message creation with validation, nonce
 * de-duplication and ping computation, and event dispatch to the gateway.
 */
import { HttpError } from './http.ts';
import { Permission } from './permissions.ts';
import {
  memberOf, messageJson, permissionsIn, snowflake,
  type Channel, type Guild, type StoredCommand, type StoredMessage, type User,
} from './state.ts';
import { EmptyMessage, InvalidFormBody, computePings, validateMessageBody } from './validation.ts';

/** Gateway intents a dispatch needs; events are only sent to sessions that asked for them. */
export const Intent = { Guilds: 1 << 0, GuildMembers: 1 << 1, GuildMessages: 1 << 9, MessageContent: 1 << 15 } as const;

export type Dispatcher = (event: string, data: unknown, intent?: number) => void;

export interface CreateMessageInput {
  channelId: string;
  authorId: string;
  body: Record<string, unknown>;
  source: StoredMessage['source'];
  interactionId?: string;
  /** Skip permission checks: interaction responses do not need Send Messages. */
  skipPermissions?: boolean;
  /** A deferred interaction's placeholder may be empty until it is edited. */
  allowEmpty?: boolean;
}

export class World {
  readonly guilds = new Map<string, Guild>();
  readonly messagesByChannel = new Map<string, StoredMessage[]>();
  readonly globalCommands: StoredCommand[] = [];
  readonly guildCommands = new Map<string, StoredCommand[]>();
  readonly users = new Map<string, User>();
  readonly botUser: User;
  readonly applicationId: string;
  token: string;
  nonceWindowMs: number;
  dispatch: Dispatcher = () => {};

  constructor(options: { token: string; applicationId: string; botUser: User; nonceWindowMs: number }) {
    this.token = options.token;
    this.applicationId = options.applicationId;
    this.botUser = options.botUser;
    this.nonceWindowMs = options.nonceWindowMs;
    this.users.set(this.botUser.id, this.botUser);
  }

  addGuild(guild: Guild): void {
    this.guilds.set(guild.id, guild);
    for (const m of guild.members) this.users.set(m.user.id, m.user);
  }

  guild(id: string): Guild {
    const g = this.guilds.get(id);
    if (!g) throw new HttpError(404, 10004, 'Unknown Guild');
    return g;
  }

  /** Finds a channel in any guild the bot is in; 404 10003 like Discord otherwise. */
  channel(id: string): { guild: Guild; channel: Channel } {
    for (const guild of this.guilds.values()) {
      const channel = guild.channels.find((c) => c.id === id);
      if (channel) return { guild, channel };
    }
    throw new HttpError(404, 10003, 'Unknown Channel');
  }

  /** The bot's checks for a channel action: no View Channel is 50001, a missing bit is 50013. */
  requireBotPermission(guild: Guild, channel: Channel, needed: bigint): void {
    const perms = permissionsIn(guild, channel, this.botUser.id);
    if (!(perms & Permission.ViewChannel)) throw new HttpError(403, 50001, 'Missing Access');
    if ((perms & needed) !== needed) throw new HttpError(403, 50013, 'Missing Permissions');
  }

  messages(channelId: string): StoredMessage[] {
    return this.messagesByChannel.get(channelId) ?? [];
  }

  findMessage(channelId: string, messageId: string): StoredMessage {
    const m = this.messages(channelId).find((x) => x.id === messageId && !x.deleted);
    if (!m) throw new HttpError(404, 10008, 'Unknown Message');
    return m;
  }

  toJson(m: StoredMessage): Record<string, unknown> {
    const author = this.users.get(m.authorId) ?? this.botUser;
    const mentioned = m.pings.users.map((id) => this.users.get(id)).filter((u): u is User => u !== undefined);
    return messageJson(m, author, mentioned);
  }

  /** Throws Discord's 400 answers for bodies it would refuse. */
  validate(body: Record<string, unknown>, requireContent: boolean): void {
    try {
      validateMessageBody(body, requireContent);
    } catch (error) {
      if (error instanceof InvalidFormBody) {
        const json = error.toJSON();
        throw new HttpError(400, 50035, 'Invalid Form Body', { errors: json.errors });
      }
      if (error instanceof EmptyMessage) throw new HttpError(400, 50006, 'Cannot send an empty message');
      throw error;
    }
  }

  createMessage(input: CreateMessageInput): { message: StoredMessage; created: boolean } {
    const { guild, channel } = this.channel(input.channelId);
    if (!input.skipPermissions) this.requireBotPermission(guild, channel, Permission.SendMessages);
    const { body } = input;
    this.validate(body, !input.allowEmpty);
    const nonce = (typeof body.nonce === 'string' || typeof body.nonce === 'number') ? body.nonce : null;
    if (nonce !== null && typeof nonce === 'string' && nonce.length > 25) {
      throw new HttpError(400, 50035, 'Invalid Form Body', { errors: { nonce: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' }] } } });
    }
    if (nonce !== null && body.enforce_nonce === true) {
      const cutoff = Date.now() - this.nonceWindowMs;
      const existing = this.messages(input.channelId).find((m) =>
        m.nonce === nonce && m.authorId === input.authorId && Date.parse(m.createdAt) >= cutoff);
      if (existing) return { message: existing, created: false };
    }
    const content = typeof body.content === 'string' ? body.content : '';
    const allowedMentions = (body.allowed_mentions ?? null) as Record<string, unknown> | null;
    const authorPerms = permissionsIn(guild, channel, input.authorId);
    const message: StoredMessage = {
      id: snowflake(), channelId: channel.id, guildId: guild.id, authorId: input.authorId, content,
      embeds: Array.isArray(body.embeds) ? (body.embeds as Record<string, unknown>[]).map((e) => ({ type: 'rich', ...e })) : [],
      components: Array.isArray(body.components) ? body.components : [],
      flags: typeof body.flags === 'number' ? body.flags : 0,
      nonce, allowedMentions,
      pings: computePings(content, allowedMentions, authorPerms, (id) => guild.roles.find((r) => r.id === id)?.mentionable ?? false),
      createdAt: new Date().toISOString(), editedAt: null, source: input.source,
      interactionId: input.interactionId ?? null, deleted: false,
    };
    const list = this.messagesByChannel.get(channel.id) ?? [];
    list.push(message);
    this.messagesByChannel.set(channel.id, list);
    this.dispatch('MESSAGE_CREATE', { ...this.toJson(message), member: memberJsonLite(guild, input.authorId) }, Intent.GuildMessages);
    return { message, created: true };
  }

  editMessage(message: StoredMessage, body: Record<string, unknown>): StoredMessage {
    this.validate(body, false);
    if (typeof body.content === 'string') message.content = body.content;
    if (body.content === null) message.content = '';
    if (Array.isArray(body.embeds)) message.embeds = (body.embeds as Record<string, unknown>[]).map((e) => ({ type: 'rich', ...e }));
    if (Array.isArray(body.components)) message.components = body.components;
    if (body.allowed_mentions !== undefined) message.allowedMentions = body.allowed_mentions as Record<string, unknown> | null;
    if (typeof body.flags === 'number') message.flags = body.flags;
    message.editedAt = new Date().toISOString();
    const { guild, channel } = this.channel(message.channelId);
    message.pings = computePings(message.content, message.allowedMentions, permissionsIn(guild, channel, message.authorId),
      (id) => guild.roles.find((r) => r.id === id)?.mentionable ?? false);
    this.dispatch('MESSAGE_UPDATE', this.toJson(message), Intent.GuildMessages);
    return message;
  }

  deleteMessage(message: StoredMessage): void {
    message.deleted = true;
    this.dispatch('MESSAGE_DELETE', { id: message.id, channel_id: message.channelId, guild_id: message.guildId }, Intent.GuildMessages);
  }
}

function memberJsonLite(guild: Guild, userId: string): Record<string, unknown> | undefined {
  const m = memberOf(guild, userId);
  return m ? { roles: m.roles, joined_at: m.joinedAt, deaf: false, mute: false, flags: 0 } : undefined;
}
