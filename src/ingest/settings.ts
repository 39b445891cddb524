/** Defaults of the ingest stage in one place: the reader and the CLI's help text read them from here. */

/** Default limit for one article file: news articles are well under 1 MB; books a few MB. */
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
/** Default limit for .json/.jsonl files, which may hold thousands of articles (V8 strings top out near 512 MiB). */
export const DEFAULT_MAX_COLLECTION_BYTES = 256 * 1024 * 1024;
/** Share of control or undecodable characters above which decoded "text" is taken to be binary. */
export const BINARY_CONTROL_RATIO = 0.05;
