/**
 * Gold-file evaluation: builds the graph of one article and compares its nodes with a hand-made gold file
 * (format: seeds/*.gold.json), using the matching rules of ./match.ts.
 */

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { extractArticle } from '../extract/index.js';
import type { Extraction } from '../extract/types.js';
import { addExtraction, createGraph } from '../graph/build.js';
import { ingestFile } from '../ingest/index.js';
import type { Article } from '../ingest/types.js';
import { dwieDocumentText, readDwie } from './dwie.js';
import { type EntityMatchReport, matchEntities, type NodeLike, type Prf, toPrf } from './match.js';
import { plainArticle } from './plain-article.js';
import { readJsonFile } from './read-json.js';
import { scoreGoldRelations } from './relations.js';

const GoldEntitySchema = z.object({
  name: z.string().min(1),
  kinds: z.array(z.string()).min(1),
  aliases: z.array(z.string()).optional(),
});
const GoldRelationSchema = z.object({ source: z.string(), relation: z.string(), target: z.string() });
const GoldFileSchema = z.object({
  article: z.string().optional(),
  entities: z.array(GoldEntitySchema),
  optionalEntities: z.array(GoldEntitySchema).optional(),
  relations: z.array(GoldRelationSchema).default([]),
  optionalRelations: z.array(GoldRelationSchema).optional(),
  /** Relation kinds scored (default: speaks-for, supports, member-of); a stance set scores supports and opposes. */
  scored: z.array(z.string()).optional(),
  /** False when only the ends of the relations are listed (a relation set): entity scores are then not meaningful. */
  entitiesComplete: z.boolean().optional(),
});
export type GoldFile = z.infer<typeof GoldFileSchema>;

export async function readGold(file: string): Promise<GoldFile> {
  const data = await readJsonFile(file);
  const parsed = GoldFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      file,
      `not a gold file (${issue ? `${issue.path.join('.') || 'top level'}: ${issue.message}` : 'invalid'})`,
    );
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
  const edges = graph.mapEdges((_e, a, source, target) => ({
    source,
    target,
    relation: a.relation,
    confidence: a.confidence,
    rules: a.rules,
  }));
  return {
    extraction: extraction!,
    nodes,
    edges,
    entities: matchEntities(nodes, gold.entities, gold.optionalEntities ?? []),
  };
}

/** Builds one article's graph from an Article in memory and scores its nodes against the gold file. */
function evalGoldText(article: Article, gold: GoldFile): GoldRun {
  const graph = createGraph();
  const extraction = extractArticle(article);
  addExtraction(graph, extraction);
  const nodes: NodeLike[] = graph.mapNodes((id, a) => ({ id, label: a.label, kind: a.kind, aliases: a.aliases }));
  const edges = graph.mapEdges((_e, a, source, target) => ({
    source,
    target,
    relation: a.relation,
    confidence: a.confidence,
    rules: a.rules,
  }));
  return { extraction, nodes, edges, entities: matchEntities(nodes, gold.entities, gold.optionalEntities ?? []) };
}

export interface GoldSetReport {
  files: number;
  /** Per scored relation kind and over all of them. */
  byRelation: Record<string, Prf>;
  total: Prf;
  misses: string[];
  falsePositives: string[];
  /** Each predicted edge of a scored kind with its confidence and whether it was right (for calibration). */
  judged: Array<{ task: string; confidence: number; rule: string; correct: boolean; edge: string }>;
}

/**
 * Scores a directory of gold files whose `article` names a DWIE document ("dwie:TITLE") against the extractor, the
 * documents read from `dwieFile` and rebuilt as the DWIE evaluation rebuilds them. Used for the stance dev set.
 */
export async function evalGoldSet(dwieFile: string, dir: string): Promise<GoldSetReport> {
  const docs = new Map((await readDwie(dwieFile)).map((d) => [d.title, d]));
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.gold.json')).sort();
  } catch {
    throw new InputError(dir, 'not a readable directory of gold files');
  }
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const row = (r: string) =>
    counts.get(r) ?? (counts.set(r, { tp: 0, fp: 0, fn: 0 }).get(r) as { tp: number; fp: number; fn: number });
  const misses: string[] = [];
  const falsePositives: string[] = [];
  const judged: GoldSetReport['judged'] = [];
  for (const name of names) {
    const file = join(dir, name);
    const gold = await readGold(file);
    const title = /^dwie:(.+)$/.exec(gold.article ?? '')?.[1];
    const doc = title ? docs.get(title) : undefined;
    if (!doc) throw new InputError(file, `article ${gold.article ?? '(none)'} is not a document of ${dwieFile}`);
    const text = dwieDocumentText(doc);
    const article = plainArticle(doc.title, text);
    const run = evalGoldText(article, gold);
    const report = scoreGoldRelations(run.nodes, run.edges, gold);
    const relationOf = (edge: string) => / -([a-z-]+)-> /.exec(edge)?.[1] ?? '?';
    for (const t of report.truePositives) {
      row(relationOf(t.edge)).tp++;
      judged.push({
        task: relationOf(t.edge),
        confidence: t.confidence,
        rule: t.rules[0] ?? '',
        correct: true,
        edge: t.edge,
      });
    }
    for (const f of report.falsePositives) {
      row(relationOf(f.edge)).fp++;
      falsePositives.push(`${doc.title}: ${f.edge} (${f.confidence.toFixed(2)}, ${f.rules.join(',')})`);
      judged.push({
        task: relationOf(f.edge),
        confidence: f.confidence,
        rule: f.rules[0] ?? '',
        correct: false,
        edge: f.edge,
      });
    }
    for (const m of report.misses) {
      row(relationOf(m)).fn++;
      misses.push(`${doc.title}: ${m}`);
    }
  }
  const byRelation = Object.fromEntries([...counts].sort().map(([r, c]) => [r, toPrf(c.tp, c.fp, c.fn)]));
  const sum = [...counts.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), {
    tp: 0,
    fp: 0,
    fn: 0,
  });
  return { files: names.length, byRelation, total: toPrf(sum.tp, sum.fp, sum.fn), misses, falsePositives, judged };
}
