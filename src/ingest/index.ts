/** Ingestion: files and folders in, articles out. */
import { basename } from 'node:path';
import { identityMap } from './offsets.js';
import { readTextFile } from './read.js';
import type { Article } from './types.js';

export type { Article, ArticleMeta, OffsetMap } from './types.js';

/** Reads one file into articles. Provisional: plain text only; the ingest issue adds formats and cleanup. */
export async function ingestFile(file: string, id: string = basename(file)): Promise<Article[]> {
  const original = await readTextFile(file);
  return [{ id, file, original, text: original, map: identityMap(original.length), title: null, source: null, published: null, url: null }];
}
