import ipaddr from 'ipaddr.js';

/**
 * Decides whether the bot may open a connection to one IP address. A feed URL comes from a server
 * admin, so without this an admin could make the bot read the cloud metadata service or a
 * database on the host's private network and show the answer back in Discord.
 */

/** Words for each refused range, phrased to finish "… resolves to X, ___". */
const V4_RANGE_WORDS: Record<string, string> = {
  unspecified: 'an unspecified address (0.0.0.0/8)',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address (169.254.0.0/16, where cloud metadata services live)',
  loopback: 'a loopback address (this machine)',
  carrierGradeNat: 'a carrier-grade NAT address (100.64.0.0/10)',
  private: 'a private address',
  reserved: 'a reserved address',
  as112: 'a reserved address (AS112)',
  amt: 'a reserved address (AMT)',
};

const V6_RANGE_WORDS: Record<string, string> = {
  unspecified: 'the unspecified address (::)',
  linkLocal: 'a link-local address (fe80::/10)',
  multicast: 'a multicast address',
  loopback: 'a loopback address (this machine)',
  uniqueLocal: 'a unique-local address (fc00::/7, a private network)',
  deprecatedSiteLocal: 'a site-local address (a private network)',
  discard: 'a discard-only address',
  teredo: 'a Teredo tunnel address',
  reserved: 'a reserved address',
};

export interface AllowList {
  /** True when the host name or address was allowed by an admin (FEED_ALLOWED_HOSTS). */
  allowsHost(host: string): boolean;
  allowsAddress(address: string): boolean;
}

/** Entries are host names, IP addresses or CIDR ranges. Unparseable entries are treated as host names. */
export function createAllowList(entries: readonly string[] = []): AllowList {
  const hosts = new Set<string>();
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
    if (!entry) continue;
    if (entry.includes('/')) {
      try {
        ranges.push(ipaddr.parseCIDR(entry));
        continue;
      } catch {
        // Not a range: fall through and keep it as a name so the admin's entry is not silently lost.
      }
    }
    if (ipaddr.isValid(entry)) {
      const addr = normalise(ipaddr.parse(entry));
      ranges.push([addr, addr.kind() === 'ipv4' ? 32 : 128]);
      continue;
    }
    hosts.add(entry.replace(/\.$/, ''));
  }
  return {
    allowsHost(host) {
      return hosts.has(host.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, ''));
    },
    allowsAddress(address) {
      if (!ipaddr.isValid(address)) return false;
      const addr = normalise(ipaddr.parse(address));
      return ranges.some(([net, bits]) => net.kind() === addr.kind() && addr.match(net, bits));
    },
  };
}

/** IPv4-mapped IPv6 (::ffff:a.b.c.d) is the same host as a.b.c.d; compare them as one. */
function normalise(addr: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (addr as ipaddr.IPv6).toIPv4Address();
  }
  return addr;
}

/**
 * Why an address may not be contacted, as words that finish "… resolves to X, ___";
 * undefined when it is an ordinary public address.
 */
export function whyAddressRefused(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return 'not a valid IP address';
  const addr = ipaddr.parse(address);
  if (addr.kind() === 'ipv4') return whyV4Refused(addr as ipaddr.IPv4);
  return whyV6Refused(addr as ipaddr.IPv6);
}

function whyV4Refused(addr: ipaddr.IPv4): string | undefined {
  const range = addr.range();
  if (range === 'unicast') return undefined;
  return V4_RANGE_WORDS[range] ?? `a special-purpose address (${range})`;
}

function whyV6Refused(addr: ipaddr.IPv6): string | undefined {
  const range = addr.range();
  const parts = addr.parts;
  // Addresses that carry an IPv4 address inside reach that IPv4 host; judge the host inside.
  const embedded = embeddedV4(addr, range);
  if (embedded) {
    const inner = whyV4Refused(embedded);
    if (inner) return `${inner}, wrapped in IPv6 (${range === 'unicast' ? 'IPv4-compatible' : range})`;
    // An IPv4-compatible address is obsolete and never needed for a real feed.
    if (range === 'unicast') return 'an obsolete IPv4-compatible IPv6 address';
    return undefined;
  }
  if (range === 'unicast') {
    // Only 2000::/3 is global unicast today; anything else unlisted is unassigned space.
    const first = parts[0] ?? 0;
    if ((first & 0xe000) === 0x2000) return undefined;
    return 'an unassigned IPv6 address';
  }
  return V6_RANGE_WORDS[range] ?? `a special-purpose IPv6 address (${range})`;
}

function embeddedV4(addr: ipaddr.IPv6, range: string): ipaddr.IPv4 | undefined {
  const p = addr.parts;
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') return v4(p[6] ?? 0, p[7] ?? 0);
  // 6to4: 2002:AABB:CCDD::/48 routes to AA.BB.CC.DD.
  if (range === '6to4') return v4(p[1] ?? 0, p[2] ?? 0);
  // IPv4-compatible ::a.b.c.d (deprecated). ::1 and :: are matched as loopback/unspecified first.
  if (range === 'unicast' && p.slice(0, 6).every((x) => x === 0)) return v4(p[6] ?? 0, p[7] ?? 0);
  return undefined;
}
