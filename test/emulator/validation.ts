/**
 * The message checks Discord applies that are cheap to copy: content and embed length limits
 * (answered with 50035 "Invalid Form Body" in Discord's nested error shape) and the mention
 * rules that decide who a message would notify.
 */
import { Permission } from './permissions.ts';
import type { Pings } from './state.ts';

export interface FieldError { path: (string | number)[]; code: string; message: string }

export class InvalidFormBody extends Error {
  readonly errors: FieldError[];
  constructor(errors: FieldError[]) {
    super('Invalid Form Body');
    this.errors = errors;
  }

  /** Discord nests errors by path: `{ embeds: { 0: { title: { _errors: [...] } } } }`. */
  toJSON(): Record<string, unknown> {
    const root: Record<string, unknown> = {};
    for (const e of this.errors) {
      let node = root;
      for (const key of e.path) node = (node[String(key)] ??= {}) as Record<string, unknown>;
      ((node._errors ??= []) as unknown[]).push({ code: e.code, message: e.message });
    }
    return { message: 'Invalid Form Body', code: 50035, errors: root };
  }
}

const tooLong = (path: (string | number)[], max: number): FieldError => ({
  path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.`,
});

const len = (v: unknown): number => (typeof v === 'string' ? v.length : 0);

function checkEmbed(embed: Record<string, unknown>, i: number, errors: FieldError[]): number {
  const at = (...rest: (string | number)[]) => ['embeds', i, ...rest];
  const footer = (embed.footer ?? {}) as Record<string, unknown>;
  const author = (embed.author ?? {}) as Record<string, unknown>;
  const fields = Array.isArray(embed.fields) ? (embed.fields as Record<string, unknown>[]) : [];
  if (len(embed.title) > 256) errors.push(tooLong(at('title'), 256));
  if (len(embed.description) > 4096) errors.push(tooLong(at('description'), 4096));
  if (len(footer.text) > 2048) errors.push(tooLong(at('footer', 'text'), 2048));
  if (len(author.name) > 256) errors.push(tooLong(at('author', 'name'), 256));
  if (fields.length > 25) errors.push({ path: at('fields'), code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  let total = len(embed.title) + len(embed.description) + len(footer.text) + len(author.name);
  fields.forEach((f, j) => {
    if (len(f.name) > 256) errors.push(tooLong(at('fields', j, 'name'), 256));
    if (len(f.value) > 1024) errors.push(tooLong(at('fields', j, 'value'), 1024));
    if (len(f.name) === 0) errors.push({ path: at('fields', j, 'name'), code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    if (len(f.value) === 0) errors.push({ path: at('fields', j, 'value'), code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    total += len(f.name) + len(f.value);
  });
  return total;
}

/** Throws InvalidFormBody when a message body breaks Discord's limits. `requireContent` is false for edits. */
export function validateMessageBody(body: Record<string, unknown>, requireContent: boolean): void {
  const errors: FieldError[] = [];
  if (body.content !== undefined && body.content !== null && typeof body.content !== 'string') {
    errors.push({ path: ['content'], code: 'BASE_TYPE_STRING', message: 'Must be a string.' });
  }
  if (len(body.content) > 2000) errors.push(tooLong(['content'], 2000));
  const embeds = Array.isArray(body.embeds) ? (body.embeds as Record<string, unknown>[]) : [];
  if (embeds.length > 10) errors.push({ path: ['embeds'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' });
  let total = 0;
  embeds.forEach((e, i) => { total += checkEmbed(e, i, errors); });
  if (total > 6000) errors.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' });
  if (errors.length > 0) throw new InvalidFormBody(errors);
  const components = Array.isArray(body.components) ? body.components : [];
  if (requireContent && len(body.content) === 0 && embeds.length === 0 && components.length === 0 && !body.poll && !body.sticker_ids) {
    throw new EmptyMessage();
  }
}

export class EmptyMessage extends Error {
  constructor() { super('Cannot send an empty message'); }
}

/**
 * Who would be notified. Discord's rules: without allowed_mentions everything parsed from the
 * content pings; with it, only the listed kinds/ids. @everyone/@here also need Mention Everyone,
 * and a role pings only if it is mentionable or the author may mention everyone.
 */
export function computePings(
  content: string,
  allowed: Record<string, unknown> | null | undefined,
  authorPermissions: bigint,
  roleMentionable: (roleId: string) => boolean,
): Pings {
  const parse = allowed ? (Array.isArray(allowed.parse) ? (allowed.parse as string[]) : []) : ['everyone', 'roles', 'users'];
  const allowedUsers = allowed && Array.isArray(allowed.users) ? (allowed.users as string[]) : [];
  const allowedRoles = allowed && Array.isArray(allowed.roles) ? (allowed.roles as string[]) : [];
  const canEveryone = (authorPermissions & Permission.MentionEveryone) !== 0n;
  const userIds = [...new Set([...content.matchAll(/<@!?(\d{17,20})>/g)].map((m) => m[1] ?? ''))];
  const roleIds = [...new Set([...content.matchAll(/<@&(\d{17,20})>/g)].map((m) => m[1] ?? ''))];
  return {
    everyone: canEveryone && parse.includes('everyone') && /@everyone/.test(content),
    here: canEveryone && parse.includes('everyone') && /@here/.test(content),
    users: userIds.filter((id) => parse.includes('users') || allowedUsers.includes(id)),
    roles: roleIds.filter((id) => (parse.includes('roles') || allowedRoles.includes(id)) && (roleMentionable(id) || canEveryone)),
  };
}
