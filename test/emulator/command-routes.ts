/**
 * Application command registration, global and per guild. Commands are stored as sent (notably
 * `default_member_permissions`) with the ids and versions Discord adds, so tests can inspect
 * exactly what a deploy step registered.
 */
import type { RestServer } from './http.ts';
import { HttpError } from './http.ts';
import { snowflake, type StoredCommand } from './state.ts';
import type { World } from './world.ts';

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function invalid(path: string, message: string, index?: number): HttpError {
  const leaf = { [path]: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID', message }] } };
  return new HttpError(400, 50035, 'Invalid Form Body', { errors: index === undefined ? leaf : { [index]: leaf } });
}

function validateCommand(body: unknown, index?: number): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 50109, 'The request body contains invalid JSON.');
  const cmd = body as Record<string, unknown>;
  const type = typeof cmd.type === 'number' ? cmd.type : 1;
  const name = typeof cmd.name === 'string' ? cmd.name : '';
  if (!NAME.test(name) || (type === 1 && name !== name.toLowerCase())) throw invalid('name', 'Command name is invalid', index);
  if (type === 1) {
    const d = typeof cmd.description === 'string' ? cmd.description : '';
    if (d.length < 1 || d.length > 100) throw invalid('description', 'Must be between 1 and 100 in length.', index);
  }
  const dmp = cmd.default_member_permissions;
  if (dmp !== undefined && dmp !== null && !/^\d+$/.test(String(dmp))) throw invalid('default_member_permissions', 'Invalid permissions', index);
  return { ...cmd, type };
}

export function registerCommandRoutes(rest: RestServer, world: World): void {
  const checkApp = (appId: string | undefined) => {
    if (appId !== world.applicationId) throw new HttpError(403, 50001, 'Missing Access');
  };
  const listFor = (guildId: string | undefined): StoredCommand[] => {
    if (guildId === undefined) return world.globalCommands;
    if (!world.guilds.has(guildId)) throw new HttpError(403, 50001, 'Missing Access');
    let list = world.guildCommands.get(guildId);
    if (!list) world.guildCommands.set(guildId, (list = []));
    return list;
  };
  const store = (cmd: Record<string, unknown>, guildId: string | undefined, previous?: StoredCommand): StoredCommand => ({
    default_member_permissions: null, nsfw: false, options: [], contexts: null, integration_types: [0],
    ...cmd,
    id: previous?.id ?? snowflake(), application_id: world.applicationId,
    ...(guildId ? { guild_id: guildId } : {}),
    name: String(cmd.name), type: Number(cmd.type), version: snowflake(),
  });

  for (const base of ['/applications/:appId/commands', '/applications/:appId/guilds/:guildId/commands']) {
    rest.route('GET', base, ({ params }) => {
      checkApp(params.appId);
      return { body: listFor(params.guildId) };
    });
    rest.route('PUT', base, ({ params, body }) => {
      checkApp(params.appId);
      const list = listFor(params.guildId);
      if (!Array.isArray(body)) throw new HttpError(400, 50035, 'Invalid Form Body', { errors: { _errors: [{ code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }] } });
      if (body.length > 100) throw new HttpError(400, 30032, 'Maximum number of application commands reached (100)');
      const next = body.map((raw, i) => {
        const cmd = validateCommand(raw, i);
        return store(cmd, params.guildId, list.find((c) => c.name === cmd.name && c.type === cmd.type));
      });
      list.splice(0, list.length, ...next);
      return { body: list };
    });
    rest.route('POST', base, ({ params, body }) => {
      checkApp(params.appId);
      const list = listFor(params.guildId);
      const cmd = validateCommand(body);
      const idx = list.findIndex((c) => c.name === cmd.name && c.type === cmd.type);
      // POST with an existing name overwrites it, answering 200 instead of 201.
      const stored = store(cmd, params.guildId, list[idx]);
      if (idx >= 0) list[idx] = stored;
      else list.push(stored);
      return { status: idx >= 0 ? 200 : 201, body: stored };
    });
    rest.route('GET', `${base}/:commandId`, ({ params }) => {
      checkApp(params.appId);
      const cmd = listFor(params.guildId).find((c) => c.id === params.commandId);
      if (!cmd) throw new HttpError(404, 10063, 'Unknown application command');
      return { body: cmd };
    });
    rest.route('PATCH', `${base}/:commandId`, ({ params, body }) => {
      checkApp(params.appId);
      const list = listFor(params.guildId);
      const idx = list.findIndex((c) => c.id === params.commandId);
      const current = list[idx];
      if (!current) throw new HttpError(404, 10063, 'Unknown application command');
      const merged = validateCommand({ ...current, ...(body as Record<string, unknown>) });
      const stored = store(merged, params.guildId, current);
      list[idx] = stored;
      return { body: stored };
    });
    rest.route('DELETE', `${base}/:commandId`, ({ params }) => {
      checkApp(params.appId);
      const list = listFor(params.guildId);
      const idx = list.findIndex((c) => c.id === params.commandId);
      if (idx < 0) throw new HttpError(404, 10063, 'Unknown application command');
      list.splice(idx, 1);
      return { status: 204 };
    });
  }
}
