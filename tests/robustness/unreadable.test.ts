/**
 * Unreadable files and folders. Tests often run as root, and root reads a chmod 000 file, so the denial is
 * simulated here at the file-system boundary: opening any path containing UNREADABLE, or listing any folder
 * containing LOCKED, fails with EACCES exactly as Node reports it. (read.test.ts and walk.test.ts also check a
 * real chmod 000 when not running as root.)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { InputError } from '../../src/errors.js';
import { readTextFile } from '../../src/ingest/read.js';
import { collectInputs } from '../../src/ingest/walk.js';
import { captureIO, FIXTURES, tempDir } from './bad-inputs.js';

function denied(syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EACCES: permission denied, ${syscall} '${path}'`), {
    code: 'EACCES',
    errno: -13,
    syscall,
    path,
  });
}

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof real.open = (async (path: Parameters<typeof real.open>[0], ...rest: unknown[]) => {
    if (String(path).includes('UNREADABLE')) throw denied('open', String(path));
    return (real.open as (...args: unknown[]) => ReturnType<typeof real.open>)(path, ...rest);
  }) as typeof real.open;
  const readFile: typeof real.readFile = (async (path: Parameters<typeof real.readFile>[0], ...rest: unknown[]) => {
    if (String(path).includes('UNREADABLE')) throw denied('open', String(path));
    return (real.readFile as (...args: unknown[]) => ReturnType<typeof real.readFile>)(path, ...rest);
  }) as typeof real.readFile;
  const readdir: typeof real.readdir = (async (path: Parameters<typeof real.readdir>[0], ...rest: unknown[]) => {
    if (String(path).includes('LOCKED')) throw denied('scandir', String(path));
    return (real.readdir as (...args: unknown[]) => ReturnType<typeof real.readdir>)(path, ...rest);
  }) as typeof real.readdir;
  return { ...real, open, readFile, readdir, default: { ...real, open, readFile, readdir } };
});

describe('unreadable inputs (EACCES simulated)', () => {
  it('readTextFile says "permission denied" and names the file', async () => {
    const dir = tempDir('eacces');
    const file = join(dir, 'UNREADABLE.txt');
    writeFileSync(file, 'The council met on Monday.');
    const error = await readTextFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`${file}: permission denied`);
  });

  it('the walker reports an unreadable folder once and walks on', async () => {
    const dir = tempDir('eacces');
    mkdirSync(join(dir, 'LOCKED'));
    writeFileSync(join(dir, 'LOCKED', 'a.txt'), 'x');
    writeFileSync(join(dir, 'b.txt'), 'x');
    const { files, errors } = await collectInputs([dir]);
    expect(files.map((f) => f.id)).toEqual(['b.txt']);
    expect(errors.map((e) => e.message)).toEqual([`${join(dir, 'LOCKED')}: folder cannot be read (permission denied)`]);
  });

  it('build skips the unreadable file and folder with one line each and exits 0', async () => {
    const dir = tempDir('eacces');
    const input = join(dir, 'in');
    mkdirSync(join(input, 'LOCKED'), { recursive: true });
    writeFileSync(join(input, 'LOCKED', 'hidden-away.txt'), 'The council met on Monday.');
    writeFileSync(join(input, 'UNREADABLE.txt'), 'The council met on Monday.');
    writeFileSync(join(input, 'good.txt'), readFileSync(join(FIXTURES, 'good-article.txt'), 'utf8'));
    const out = join(dir, 'graph.json');
    const io = captureIO();
    expect(await main(['build', input, '-o', out, '--no-cache', '--jobs', '1'], io)).toBe(0);
    const lines = io.stderr.split('\n').filter((l) => l.startsWith('newsgraph: skipped '));
    expect(lines).toHaveLength(2);
    expect(lines).toContain(`newsgraph: skipped ${join(input, 'UNREADABLE.txt')}: permission denied`);
    expect(lines.some((l) => l.startsWith(`newsgraph: skipped ${join(input, 'LOCKED')}: folder cannot be read`))).toBe(
      true,
    );
    expect(io.stderr).not.toMatch(/^\s+at /m);
  });
});
