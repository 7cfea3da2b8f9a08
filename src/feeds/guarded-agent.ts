/**
 * The undici dispatcher every feed request goes through, with url-guard.ts's checks inside the
 * connection itself. Its own file so that checking a URL (an admin adding a feed) does not load
 * undici; the poller loads this on its first fetch.
 */
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { createAllowList } from './ip-policy.ts';
import { addressRefusal, RefusedError, resolveAllowed, stripBrackets, type GuardOptions, type ResolvedAddress } from './url-guard.ts';

/** Adapts resolveAllowed to the callback shape node:net expects, with and without `all`. */
function guardedNetLookup(options: GuardOptions): LookupFunction {
  return ((hostname: string, opts: { all?: boolean; family?: number | string }, callback: (...args: unknown[]) => void) => {
    resolveAllowed(hostname, options).then(
      (addresses) => {
        const family = opts.family === 'IPv4' ? 4 : opts.family === 'IPv6' ? 6 : Number(opts.family ?? 0);
        const wanted = family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
        if (wanted.length === 0) {
          callback(Object.assign(new Error(`${hostname} has no IPv${family} address`), { code: 'ENOTFOUND' }));
        } else if (opts.all) {
          callback(null, wanted);
        } else {
          const first = wanted[0] as ResolvedAddress;
          callback(null, first.address, first.family);
        }
      },
      (error: unknown) => callback(error),
    );
  }) as LookupFunction;
}

/**
 * An undici dispatcher whose every connection is checked: names through the guarded lookup,
 * IP-literal hosts (which node:net never looks up) right before the socket opens.
 */
export function createGuardedAgent(options: GuardOptions = {}, agentOptions: { connectTimeoutMs?: number } = {}): Agent {
  const base = buildConnector({ lookup: guardedNetLookup(options), timeout: agentOptions.connectTimeoutMs ?? 10_000 });
  const allow = createAllowList(options.allowedHosts);
  const connect: buildConnector.connector = (opts, callback) => {
    const host = stripBrackets(opts.hostname);
    if (isIP(host) && !allow.allowsHost(host)) {
      const why = addressRefusal(host, host, allow);
      if (why) {
        callback(new RefusedError(why), null);
        return;
      }
    }
    base(opts, callback);
  };
  return new Agent({ connect });
}
