/** Defaults of the ingest stage in one place: the reader and the CLI's help text read them from here. */

/** Default limit for one article file: news articles are well under 1 MB; books a few MB. */
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
/** Default limit for .json/.jsonl files, which may hold thousands of articles (V8 strings top out near 512 MiB). */
export const DEFAULT_MAX_COLLECTION_BYTES = 256 * 1024 * 1024;
/** Share of control or undecodable characters above which decoded "text" is taken to be binary. */
export const BINARY_CONTROL_RATIO = 0.05;

// Plain-text header (header.ts): the lines before the body that may hold a title, source, date or URL.
/** Lines at the top of a text file read as a possible header; a header longer than this is body text. */
export const MAX_HEADER_LINES = 14;
/** A header line longer than this (characters) or than MAX_TITLE_WORDS words is not a title. */
export const MAX_TITLE_LENGTH = 250;
export const MAX_TITLE_WORDS = 35;

// HTML (formats/html.ts).
/**
 * A block of at most LINK_BLOCK_MAX_LENGTH characters whose text is more than LINK_BLOCK_DENSITY link text ("Read
 * more: <a>Another story</a>") points elsewhere and is not article text.
 */
export const LINK_BLOCK_DENSITY = 0.6;
export const LINK_BLOCK_MAX_LENGTH = 160;
/** A link-dense block of fewer words is a button or a menu entry wherever it stands ("Share", "Sign in"). */
export const LINK_BLOCK_MIN_WORDS = 4;
/** Up to this many headed articles in one container are taken for the article and its neighbours. */
export const MAX_NEIGHBOURS = 4;
/**
 * Aligning Readability's blocks with the page: after MAX_UNBOUNDED_MISSES blocks not found by a search to the end of
 * the page, blocks are searched ALIGN_BLOCK_WINDOW characters ahead, so alignment stays linear; a block Readability
 * rewrote is aligned word by word, each word searched ALIGN_WORD_WINDOW characters ahead.
 */
export const MAX_UNBOUNDED_MISSES = 32;
export const ALIGN_BLOCK_WINDOW = 65_536;
export const ALIGN_WORD_WINDOW = 4000;
/** Readability's time grows with the square of the nesting depth; real pages stay far below this depth. */
export const MAX_READABILITY_DEPTH = 400;

// JSON (formats/json.ts).
/** Nesting depth below which values are skipped, not scanned: articles sit near the top of a feed or export. */
export const MAX_JSON_DEPTH = 6;

// Offsets of decoded text (align.ts).
/** Source characters skipped, at most, looking for a decoded character past markup the decoder dropped. */
export const DECODE_SKIP_WINDOW = 16;
/** Longest HTML character reference ("&CounterClockwiseContourIntegral;" is 33) tried as one decoded character. */
export const MAX_CHARACTER_REFERENCE = 40;
