/** The query API: open a graph file, then ask it questions. */
export { GraphQuery, RelationNotFoundError } from './graph-query.js';
export { NameIndex, foldName, editDistance } from './names.js';
export { parsePattern, parseQuery, closestRelations, type ParsedPattern, type ParsedQuery } from './pattern.js';
export { parseQueryDate } from './dates.js';
export type * from './types.js';
