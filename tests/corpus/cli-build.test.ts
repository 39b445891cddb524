/** The build command end to end, through the built CLI (worker threads load dist/): bytes, exit codes, Ctrl-C. */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { buildCorpus } from '../../src/corpus/build.js';
import { defaultJobs } from '../../src/corpus/policy.js';
import { FILES_PER_JOB } from '../../src/corpus/settings.js';
import { captureIO, runCli, tempDir, writeCorpus } from './helpers.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/ingest', import.meta.url));

describe('newsgraph build (CLI)', () => {
  it('writes the same graph bytes with 1 job and with 2 jobs, over every input format', async () => {
    const dir = tempDir('jobs');
    writeCorpus(join(dir, 'in', 'a'), 8);
    writeCorpus(join(dir, 'in', 'b'), 8, 100);
    // Workers adopt the extractor data the main thread built (src/extract/shared.ts) and load the HTML libraries
    // on their first page: HTML, Markdown and JSON files check those paths too.
    mkdirSync(join(dir, 'in', 'c'));
    for (const name of ['news-page.html', 'council-vote.md', 'wire-story.json', 'wire-feed.jsonl'])
      copyFileSync(join(FIXTURES, name), join(dir, 'in', 'c', name));
    const outputs: string[] = [];
    for (const jobs of ['1', '2']) {
      const out = join(dir, `graph-${jobs}.json`);
      const run = await runCli(['build', join(dir, 'in'), '-o', out, '--jobs', jobs, '--no-cache']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(`with ${jobs} ${jobs === '1' ? 'job' : 'jobs'}`);
      expect(run.stderr).toContain('0 skipped');
      outputs.push(readFileSync(out, 'utf8'));
    }
    const graph = JSON.parse(outputs[0]!) as {
      attributes: { articles: Array<{ id: string; file: string }> };
      nodes: unknown[];
    };
    expect(graph.attributes.articles.length).toBeGreaterThan(19);
    expect(graph.attributes.articles.some((a) => a.file.endsWith('news-page.html'))).toBe(true);
    expect(graph.nodes.length).toBeGreaterThan(16);
    expect(outputs[1]).toBe(outputs[0]);
  });

  it('by default uses one job per core, but no worker threads for a small input', async () => {
    expect(defaultJobs(1, 8)).toBe(1);
    expect(defaultJobs(FILES_PER_JOB - 1, 8)).toBe(1);
    expect(defaultJobs(FILES_PER_JOB * 2, 8)).toBe(2);
    expect(defaultJobs(100_000, 8)).toBe(8);
    expect(defaultJobs(100_000, 1)).toBe(1);
    const dir = tempDir('default-jobs');
    writeCorpus(join(dir, 'in'), 3);
    const summary = await buildCorpus({
      inputs: [join(dir, 'in')],
      out: join(dir, 'graph.json'),
      cache: false,
      io: captureIO(),
    });
    expect(summary).toMatchObject({ articles: 3, jobs: 1 });
  });

  it('names each unusable file on stderr, goes on, and exits 0 when an article made it', async () => {
    const dir = tempDir('skips');
    writeCorpus(join(dir, 'in'), 2);
    writeFileSync(join(dir, 'in', 'empty.txt'), '');
    writeFileSync(join(dir, 'in', 'blank.md'), '  \n\t\n');
    const out = join(dir, 'graph.json');
    const run = await runCli(['build', join(dir, 'in'), '-o', out, '--no-cache', '--jobs', '2']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/skipped .*empty\.txt: /);
    expect(run.stderr).toMatch(/skipped .*blank\.md: /);
    expect(run.stderr).toMatch(/2 articles, 2 skipped/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(out)).toBe(true);
  });

  it('exits 1 and writes nothing when no file gave an article', async () => {
    const dir = tempDir('none');
    writeCorpus(dir, 0);
    writeFileSync(join(dir, 'empty.txt'), '');
    const out = join(dir, 'out', 'graph.json');
    const run = await runCli(['build', dir, '-o', out, '--no-cache']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/skipped .*empty\.txt/);
    expect(run.stderr).toContain('nothing written');
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ['a missing input path', ['build', '/no/such/folder', '--no-cache'], /no such file or folder/],
    ['--jobs 0', ['build', 'seeds', '--jobs', '0', '--no-cache'], /--jobs must be a whole number/],
    ['--jobs two', ['build', 'seeds', '--jobs', 'two', '--no-cache'], /--jobs must be a whole number/],
  ])('rejects %s with a usage error (exit 2)', async (_name, args, message) => {
    const io = captureIO();
    expect(await main(args, io)).toBe(2);
    expect(io.stderr).toMatch(message);
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    ['-o', (prev: string) => ['-o', prev]],
    ['--into', (prev: string) => ['--into', prev]],
  ])(
    'Ctrl-C during a build with %s leaves the previous graph byte-for-byte intact and no temporary file',
    async (_flag, target) => {
      const dir = tempDir('sigint');
      writeCorpus(join(dir, 'first'), 3);
      writeCorpus(join(dir, 'in'), 400, 3);
      const outDir = join(dir, 'out');
      const prev = join(outDir, 'graph.json');
      const first = await buildCorpus({
        inputs: [join(dir, 'first')],
        out: prev,
        cache: false,
        jobs: 1,
        io: captureIO(),
      });
      expect(first.written).toBe(prev);
      const before = readFileSync(prev);

      let sent = false;
      const run = await runCli(['build', join(dir, 'in'), ...target(prev), '--jobs', '2', '--no-cache'], {
        onStderr: (stderr, child) => {
          // Interrupt once extraction is under way (the start line is printed when the pool begins).
          if (!sent && stderr.includes('building from')) {
            sent = true;
            setTimeout(() => child.kill('SIGINT'), 400);
          }
        },
      });
      expect(sent).toBe(true);
      expect(run.code).toBe(130);
      expect(run.stderr).toContain('interrupted');
      expect(run.stderr).not.toMatch(/-> .*graph\.json/);
      expect(readFileSync(prev).equals(before)).toBe(true);
      expect(readdirSync(outDir)).toEqual(['graph.json']);
    },
  );
});
