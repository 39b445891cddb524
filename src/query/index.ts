/** The query API: open a graph file, then ask it questions. */
export { GraphQuery, RelationNotFoundError } from './graph-query.js';
export { NameIndex, foldName, editDistance } from './names.js';
export { parsePattern, type ParsedPattern } from './pattern.js';
export type * from './types.js';
