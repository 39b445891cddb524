/** What ingestion produces: one article with its metadata, its original text and the cleaned text to read. */

export interface ArticleMeta {
  title: string | null;
  source: string | null;
  /** ISO 8601, or null when the article gives no date. */
  published: string | null;
  url: string | null;
}

/**
 * Maps offsets in the cleaned `text` back to the original file text. Plain data (no methods) so that it
 * crosses worker threads and caches unchanged. Interpreted only by src/ingest/offsets.ts.
 */
export interface OffsetMap {
  /**
   * Flat runs [textStart, originalStart, length, ...]: text[textStart + i] came from original[originalStart + i]
   * (possibly normalised, e.g. a curly quote made straight). Text characters in no run were inserted by cleanup.
   */
  runs: number[];
  /**
   * Flat pairs [textPos, originalLength, ...], sorted by textPos: the character at textPos (always a run of
   * length 1) stands for `originalLength` original characters, e.g. "&amp;" -> "&" or "\u00e9" -> "é".
   * Absent when every mapped character came from exactly one original character.
   */
  wide?: number[];
}

/** The input formats ingestion understands. */
export type ArticleFormat = 'text' | 'markdown' | 'html' | 'json' | 'jsonl';

export interface Article extends ArticleMeta {
  /**
   * Stable id: the file path relative to the input root, plus `#N` for a record of a JSON Lines file (N = its
   * 1-based line number) or of a JSON array (N = its 1-based position).
   */
  id: string;
  /** The path of the file it came from, as given or found under a given folder. */
  file: string;
  /** The file's text as read (UTF-8, BOM removed). All offsets reported to users refer to this string. */
  original: string;
  /** The body text the extractor reads: header lines removed, glued sentences split, quotes normalised. */
  text: string;
  map: OffsetMap;
  /** The format the file was read as (by extension, then by content). */
  format?: ArticleFormat;
}
