/**
 * The shape of a graph file under the newsgraph/1 contract (see ./types.ts and the README), as a zod schema: types,
 * kinds, ranges, kebab-case relations. What a shape cannot say (unique keys, edges between nodes, offsets that
 * agree with the quoted text) is checked by ./references.ts; ./validate.ts runs both.
 *
 * Browser-safe (the viewer imports it): no Node modules.
 */
import { z } from 'zod';
import { ENTITY_KINDS } from '../contract/kinds.js';
import { type EdgeAttributes, type GraphAttributes, type NodeAttributes, SCHEMA } from './types.js';

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
