/** The built CLI (dist/) against a server on 127.0.0.1: build with URLs and source lists, watch stopped by SIGINT. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../corpus/helpers.js';
import { articleHtml, OTHER_STORY, page, STORY, startServer, type TestServer } from './server.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function site(): Promise<TestServer> {
  const server = await startServer({
    '/one': page(articleHtml('One', STORY)),
    '/two': page(articleHtml('Two', OTHER_STORY)),
  });
  servers.push(server);
  const items = [`${server.origin}/one`, `http://localhost:${server.port}/two`]
    .map((u) => `<item><link>${u}</link></item>`)
    .join('');
  server.routes.set(
    '/rss',
    page(`<rss version="2.0"><channel><title>Desk</title>${items}</channel></rss>`, 'application/rss+xml'),
  );
  return server;
}

describe('newsgraph build and watch with sources (CLI)', () => {
  it('takes a source list, refuses a link to another private host unless --allow-private', async () => {
    const server = await site();
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-cli-web-'));
    writeFileSync(join(dir, 'feeds.txt'), `${server.origin}/rss\n`);
    const out = join(dir, 'g.json');
    const guarded = await runCli([
      'build',
      '--sources',
      join(dir, 'feeds.txt'),
      '-o',
      out,
      '--no-cache',
      '--delay',
      '0',
    ]);
    expect(guarded.code, guarded.stderr).toBe(0);
    expect(guarded.stderr).toContain(
      `newsgraph: skipped http://localhost:${server.port}/two: refused: localhost is a private address`,
    );
    expect(guarded.stderr).toMatch(/1 article, 1 skipped/);
    expect(server.log.some((l) => l.host.startsWith('localhost'))).toBe(false);
    const allowed = await runCli([
      'build',
      join(dir, 'feeds.txt'),
      '-o',
      out,
      '--no-cache',
      '--delay',
      '0',
      '--allow-private',
    ]);
    expect(allowed.code, allowed.stderr).toBe(0);
    const graph = JSON.parse(readFileSync(out, 'utf8')) as { attributes: { articles: Array<{ id: string }> } };
    expect(graph.attributes.articles.map((a) => a.id)).toEqual([
      `${server.origin}/one`,
      `http://localhost:${server.port}/two`,
    ]);
    const bad = await runCli(['build', '--sources', join(dir, 'missing.txt'), '-o', out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^newsgraph: .*missing\.txt: cannot read the source list/);
    expect((await runCli(['build', `${server.origin}/rss`, '--timeout', 'soon'])).code).toBe(2);
  });

  it('watch stops cleanly on SIGINT after its rounds, exit 0', async () => {
    const server = await site();
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-cli-watch-'));
    const graph = join(dir, 'g.json');
    let sent = false;
    const run = await runCli(
      [
        'watch',
        `${server.origin}/rss`,
        '--into',
        graph,
        '--every',
        '0.2s',
        '--delay',
        '0',
        '--cache',
        join(dir, 'cache'),
      ],
      {
        onStderr: (text, child) => {
          if (!sent && /round 2 at/.test(text)) {
            sent = true;
            child.kill('SIGINT');
          }
        },
      },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/round 1 at .*: 1 new, 0 unchanged, 1 failed;/);
    expect(run.stderr).toMatch(/round 2 at .*: 0 new, 1 unchanged, 1 failed; .*g\.json unchanged/);
    expect(run.stderr).toMatch(/stopped after 2 rounds/);
    expect(JSON.parse(readFileSync(graph, 'utf8')).attributes.articles).toHaveLength(1);
  });
});
