/**
 * keyv's default reader (@keyv/serialize) parses every stored value with a JSON.parse reviver.
 * A reviver makes V8 leave its fast parser and allocate a context object for every value read,
 * several times the size of the result: every command that lists facts paid it. This reader
 * parses without a reviver and then applies the same two rules in place, so what it returns is
 * exactly what the default reader returns for anything keyv wrote:
 *  - a string that starts with ":base64:" is a Buffer;
 *  - any other string that starts with ":" loses that first colon (keyv writes "::x" for ":x").
 */
import { Buffer } from 'node:buffer';
import type { DeserializedData } from 'keyv';

const BASE64 = ':base64:';

function revive(value: string): string | Buffer {
  if (value.startsWith(BASE64)) return Buffer.from(value.slice(BASE64.length), 'base64');
  return value.slice(1);
}

/** Rewrites, in place, every string value below `node` that starts with a colon. */
function reviveBelow(node: object): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i += 1) {
      const value: unknown = node[i];
      if (typeof value === 'string') {
        if (value.startsWith(':')) node[i] = revive(value);
      } else if (typeof value === 'object' && value !== null) reviveBelow(value);
    }
    return;
  }
  const record = node as Record<string, unknown>;
  for (const key in record) {
    const value = record[key];
    if (typeof value === 'string') {
      // defineProperty: a key named "__proto__" is an own property here, as JSON.parse made it.
      if (value.startsWith(':')) Object.defineProperty(record, key, { value: revive(value), writable: true, enumerable: true, configurable: true });
    } else if (typeof value === 'object' && value !== null) reviveBelow(value);
  }
}

export function deserializeStored<Value>(text: string): DeserializedData<Value> | undefined {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed === 'string') return (parsed.startsWith(':') ? revive(parsed) : parsed) as unknown as DeserializedData<Value>;
  if (typeof parsed === 'object' && parsed !== null) reviveBelow(parsed);
  return parsed as DeserializedData<Value> | undefined;
}
