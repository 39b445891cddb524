/**
 * The extractor's fingerprint: what a cached extraction depends on besides the article itself. Hashing the code of
 * the ingest and extract stages, the models and data files, and the package version means any change to how an
 * article is read or extracted invalidates the cache, without anyone having to remember to bump a version number.
 */
import { createHash, type Hash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT, VERSION } from '../version.js';

/** src/ when run from source, dist/src/ when built: the stages' code sits beside this folder either way. */
const SOURCE_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** Code that decides what an extraction contains. */
const CODE_FOLDERS = ['contract', 'ingest', 'extract', 'sources'];
// task: how a fetched page's feed metadata fills in what the page lacks.
const CODE_FILES = ['corpus/task.js', 'corpus/task.ts'];
/** Knowledge the extractor loads at run time. */
const DATA_FOLDERS = ['models', 'data'];

const CODE_FILE = /\.(js|ts|json)$/;

async function listFiles(dir: string, accept: (name: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path, accept)));
    else if (entry.isFile() && accept(entry.name)) files.push(path);
  }
  return files;
}

async function hashFiles(hash: Hash, root: string, files: string[]): Promise<void> {
  for (const file of files) {
    const bytes = await readFile(file).catch(() => null);
    if (!bytes) continue;
    hash.update(`${file.slice(root.length)}\0${bytes.length}\0`);
    hash.update(bytes);
  }
}

let memo: Promise<string> | null = null;

/** A hex digest that changes whenever the extractor's code, models, data or version change. Computed once. */
export function extractorFingerprint(): Promise<string> {
  memo ??= (async () => {
    const hash = createHash('sha256').update(`newsgraph ${VERSION}\0`);
    const isCode = (name: string) => CODE_FILE.test(name) && !name.endsWith('.d.ts');
    for (const folder of CODE_FOLDERS)
      await hashFiles(hash, SOURCE_ROOT, await listFiles(join(SOURCE_ROOT, folder), isCode));
    await hashFiles(
      hash,
      SOURCE_ROOT,
      CODE_FILES.map((file) => join(SOURCE_ROOT, file)),
    );
    for (const folder of DATA_FOLDERS)
      await hashFiles(hash, PACKAGE_ROOT, await listFiles(join(PACKAGE_ROOT, folder), () => true));
    // The exact versions of the libraries the stages call (compromise, linkedom, ...), when installed from the lock file.
    await hashFiles(hash, PACKAGE_ROOT, [join(PACKAGE_ROOT, 'package-lock.json')]);
    return hash.digest('hex');
  })();
  return memo;
}
