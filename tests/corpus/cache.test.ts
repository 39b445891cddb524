/**
 * The extraction cache and --into, through buildCorpus in this process (one job, no worker threads): a rebuild
 * extracts only new or changed files, a corrupt cache is detected and rebuilt, and merging adds only new articles.
 */
import { readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type BuildOptions, buildCorpus } from '../../src/corpus/build.js';
import { checksum } from '../../src/corpus/cache.js';
import { loadGraph } from '../../src/graph/file.js';
import { captureIO, newsTexts, tempDir, writeCorpus } from './helpers.js';

function build(options: Omit<BuildOptions, 'io' | 'jobs'>) {
  const io = captureIO();
  return buildCorpus({ jobs: 1, ...options, io }).then((summary) => ({ summary, stderr: io.stderr }));
}

describe('extraction cache', () => {
  it('re-extracts only the files added or changed since the last build', async () => {
    const dir = tempDir('cache');
    const input = join(dir, 'in');
    const cache = join(dir, 'cache');
    writeCorpus(input, 12);
    const first = await build({ inputs: [input], out: join(dir, 'g1.json'), cache });
    expect(first.summary).toMatchObject({ articles: 12, extracted: 12, cached: 0 });

    writeCorpus(input, 3, 12); // three new articles
    const changed = join(input, 'article-00005.txt');
    const replacement = newsTexts()[200]!.text;
    writeFileSync(changed, replacement); // and one edited in place
    const second = await build({ inputs: [input], out: join(dir, 'g2.json'), cache });
    expect(second.summary).toMatchObject({ articles: 15, extracted: 4, cached: 11 });
    expect(second.stderr).toContain('11 from cache, 4 extracted');

    // What the cache served is what extraction gives: same bytes as a build without the cache.
    const fresh = await build({ inputs: [input], out: join(dir, 'g3.json'), cache: false });
    expect(fresh.summary).toMatchObject({ articles: 15, extracted: 15, cached: 0 });
    expect(readFileSync(join(dir, 'g2.json'), 'utf8')).toBe(readFileSync(join(dir, 'g3.json'), 'utf8'));

    const third = await build({ inputs: [input], out: join(dir, 'g4.json'), cache });
    expect(third.summary).toMatchObject({ extracted: 0, cached: 15 });
  });

  it('keys entries by article id too: the same text under another name is extracted again', async () => {
    const dir = tempDir('cache-id');
    const cache = join(dir, 'cache');
    writeCorpus(join(dir, 'a'), 2);
    await build({ inputs: [join(dir, 'a')], out: join(dir, 'g1.json'), cache });
    writeCorpus(join(dir, 'b'), 2, 2); // other names, ids article-00002..3, texts 2..3
    writeFileSync(join(dir, 'b', 'article-00002.txt'), newsTexts()[0]!.text); // text seen before, new id
    const again = await build({ inputs: [join(dir, 'b')], out: join(dir, 'g2.json'), cache });
    expect(again.summary).toMatchObject({ extracted: 2, cached: 0 });
    const graph = await loadGraph(join(dir, 'g2.json'));
    expect(graph.getAttribute('articles').map((a) => a.id)).toEqual(['article-00002.txt', 'article-00003.txt']);
  });

  const corruptions: Array<[string, (db: string) => void, RegExp | null]> = [
    ['a truncated database file', (db) => truncateSync(db, Math.floor(statSync(db).size / 3)), /could not be trusted/],
    [
      'a file of garbage bytes',
      (db) => writeFileSync(db, Buffer.from('this is not an sqlite database '.repeat(200))),
      /could not be trusted/,
    ],
    [
      'a database of another schema',
      (db) => {
        rmSync(db);
        const other = new Database(db);
        other.exec(
          "CREATE TABLE extractions (key TEXT PRIMARY KEY, value TEXT); INSERT INTO extractions VALUES ('k', 'v');",
        );
        other.close();
      },
      /could not be trusted/,
    ],
    [
      'a schema version from elsewhere',
      (db) => {
        const other = new Database(db);
        other.prepare("UPDATE meta SET value = 'someone-else/9' WHERE name = 'schema'").run();
        other.close();
      },
      /could not be trusted .*someone-else/,
    ],
    [
      'rows whose bytes were overwritten',
      (db) => {
        const other = new Database(db);
        other.prepare('UPDATE extractions SET value = randomblob(200)').run();
        other.close();
      },
      null,
    ],
    [
      'rows with a valid checksum but not extractions',
      (db) => {
        const other = new Database(db);
        const value = deflateRawSync(JSON.stringify([{ articleId: 'x', entities: 'no' }]));
        other.prepare('UPDATE extractions SET value = ?, checksum = ?').run(value, checksum(value));
        other.close();
      },
      null,
    ],
  ];

  it.each(corruptions)('detects %s, never trusts it, and rebuilds', async (_name, corrupt, message) => {
    const dir = tempDir('corrupt');
    const input = join(dir, 'in');
    const cache = join(dir, 'cache');
    writeCorpus(input, 4);
    const first = await build({ inputs: [input], out: join(dir, 'g1.json'), cache });
    expect(first.summary.extracted).toBe(4);

    corrupt(join(cache, 'extractions.db'));
    const second = await build({ inputs: [input], out: join(dir, 'g2.json'), cache });
    expect(second.summary).toMatchObject({ articles: 4, extracted: 4, cached: 0 });
    if (message) expect(second.stderr).toMatch(message);
    expect(readFileSync(join(dir, 'g2.json'), 'utf8')).toBe(readFileSync(join(dir, 'g1.json'), 'utf8'));

    // The rebuilt cache is good again.
    const third = await build({ inputs: [input], out: join(dir, 'g3.json'), cache });
    expect(third.summary).toMatchObject({ extracted: 0, cached: 4 });
    expect(third.stderr).not.toMatch(/could not be trusted/);
  });
});

describe('build --into', () => {
  it('merges new articles into an existing graph, skipping the ones it already has', async () => {
    const dir = tempDir('into');
    const graphFile = join(dir, 'graph.json');
    writeCorpus(join(dir, 'day1'), 5);
    await build({ inputs: [join(dir, 'day1')], out: graphFile, cache: false });

    writeCorpus(join(dir, 'day2'), 6, 3); // articles 3 and 4 again, 5..8 new
    const merged = await build({ inputs: [join(dir, 'day2')], into: graphFile, cache: false });
    expect(merged.summary).toMatchObject({
      articles: 6,
      added: 4,
      alreadyInGraph: 2,
      extracted: 4,
      written: graphFile,
    });

    // The same as building everything at once.
    writeCorpus(join(dir, 'all'), 9);
    await build({ inputs: [join(dir, 'all')], out: join(dir, 'all.json'), cache: false });
    const a = await loadGraph(graphFile);
    const b = await loadGraph(join(dir, 'all.json'));
    expect(a.getAttribute('articles').map((x) => x.id)).toEqual(b.getAttribute('articles').map((x) => x.id));
    expect(a.nodes().sort()).toEqual(b.nodes().sort());
    expect(a.edges().sort()).toEqual(b.edges().sort());
    for (const node of a.nodes())
      expect(a.getNodeAttribute(node, 'mentions')).toBe(b.getNodeAttribute(node, 'mentions'));
  });

  it('leaves the graph file untouched when nothing is new', async () => {
    const dir = tempDir('into-same');
    const graphFile = join(dir, 'graph.json');
    writeCorpus(join(dir, 'in'), 3);
    await build({ inputs: [join(dir, 'in')], out: graphFile, cache: false });
    const before = statSync(graphFile).mtimeMs;
    const again = await build({ inputs: [join(dir, 'in')], into: graphFile, cache: false });
    expect(again.summary).toMatchObject({ articles: 3, added: 0, extracted: 0, written: null });
    expect(again.stderr).toContain('left unchanged');
    expect(statSync(graphFile).mtimeMs).toBe(before);
  });

  it('refuses a malformed graph file, without touching it', async () => {
    const dir = tempDir('into-bad');
    const graphFile = join(dir, 'graph.json');
    writeFileSync(graphFile, '{"attributes": {"schema": "something-else"}}');
    writeCorpus(join(dir, 'in'), 1);
    const io = captureIO();
    await expect(
      buildCorpus({ inputs: [join(dir, 'in')], into: graphFile, cache: false, jobs: 1, io }),
    ).rejects.toMatchObject({ code: 'GRAPH_INVALID' });
    expect(readFileSync(graphFile, 'utf8')).toBe('{"attributes": {"schema": "something-else"}}');
  });
});
