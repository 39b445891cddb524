/** The library names options, the CLI names flags: usage errors from the library reach the user with the flag. */

import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inCliTerms } from '../../src/cli/flags.js';
import { main } from '../../src/cli/main.js';
import { buildCorpus } from '../../src/corpus/build.js';
import { UsageError } from '../../src/errors.js';
import { resolveFormat } from '../../src/io/formats.js';
import { startViewServer } from '../../src/view/server.js';
import { captureIO } from '../helpers/cli.js';
import { FIXTURE, tempDir } from '../io/helpers.js';

function thrown(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('usage errors: options in the library, flags in the CLI', () => {
  it('the library names the option at fault and no flag', async () => {
    const format = thrown(() => resolveFormat('graph.xyz'));
    expect(format.option).toBe('format');
    expect(format.message).not.toMatch(/--/);
    const jobs = await buildCorpus({ inputs: ['seeds'], jobs: 0, cache: false, io: captureIO() }).catch(
      (e: unknown) => e,
    );
    expect(jobs).toBeInstanceOf(UsageError);
    expect((jobs as UsageError).option).toBe('jobs');
    expect((jobs as UsageError).message).not.toMatch(/--/);
  });

  it('a port in use is reported with the option, not the flag', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const address = busy.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const error = await startViewServer({ graphFile: FIXTURE, port, host: '127.0.0.1' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).option).toBe('port');
      expect((error as UsageError).message).not.toMatch(/--/);
    } finally {
      busy.close();
    }
  });

  it('the CLI adds the flag that sets the option, keeps the exit code 2 and one line', async () => {
    const io = captureIO();
    expect(await main(['export', FIXTURE, '-o', join(tempDir(), 'graph.xyz')], io)).toBe(2);
    expect(io.stderr).toMatch(
      /cannot tell the format of .*graph\.xyz.* from its extension; name one of .*\(--format\)\n$/,
    );
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('leaves other errors alone, and options it has no flag for', () => {
    const plain = new UsageError('missing path');
    expect(inCliTerms(plain)).toBe(plain);
    const unknown = new UsageError('bad value', { option: 'somethingElse' });
    expect(inCliTerms(unknown)).toBe(unknown);
    expect((inCliTerms(new UsageError('jobs must be 1 or more', { option: 'jobs' })) as Error).message).toBe(
      'jobs must be 1 or more (--jobs)',
    );
  });
});

describe('a file over the size limit: the CLI says how to raise it, the library names no flag', () => {
  const article = () => {
    const dir = tempDir();
    const file = join(dir, 'long.txt');
    writeFileSync(file, `${'The council met in Bergen and agreed on a budget. '.repeat(60)}\n`);
    return { dir, file };
  };

  it('newsgraph build names --max-file-size', async () => {
    const { dir, file } = article();
    const io = captureIO();
    // 0.001 MB is about 1 KB: the 3 KB article is over it.
    expect(await main(['build', file, '-o', join(dir, 'g.json'), '--no-cache', '--max-file-size', '0.001'], io)).toBe(
      1,
    );
    expect(io.stderr).toContain('(raise it with --max-file-size)');
  });

  it('buildCorpus reports the same file without a flag', async () => {
    const { dir, file } = article();
    const io = captureIO();
    const summary = await buildCorpus({
      inputs: [file],
      out: join(dir, 'g.json'),
      cache: false,
      maxFileSize: 1024,
      io,
    });
    expect(summary.skipped).toBe(1);
    expect(io.stderr).toContain('too large');
    expect(io.stderr).not.toMatch(/--/);
  });
});
