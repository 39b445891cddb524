/**
 * Gold-file evaluation: builds the graph of one article and compares its nodes with a hand-made gold file
 * (format: seeds/*.gold.json), using the matching rules of ./match.ts.
 */
import { z } from 'zod';
import { InputError } from '../errors.js';
import { extractArticle } from '../extract/index.js';
import type { Extraction } from '../extract/types.js';
import { addExtraction, createGraph } from '../graph/build.js';
import { ingestFile } from '../ingest/index.js';
import { matchEntities, type EntityMatchReport, type NodeLike } from './match.js';
import { readJsonFile } from './read-json.js';

const GoldEntitySchema = z.object({ name: z.string().min(1), kinds: z.array(z.string()).min(1), aliases: z.array(z.string()).optional() });
const GoldRelationSchema = z.object({ source: z.string(), relation: z.string(), target: z.string() });
export const GoldFileSchema = z.object({
  article: z.string().optional(),
  entities: z.array(GoldEntitySchema),
  optionalEntities: z.array(GoldEntitySchema).optional(),
  relations: z.array(GoldRelationSchema).default([]),
  optionalRelations: z.array(GoldRelationSchema).optional(),
});
export type GoldFile = z.infer<typeof GoldFileSchema>;

export async function readGold(file: string): Promise<GoldFile> {
  const data = await readJsonFile(file);
  const parsed = GoldFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(file, `not a gold file (${issue ? `${issue.path.join('.') || 'top level'}: ${issue.message}` : 'invalid'})`);
  }
  return parsed.data;
}

export interface GoldRun {
  extraction: Extraction;
  nodes: NodeLike[];
  edges: Array<{ source: string; target: string; relation: string; confidence: number; rules: string[] }>;
  entities: EntityMatchReport;
}

/** Extracts every article of `articleFile`, builds their graph and scores its nodes against the gold file. */
export async function evalGoldArticle(articleFile: string, gold: GoldFile): Promise<GoldRun> {
  const articles = await ingestFile(articleFile);
  const graph = createGraph();
  let extraction: Extraction | null = null;
  for (const article of articles) {
    const x = extractArticle(article);
    extraction ??= x;
    addExtraction(graph, x);
  }
  const nodes: NodeLike[] = graph.mapNodes((id, a) => ({ id, label: a.label, kind: a.kind, aliases: a.aliases }));
  const edges = graph.mapEdges((_e, a, source, target) => ({ source, target, relation: a.relation, confidence: a.confidence, rules: a.rules }));
  return { extraction: extraction!, nodes, edges, entities: matchEntities(nodes, gold.entities, gold.optionalEntities ?? []) };
}
