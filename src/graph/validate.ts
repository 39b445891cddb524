/**
 * Validation of graph files against the newsgraph/1 contract, in two passes: the zod schema (./schema.ts) checks
 * the shape of every value, with a fast pre-check compiled from it (./fast-check.ts); ./references.ts then checks
 * what a shape cannot. The first problem found is reported as one line saying what is wrong and where, e.g. "edge 12
 * ('a|supports|b'): target 'x' is not a node"; nodes and edges are numbered from 0 as in the file's arrays
 * (./schema-messages.ts words them).
 *
 * Browser-safe (the viewer imports it): no Node modules. Linear in the file size; a 50,000-node graph
 * validates in well under a second.
 */
import { GraphFileError } from '../errors.js';
import { compileFastCheck } from './fast-check.js';
import { upgradeLegacyEdges } from './legacy.js';
import { checkReferences } from './references.js';
import { graphSchema, type SerializedNewsGraph } from './schema.js';
import { describeIssue, place, show, typeName } from './schema-messages.js';
import { SCHEMA } from './types.js';

/**
 * Checks graph data (parsed JSON) against the newsgraph/1 contract and returns it unchanged. Throws
 * GraphFileError with `where` (e.g. "edge 12") and a one-line reason; `file` names the source in the message.
 * Returns `unknown` for the callers written against the first version; new code uses parseGraphData.
 */
export function validateGraphData(data: unknown, file: string | null): unknown {
  return parseGraphData(data, file);
}

/** validateGraphData, typed: the data as graphology's serialized form, ready for `graph.import(...)`. */
export function parseGraphData(data: unknown, file: string | null): SerializedNewsGraph {
  checkIdentity(data, file);
  // Fast path: a plain predicate compiled from the zod schema says yes for a valid file in a fraction of
  // zod's time (zod allocates a result per value: seconds on a 50,000-node graph). Only a file the predicate
  // refuses goes through zod, which has the last word and words the message.
  if (isValidShape(data)) {
    checkReferences(data as SerializedNewsGraph, file);
    return upgradeLegacyEdges(data as SerializedNewsGraph);
  }
  const result = graphSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    const [issue] = result.error.issues;
    if (!issue) throw new GraphFileError(file, null, 'does not follow the newsgraph/1 contract');
    const more = result.error.issues.length - 1;
    const suffix = more > 0 ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : '';
    const { where, field } = place(issue.path, data);
    throw new GraphFileError(file, where, `${field ? `${field}: ` : ''}${describeIssue(issue)}${suffix}`);
  }
  const graph = result.data as unknown as SerializedNewsGraph;
  checkReferences(graph, file);
  return upgradeLegacyEdges(graph);
}

const fastPredicate = compileFastCheck(graphSchema);

/** True when the data has the contract's shape (the zod schema's verdict, computed fast). */
function isValidShape(data: unknown): boolean {
  return fastPredicate ? fastPredicate(data) : graphSchema.safeParse(data).success;
}

/** Tells a foreign file (not JSON object, other graph format, other version) apart from a damaged one. */
function checkIdentity(data: unknown, file: string | null): void {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new GraphFileError(
      file,
      null,
      `not a graph file (found ${typeName(data)}, expected a graphology JSON object)`,
    );
  }
  const attributes = (data as { attributes?: unknown }).attributes;
  const schema =
    typeof attributes === 'object' && attributes !== null ? (attributes as { schema?: unknown }).schema : undefined;
  if (schema === undefined) {
    throw new GraphFileError(file, 'attributes.schema', `missing; not a newsgraph file (expected '${SCHEMA}')`);
  }
  if (schema !== SCHEMA) {
    throw new GraphFileError(file, 'attributes.schema', `${show(schema)} is not supported (expected '${SCHEMA}')`);
  }
}
