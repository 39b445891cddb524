/**
 * Relation scoring against DWIE (DocRED format): speaks-for person -> state against agent_of, head_of_state,
 * head_of_gov, minister_of, spokesperson_of, head_of with a location tail; affiliation person -> organisation (a
 * predicted member-of or speaks-for) against member_of, head_of, spokesperson_of, agent_of with an organization tail.
 * Pairs are counted once per document. Ends are mapped to clusters by name, as in the entities evaluation.
 * Oracle mode: the DocAnalysis is built from DWIE's gold mentions, so the rules are measured apart from NER.
 */
import { nodeKey } from '../contract/keys.js';
import { extractRelations } from '../extract/relations/index.js';
import { countryOf } from '../extract/relations/states.js';
import type {
  DocAnalysis,
  Entity,
  EntityKind,
  EntityMention,
  Extraction,
  RelationCandidate,
  Sentence,
  Token,
} from '../extract/types.js';
import { calibration, perRuleTables } from './calibration.js';
import { type Counts, type JudgedEdge, prf } from './counts.js';
import type { DwieDocument } from './dwie.js';
import { normaliseName, type Prf } from './match.js';
import { fixed, table } from './report.js';

/** A DWIE document (DocRED format); the one type lives beside the entity scoring in ./dwie.ts. */
export type DwieDoc = DwieDocument;

const DWIE_SPEAKS_FOR = [
  'agent_of',
  'head_of_state',
  'head_of_gov',
  'minister_of',
  'spokesperson_of',
  'head_of',
] as const;
const DWIE_AFFILIATION = ['member_of', 'head_of', 'spokesperson_of', 'agent_of', 'player_of', 'coach_of'] as const;

/** The relation families scored on DWIE (issue 14, "How the figures are defined"). */
export const DWIE_FAMILIES = ['speaks-for', 'affiliation', 'citizenship', 'based-in', 'located-in'] as const;
type DwieFamily = (typeof DWIE_FAMILIES)[number];

interface DwieFamilySpec {
  /** DWIE type of the head cluster. */
  head: string;
  /** DWIE type of the tail cluster of a plain label; a `-x` label's tail is the adjective cluster, whatever its type. */
  tail: string;
  labels: readonly string[];
  /** Predicted relations that count for the family, and the kinds of their ends. */
  relations: readonly string[];
  sourceKinds: readonly string[];
  targetKinds: readonly string[];
}

const DWIE_FAMILY_SPECS: Record<DwieFamily, DwieFamilySpec> = {
  'speaks-for': {
    head: 'type::person',
    tail: 'type::location',
    labels: DWIE_SPEAKS_FOR,
    relations: ['speaks-for'],
    sourceKinds: ['person'],
    targetKinds: ['state', 'place'],
  },
  affiliation: {
    head: 'type::person',
    tail: 'type::organization',
    labels: DWIE_AFFILIATION,
    relations: ['member-of', 'speaks-for', 'works-for', 'leads', 'plays-for'],
    sourceKinds: ['person'],
    targetKinds: ['organisation'],
  },
  citizenship: {
    head: 'type::person',
    tail: 'type::location',
    labels: ['citizen_of'],
    relations: ['citizen-of', 'speaks-for', 'lives-in', 'born-in', 'from'],
    sourceKinds: ['person'],
    targetKinds: ['state'],
  },
  'based-in': {
    head: 'type::organization',
    tail: 'type::location',
    labels: ['based_in0', 'based_in1', 'based_in2', 'agency_of', 'ministry_of'],
    relations: ['based-in', 'part-of', 'located-in'],
    sourceKinds: ['organisation'],
    targetKinds: ['place', 'state'],
  },
  'located-in': {
    head: 'type::location',
    tail: 'type::location',
    labels: ['in0', 'in1', 'in2'],
    relations: ['located-in', 'part-of'],
    sourceKinds: ['place', 'state'],
    targetKinds: ['place', 'state'],
  },
};

/** Gold units "h|t" of one document for a family: plain labels and their `-x` forms (tail: the adjective cluster). */
function dwieGoldPairs(doc: DwieDoc, family: DwieFamily): Set<string> {
  const spec = DWIE_FAMILY_SPECS[family];
  const out = new Set<string>();
  for (const l of doc.labels) {
    const adjective = l.r.endsWith('-x');
    const r = adjective ? l.r.slice(0, -2) : l.r;
    if (!spec.labels.includes(r)) continue;
    if (doc.vertexSet[l.h]?.[0]?.type !== spec.head) continue;
    if (!adjective && doc.vertexSet[l.t]?.[0]?.type !== spec.tail) continue;
    out.add(`${l.h}|${l.t}`);
  }
  return out;
}

/** Clusters that are the adjective tail of a `-x` label ("German" in "German Chancellor X"): scored like places. */
function adjectiveClusters(doc: DwieDoc): Set<number> {
  const out = new Set<number>();
  for (const l of doc.labels) if (l.r.endsWith('-x')) out.add(l.t);
  return out;
}

/** The families a predicted edge counts for (by relation and end kinds). */
function dwieFamiliesOf(relation: string, sourceKind: string, targetKind: string): DwieFamily[] {
  return DWIE_FAMILIES.filter((f) => {
    const spec = DWIE_FAMILY_SPECS[f];
    return (
      spec.relations.includes(relation) &&
      spec.sourceKinds.includes(sourceKind) &&
      spec.targetKinds.includes(targetKind)
    );
  });
}

interface DwiePrediction {
  source: string;
  target: string;
  relation: string;
  confidence: number;
  rule: string;
  basis?: 'text' | 'knowledge';
}

export interface DwieDocScore {
  counts: Record<DwieFamily, Counts>;
  /** Each predicted pair with its best confidence, rule and whether it was right (for calibration). */
  judged: Array<JudgedEdge<DwieFamily>>;
  misses: Array<{ task: DwieFamily; edge: string }>;
}

function emptyCounts(): Record<DwieFamily, Counts> {
  return Object.fromEntries(DWIE_FAMILIES.map((f) => [f, { tp: 0, fp: 0, fn: 0, covered: 0 }])) as Record<
    DwieFamily,
    Counts
  >;
}

/**
 * Scores predictions for one document. `clusterOf` maps a predicted entity id to the DWIE clusters it matches
 * (by name). Precision is over predicted edges (one per pair of nodes and family): an edge is right when some
 * (source cluster, target cluster) pair is a gold unit. Recall is over gold units covered by a right edge.
 */
function scoreDwieDoc(
  doc: DwieDoc,
  predictions: readonly DwiePrediction[],
  kindOf: (id: string) => string | undefined,
  clusterOf: (id: string) => readonly number[],
  labelOf: (id: string) => string = (id) => id,
  uncounted: (id: string) => boolean = () => false,
): DwieDocScore {
  const counts = emptyCounts();
  const judged: DwieDocScore['judged'] = [];
  const misses: DwieDocScore['misses'] = [];
  for (const task of DWIE_FAMILIES) {
    const gold = dwieGoldPairs(doc, task);
    const best = new Map<string, DwiePrediction>();
    for (const p of predictions) {
      if (!dwieFamiliesOf(p.relation, kindOf(p.source) ?? '', kindOf(p.target) ?? '').includes(task)) continue;
      const k = `${p.source}|${p.target}`;
      const prev = best.get(k);
      if (!prev || prev.confidence < p.confidence) best.set(k, p);
    }
    const hit = new Set<string>();
    for (const p of best.values()) {
      // As in the entities evaluation: an end that names only a cluster of an unscored type (a demonym such as
      // "German" typed 'other', a role) is not counted either way.
      if (
        (clusterOf(p.source).length === 0 && uncounted(p.source)) ||
        (clusterOf(p.target).length === 0 && uncounted(p.target))
      )
        continue;
      const pairs: string[] = [];
      for (const h of clusterOf(p.source))
        for (const t of clusterOf(p.target)) if (gold.has(`${h}|${t}`)) pairs.push(`${h}|${t}`);
      const edge = `${labelOf(p.source)} -${p.relation}-> ${labelOf(p.target)}`;
      const rule = p.basis === 'knowledge' && !p.rule.startsWith('knowledge:') ? `knowledge:${p.rule}` : p.rule;
      if (pairs.length > 0) {
        for (const pair of pairs) {
          if (!hit.has(pair)) counts[task].covered = (counts[task].covered ?? 0) + 1;
          hit.add(pair);
        }
        counts[task].tp++;
        judged.push({ task, confidence: p.confidence, rule, correct: true, edge });
      } else {
        counts[task].fp++;
        judged.push({ task, confidence: p.confidence, rule, correct: false, edge });
      }
    }
    for (const g of gold) {
      if (hit.has(g)) continue;
      counts[task].fn++;
      const [h, t] = g.split('|').map(Number) as [number, number];
      misses.push({ task, edge: `${doc.vertexSet[h]?.[0]?.name} -> ${doc.vertexSet[t]?.[0]?.name}` });
    }
  }
  return { counts, judged, misses };
}

/** Names of DWIE clusters of unscored types (misc, other, role, ...). */
function uncountedNames(doc: DwieDoc): Set<string> {
  const out = new Set<string>();
  const adjectives = adjectiveClusters(doc);
  for (const [ci, cluster] of doc.vertexSet.entries()) {
    const type = cluster[0]?.type;
    if (type === 'type::person' || type === 'type::organization' || type === 'type::location' || adjectives.has(ci))
      continue;
    for (const m of cluster) out.add(normaliseName(m.name));
  }
  return out;
}

/** Maps predicted entities to DWIE clusters by name: label, aliases or mention texts equal to a cluster mention name. */
function clustersByName(doc: DwieDoc, names: (id: string) => readonly string[]): (id: string) => number[] {
  const index = new Map<string, number[]>();
  const adjectives = adjectiveClusters(doc);
  doc.vertexSet.forEach((cluster, ci) => {
    const type = cluster[0]?.type;
    if (type !== 'type::person' && type !== 'type::organization' && type !== 'type::location' && !adjectives.has(ci))
      return;
    for (const m of cluster) {
      const k = normaliseName(m.name);
      const list = index.get(k) ?? [];
      if (!list.includes(ci)) list.push(ci);
      index.set(k, list);
    }
  });
  return (id) => {
    const out = new Set<number>();
    for (const n of names(id)) for (const ci of index.get(normaliseName(n)) ?? []) out.add(ci);
    return [...out];
  };
}

// Oracle: DocAnalysis from gold mentions ----------------------------------------------------------------------

const KIND_OF_TYPE: Record<string, EntityKind | undefined> = {
  'type::person': 'person',
  'type::organization': 'organisation',
  'type::location': 'place',
};

/**
 * Builds the DocAnalysis the entity stage would ideally produce for a DWIE document: tokens joined by single spaces,
 * sentences split after . ! ? and line breaks, one entity per person/organisation/location cluster (a location is a
 * state when one of its names is a country), and demonyms (DWIE 'gpe0' links) as mentions of their state.
 * Returns the analysis and each entity's cluster index.
 */
export function dwieOracleDoc(doc: DwieDoc): { analysis: DocAnalysis; clusterOfEntity: Map<string, number> } {
  const tokens: Token[] = [];
  let text = '';
  for (const t of doc.sents.flat()) {
    if (text.length > 0) text += t === '\n' ? '' : ' ';
    tokens.push({ text: t, start: text.length, end: text.length + t.length });
    text += t;
  }
  const sentences: Sentence[] = [];
  const tokenSentence: number[] = [];
  let current: Token[] = [];
  const close = () => {
    const first = current.find((t) => t.text !== '\n');
    const last = [...current].reverse().find((t) => t.text !== '\n');
    if (first && last)
      sentences.push({ start: first.start, end: last.end, tokens: current.filter((t) => t.text !== '\n') });
    current = [];
  };
  tokens.forEach((t, i) => {
    current.push(t);
    tokenSentence[i] = sentences.length;
    const next = tokens[i + 1]?.text ?? '';
    if (t.text === '\n' || (['.', '!', '?'].includes(t.text) && !/^[a-z,]/.test(next))) close();
  });
  close();

  // Demonym clusters (type::other) resolved to a location cluster through 'gpe0'.
  const demonymOf = new Map<number, number>();
  for (const l of doc.labels)
    if (l.r === 'gpe0' && doc.vertexSet[l.t]?.[0]?.type === 'type::location') demonymOf.set(l.h, l.t);

  const entities = new Map<string, Entity>();
  const clusterOfEntity = new Map<string, number>();
  const idOfCluster = new Map<number, string>();
  doc.vertexSet.forEach((cluster, ci) => {
    let kind = KIND_OF_TYPE[cluster[0]?.type ?? ''];
    if (!kind) return;
    const names = [...new Set(cluster.map((m) => m.name))].sort((a, b) => b.length - a.length);
    if (kind === 'place' && names.some((n) => countryOf(n))) kind = 'state';
    const label = names[0] ?? `cluster ${ci}`;
    let id = nodeKey(kind, label);
    if (entities.has(id)) id = `${id}-${ci}`;
    entities.set(id, { id, label, kind, aliases: names.slice(1) });
    clusterOfEntity.set(id, ci);
    idOfCluster.set(ci, id);
  });
  for (const [demonym, loc] of demonymOf) {
    const id = idOfCluster.get(loc);
    const entity = id ? entities.get(id) : undefined;
    if (!entity) continue;
    for (const m of doc.vertexSet[demonym] ?? [])
      if (m.name !== entity.label && !entity.aliases.includes(m.name)) entity.aliases.push(m.name);
  }

  const mentions: EntityMention[] = [];
  const addMentions = (ci: number, id: string) => {
    for (const m of doc.vertexSet[ci] ?? []) {
      const first = tokens[m.pos[0]];
      const last = tokens[m.pos[1] - 1];
      if (!first || !last) continue;
      const sentence = tokenSentence[m.pos[0]] ?? 0;
      const s = sentences[sentence];
      const tokenStart = s ? Math.max(0, s.tokens.indexOf(first)) : 0;
      mentions.push({
        entityId: id,
        start: first.start,
        end: last.end,
        sentence,
        tokenStart,
        tokenEnd: tokenStart + (m.pos[1] - m.pos[0]),
        text: text.slice(first.start, last.end),
        rule: 'oracle:dwie',
      });
    }
  };
  for (const [ci, id] of idOfCluster) addMentions(ci, id);
  for (const [demonym, loc] of demonymOf) {
    const id = idOfCluster.get(loc);
    if (id) addMentions(demonym, id);
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { analysis: { text, sentences, entities, mentions }, clusterOfEntity };
}

export interface DwieRelationReport {
  speaksFor: Prf;
  affiliation: Prf;
  families: Record<DwieFamily, Prf>;
  documents: number;
  judged: DwieDocScore['judged'];
  misses: DwieDocScore['misses'];
}

function sumReports(scores: readonly DwieDocScore[]): DwieRelationReport {
  const total = emptyCounts();
  for (const s of scores) {
    for (const task of DWIE_FAMILIES) {
      total[task].tp += s.counts[task].tp;
      total[task].fp += s.counts[task].fp;
      total[task].fn += s.counts[task].fn;
      total[task].covered = (total[task].covered ?? 0) + (s.counts[task].covered ?? 0);
    }
  }
  const families = Object.fromEntries(DWIE_FAMILIES.map((f) => [f, prf(total[f])])) as Record<DwieFamily, Prf>;
  return {
    speaksFor: families['speaks-for'],
    affiliation: families.affiliation,
    families,
    documents: scores.length,
    judged: scores.flatMap((s) => s.judged),
    misses: scores.flatMap((s) => s.misses),
  };
}

/** Oracle evaluation: gold mentions in, relation rules measured alone. */
export function evalDwieRelationsOracle(docs: readonly DwieDoc[]): DwieRelationReport {
  return sumReports(
    docs.map((doc) => {
      const { analysis, clusterOfEntity } = dwieOracleDoc(doc);
      const predictions: RelationCandidate[] = extractRelations(analysis);
      const kindOf = (id: string) => analysis.entities.get(id)?.kind;
      const demonymsOf = new Map<number, number[]>();
      for (const l of doc.labels) if (l.r === 'gpe0') demonymsOf.set(l.t, [...(demonymsOf.get(l.t) ?? []), l.h]);
      const clusterOf = (id: string) => {
        const ci = clusterOfEntity.get(id);
        return ci === undefined ? [] : [ci, ...(demonymsOf.get(ci) ?? [])];
      };
      return scoreDwieDoc(doc, predictions, kindOf, clusterOf, (id) => analysis.entities.get(id)?.label ?? id);
    }),
  );
}

/**
 * End-to-end evaluation of one document: `extraction` comes from running the extractor over the document text
 * (tokens joined by single spaces, as the entities evaluation rebuilds it). Ends are mapped to clusters by name.
 */
export function scoreDwieExtraction(
  doc: DwieDoc,
  extraction: Pick<Extraction, 'entities' | 'relations'>,
): DwieDocScore {
  const byId = new Map(extraction.entities.map((e) => [e.id, e]));
  const namesOf = (id: string): string[] => {
    const e = byId.get(id);
    return e ? [e.label, ...e.aliases, ...e.mentions.map((m) => m.text)] : [];
  };
  const clusterOf = clustersByName(doc, namesOf);
  const other = uncountedNames(doc);
  const uncounted = (id: string) => namesOf(id).some((n) => other.has(normaliseName(n)));
  const predictions: DwiePrediction[] = extraction.relations.map((r) => ({
    source: r.source,
    target: r.target,
    relation: r.relation,
    confidence: r.confidence,
    rule: r.rules[0] ?? '',
  }));
  return scoreDwieDoc(
    doc,
    predictions,
    (id) => byId.get(id)?.kind,
    clusterOf,
    (id) => byId.get(id)?.label ?? id,
    uncounted,
  );
}

/** End-to-end over many documents, given a function that extracts one document's text. */
export function evalDwieRelations(
  docs: readonly DwieDoc[],
  extract: (text: string, title: string) => Pick<Extraction, 'entities' | 'relations'>,
): DwieRelationReport {
  return sumReports(docs.map((doc) => scoreDwieExtraction(doc, extract(dwieText(doc), doc.title))));
}

/** A DWIE document's text as the evaluations rebuild it: tokens joined by single spaces, line breaks kept. */
function dwieText(doc: DwieDoc): string {
  let text = '';
  for (const t of doc.sents.flat()) {
    if (text.length > 0) text += t === '\n' ? '' : ' ';
    text += t;
  }
  return text;
}

/**
 * Printable diagnostics of a DWIE relation run: precision per rule for each family, and per confidence band.
 * `newsgraph eval dwie --rules` appends it; it is how the rule confidences were calibrated.
 */
export function relationDiagnostics(report: Pick<DwieRelationReport, 'judged'>): string {
  let out = perRuleTables(report.judged, DWIE_FAMILIES);
  out += '\nprecision by confidence band (all families)\n';
  out += table([
    ['confidence', 'predicted', 'correct', 'P'],
    ...calibration(report.judged).map((r) => [r.band, r.predicted, r.correct, fixed(r.precision)]),
  ]);
  return out;
}
