/** watch: one line per round, the graph written only when a round adds something, Ctrl-C stops cleanly. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseInterval } from '../../src/corpus/watch.js';
import { captureIO } from '../helpers/cli.js';
import { articleHtml, OTHER_STORY, page, STORY, startServer, type TestServer } from './server.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function feed(origin: string, paths: string[]): string {
  const items = paths.map((p) => `<item><title>${p}</title><link>${origin}${p}</link></item>`).join('');
  return `<rss version="2.0"><channel><title>Watch desk</title>${items}</channel></rss>`;
}

describe('newsgraph watch', () => {
  it('adds new articles each round, leaves the graph byte-identical on an unchanged round, and stops on Ctrl-C', async () => {
    const server = await startServer({
      '/one': page(articleHtml('One', STORY)),
      '/two': page(articleHtml('Two', OTHER_STORY)),
    });
    servers.push(server);
    server.routes.set('/rss', page(feed(server.origin, ['/one']), 'application/rss+xml'));
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-watch-'));
    const graph = join(dir, 'g.json');
    const controller = new AbortController();
    const io = captureIO({ signal: controller.signal });
    const snapshots: Buffer[] = [];
    const err = io.err.bind(io);
    io.err = (text: string) => {
      err(text);
      const round = /round (\d+) at/.exec(text);
      if (!round) return;
      snapshots.push(readFileSync(graph));
      if (round[1] === '1')
        server.routes.set('/rss', page(feed(server.origin, ['/one', '/two']), 'application/rss+xml'));
      if (round[1] === '3') controller.abort();
    };
    const code = await main(
      [
        'watch',
        `${server.origin}/rss`,
        '--into',
        graph,
        '--every',
        '0.05s',
        '--delay',
        '0',
        '--cache',
        join(dir, 'cache'),
      ],
      io,
    );
    expect(code, io.stderr).toBe(0);
    const lines = io.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^newsgraph: round 1 at \d\d:\d\d:\d\d: 1 new, 0 unchanged, 0 failed; \d+ entities, \d+ relations -> .*g\.json$/,
    );
    expect(lines[1]).toMatch(/: round 2 at .*: 1 new, 1 unchanged, 0 failed; /);
    expect(lines[2]).toMatch(/: round 3 at .*: 0 new, 2 unchanged, 0 failed; .*g\.json unchanged$/);
    expect(lines[3]).toMatch(/^newsgraph: stopped after 3 rounds; /);
    expect(snapshots[2]?.equals(snapshots[1] as Buffer)).toBe(true);
    expect(snapshots[1]?.equals(snapshots[0] as Buffer)).toBe(false);
    // The third round asked only for the feed, which answered 304; the pages were not fetched again.
    const third = server.log.slice(-1);
    expect(third.map((l) => l.path)).toEqual(['/rss']);
    expect(server.log.filter((l) => l.path === '/one')).toHaveLength(1);
  });

  it('reads a --sources list again every round: a URL added to it is fetched without restarting', async () => {
    const server = await startServer({
      '/one': page(articleHtml('One', STORY)),
      '/two': page(articleHtml('Two', OTHER_STORY)),
    });
    servers.push(server);
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-watch-list-'));
    const graph = join(dir, 'g.json');
    const list = join(dir, 'sources.txt');
    writeFileSync(list, `# pages\n${server.origin}/one\n`);
    const controller = new AbortController();
    const io = captureIO({ signal: controller.signal });
    const err = io.err.bind(io);
    io.err = (text: string) => {
      err(text);
      const round = /round (\d+) at/.exec(text)?.[1];
      if (round === '1') writeFileSync(list, `# pages\n${server.origin}/one\n${server.origin}/two\n`);
      // A list that disappears mid-watch keeps its last URLs (and says so) rather than ending the watch.
      if (round === '2') rmSync(list);
      if (round === '3') controller.abort();
    };
    const code = await main(
      ['watch', '--sources', list, '--into', graph, '--every', '0.05s', '--delay', '0', '--no-cache'],
      io,
    );
    expect(code, io.stderr).toBe(0);
    const lines = io.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/: round 1 at .*: 1 new, 0 unchanged, 0 failed; /);
    expect(lines[1]).toMatch(/: round 2 at .*: 1 new, 1 unchanged, 0 failed; /);
    expect(lines[2]).toMatch(/sources\.txt: cannot read the source list .*; using its URLs from the last round$/);
    expect(lines[3]).toMatch(/: round 3 at .*: 0 new, 2 unchanged, 0 failed; /);
    expect(lines).toHaveLength(5);
  });

  it('checks its options', async () => {
    expect(parseInterval('15m')).toBe(900_000);
    expect(parseInterval('30s')).toBe(30_000);
    expect(() => parseInterval('15')).toThrow(/30s, 15m, 1h/);
    const io = captureIO();
    expect(
      await main(['watch', 'http://127.0.0.1:9/rss', '--into', join(tmpdir(), 'never.json'), '--every', 'soon'], io),
    ).toBe(2);
    expect(io.stderr).toMatch(/interval must be/);
    expect(existsSync(join(tmpdir(), 'never.json'))).toBe(false);
  });
});
