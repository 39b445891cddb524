/** The newsgraph library API. This file only re-exports; see README "Library" for examples. */

export { nodeKey, slugify } from './contract/keys.js';
export * from './errors.js';
// extract: articles in, entities and relations out
export { type ExtractTextOptions, extract, extractArticle } from './extract/index.js';
export { isNearDuplicate, similarity, textSignature } from './extract/minhash.js';
export { type NerLabel, type NerSpan, tagDocument } from './extract/ner/index.js';
export type * from './extract/types.js';
export { ENTITY_KINDS } from './extract/types.js';
// graph: the newsgraph/1 file contract
export { addExtraction, buildGraph, createGraph } from './graph/build.js';
export {
  applyCorrections,
  CORRECTIONS_SCHEMA,
  type CorrectionOptions,
  type CorrectionReport,
  type Corrections,
  checkCorrections,
  correctionsSchema,
  loadCorrections,
  parseCorrections,
} from './graph/corrections.js';
export { loadGraph, parseGraph, saveGraph, serializeGraph } from './graph/file.js';
export { KIND_COLORS, relationColor } from './graph/palette.js';
export { parseGraphData } from './graph/schema.js';
export type * from './graph/types.js';
export { SCHEMA } from './graph/types.js';
export { detectFormat, fromOriginal, ingestFile, ingestString, toOriginalSpan } from './ingest/index.js';
export { readTextFile } from './ingest/read.js';
// ingest: files and text in, articles out
export type { Article, ArticleFormat, ArticleMeta, OffsetMap } from './ingest/types.js';
export { walkInputs } from './ingest/walk.js';
export { type CsvOptions, neutraliseFormula, writeCsv } from './io/csv.js';
// io and query
export { EXPORT_FORMATS, type ExportFormat, type ExportOptions, exportGraph } from './io/export.js';
export { writeGexf } from './io/gexf.js';
export { writeGraphml } from './io/graphml.js';
export * from './query/index.js';
export { classifyDocument, type LinkedItem, type SourceDocument } from './sources/documents.js';
export {
  canonicalUrl,
  FETCH_DEFAULTS,
  type FetchedDocument,
  Fetcher,
  type FetchSettings,
  HttpCache,
  isPrivateAddress,
  loadPage,
  resolveSources,
  USER_AGENT,
  type WebEntry,
} from './sources/index.js';
export { type OutputOptions, writeOutput } from './util/output.js';
export { VERSION } from './version.js';
