/**
 * Discord's REST routes for the bot's everyday calls: gateway discovery, who am I, guilds,
 * channels and messages. Each handler answers with the status and error code Discord uses.
 */
import type { RestRequest, RestServer } from './http.ts';
import { HttpError } from './http.ts';
import { Permission } from './permissions.ts';
import { channelJson, guildJson, memberJson, userJson } from './state.ts';
import type { World } from './world.ts';

const asObject = (body: unknown): Record<string, unknown> => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 50109, 'The request body contains invalid JSON.');
  }
  return body as Record<string, unknown>;
};

export function registerRestRoutes(rest: RestServer, world: World, gatewayUrl: () => string): void {
  rest.route('GET', '/gateway', () => ({ body: { url: gatewayUrl() } }), { auth: false });
  rest.route('GET', '/gateway/bot', () => ({
    body: {
      url: gatewayUrl(), shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
    },
  }));

  rest.route('GET', '/users/@me', () => ({ body: userJson(world.botUser) }));
  rest.route('GET', '/users/:userId', ({ params }) => {
    const user = world.users.get(params.userId ?? '');
    if (!user) throw new HttpError(404, 10013, 'Unknown User');
    return { body: userJson(user) };
  });
  rest.route('GET', '/applications/@me', () => ({
    body: {
      id: world.applicationId, name: world.botUser.username, icon: null, description: '', summary: '',
      bot_public: true, bot_require_code_grant: false, verify_key: '0'.repeat(64), flags: 0,
      bot: userJson(world.botUser), owner: { id: '800000000000000000', username: 'owner', discriminator: '0', avatar: null },
      team: null, approximate_guild_count: world.guilds.size, tags: [], install_params: null,
    },
  }));

  rest.route('GET', '/users/@me/guilds', () => ({
    body: [...world.guilds.values()].map((g) => ({ id: g.id, name: g.name, icon: null, owner: false, permissions: '0', features: [] })),
  }));

  rest.route('GET', '/guilds/:guildId', ({ params }) => ({ body: guildJson(world.guild(params.guildId ?? ''), false) }));
  rest.route('GET', '/guilds/:guildId/channels', ({ params }) => {
    const guild = world.guild(params.guildId ?? '');
    return { body: guild.channels.map((c) => channelJson(c)) };
  });
  rest.route('GET', '/guilds/:guildId/roles', ({ params }) => ({
    body: guildJson(world.guild(params.guildId ?? '')).roles,
  }));
  rest.route('GET', '/guilds/:guildId/members/:userId', ({ params }) => {
    const member = world.guild(params.guildId ?? '').members.find((m) => m.user.id === params.userId);
    if (!member) throw new HttpError(404, 10007, 'Unknown Member');
    return { body: memberJson(member) };
  });

  rest.route('GET', '/channels/:channelId', ({ params }) => {
    const { guild, channel } = world.channel(params.channelId ?? '');
    world.requireBotPermission(guild, channel, Permission.ViewChannel);
    return { body: channelJson(channel) };
  });

  rest.route('POST', '/channels/:channelId/messages', ({ params, body }) => {
    const { message } = world.createMessage({
      channelId: params.channelId ?? '', authorId: world.botUser.id, body: asObject(body), source: 'rest',
    });
    return { body: world.toJson(message) };
  });

  const ownMessage = (req: RestRequest) => {
    const { guild, channel } = world.channel(req.params.channelId ?? '');
    world.requireBotPermission(guild, channel, Permission.ViewChannel | Permission.ReadMessageHistory);
    return world.findMessage(channel.id, req.params.messageId ?? '');
  };
  rest.route('GET', '/channels/:channelId/messages/:messageId', (req) => ({ body: world.toJson(ownMessage(req)) }));
  rest.route('PATCH', '/channels/:channelId/messages/:messageId', (req) => {
    const message = ownMessage(req);
    if (message.authorId !== world.botUser.id) throw new HttpError(403, 50005, 'Cannot edit a message authored by another user');
    return { body: world.toJson(world.editMessage(message, asObject(req.body))) };
  });
  rest.route('DELETE', '/channels/:channelId/messages/:messageId', (req) => {
    const message = ownMessage(req);
    if (message.authorId !== world.botUser.id) {
      const { guild, channel } = world.channel(message.channelId);
      world.requireBotPermission(guild, channel, Permission.ManageMessages);
    }
    world.deleteMessage(message);
    return { status: 204 };
  });
  rest.route('GET', '/channels/:channelId/messages', ({ params, query }) => {
    const { guild, channel } = world.channel(params.channelId ?? '');
    world.requireBotPermission(guild, channel, Permission.ViewChannel | Permission.ReadMessageHistory);
    const limit = Math.max(1, Math.min(100, Number(query.get('limit') ?? 50)));
    const after = query.get('after');
    const before = query.get('before');
    let list = world.messages(channel.id).filter((m) => !m.deleted);
    if (before) list = list.filter((m) => BigInt(m.id) < BigInt(before));
    // As Discord: with `after`, the page nearest that id; otherwise the newest. Always newest first.
    if (after) list = list.filter((m) => BigInt(m.id) > BigInt(after)).slice(0, limit);
    else list = list.slice(-limit);
    // Discord does not return the nonce when listing a channel's messages, only when creating one.
    return { body: list.reverse().map((m) => { const { nonce: _nonce, ...json } = world.toJson(m); return json; }) };
  });
}
