/** The query API: open a graph file, then ask it questions. */

export { parseQueryDate } from './dates.js';
export { GraphQuery, RelationNotFoundError } from './graph-query.js';
export { editDistance, foldName, NameIndex } from './names.js';
export { closestRelations, type ParsedPattern, type ParsedQuery, parsePattern, parseQuery } from './pattern.js';
export type * from './types.js';
