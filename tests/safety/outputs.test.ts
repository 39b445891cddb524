/**
 * Issue 18, outputs: every case through the real CLI entry, with fixtures made in temporary folders. An output
 * never replaces an input, a device, a FIFO or a link; impossible places fail at once with the real cause in one
 * line; no temporary file is left behind.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixtureData, IS_ROOT, tempDir, writeGraph } from './helpers.js';

const BUILD = ['--no-cache', '--jobs', '1'];
/** An article of my own: enough for the extractor to find entities, so a build writes a graph. */
const ARTICLE = 'The foreign minister of Portugal met officials of the European Union in Brussels on Tuesday.\n';

function expectOneLine(stderr: string): void {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toContain('internal error');
  expect(stderr).not.toMatch(/\.tmp\b/);
}

function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp'));
}

describe('an output that is one of the inputs', () => {
  it('is refused by build before anything is written, also through a link or a folder input', async () => {
    const dir = tempDir();
    const article = join(dir, 'same.txt');
    writeFileSync(article, ARTICLE);
    const run = await cli('build', article, '-o', article, ...BUILD);
    expect(run.code).toBe(2);
    expect(run.io.stderr).toContain(`${article}: is one of the inputs; refusing to overwrite it`);
    expect(readFileSync(article, 'utf8')).toBe(ARTICLE);

    symlinkSync(article, join(dir, 'link.json'));
    const viaLink = await cli('build', dir, '-o', join(dir, 'link.json'), ...BUILD);
    expect(viaLink.code).toBe(2);
    expect(viaLink.io.stderr).toContain('is one of the inputs');
    expect(readFileSync(article, 'utf8')).toBe(ARTICLE);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
  });

  it('is left out of a folder walk when it is the graph a build wrote there, but refused when named', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
    const out = join(dir, 'graph.json');
    const articleIds = () =>
      (JSON.parse(readFileSync(out, 'utf8')) as { attributes: { articles: Array<{ id: string }> } }).attributes.articles
        .map((a) => a.id)
        .sort();

    const first = await cli('build', dir, '-o', out, ...BUILD);
    expect(first.code, first.io.stderr).toBe(0);
    expect(articleIds()).toEqual(['a.txt']);
    const firstGraph = readFileSync(out, 'utf8');

    // The second run finds graph.json in the folder: it is not read as an article, and the build succeeds.
    const second = await cli('build', dir, '-o', out, ...BUILD);
    expect(second.code, second.io.stderr).toBe(0);
    expect(second.io.stderr).not.toContain('is one of the inputs');
    expect(second.io.stderr).not.toMatch(/skipped .*graph\.json/);
    expect(second.io.stderr).toContain('building from 1 file with');
    expect(second.io.stderr).toContain(`not reading ${out}: it is the graph this build writes`);
    expect(articleIds()).toEqual(['a.txt']);
    expect(readFileSync(out, 'utf8')).toBe(firstGraph);

    // Named on the command line, itself or through a link, the graph is an input: refused, and left alone.
    for (const named of [out, join(dir, 'link-to-graph.json')]) {
      if (named !== out) symlinkSync('graph.json', named);
      const run = await cli('build', dir, named, '-o', out, ...BUILD);
      expect(run.code).toBe(2);
      expect(run.io.stderr).toContain(`${out}: is one of the inputs; refusing to overwrite it`);
      expect(readFileSync(out, 'utf8')).toBe(firstGraph);
    }
    expect(leftovers(dir)).toEqual([]);
  });

  it('is refused by export: the graph it reads is not replaced by a GEXF', async () => {
    const dir = tempDir();
    const graph = writeGraph(dir, 'graph.json', fixtureData());
    const before = readFileSync(graph, 'utf8');
    const run = await cli('export', graph, '-o', graph, '--format', 'gexf');
    expect(run.code).toBe(2);
    expectOneLine(run.io.stderr);
    expect(readFileSync(graph, 'utf8')).toBe(before);
  });
});

describe('special outputs', () => {
  it.runIf(IS_ROOT)('writes through a character device and leaves it a device (mknod, as root)', async () => {
    const dir = tempDir();
    const device = join(dir, 'null');
    execFileSync('mknod', [device, 'c', '1', '3']);
    const graph = writeGraph(dir, 'graph.json', fixtureData());
    const run = await cli('export', graph, '-o', device, '--format', 'json');
    expect(run.code).toBe(0);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(leftovers(dir)).toEqual([]);

    const article = join(dir, 'a.txt');
    writeFileSync(article, ARTICLE);
    expect((await cli('build', article, '-o', device, ...BUILD)).code).toBe(0);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });
  if (!IS_ROOT) {
    console.log('skipped: writing through a character device needs mknod, which needs root; this run is not root');
    it.skip('character device: mknod needs root; this run is not root, so it is not tested here', () => {});
  }

  it('writes through a FIFO to the process reading it, and leaves it a FIFO', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const graph = writeGraph(dir, 'graph.json', fixtureData());
    const reader = spawn('cat', [fifo]);
    let received = '';
    reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
    const closed = new Promise<void>((resolve) => reader.on('close', () => resolve()));
    const run = await cli('export', graph, '-o', fifo, '--format', 'graphml');
    // Should the export not reach the FIFO, the reader would wait forever: stop it rather than leave it behind.
    const timer = setTimeout(() => reader.kill(), 5000);
    await closed;
    clearTimeout(timer);
    expect(run.code).toBe(0);
    expect(received).toContain('<graphml');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('follows a symbolic link and replaces its target; the link stays a link (also a dangling one)', async () => {
    const dir = tempDir();
    const graph = writeGraph(dir, 'graph.json', fixtureData());
    writeFileSync(join(dir, 'target.gexf'), 'old');
    symlinkSync('target.gexf', join(dir, 'link.gexf'));
    expect((await cli('export', graph, '-o', join(dir, 'link.gexf'))).code).toBe(0);
    expect(lstatSync(join(dir, 'link.gexf')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.gexf'))).toBe('target.gexf');
    expect(readFileSync(join(dir, 'target.gexf'), 'utf8')).toContain('<gexf');

    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere', 'new.graphml'), join(dir, 'dangling.graphml'));
    expect((await cli('export', graph, '-o', join(dir, 'dangling.graphml'))).code).toBe(0);
    expect(lstatSync(join(dir, 'dangling.graphml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'elsewhere', 'new.graphml'), 'utf8')).toContain('<graphml');
    expect(leftovers(dir)).toEqual([]);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const dir = tempDir();
    const graph = writeGraph(dir, 'graph.json', fixtureData());
    const out = join(dir, 'out.graphml');
    writeFileSync(out, 'old');
    chmodSync(out, 0o640);
    expect((await cli('export', graph, '-o', out)).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o640);
  });

  it('refuses a folder as the output file', async () => {
    const dir = tempDir();
    const graph = writeGraph(dir, 'graph.json', fixtureData());
    mkdirSync(join(dir, 'taken.json'));
    const run = await cli('export', graph, '-o', join(dir, 'taken.json'));
    expect(run.code).toBe(1);
    expect(run.io.stderr).toContain('taken.json: cannot write: is a folder');
  });
});

describe('impossible places', () => {
  if (process.platform !== 'linux') console.log('skipped: the /proc test needs Linux (procfs)');
  it.runIf(process.platform === 'linux')(
    'fails at once under /proc instead of spinning in mkdir, for the graph and the cache',
    async () => {
      const dir = tempDir();
      const article = join(dir, 'a.txt');
      writeFileSync(article, ARTICLE);
      const started = Date.now();
      const run = await cli('build', article, '-o', '/proc/nope/out.json', ...BUILD);
      expect(run.code).toBe(1);
      expect(run.io.stderr).toBe(
        'newsgraph: /proc/nope/out.json: cannot write: /proc is on a virtual file system (proc), not storage\n',
      );
      expect(Date.now() - started).toBeLessThan(10_000);

      const cached = await cli(
        'build',
        article,
        '-o',
        join(dir, 'g.json'),
        '--cache',
        '/proc/nope/cache',
        '--jobs',
        '1',
      );
      expect(cached.code).toBe(0);
      expect(cached.io.stderr).toContain('/proc is on a virtual file system (proc)');
      expect(cached.io.stderr).toContain('building without it');
    },
  );

  it('names the real cause when a parent of the output is a file, and leaves no temporary file', async () => {
    const dir = tempDir();
    const graph = writeGraph(dir, 'graph.json', fixtureData());
    writeFileSync(join(dir, 'plain'), 'x');
    const run = await cli('export', graph, '-o', join(dir, 'plain', 'sub', 'out.gexf'));
    expect(run.code).toBe(1);
    expectOneLine(run.io.stderr);
    expect(run.io.stderr).toContain(`cannot write: ${join(dir, 'plain')} is not a folder`);
    expect(leftovers(dir)).toEqual([]);
  });

  it('creates missing folders level by level', async () => {
    const dir = tempDir();
    const graph = writeGraph(dir, 'graph.json', fixtureData());
    expect((await cli('export', graph, '-o', join(dir, 'a', 'b', 'c', 'out.csv'))).code).toBe(0);
    expect(readdirSync(join(dir, 'a', 'b', 'c', 'out')).sort()).toEqual(['edges.csv', 'nodes.csv']);
  });
});
