/** An evaluation document as an Article: its text is the file's text (no cleanup, identity offsets, no metadata). */
import { identityMap } from '../ingest/offsets.js';
import type { Article } from '../ingest/types.js';

export function plainArticle(id: string, text: string, file: string = id): Article {
  return {
    id,
    file,
    original: text,
    text,
    map: identityMap(text.length),
    title: null,
    source: null,
    published: null,
    url: null,
  };
}
