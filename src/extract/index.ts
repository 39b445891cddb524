/** The extractor: an article in, entities and relations with original-text offsets out. */
import { InputError } from '../errors.js';
import { ingestString } from '../ingest/index.js';
import type { Article } from '../ingest/types.js';
import { analyse } from './analyse.js';
import { textSignature } from './minhash.js';
import { toExtraction } from './output.js';
import { extractRelations } from './relations/index.js';
import type { Extraction } from './types.js';

export type * from './types.js';

/** Extracts one article. Total: never throws on any text. */
export function extractArticle(article: Article): Extraction {
  const doc = analyse(article.text);
  const relations = extractRelations(doc);
  const extraction = toExtraction(article, doc, relations);
  const signature = textSignature(article.text);
  if (signature) extraction.signature = signature;
  return extraction;
}

export interface ExtractTextOptions {
  /** Article id recorded in the result (default 'text'). */
  id?: string;
  /** File name used to pick the format: 'x.html', 'x.md', ... (default: plain text). */
  file?: string;
}

/**
 * Extracts from text in memory: plain text by default, or the format `file`'s extension names. Offsets refer to
 * `text`. Empty text gives an empty extraction rather than an error.
 */
export function extract(text: string, options: ExtractTextOptions = {}): Extraction[] {
  const file = options.file ?? 'text.txt';
  const id = options.id ?? 'text';
  let articles: Article[];
  try {
    articles = ingestString(text.replace(/^\uFEFF/, ''), file, id);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return [
      {
        articleId: id,
        file,
        article: { title: null, source: null, published: null, url: null },
        entities: [],
        relations: [],
      },
    ];
  }
  return articles.map(extractArticle);
}
