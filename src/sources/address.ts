/**
 * The guard against a feed that makes newsgraph probe the user's own network: a link found inside a feed, sitemap
 * or page (or a redirect) that leads to a loopback, private or link-local address of another host than the source
 * is refused. The source the user named is trusted, and so is every link to its own host.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

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

/** Decides, per host, whether links may be followed; answers are remembered for the run. */
export class AddressGuard {
  private readonly memo = new Map<string, Promise<string | null>>();
  constructor(private readonly resolve: Resolver = systemResolver) {}

  /**
   * Null when `url` may be fetched as a link found on `sourceHost`, else the reason it may not. A host that does
   * not resolve is let through: the fetch itself then fails with the resolver's reason.
   */
  check(url: URL, sourceHost: string): Promise<string | null> {
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (host === sourceHost.replace(/^\[|\]$/g, '').toLowerCase()) return Promise.resolve(null);
    let answer = this.memo.get(host);
    if (!answer) {
      answer = (async () => {
        const addresses = isIP(host) ? [host] : await this.resolve(host).catch(() => []);
        const bad = addresses.find(isPrivateAddress);
        return bad === undefined ? null : `refused: ${host} is a private address (${bad}) and not the source's host`;
      })();
      this.memo.set(host, answer);
    }
    return answer;
  }
}
