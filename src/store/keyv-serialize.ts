/**
 * keyv's default writer (@keyv/serialize) builds every stored value by string concatenation, one
 * recursive call per field: writing a fact with a few hundred sources was a measurable share of
 * the pipeline's time. This writer gives the same text for everything Hyosan stores (plain JSON:
 * objects, arrays, strings, numbers, booleans, null) and for the two cases keyv escapes:
 *  - a string value that starts with ":" is written with one more colon (keyv reads "::x" as ":x");
 *  - a Buffer is written as ":base64:" and its bytes.
 * JSON.stringify writes the common case in one native pass. Only text that may hold either case
 * takes the slower pass with a replacer.
 */
import { Buffer } from 'node:buffer';

/**
 * A string value starting with a colon shows in JSON as `":` right after `:`, `,` or `[` (a key
 * is followed by `":` too, but then the colon comes after the closing quote). A string's own
 * quotes are escaped, so the pattern cannot occur inside one. A Buffer's toJSON is an object
 * whose "type" is "Buffer".
 */
const MAYBE_ESCAPED = /[:,[]":|"type":"Buffer"/;

function escapeValue(this: unknown, key: string, value: unknown): unknown {
  // `this[key]` is the value before toJSON: a Buffer is still a Buffer there.
  const original = (this as Record<string, unknown>)[key];
  if (Buffer.isBuffer(original)) return `:base64:${original.toString('base64')}`;
  if (typeof value === 'string' && value.startsWith(':')) return `:${value}`;
  return value;
}

export function serializeStored(data: unknown): string {
  if (data === undefined || data === null) return 'null';
  const plain = JSON.stringify(data) as string | undefined;
  if (plain === undefined) return 'null';
  if (!MAYBE_ESCAPED.test(plain) && !plain.startsWith('":')) return plain;
  return JSON.stringify(data, escapeValue);
}
