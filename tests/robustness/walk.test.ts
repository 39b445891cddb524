/** Finding input files: order, extensions, links, loops, unreadable folders, missing paths. */
import { execFileSync } from 'node:child_process';
import { chmodSync, linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/errors.js';
import { collectInputs, walkInputs } from '../../src/ingest/walk.js';
import { RUNNING_AS_ROOT, tempDir } from './bad-inputs.js';

function tree(files: Record<string, string>): string {
  const dir = tempDir('walk');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Walk results with paths relative to `dir`, errors as "path: reason". */
async function walk(
  dir: string,
  paths: string[] = [dir],
): Promise<{ ids: string[]; files: string[]; errors: string[] }> {
  const { files, errors } = await collectInputs(paths);
  const rel = (p: string) => (p.startsWith(`${dir}/`) ? p.slice(dir.length + 1) : p);
  return {
    ids: files.map((f) => f.id),
    files: files.map((f) => rel(f.file)),
    errors: errors.map((e) => `${rel(e.file)}: ${e.reason.split(dir).join('<dir>')}`),
  };
}

describe('walkInputs', () => {
  it('takes article files recursively in code-unit name order, ids relative to the folder', async () => {
    const dir = tree({
      'b.txt': 'x',
      'a.md': 'x',
      'B.html': 'x',
      'z/c.jsonl': 'x',
      'z/a/deep.json': 'x',
      'é.txt': 'x',
      'Z.HTM': 'x',
      'notes.markdown': 'x',
      '10.txt': 'x',
      '9.txt': 'x',
    });
    const { ids, errors } = await walk(dir);
    expect(errors).toEqual([]);
    // code-unit order: digits < upper case < lower case < non-ASCII, whatever the locale
    expect(ids).toEqual([
      '10.txt',
      '9.txt',
      'B.html',
      'Z.HTM',
      'a.md',
      'b.txt',
      'notes.markdown',
      'z/a/deep.json',
      'z/c.jsonl',
      'é.txt',
    ]);
  });

  it('passes over other extensions and hidden entries inside folders, but takes any file named explicitly', async () => {
    const dir = tree({
      'a.txt': 'x',
      'scan.pdf': 'x',
      'image.png': 'x',
      README: 'x',
      '.hidden.txt': 'x',
      '.git/HEAD.txt': 'x',
    });
    expect((await walk(dir)).ids).toEqual(['a.txt']);
    const explicit = await walk(dir, [join(dir, 'scan.pdf'), join(dir, 'README')]);
    expect(explicit.files).toEqual(['scan.pdf', 'README']);
  });

  it('gives a file named explicitly its path as given, normalised, as id', async () => {
    const dir = tree({ 'a.txt': 'x' });
    const { files } = await collectInputs([`${dir}/./a.txt`]);
    expect(files).toEqual([{ file: `${dir}/./a.txt`, id: `${dir}/a.txt` }]);
  });

  it('keeps the inputs in the order given', async () => {
    const dir = tree({ 'one/b.txt': 'x', 'two/a.txt': 'x' });
    expect((await walk(dir, [join(dir, 'two'), join(dir, 'one')])).files).toEqual(['two/a.txt', 'one/b.txt']);
  });

  it.each([
    [['no/such/path'], 'no/such/path: no such file or folder'],
    [[], 'no input files or folders given'],
  ])('throws a usage error for %j before yielding anything', async (paths, message) => {
    const iterator = walkInputs(paths)[Symbol.asyncIterator]();
    const error = await iterator.next().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(message);
    expect((error as UsageError).exitCode).toBe(2);
  });

  it('checks every input path before yielding the first file', async () => {
    const dir = tree({ 'a.txt': 'x' });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const item of walkInputs([dir, join(dir, 'missing')])) seen.push(String(item));
      })(),
    ).rejects.toThrow(UsageError);
    expect(seen).toEqual([]);
  });

  it('reports a broken link given explicitly as a usage error', async () => {
    const dir = tempDir('walk');
    symlinkSync('nowhere.txt', join(dir, 'link.txt'));
    await expect(collectInputs([join(dir, 'link.txt')])).rejects.toThrow(
      `${join(dir, 'link.txt')}: broken symbolic link`,
    );
  });

  it('reports symbolic-link loops, self links and broken links once each and goes on', async () => {
    const dir = tree({ 'a.txt': 'x', 'sub/b.txt': 'x', 'sub/inner/c.txt': 'x' });
    symlinkSync('..', join(dir, 'sub', 'inner', 'up')); // sub/inner/up -> sub
    symlinkSync('.', join(dir, 'here')); // here -> the folder itself
    symlinkSync('self.txt', join(dir, 'self.txt'));
    symlinkSync('gone.txt', join(dir, 'dangling.txt'));
    symlinkSync('gone', join(dir, 'dangling-folder')); // a dangling link without an article name: ignored
    const { ids, errors } = await walk(dir);
    expect(ids).toEqual(['a.txt', 'sub/b.txt', 'sub/inner/c.txt']);
    expect(errors).toEqual([
      'dangling.txt: broken symbolic link',
      'here: symbolic link loop (leads back to <dir>)',
      'self.txt: symbolic link loop',
      'sub/inner/up: symbolic link loop (leads back to <dir>/sub)',
    ]);
  });

  it('follows links to files and folders outside, and reads a file reached twice only once', async () => {
    const outside = tree({ 'shared/x.txt': 'x', 'y.txt': 'y' });
    const dir = tree({ 'a.txt': 'x' });
    symlinkSync(join(outside, 'shared'), join(dir, 'linked'));
    symlinkSync(join(outside, 'shared'), join(dir, 'linked-again'));
    symlinkSync(join(outside, 'y.txt'), join(dir, 'y-link.txt'));
    linkSync(join(dir, 'a.txt'), join(dir, 'hard-link-to-a.txt'));
    const { ids, errors } = await walk(dir);
    expect(ids).toEqual(['a.txt', 'linked/x.txt', 'y-link.txt']);
    expect(errors).toEqual([
      'hard-link-to-a.txt: same file as <dir>/a.txt (read once)',
      'linked-again: same folder as <dir>/linked (read once)',
    ]);
  });

  it('reports a file given twice, or a folder and a file inside it, once', async () => {
    const dir = tree({ 'a.txt': 'x' });
    const { ids, errors } = await walk(dir, [dir, join(dir, 'a.txt')]);
    expect(ids).toEqual(['a.txt']);
    expect(errors).toEqual(['a.txt: same file as <dir>/a.txt (read once)']);
  });

  it('reports two folders whose files would get the same article id', async () => {
    const dir = tree({ '2024/index.html': 'x', '2025/index.html': 'y' });
    const { ids, errors } = await walk(dir, [join(dir, '2024'), join(dir, '2025')]);
    expect(ids).toEqual(['index.html']);
    expect(errors).toEqual([
      "2025/index.html: article id 'index.html' is already used by <dir>/2024/index.html; give their common parent folder instead",
    ]);
  });

  it('reports named pipes with an article extension (reading one would block) and passes over other ones', async () => {
    const dir = tree({ 'a.txt': 'x' });
    execFileSync('mkfifo', [join(dir, 'pipe.txt'), join(dir, 'pipe')]);
    const { ids, errors } = await walk(dir);
    expect(ids).toEqual(['a.txt']);
    expect(errors).toEqual(['pipe.txt: not a regular file (a named pipe)']);
  });

  it('reports a device given explicitly', async () => {
    const { files, errors } = await collectInputs(['/dev/null']);
    expect(files).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual(['/dev/null: not a regular file (a device)']);
  });

  it('reports an unreadable folder and goes on (not checkable as root, see unreadable.test.ts)', async () => {
    const dir = tree({ 'a.txt': 'x', 'locked/b.txt': 'x', 'z.txt': 'x' });
    chmodSync(join(dir, 'locked'), 0);
    const { ids, errors } = await walk(dir);
    if (RUNNING_AS_ROOT) {
      expect(ids).toEqual(['a.txt', 'locked/b.txt', 'z.txt']);
    } else {
      expect(ids).toEqual(['a.txt', 'z.txt']);
      expect(errors).toEqual(['locked: folder cannot be read (permission denied)']);
    }
    chmodSync(join(dir, 'locked'), 0o755);
  });

  it('stops quietly when aborted', async () => {
    const dir = tree({ 'a.txt': 'x', 'b.txt': 'x', 'c.txt': 'x' });
    const controller = new AbortController();
    const seen: string[] = [];
    for await (const item of walkInputs([dir], { signal: controller.signal })) {
      if (item instanceof InputError) continue;
      seen.push(item.id);
      controller.abort();
    }
    expect(seen).toEqual(['a.txt']);
  });

  it('walks a wide, deep tree in order without recursion limits', async () => {
    const dir = tempDir('walk-deep');
    let path = dir;
    for (let i = 0; i < 200; i++) path = join(path, `d${i}`);
    mkdirSync(path, { recursive: true });
    writeFileSync(join(path, 'bottom.txt'), 'x');
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, `f${String(i).padStart(3, '0')}.txt`), 'x');
    const { ids } = await walk(dir);
    expect(ids).toHaveLength(301);
    expect(ids[0]).toMatch(/^d0\/d1\/.*\/d199\/bottom\.txt$/);
    expect(ids.at(-1)).toBe('f299.txt');
  });
});
