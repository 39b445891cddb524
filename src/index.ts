/**
 * The newsgraph library API: what a user needs to read articles, extract, build and load graphs, apply corrections,
 * ask questions and export. Internal helpers (name matching, near-duplicate signatures, CSV escaping, URL and address
 * rules) stay inside their stages. This file only re-exports; see README "Library" for examples.
 */

export { nodeKey } from './contract/keys.js';
export * from './errors.js';
// extract: articles in, entities and relations out
export { type ExtractTextOptions, extract, extractArticle } from './extract/index.js';
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
export type * from './graph/types.js';
export { SCHEMA } from './graph/types.js';
export { parseGraphData } from './graph/validate.js';
// ingest: files and text in, articles out
export { ingestFile, ingestString, toOriginalSpan } from './ingest/index.js';
export { readTextFile } from './ingest/read.js';
export type { Article, ArticleFormat, ArticleMeta, OffsetMap } from './ingest/types.js';
export { walkInputs } from './ingest/walk.js';
// io and query
export { type CsvOptions, neutraliseFormula, writeCsv } from './io/csv.js';
export { EXPORT_FORMATS, type ExportFormat, type ExportOptions, exportGraph } from './io/export.js';
export { writeGexf } from './io/gexf.js';
export { writeGraphml } from './io/graphml.js';
export * from './query/index.js';
// sources: feeds, sitemaps and pages on the web as inputs
export {
  FETCH_DEFAULTS,
  type FetchedDocument,
  Fetcher,
  type FetchSettings,
  HttpCache,
  loadPage,
  resolveSources,
  type WebEntry,
} from './sources/index.js';
export { VERSION } from './version.js';
