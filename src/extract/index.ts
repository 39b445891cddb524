/** The extractor: an article in, entities and relations with original-text offsets out. */
import type { Article } from '../ingest/types.js';
import { analyse } from './analyse.js';
import { toExtraction } from './output.js';
import { extractRelations } from './relations/index.js';
import type { Extraction } from './types.js';

export type * from './types.js';

/** Extracts one article. Total: never throws on any text. */
export function extractArticle(article: Article): Extraction {
  const doc = analyse(article.text);
  const relations = extractRelations(doc);
  return toExtraction(article, doc, relations);
}
