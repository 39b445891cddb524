/** What each format reader returns: metadata and the cleaned body with its origins in the original text. */
import type { MappedText } from '../mapped.js';
import type { ArticleMeta } from '../types.js';

export interface Ingested {
  meta: ArticleMeta;
  body: MappedText;
}
