/** Plain text: an optional scraped-news header (./header.ts), then the body. */
import { cleanup } from '../cleanup.js';
import { detectHeader } from '../header.js';
import { sliceOf } from '../mapped.js';
import type { ArticleMeta } from '../types.js';
import type { Ingested } from './types.js';

export function ingestText(original: string): Ingested {
  const header = detectHeader(original);
  const meta: ArticleMeta = {
    title: header.title,
    source: header.source,
    published: header.published,
    url: header.url,
  };
  return { meta, body: cleanup(sliceOf(original, header.bodyStart), { lineBreaks: 'keep' }) };
}
