import { prf } from './counts.js';
import { type GoldEntity, matchEntities, type NodeLike, type Prf } from './match.js';

const CORE_RELATIONS = ['speaks-for', 'supports', 'member-of'] as const;

interface GoldRelation {
  source: string;
  relation: string;
  target: string;
}

export interface GoldFile {
  scored?: string[];
  entities: GoldEntity[];
  optionalEntities?: GoldEntity[];
  relations: GoldRelation[];
  optionalRelations?: GoldRelation[];
}

export interface PredictedEdge {
  source: string;
  target: string;
  relation: string;
  confidence: number;
  rules?: string[];
  rule?: string;
}

interface RelationMatchDetail {
  edge: string;
  confidence: number;
  rules: string[];
}

export interface GoldRelationReport extends Prf {
  misses: string[];
  falsePositives: RelationMatchDetail[];
  truePositives: RelationMatchDetail[];
  /** Each scored prediction with its relation and confidence and whether it was right (the calibration table). */
  judged: Array<{ task: string; confidence: number; rule: string; correct: boolean; edge: string }>;
}

/** Scores predicted edges (from an Extraction or a graph) against a gold file. */
export function scoreGoldRelations(
  nodes: readonly NodeLike[],
  edges: readonly PredictedEdge[],
  gold: GoldFile,
): GoldRelationReport {
  // Ends are matched as in the entities evaluation: one node per gold (or optional) entity.
  const matched = matchEntities(nodes, [...gold.entities, ...(gold.optionalEntities ?? [])]).matched;
  const match = new Map<string, string[]>();
  for (const m of matched) match.set(m.node, [...(match.get(m.node) ?? []), m.gold]);
  const key = (s: string, r: string, t: string) => `${s} -${r}-> ${t}`;
  const required = new Set(gold.relations.map((r) => key(r.source, r.relation, r.target)));
  const optional = new Set((gold.optionalRelations ?? []).map((r) => key(r.source, r.relation, r.target)));
  const found = new Set<string>();
  const falsePositives: RelationMatchDetail[] = [];
  const truePositives: RelationMatchDetail[] = [];
  const counted = new Set<string>();
  const judged: GoldRelationReport['judged'] = [];
  for (const e of edges) {
    if (!(gold.scored ?? (CORE_RELATIONS as readonly string[])).includes(e.relation)) continue;
    const rules = e.rules ?? (e.rule ? [e.rule] : []);
    const sources = match.get(e.source) ?? [];
    const targets = match.get(e.target) ?? [];
    let hit: string | undefined;
    let isOptional = false;
    for (const s of sources) {
      for (const t of targets) {
        const k = key(s, e.relation, t);
        if (required.has(k)) hit = k;
        else if (optional.has(k)) isOptional = true;
      }
    }
    const label = (id: string) => nodes.find((n) => n.id === id)?.label ?? id;
    const detail = { edge: hit ?? key(label(e.source), e.relation, label(e.target)), confidence: e.confidence, rules };
    if (hit) {
      if (found.has(hit)) continue; // a second edge onto the same gold relation (duplicate nodes) is not a second hit
      found.add(hit);
      truePositives.push(detail);
    } else if (!isOptional) {
      if (counted.has(detail.edge)) continue;
      counted.add(detail.edge);
      falsePositives.push(detail);
    } else continue;
    judged.push({
      task: e.relation,
      confidence: e.confidence,
      rule: rules[0] ?? '',
      correct: !!hit,
      edge: detail.edge,
    });
  }
  const misses = [...required].filter((k) => !found.has(k));
  return {
    ...prf({ tp: found.size, fp: falsePositives.length, fn: misses.length }),
    misses,
    falsePositives,
    truePositives,
    judged,
  };
}
