/**
 * Validation of graph files against the newsgraph/1 contract (see ./types.ts and the README), with zod.
 *
 * Two passes: zod checks the shape of every value (types, kinds, ranges, kebab-case relations); a plain loop
 * then checks what a shape cannot: unique keys, edges whose ends are nodes, evidence that names a listed
 * article, offsets that agree with the quoted text. The first problem found is reported as one line saying
 * what is wrong and where, e.g. "edge 12 ('a|supports|b'): target 'x' is not a node"; nodes and edges are
 * numbered from 0 as in the file's arrays.
 *
 * Browser-safe (the viewer imports it): no Node modules. Linear in the file size; a 50,000-node graph
 * validates in well under a second.
 */
import { z } from 'zod';
import { ENTITY_KINDS } from '../contract/kinds.js';
import { GraphFileError } from '../errors.js';
import { compileFastCheck } from './fast-check.js';
import { upgradeLegacyEdges } from './legacy.js';
import {
  type ArticleRecord,
  type EdgeAttributes,
  type EdgeEvidence,
  type GraphAttributes,
  type MentionExample,
  type NodeAttributes,
  SCHEMA,
} from './types.js';

const nonNegativeInt = z.int().nonnegative();
const offset = nonNegativeInt;
const nullableString = z.string().nullable();

/**
 * ISO 8601 as the contract states it: a date, or a date and time with an optional zone. The shape is checked here;
 * that the date exists in the calendar (no 2023-02-30) is checked by calendarDateProblem in the second pass.
 */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

const articleSchema = z.looseObject({
  id: z.string().min(1),
  title: nullableString,
  source: nullableString,
  published: z.string().regex(ISO_8601, 'is not an ISO 8601 date (YYYY-MM-DD, optionally with a time)').nullable(),
  url: nullableString,
  file: z.string(),
  minhash: z.string().optional(),
  group: z.string().optional(),
});

const graphAttributesSchema = z.looseObject({
  schema: z.literal(SCHEMA),
  createdWith: z.string(),
  articles: z.array(articleSchema),
  dropped: z.array(z.string()).optional(),
});

const exampleSchema = z.looseObject({
  article: z.string(),
  start: offset,
  end: offset,
  text: z.string(),
});

/** sigma reads a `type` attribute as the name of a render program: a file that uses it for kinds breaks the viewer. */
const noTypeAttribute = (what: string) =>
  z.never({ error: `not allowed (${what}; sigma reads 'type' as the name of a renderer)` }).optional();

const nodeAttributesSchema = z.looseObject({
  type: noTypeAttribute("the entity kind goes in 'kind'"),
  label: z.string().min(1),
  kind: z.enum(ENTITY_KINDS),
  aliases: z.array(z.string()),
  mentions: nonNegativeInt,
  articles: z.array(z.string()),
  rules: z.array(z.string()),
  examples: z.array(exampleSchema),
  iso: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  iso3: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  x: z.number().optional(),
  y: z.number().optional(),
});

const evidenceSchema = z.looseObject({
  article: z.string(),
  sentence: z.string(),
  start: offset,
  end: offset,
  rule: z.string(),
  qualifiers: z.record(z.string(), z.string()).optional(),
  former: z.boolean().optional(),
});

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const edgeAttributesSchema = z.looseObject({
  type: noTypeAttribute("the relation goes in 'relation'"),
  relation: z.string().regex(KEBAB, 'must be kebab-case'),
  label: z.string(),
  weight: z.number().nonnegative(),
  confidence: z.number().min(0).max(1),
  evidence: z.array(evidenceSchema),
  rules: z.array(z.string()),
  // Optional when reading: files written before issue 14 have no basis (read as 'text') and no edge qualifiers.
  basis: z.enum(['text', 'knowledge']).optional(),
  qualifiers: z.record(z.string(), z.string()).optional(),
  // Absent in files written before it was a boolean (they held qualifiers.former: 'true'; see ./legacy.ts).
  former: z.boolean().optional(),
});

/** The shape of a newsgraph/1 file; parseGraphData adds the checks a shape cannot express. */
export const graphSchema = z.looseObject({
  options: z.looseObject({
    type: z.literal('directed'),
    multi: z.literal(true),
    allowSelfLoops: z.literal(false),
  }),
  attributes: graphAttributesSchema,
  nodes: z.array(z.looseObject({ key: z.string().min(1), attributes: nodeAttributesSchema })),
  edges: z.array(
    z.looseObject({
      key: z.string().min(1).optional(),
      source: z.string(),
      target: z.string(),
      undirected: z.literal(false).optional(),
      attributes: edgeAttributesSchema,
    }),
  ),
});

/** A graph file's data after validation: graphology's serialized form with the newsgraph/1 attributes. */
export interface SerializedNewsGraph {
  options: { type: 'directed'; multi: true; allowSelfLoops: false };
  attributes: GraphAttributes;
  nodes: Array<{ key: string; attributes: NodeAttributes }>;
  edges: Array<{ key?: string; source: string; target: string; undirected?: false; attributes: EdgeAttributes }>;
}

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

type Path = ReadonlyArray<PropertyKey>;

/** Turns a zod path into a place a reader can find: "node 3 ('person:x')" plus the field inside it. */
function place(path: Path, data: unknown): { where: string | null; field: string } {
  const [head, index, ...rest] = path;
  if ((head === 'nodes' || head === 'edges') && typeof index === 'number') {
    const list = (data as Record<string, unknown>)[head];
    const item = Array.isArray(list) ? (list[index] as { key?: unknown } | undefined) : undefined;
    const key = typeof item?.key === 'string' ? ` (${showKey(item.key)})` : '';
    return { where: `${head === 'nodes' ? 'node' : 'edge'} ${index}${key}`, field: dotted(rest) };
  }
  return { where: path.length ? dotted(path) : null, field: '' };
}

function dotted(path: Path): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'never') return issue.message;
      return input === undefined
        ? `missing (expected ${issue.expected})`
        : `expected ${issue.expected}, got ${show(input)}`;
    case 'invalid_value':
      return input === undefined
        ? `missing (expected ${issue.values.map((v) => show(v)).join(' | ')})`
        : `${show(input)} is not allowed (expected ${issue.values.map((v) => show(v)).join(' | ')})`;
    case 'too_big':
      return `${show(input)} is above the maximum ${String(issue.maximum)}`;
    case 'too_small':
      return typeof input === 'string' || Array.isArray(input)
        ? 'must not be empty'
        : `${show(input)} is below the minimum ${String(issue.minimum)}`;
    case 'invalid_format':
      return `${show(input)} ${issue.message}`;
    default:
      return issue.message;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A value as it may appear in a one-line message: short, quoted, no newlines. */
function show(value: unknown, max = 60): string {
  if (typeof value === 'string') {
    const flat = value.replace(/\s+/g, ' ');
    return `'${flat.length > max ? `${flat.slice(0, max - 3)}...` : flat}'`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return typeName(value);
}

/** Keys are how a reader finds the place: shown whole (up to a sane length). */
function showKey(key: string): string {
  return show(key, 300);
}

/**
 * The checks a per-value schema cannot make. One pass over nodes, edges and evidence; place names are built
 * only for the failure (building them for every item would cost more than the checks).
 */
function checkReferences(graph: SerializedNewsGraph, file: string | null): void {
  const fail = (where: string, reason: string): never => {
    throw new GraphFileError(file, where, reason);
  };
  // An attribute called `__proto__` would become the prototype of graphology's copy of the attributes (it copies
  // with Object.assign) and vanish from every output: refused, since it cannot be kept as data.
  const protoAttribute = (record: object): boolean => Object.hasOwn(record, '__proto__');
  const noProto = "attribute name '__proto__' is not allowed (it cannot be kept as data)";
  if (protoAttribute(graph.attributes)) fail('attributes', noProto);
  const articleIds = new Set<string>();
  const articles = graph.attributes.articles;
  for (let i = 0; i < articles.length; i++) {
    const id = (articles[i] as ArticleRecord).id;
    if (articleIds.has(id)) fail(`attributes.articles[${i}]`, `duplicate article id ${show(id)}`);
    articleIds.add(id);
    const published = (articles[i] as ArticleRecord).published;
    const dateProblem = published === null ? null : calendarDateProblem(published);
    if (dateProblem) fail(`attributes.articles[${i}].published`, dateProblem);
  }
  const unknownArticle = (id: string) => `article ${show(id)} is not in attributes.articles`;

  const nodeKeys = new Set<string>();
  const nodes = graph.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as SerializedNewsGraph['nodes'][number];
    const where = () => `node ${i} (${showKey(node.key)})`;
    if (nodeKeys.has(node.key)) fail(where(), `duplicate node key ${showKey(node.key)}`);
    nodeKeys.add(node.key);
    if (protoAttribute(node.attributes)) fail(where(), noProto);
    const { articles: ids, examples } = node.attributes;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j] as string;
      if (!articleIds.has(id)) fail(`${where()} articles[${j}]`, unknownArticle(id));
    }
    for (let j = 0; j < examples.length; j++) {
      const example = examples[j] as MentionExample;
      if (!articleIds.has(example.article)) fail(`${where()} examples[${j}]`, unknownArticle(example.article));
      const problem = spanProblem(example.start, example.end, example.text);
      if (problem) fail(`${where()} examples[${j}]`, problem);
    }
  }

  const edgeKeys = new Set<string>();
  const edges = graph.edges;
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i] as SerializedNewsGraph['edges'][number];
    const where = () => `edge ${i}${edge.key !== undefined ? ` (${showKey(edge.key)})` : ''}`;
    if (edge.key !== undefined) {
      if (edgeKeys.has(edge.key)) fail(where(), `duplicate edge key ${showKey(edge.key)}`);
      edgeKeys.add(edge.key);
    }
    if (!nodeKeys.has(edge.source)) fail(where(), `source ${showKey(edge.source)} is not a node`);
    if (!nodeKeys.has(edge.target)) fail(where(), `target ${showKey(edge.target)} is not a node`);
    if (edge.source === edge.target) fail(where(), `self-loop on ${showKey(edge.source)} (not allowed)`);
    if (protoAttribute(edge.attributes)) fail(where(), noProto);
    const evidence = edge.attributes.evidence;
    for (let j = 0; j < evidence.length; j++) {
      const item = evidence[j] as EdgeEvidence;
      if (!articleIds.has(item.article)) fail(`${where()} evidence[${j}]`, unknownArticle(item.article));
      const problem = spanProblem(item.start, item.end, item.sentence);
      if (problem) fail(`${where()} evidence[${j}]`, problem);
    }
  }
}

/**
 * Why an ISO 8601 string (already shape-checked) names no real moment, or null when it does: the month must be
 * 1-12, the day must exist in that month and year, the time must be on the clock (a leap second :60 is allowed).
 */
function calendarDateProblem(iso: string): string | null {
  const [year, month, day] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  if (month < 1 || month > 12) return `${show(iso)} has no month ${month}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${show(iso)} is not a calendar date (${iso.slice(0, 7)} has ${days} days)`;
  const time = /T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?:Z|([+-])(\d{2}):?(\d{2})?)?$/.exec(iso);
  if (time) {
    const [hour, minute, second, zoneHour, zoneMinute] = [time[1], time[2], time[3], time[5], time[6]].map((v) =>
      Number(v ?? 0),
    ) as [number, number, number, number, number];
    if (hour > 23 || minute > 59 || second > 60 || zoneHour > 23 || zoneMinute > 59)
      return `${show(iso)} is not a time of day`;
  }
  return null;
}

/** The quoted text is original.slice(start, end), so it must be exactly end - start long. */
function spanProblem(start: number, end: number, text: string): string | null {
  if (end < start) return `end ${end} is before start ${start}`;
  if (text.length !== end - start)
    return `text is ${text.length} characters long but spans ${start}..${end} (${end - start})`;
  return null;
}
