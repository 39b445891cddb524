/** build over web sources (in this process, one job): feeds in three formats, a sitemap, pages, failures, 304s. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { buildCorpus } from '../../src/corpus/build.js';
import { captureIO } from '../helpers/cli.js';
import { articleHtml, OTHER_STORY, page, STORY, startServer, type TestServer } from './server.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

interface GraphFile {
  attributes: {
    articles: Array<{
      id: string;
      file: string;
      title: string | null;
      published: string | null;
      source: string | null;
      url: string | null;
    }>;
  };
  edges: Array<{
    source: string;
    target: string;
    attributes: { relation: string; weight: number; evidence: Array<{ article: string }> };
  }>;
}

async function newsSite(): Promise<TestServer> {
  const server = await startServer({
    '/robots.txt': page('User-agent: *\nDisallow: /members/\n', 'text/plain'),
    '/world/lisbon': page(articleHtml('Harbour talks in Lisbon', STORY, { site: 'Example Daily' })),
    '/world/ottawa': page(articleHtml('Fisheries talks in Ottawa', OTHER_STORY)),
    '/world/feed-only': page(articleHtml('', STORY.slice(0, 2))),
    '/members/secret': page(articleHtml('Members only', OTHER_STORY)),
    '/broken': (_req, res) => {
      res.writeHead(500);
      res.end();
    },
  });
  const o = server.origin;
  server.routes.set(
    '/rss.xml',
    page(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Example Daily World</title>
    <item><title>Harbour talks</title><link>${o}/world/lisbon?utm_source=rss</link><pubDate>Mon, 02 Mar 2026 09:30:00 GMT</pubDate></item>
    <item><title>Members</title><link>${o}/members/secret</link></item>
    <item><title>Broken</title><link>${o}/broken</link></item></channel></rss>`,
      'application/rss+xml',
    ),
  );
  server.routes.set(
    '/atom.xml',
    page(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
    <entry><title>Fisheries</title><link href="${o}/world/ottawa"/><published>2026-03-03T12:00:00Z</published></entry></feed>`,
      'application/atom+xml',
    ),
  );
  server.routes.set(
    '/feed.json',
    page(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'JSON Desk',
        items: [
          { id: 'a', url: `${o}/world/lisbon#top` },
          {
            id: 'b',
            url: `${o}/world/feed-only`,
            title: 'Title from the feed',
            date_published: '2026-03-04T08:00:00Z',
          },
        ],
      }),
      'application/feed+json',
    ),
  );
  servers.push(server);
  return server;
}

function read(file: string): GraphFile {
  return JSON.parse(readFileSync(file, 'utf8')) as GraphFile;
}

describe('build from web sources', () => {
  it('reads RSS, Atom and JSON Feed items once each, reports each failing URL in one line, and goes on', async () => {
    const server = await newsSite();
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-web-'));
    const out = join(dir, 'g.json');
    const io = captureIO();
    const o = server.origin;
    const summary = await buildCorpus({
      inputs: [`${o}/rss.xml`, `${o}/atom.xml`, `${o}/feed.json`],
      out,
      cache: join(dir, 'cache'),
      jobs: 1,
      fetch: { delayMs: 0 },
      io,
    });
    expect(summary.articles, io.stderr).toBe(3);
    expect(summary.skipped).toBe(2);
    const lines = io.stderr.split('\n');
    expect(lines.filter((l) => l.includes('/members/secret'))).toEqual([
      `newsgraph: skipped ${o}/members/secret: disallowed by ${o}/robots.txt`,
    ]);
    expect(lines.filter((l) => l.includes('/broken'))).toEqual([
      `newsgraph: skipped ${o}/broken: HTTP 500 Internal Server Error`,
    ]);
    const graph = read(out);
    const byId = new Map(graph.attributes.articles.map((a) => [a.id, a]));
    // The tracking-tagged RSS link and the JSON Feed link with a fragment are one article.
    expect([...byId.keys()]).toEqual([`${o}/world/lisbon`, `${o}/world/ottawa`, `${o}/world/feed-only`]);
    expect(byId.get(`${o}/world/lisbon`)).toMatchObject({
      file: `${o}/world/lisbon?utm_source=rss`,
      published: '2026-03-02T09:30:00Z',
      url: `${o}/world/lisbon`,
    });
    expect(byId.get(`${o}/world/feed-only`)).toMatchObject({
      title: 'Title from the feed',
      published: '2026-03-04T08:00:00Z',
    });
    expect(graph.edges.some((e) => e.attributes.relation === 'member-of')).toBe(true);
    expect(server.log.filter((l) => l.path === '/members/secret')).toHaveLength(0);
  });

  it('a repeated build --into over unchanged sources costs 304s and leaves the graph byte-identical', async () => {
    const server = await newsSite();
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-web-'));
    const out = join(dir, 'g.json');
    const list = join(dir, 'sources.txt');
    writeFileSync(list, `# feeds\n${server.origin}/atom.xml\n${server.origin}/sitemap.xml\n`);
    server.routes.set(
      '/sitemap.xml',
      page(
        `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${server.origin}/world/lisbon</loc></url></urlset>`,
        'application/xml',
      ),
    );
    const options = { inputs: [list], into: out, out, cache: join(dir, 'cache'), jobs: 1, fetch: { delayMs: 0 } };
    const first = await buildCorpus({ ...options, into: undefined, io: captureIO() });
    expect(first.added).toBe(2);
    const bytes = readFileSync(out);
    const requestsBefore = server.log.length;
    const io = captureIO();
    const second = await buildCorpus({ ...options, io });
    expect(second).toMatchObject({ added: 0, alreadyInGraph: 2, written: null });
    expect(readFileSync(out).equals(bytes)).toBe(true);
    // Only the two sources (and robots.txt) were asked again, each answered 304; the known pages were not fetched.
    const again = server.log
      .slice(requestsBefore)
      .map((l) => l.path)
      .sort();
    expect(again).toEqual(['/atom.xml', '/robots.txt', '/sitemap.xml']);
    expect(second.notModified).toBe(2);
  });

  it('extract prints one line per web article (feed hints included) and one stderr line per failure', async () => {
    const server = await newsSite();
    const io = captureIO();
    const code = await main(['extract', `${server.origin}/rss.xml`, '--no-cache', '--delay', '0'], io);
    expect(code, io.stderr).toBe(0);
    const lines = io.stdout
      .trim()
      .split('\n')
      .map(
        (l) => JSON.parse(l) as { id: string; file: string; article: { published: string | null }; signature?: string },
      );
    expect(lines.map((l) => [l.id, l.file, l.article.published])).toEqual([
      [`${server.origin}/world/lisbon`, `${server.origin}/world/lisbon?utm_source=rss`, '2026-03-02T09:30:00Z'],
    ]);
    expect(lines[0]?.signature).toMatch(/^[\w-]+$/);
    expect(io.stderr.trim().split('\n')).toHaveLength(2);
  });
});
