/** The newsgraph library API. This file only re-exports. */
export * from './errors.js';
export { VERSION } from './version.js';
export type { Article, ArticleMeta, OffsetMap } from './ingest/types.js';
export { ingestFile } from './ingest/index.js';
export { extractArticle } from './extract/index.js';
export type * from './extract/types.js';
export { ENTITY_KINDS } from './extract/types.js';
export { buildGraph, addExtraction, createGraph } from './graph/build.js';
export { loadGraph, saveGraph, parseGraph, serializeGraph } from './graph/file.js';
export { nodeKey, slugify } from './graph/keys.js';
export type * from './graph/types.js';
export { SCHEMA } from './graph/types.js';
