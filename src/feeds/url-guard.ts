import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { createAllowList, whyAddressRefused, type AllowList } from './ip-policy.ts';

/**
 * The guard every outgoing request of the feed layer goes through. Checking a URL once when an
 * admin adds it is not enough: DNS can answer differently a second later (DNS rebinding), and a
 * redirect can point anywhere. So the final check runs inside the connection itself, on the very
 * addresses the socket is about to use (guarded-agent.ts, which alone loads undici: checking a
 * URL needs no HTTP client).
 */

export const MAX_URL_LENGTH = 2048;

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has. Injectable so tests can play a hostile DNS. */
export type HostLookup = (hostname: string) => Promise<ResolvedAddress[]>;

export interface GuardOptions {
  /** Host names, IP addresses or CIDR ranges let through although private (FEED_ALLOWED_HOSTS). */
  allowedHosts?: readonly string[];
  lookup?: HostLookup;
}

/** A request the guard would not make; `message` is meant for the admin who gave the URL. */
export class RefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedError';
  }
}

const defaultLookup: HostLookup = async (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

const ALLOW_HINT = 'add it to FEED_ALLOWED_HOSTS if this is your own feed service';

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

export function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/**
 * Checks what can be known without DNS: scheme, credentials, length, and hosts written as IP
 * addresses (the WHATWG parser turns 2130706433, 0x7f000001, 0177.0.0.1 and 127.1 into
 * 127.0.0.1 before we look).
 */
export function checkUrl(input: string, options: GuardOptions = {}): UrlCheck {
  if (input.length > MAX_URL_LENGTH) {
    return { ok: false, reason: `refused: the URL is ${input.length} characters long; the limit is ${MAX_URL_LENGTH}` };
  }
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: `refused: "${truncate(input, 80)}" is not a valid URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `refused: only http and https feeds can be read, not ${url.protocol.replace(/:$/, '')}` };
  }
  if (url.username || url.password) {
    return { ok: false, reason: 'refused: the URL contains a user name or password; feeds must be readable without credentials in the link' };
  }
  if (!url.hostname) return { ok: false, reason: 'refused: the URL has no host' };
  const allow = createAllowList(options.allowedHosts);
  const host = stripBrackets(url.hostname);
  if (isIP(host) && !allow.allowsHost(host)) {
    const why = addressRefusal(host, host, allow);
    if (why) return { ok: false, reason: why };
  }
  return { ok: true, url };
}

export function addressRefusal(host: string, address: string, allow: AllowList): string | undefined {
  if (allow.allowsAddress(address)) return undefined;
  const why = whyAddressRefused(address);
  if (!why) return undefined;
  const subject = host === address ? `${address} is` : `${host} resolves to ${address},`;
  return `refused: ${subject} ${why}; ${ALLOW_HINT}`;
}

/**
 * Resolves a host and returns its addresses only if every one of them may be contacted. One bad
 * address refuses the lot: otherwise a name with a public and a private answer would let the
 * connection race onto the private one.
 */
export async function resolveAllowed(hostname: string, options: GuardOptions = {}): Promise<ResolvedAddress[]> {
  const allow = createAllowList(options.allowedHosts);
  const host = stripBrackets(hostname);
  if (isIP(host)) {
    const why = allow.allowsHost(host) ? undefined : addressRefusal(host, host, allow);
    if (why) throw new RefusedError(why);
    return [{ address: host, family: isIP(host) }];
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await (options.lookup ?? defaultLookup)(host);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const err = new Error(
      code === 'ENOTFOUND' ? `${host} does not exist (DNS has no address for it)` : `could not look up ${host} (${code ?? String(error)})`,
    );
    (err as { code?: string }).code = code ?? 'EDNS';
    throw err;
  }
  if (addresses.length === 0) throw new Error(`${host} does not exist (DNS has no address for it)`);
  if (allow.allowsHost(host)) return addresses;
  for (const { address } of addresses) {
    const why = addressRefusal(host, address, allow);
    if (why) throw new RefusedError(why);
  }
  return addresses;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
