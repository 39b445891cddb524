/**
 * The guard against a feed that makes newsgraph probe the user's own network: a link found inside a feed, sitemap
 * or page (or a redirect) that leads to a loopback, private or link-local address of another host than the source
 * is refused. The source the user named is trusted, and so is every link to its own host.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** Loopback, private (RFC 1918, unique-local), link-local, carrier-grade NAT, multicast or unspecified. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return blocked.check(mapped[1] as string, 'ipv4');
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, 'ipv4');
  if (family === 6) return blocked.check(bare, 'ipv6');
  return false;
}

export type Resolver = (host: string) => Promise<string[]>;

const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Decides, per host, whether links may be followed. A host is resolved once per run, and the connection uses those
 * same addresses (`lookup`, given to the HTTP agent): a DNS answer that changes between the check and the connection
 * (DNS rebinding) cannot slip a private address past the check.
 */
export class AddressGuard {
  private readonly resolved = new Map<string, Promise<string[]>>();
  constructor(private readonly resolve: Resolver = systemResolver) {}

  /** The host's addresses, resolved once per run (an IP literal is its own address; none when it does not resolve). */
  addresses(hostname: string): Promise<string[]> {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    let answer = this.resolved.get(host);
    if (!answer) {
      answer = isIP(host) ? Promise.resolve([host]) : this.resolve(host).catch(() => []);
      this.resolved.set(host, answer);
    }
    return answer;
  }

  /**
   * Null when `url` may be fetched as a link found on `sourceHost`, else the reason it may not. A host that does
   * not resolve is let through: the fetch itself then fails with the resolver's reason.
   */
  async check(url: URL, sourceHost: string): Promise<string | null> {
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (host === sourceHost.replace(/^\[|\]$/g, '').toLowerCase()) return null;
    const bad = (await this.addresses(host)).find(isPrivateAddress);
    return bad === undefined ? null : `refused: ${host} is a private address (${bad}) and not the source's host`;
  }

  /**
   * A `dns.lookup`-compatible function answering from `addresses`, for the HTTP agent's connections; a host that
   * does not resolve gives ENOTFOUND, as the system resolver would.
   */
  lookup(): LookupFunction {
    return (hostname, options, callback) => {
      this.addresses(hostname).then(
        (list) => {
          if (list.length === 0) {
            const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
            callback(error as NodeJS.ErrnoException, '', 0);
            return;
          }
          const all = list.map((address) => ({ address, family: isIP(address) }));
          const wanted =
            options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
          const usable = wanted.length > 0 ? wanted : all;
          if (options.all) (callback as unknown as (e: null, a: typeof all) => void)(null, usable);
          else callback(null, usable[0]?.address ?? '', usable[0]?.family ?? 4);
        },
        (error: unknown) => callback(error as NodeJS.ErrnoException, '', 0),
      );
    };
  }
}
