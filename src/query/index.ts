/** The query API: open a graph file, then ask it questions. */

export { GraphQuery, RelationNotFoundError } from './graph-query.js';
export type * from './types.js';
