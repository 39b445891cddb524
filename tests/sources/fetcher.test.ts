/** The fetcher against a server on 127.0.0.1: robots.txt, 304s, redirects, limits, the per-host gate, the guard. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { AddressGuard } from '../../src/sources/address.js';
import { Fetcher } from '../../src/sources/fetcher.js';
import { HttpCache } from '../../src/sources/http-cache.js';
import { loadPage, resolveSources, type WebEntry } from '../../src/sources/index.js';
import { articleHtml, page, STORY, startServer, type TestServer } from './server.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(routes: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const server = await startServer(routes);
  servers.push(server);
  return server;
}

const quick = { delayMs: 0, timeoutMs: 2000 };
const signal = new AbortController().signal;

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InputError) return error.reason;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('Fetcher', () => {
  it('names the project in its user agent and obeys robots.txt', async () => {
    const server = await serve({
      '/robots.txt': page('User-agent: *\nDisallow: /private/\n', 'text/plain'),
      '/news/a': page(articleHtml('A', STORY)),
      '/private/b': page(articleHtml('B', STORY)),
    });
    const fetcher = new Fetcher(quick, null, signal);
    const doc = await fetcher.fetch(`${server.origin}/news/a`, { sourceHost: '127.0.0.1' });
    expect(doc.contentType).toBe('text/html');
    expect(await failure(fetcher.fetch(`${server.origin}/private/b`, { sourceHost: '127.0.0.1' }))).toMatch(
      /disallowed by .*robots\.txt/,
    );
    expect(server.log.map((l) => l.path)).toEqual(['/robots.txt', '/news/a']); // robots.txt read once, /private never asked
    expect(server.log.every((l) => /^newsgraph\/\d/.test(l.userAgent))).toBe(true);
  });

  it('remembers validators: an unchanged document costs a 304 and comes from the cache', async () => {
    const server = await serve({
      '/feed': page('<rss version="2.0"><channel><title>T</title></channel></rss>', 'application/rss+xml'),
    });
    const cache = HttpCache.open(mkdtempSync(join(tmpdir(), 'newsgraph-http-')));
    try {
      const first = await new Fetcher(quick, cache, signal).fetch(`${server.origin}/feed`, { sourceHost: '127.0.0.1' });
      const second = await new Fetcher(quick, cache, signal).fetch(`${server.origin}/feed`, {
        sourceHost: '127.0.0.1',
      });
      expect(first.notModified).toBe(false);
      expect(second.notModified).toBe(true);
      expect(Buffer.from(second.body).toString()).toBe(Buffer.from(first.body).toString());
      const feedRequests = server.log.filter((l) => l.path === '/feed');
      expect(feedRequests[0]?.ifNoneMatch).toBeNull();
      expect(feedRequests[1]?.ifNoneMatch).toMatch(/^"/);
    } finally {
      cache.close();
    }
  });

  it('follows redirects up to a bound', async () => {
    const server = await serve({
      '/old': (_req, res) => {
        res.writeHead(301, { location: '/new' });
        res.end();
      },
      '/new': page(articleHtml('New', STORY)),
      '/loop': (_req, res) => {
        res.writeHead(302, { location: '/loop' });
        res.end();
      },
    });
    const fetcher = new Fetcher(quick, null, signal);
    expect((await fetcher.fetch(`${server.origin}/old`, { sourceHost: '127.0.0.1' })).finalUrl).toBe(
      `${server.origin}/new`,
    );
    expect(await failure(fetcher.fetch(`${server.origin}/loop`, { sourceHost: '127.0.0.1' }))).toBe(
      'more than 5 redirects',
    );
  });

  it('gives one reason for a slow host, an over-size page, a 500 and a wrong content type', async () => {
    const server = await serve({
      '/slow': (_req, res) => {
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('<p>late</p>');
        }, 1500);
      },
      '/huge': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(`<p>${'x'.repeat(300_000)}</p>`);
      },
      '/huge-declared': page('y'.repeat(300_000)),
      '/broken': (_req, res) => {
        res.writeHead(500);
        res.end('oops');
      },
      '/image': page('GIF89a', 'image/gif'),
    });
    const fetcher = new Fetcher({ ...quick, timeoutMs: 300, maxBytes: 100_000 }, null, signal);
    const at = (path: string) => fetcher.fetch(`${server.origin}${path}`, { sourceHost: '127.0.0.1' });
    expect(await failure(at('/slow'))).toBe('timed out after 0.3 s');
    expect(await failure(at('/huge'))).toMatch(/^too large/);
    expect(await failure(at('/huge-declared'))).toMatch(/^too large: 300000 bytes/);
    expect(await failure(at('/broken'))).toMatch(/^HTTP 500/);
    expect(await failure(at('/image'))).toBe('unsupported content type image/gif');
  });

  it('says "connection refused" for a host that is down (its robots.txt cannot be read either)', async () => {
    const server = await startServer({});
    await server.close();
    const fetcher = new Fetcher(quick, null, signal);
    expect(await failure(fetcher.fetch(`${server.origin}/news`, { sourceHost: '127.0.0.1' }))).toBe(
      'connection refused',
    );
  });

  it('sends at most two requests to one host at a time, spaced by the delay', async () => {
    const routes: Record<string, Parameters<typeof page>[0] extends string ? ReturnType<typeof page> : never> = {};
    for (let i = 0; i < 6; i++)
      routes[`/p${i}`] = (_req, res) => {
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('<p>x</p>');
        }, 80);
      };
    const server = await serve(routes);
    const fetcher = new Fetcher({ delayMs: 30 }, null, signal);
    await Promise.all(
      Object.keys(routes).map((p) => fetcher.fetch(`${server.origin}${p}`, { sourceHost: '127.0.0.1' })),
    );
    expect(server.maxConcurrent).toBeLessThanOrEqual(2);
    const starts = server.log
      .filter((l) => l.path.startsWith('/p'))
      .map((l) => l.at)
      .sort((a, b) => a - b);
    // Starts are spaced 30 ms apart by the client; measured at the server, the whole run of six spans at least ~5 gaps.
    expect((starts.at(-1) as number) - (starts[0] as number)).toBeGreaterThanOrEqual(120);
  });
});

describe('sources', () => {
  it('refuses a link to another private host unless allowed, but follows links to the source host', async () => {
    const server = await serve({ '/a': page(articleHtml('Story', STORY)) });
    server.routes.set(
      '/feed.xml',
      page(
        `<rss version="2.0"><channel><title>Local desk</title>
      <item><title>Own host</title><link>${server.origin}/a</link></item>
      <item><title>Other host</title><link>http://localhost:${server.port}/a?via=other</link></item></channel></rss>`,
        'application/rss+xml',
      ),
    );
    const fetcher = new Fetcher(quick, null, signal);
    const entries = (await resolveSources([`${server.origin}/feed.xml`], fetcher)) as WebEntry[];
    expect(entries.map((e) => e.file)).toEqual([`${server.origin}/a`, `http://localhost:${server.port}/a?via=other`]);
    expect((await loadPage(entries[0] as WebEntry, fetcher)).text).toContain('Lisbon');
    expect(await failure(loadPage(entries[1] as WebEntry, fetcher))).toMatch(
      /^refused: localhost is a private address/,
    );
    expect(server.log.some((l) => l.host.startsWith('localhost'))).toBe(false);
    const permissive = new Fetcher({ ...quick, allowPrivate: true }, null, signal);
    expect((await loadPage(entries[1] as WebEntry, permissive)).text).toContain('Lisbon');
  });

  it('connects to the address the guard checked: each host is resolved once, the connection is pinned to it', async () => {
    const server = await serve({ '/a': page(articleHtml('A', STORY)), '/b': page(articleHtml('B', STORY)) });
    // Names only this resolver knows: the fetch can reach the server only through the guard's answers. Asked again,
    // it would answer differently, as a rebinding DNS server does.
    const asked: string[] = [];
    const guard = new AddressGuard(async (host) => {
      asked.push(host);
      if (host === 'intranet.test') return ['10.0.0.7'];
      return asked.filter((h) => h === host).length === 1 ? ['127.0.0.1'] : ['192.0.2.1'];
    });
    const fetcher = new Fetcher(quick, null, signal, guard);
    const source = `http://newsdesk.test:${server.port}`;
    expect((await fetcher.fetch(`${source}/a`, { sourceHost: 'newsdesk.test' })).body.length).toBeGreaterThan(0);
    expect((await fetcher.fetch(`${source}/b`, { sourceHost: 'newsdesk.test' })).body.length).toBeGreaterThan(0);
    expect(asked).toEqual(['newsdesk.test']);
    expect(server.log.filter((l) => l.path === '/a' || l.path === '/b')).toHaveLength(2);
    // A link to another host whose (one) resolution is private is refused, and never connected to.
    const refused = await failure(
      fetcher.fetch(`http://intranet.test:${server.port}/b`, { sourceHost: 'newsdesk.test' }),
    );
    expect(refused).toBe("refused: intranet.test is a private address (10.0.0.7) and not the source's host");
    expect(asked).toEqual(['newsdesk.test', 'intranet.test']);
    expect(server.log.filter((l) => l.path === '/b')).toHaveLength(1);
  });

  it('refuses a redirect from the source to another private host', async () => {
    const server = await serve({});
    server.routes.set('/jump', (_req, res) => {
      res.writeHead(302, { location: `http://localhost:${server.port}/inside` });
      res.end();
    });
    const fetcher = new Fetcher(quick, null, signal);
    expect(await failure(fetcher.fetch(`${server.origin}/jump`, { sourceHost: '127.0.0.1' }))).toMatch(/^refused/);
  });

  it('reports a malformed feed and goes on with the other sources', async () => {
    const server = await serve({
      '/bad.xml': page('<?xml version="1.0"?>\n<rss><channel><item></channel></rss>', 'application/rss+xml'),
      '/page': page(articleHtml('Story', STORY)),
    });
    const fetcher = new Fetcher(quick, null, signal);
    const entries = await resolveSources([`${server.origin}/bad.xml`, `${server.origin}/page`], fetcher);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toBeInstanceOf(InputError);
    expect((entries[0] as InputError).message).toMatch(/bad\.xml: malformed XML \(line 2/);
    expect((entries[1] as WebEntry).document).not.toBeNull();
  });
});
