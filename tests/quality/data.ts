/**
 * Where the quality suite finds the evaluation data (CoNLL-2003, DWIE, CoNLL04), which is licensed for research use
 * and never copied into this repository: the folder named by NEWSGRAPH_DATA, else ../shared/data beside the clone.
 * A guard whose files are missing is skipped, and the run says which files and where it looked.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

const DATA_DIR = resolve(process.env.NEWSGRAPH_DATA ?? join(REPO, '..', 'shared', 'data'));

/**
 * The absolute paths of `files` (relative to the data folder) when all exist; otherwise null, after printing what is
 * missing (vitest shows it beside the skipped guards).
 */
export function dataFiles(guard: string, ...files: string[]): string[] | null {
  const paths = files.map((file) => join(DATA_DIR, file));
  const missing = paths.filter((path) => !existsSync(path));
  if (missing.length === 0) return paths;
  const where = process.env.NEWSGRAPH_DATA ? 'NEWSGRAPH_DATA' : 'the default, ../shared/data beside the clone';
  console.warn(
    `quality: skipping ${guard}: missing ${missing.join(', ')} (data folder from ${where}; ` +
      'set NEWSGRAPH_DATA to the folder that holds dwie/, conll2003/ and conll04/)',
  );
  return null;
}
