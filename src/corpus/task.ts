/** One unit of build work: an input file read, ingested and extracted. Runs in a worker thread or in-process. */
import { deflateRawSync } from 'node:zlib';
import { InputError } from '../errors.js';
import { extractArticle } from '../extract/index.js';
import type { Extraction } from '../extract/types.js';
import { ingestFile, ingestString } from '../ingest/index.js';
import type { ArticleFormat, ArticleMeta } from '../ingest/types.js';

export interface FileTask {
  file: string;
  id: string;
  /** When the build caches, the worker also returns the encoded value to store (encoding is work to spread). */
  encode: boolean;
  /** Largest file accepted in bytes; default: the reader's limit for the file's format. */
  maxBytes?: number;
  /** How the caller lets a user raise that limit, added to the "too large" reason (the CLI names its flag). */
  limitHint?: string;
  /** The article's text when it is already in memory (a fetched page): then `file` is its URL and nothing is read. */
  text?: string;
  format?: ArticleFormat;
  /** Metadata a feed stated for the article: used where the page itself says nothing. */
  hints?: Partial<ArticleMeta>;
}

export type FileResult =
  | { ok: true; extractions: Extraction[]; encoded: Uint8Array | null; warnings: string[] }
  | { ok: false; reason: string; stack: string | null };

/** The cache's value encoding: JSON, raw-deflated at the fastest level (extractions are repetitive JSON). */
export function encodeExtractions(extractions: Extraction[]): Uint8Array {
  return deflateRawSync(JSON.stringify(extractions), { level: 1 });
}

function applyHints(article: ArticleMeta, hints: Partial<ArticleMeta>): void {
  article.title ??= hints.title ?? null;
  article.source ??= hints.source ?? null;
  article.published ??= hints.published ?? null;
  article.url ??= hints.url ?? null;
}

/**
 * Reads and extracts one file. Never rejects: an unusable file (InputError) or an extractor failure becomes a
 * result with the reason, so one bad file among thousands is reported and the build goes on.
 */
export async function runFileTask(task: FileTask): Promise<FileResult> {
  try {
    // Warnings (an encoding repaired) travel back with the result: a callback cannot cross the worker boundary.
    const warnings: string[] = [];
    const articles =
      task.text !== undefined
        ? ingestString(task.text, task.file, task.id, task.format)
        : await ingestFile(task.file, task.id, {
            ...(task.maxBytes !== undefined ? { maxBytes: task.maxBytes } : {}),
            ...(task.limitHint !== undefined ? { limitHint: task.limitHint } : {}),
            onWarning: (w) => warnings.push(w.reason),
          });
    if (task.hints) for (const article of articles) applyHints(article, task.hints);
    const extractions = articles.map((article) => extractArticle(article));
    if (extractions.length === 0) return { ok: false, reason: 'no article in it', stack: null };
    return { ok: true, extractions, encoded: task.encode ? encodeExtractions(extractions) : null, warnings };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, reason: error.reason, stack: null };
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: `extraction failed (${message})`,
      stack: error instanceof Error ? (error.stack ?? null) : null,
    };
  }
}
