/**
 * The corrections file (newsgraph-corrections/1): what an analyst fixes in a graph, kept in a file so that the
 * fixes survive the next build. Checked with zod, like graph files. Entities are named by label, alias or node key.
 *
 *   { "merge":    [{ "from": "Tories", "into": "Conservative Party" }],
 *     "aliases":  [{ "entity": "Jane Doe", "add": ["Ms Doe"] }],
 *     "kind":     [{ "entity": "Acme", "kind": "organisation" }],
 *     "drop":     ["Breaking News"],
 *     "distinct": [["Prince John", "John Smith"]] }
 *
 * Browser-safe (the viewer writes this format): no Node modules.
 */
import { z } from 'zod';
import { ENTITY_KINDS, type EntityKind } from '../extract/types.js';

export const CORRECTIONS_SCHEMA = 'newsgraph-corrections/1';

const name = z.string().trim().min(1, 'must name an entity (label, alias or node key)');

export const correctionsSchema = z.strictObject({
  /** Optional marker; files written by newsgraph (and its viewer) carry it. */
  schema: z.literal(CORRECTIONS_SCHEMA).optional(),
  /** Fold one entity into another: its mentions, aliases, articles and relations move to `into`. */
  merge: z.array(z.strictObject({ from: name, into: name })).optional(),
  /** More names for an entity, so queries and later builds find it by them. */
  aliases: z.array(z.strictObject({ entity: name, add: z.array(name).min(1) })).optional(),
  /** The right kind for an entity. */
  kind: z.array(z.strictObject({ entity: name, kind: z.enum(ENTITY_KINDS) })).optional(),
  /** Entities that should not be in the graph (with their relations). */
  drop: z.array(name).optional(),
  /** Pairs that are two different entities: never merged; split apart when one is only an alias of the other. */
  distinct: z.array(z.tuple([name, name])).optional(),
});

export interface Corrections {
  schema?: typeof CORRECTIONS_SCHEMA;
  merge?: { from: string; into: string }[];
  aliases?: { entity: string; add: string[] }[];
  kind?: { entity: string; kind: EntityKind }[];
  drop?: string[];
  distinct?: [string, string][];
}

/** The outcome of checking corrections data: the corrections, or where and what is wrong (one line). */
export type CorrectionsCheck = { ok: true; corrections: Corrections } | { ok: false; where: string; reason: string };

/** Checks parsed JSON against the corrections format without throwing (the viewer and the CLI word the error). */
export function checkCorrections(data: unknown): CorrectionsCheck {
  const result = correctionsSchema.safeParse(data);
  if (result.success) return { ok: true, corrections: result.data };
  const issue = result.error.issues[0]!;
  const where = issue.path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : `${out}${out ? '.' : ''}${String(part)}`),
    '',
  );
  const reason =
    issue.code === 'unrecognized_keys'
      ? `unknown field ${issue.keys.map((k) => `'${k}'`).join(', ')} (expected merge, aliases, kind, drop, distinct)`
      : issue.message;
  return { ok: false, where: where || 'file', reason };
}
