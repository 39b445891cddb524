/** Ingestion: files and folders in, articles out. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { identityMap } from './offsets.js';
import type { Article } from './types.js';

export type { Article, ArticleMeta, OffsetMap } from './types.js';

/** Reads one file into articles. Provisional: plain text only; the ingest issue adds formats and cleanup. */
export async function ingestFile(file: string, id: string = basename(file)): Promise<Article[]> {
  let original: string;
  try {
    original = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new InputError(file, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read', { cause: error });
  }
  return [{ id, file, original, text: original, map: identityMap(original.length), title: null, source: null, published: null, url: null }];
}
