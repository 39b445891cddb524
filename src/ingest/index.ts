/**
 * Ingestion: one file in, articles out. The format comes from the extension, checked against the content (an HTML
 * page saved as .txt is read as HTML; a .json file holding JSON Lines is read as JSON Lines). Each format reader
 * gives metadata and a cleaned body whose every character knows its origin; that becomes Article.text and its
 * OffsetMap into Article.original, the file's text as read.
 */
import { basename, extname } from 'node:path';
import { InputError } from '../errors.js';
import { ingestHtml } from './formats/html.js';
import { ingestJson, ingestJsonLines, type JsonRecord } from './formats/json.js';
import { ingestMarkdown } from './formats/markdown.js';
import { ingestText } from './formats/text.js';
import type { Ingested } from './formats/types.js';
import { toOffsetMap } from './mapped.js';
import { type ReadOptions, readTextFile } from './read.js';
import type { Article, ArticleFormat } from './types.js';

export { toOriginalSpan } from './offsets.js';
export type { Article, ArticleFormat } from './types.js';

const BY_EXTENSION: Record<string, ArticleFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.mdx': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.shtml': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.jsonlines': 'jsonl',
};

const HTML_START = /^\s*(?:<!--[\s\S]{0,2000}?-->\s*)?<(?:!doctype\s+html|html|head|body|article|main)[\s>]/i;

/** The format of a file: by extension, corrected by what the content evidently is. */
export function detectFormat(file: string, text: string): ArticleFormat {
  const byExtension = BY_EXTENSION[extname(file).toLowerCase()];
  if (byExtension === 'html' || byExtension === 'markdown') return byExtension;
  const head = text.slice(0, 4096);
  if (byExtension === 'json' || byExtension === 'jsonl') {
    if (byExtension === 'json' && looksLikeJsonLines(text)) return 'jsonl';
    return byExtension;
  }
  if (HTML_START.test(head)) return 'html';
  const first = head.trimStart()[0];
  if (first === '{' || first === '[') {
    if (looksLikeJsonLines(text)) return 'jsonl';
    try {
      JSON.parse(text);
      return 'json';
    } catch {
      // not JSON after all: text that starts with a brace
    }
  }
  if (byExtension === undefined && /^(?:---|\+\+\+)\r?\n/.test(head)) return 'markdown';
  return 'text';
}

/** Several lines, each a complete JSON object (and the whole not one JSON value). */
function looksLikeJsonLines(text: string): boolean {
  const lines = text
    .slice(0, 1 << 20)
    .split('\n')
    .filter((l) => l.trim());
  if (
    lines.length < 2 ||
    !lines.every((l, i) => (i === lines.length - 1 && text.length > 1 << 20) || /^\s*\{.*\}\s*$/.test(l))
  )
    return false;
  try {
    JSON.parse(lines[0] as string);
    return true;
  } catch {
    return false;
  }
}

function toArticle(id: string, file: string, original: string, format: ArticleFormat, read: Ingested): Article {
  return { id, file, original, text: read.body.text, map: toOffsetMap(read.body), format, ...read.meta };
}

/**
 * Reads one file into articles (several for JSON arrays and JSON Lines). Throws InputError for unusable files.
 * `readOptions` go to readTextFile (size limit, warnings about repaired encodings).
 */
export async function ingestFile(
  file: string,
  id: string = basename(file),
  readOptions?: ReadOptions,
): Promise<Article[]> {
  const original = await readTextFile(file, readOptions);
  return ingestString(original, file, id);
}

/** Ingests text already read from `file` (the format is detected from `file`'s extension and the text). */
export function ingestString(
  original: string,
  file: string,
  id: string = basename(file),
  format: ArticleFormat = detectFormat(file, original),
): Article[] {
  if (original.trim() === '') throw new InputError(file, 'empty file');
  let articles: Article[];
  if (format === 'json' || format === 'jsonl') {
    const records: JsonRecord[] = format === 'json' ? ingestJson(original, file) : ingestJsonLines(original, file);
    articles = records.map((r) => toArticle(r.n === null ? id : `${id}#${r.n}`, file, original, format, r));
  } else {
    const read =
      format === 'html'
        ? ingestHtml(original, file)
        : format === 'markdown'
          ? ingestMarkdown(original)
          : ingestText(original);
    articles = [toArticle(id, file, original, format, read)];
  }
  const usable = articles.filter((a) => a.text.trim() !== '');
  if (usable.length === 0) throw new InputError(file, 'no article text found');
  return usable;
}
