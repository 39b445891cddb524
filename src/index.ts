/** The newsgraph library API. This file only re-exports; see README "Library" for examples. */
export * from './errors.js';
export { VERSION } from './version.js';

// ingest: files and text in, articles out
export type { Article, ArticleFormat, ArticleMeta, OffsetMap } from './ingest/types.js';
export { ingestFile, ingestString, detectFormat, toOriginalSpan, fromOriginal } from './ingest/index.js';
export { readTextFile } from './ingest/read.js';
export { walkInputs } from './ingest/walk.js';
export { Fetcher, HttpCache, canonicalUrl, resolveSources, loadPage, isPrivateAddress, USER_AGENT, FETCH_DEFAULTS, type FetchSettings, type FetchedDocument, type WebEntry } from './sources/index.js';
export { classifyDocument, type LinkedItem, type SourceDocument } from './sources/documents.js';

// extract: articles in, entities and relations out
export { extract, extractArticle, type ExtractTextOptions } from './extract/index.js';
export { textSignature, similarity, isNearDuplicate } from './extract/minhash.js';
export type * from './extract/types.js';
export { ENTITY_KINDS } from './extract/types.js';
export { tagDocument, type NerLabel, type NerSpan } from './extract/ner/index.js';

// graph: the newsgraph/1 file contract
export { buildGraph, addExtraction, createGraph } from './graph/build.js';
export { loadGraph, saveGraph, parseGraph, serializeGraph } from './graph/file.js';
export { parseGraphData } from './graph/schema.js';
export { applyCorrections, loadCorrections, parseCorrections, checkCorrections, correctionsSchema, CORRECTIONS_SCHEMA, type Corrections, type CorrectionOptions, type CorrectionReport } from './graph/corrections.js';
export { nodeKey, slugify } from './contract/keys.js';
export { KIND_COLORS, relationColor } from './graph/palette.js';
export type * from './graph/types.js';
export { SCHEMA } from './graph/types.js';

// io and query
export { exportGraph, EXPORT_FORMATS, type ExportFormat, type ExportOptions } from './io/export.js';
export { writeGexf } from './io/gexf.js';
export { writeGraphml } from './io/graphml.js';
export { writeCsv, neutraliseFormula, type CsvOptions } from './io/csv.js';
export { writeOutput, type OutputOptions } from './util/output.js';
export * from './query/index.js';
