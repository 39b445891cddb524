/** Validation of graph files against the newsgraph/1 contract. Provisional; the bad-input issue makes it thorough. */
import { GraphFileError } from '../errors.js';
import { SCHEMA } from './types.js';

export function validateGraphData(data: unknown, file: string | null): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new GraphFileError(file, null, 'not a graph object');
  const attributes = (data as { attributes?: { schema?: unknown } }).attributes;
  if (attributes?.schema !== SCHEMA) throw new GraphFileError(file, 'attributes.schema', `expected '${SCHEMA}'`);
  return data;
}
