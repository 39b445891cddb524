/**
 * CoNLL04 relation evaluation (Roth & Yih 2004, SpERT JSON format), as issue 14 defines it:
 * - each sentence is one article, rebuilt from its tokens joined by single spaces, run through the full extractor;
 * - a predicted entity covers a gold entity when one of its mentions lies inside the gold span or holds it (gold
 *   spans often include titles: "President X");
 * - a predicted relation counts once per (family, source node, target node) and is right when its ends cover the
 *   gold head and tail of a gold relation of that family; recall is over gold relations covered by a right edge;
 * - families by end kinds and relation names (CONLL04_FAMILIES); micro average over the five.
 */
import { InputError } from '../errors.js';
import { extractArticle } from '../extract/index.js';
import type { Extraction } from '../extract/types.js';
import { type Counts, type JudgedEdge, prf } from './counts.js';
import type { Prf } from './match.js';
import { plainArticle } from './plain-article.js';
import { readJsonFile } from './read-json.js';

export interface Conll04Sentence {
  tokens: string[];
  entities: Array<{ type: string; start: number; end: number }>;
  relations: Array<{ type: string; head: number; tail: number }>;
}

export const CONLL04_FAMILIES = ['Work_For', 'Live_In', 'Located_In', 'OrgBased_In', 'Kill'] as const;
export type Conll04Family = (typeof CONLL04_FAMILIES)[number];

interface FamilySpec {
  relations: readonly string[];
  sourceKinds: readonly string[];
  targetKinds: readonly string[];
}

const PLACES = ['state', 'place'];
const CONLL04_FAMILY_SPECS: Record<Conll04Family, FamilySpec> = {
  Work_For: {
    relations: ['speaks-for', 'member-of', 'works-for', 'leads', 'plays-for'],
    sourceKinds: ['person'],
    targetKinds: ['organisation'],
  },
  Live_In: {
    relations: ['speaks-for', 'citizen-of', 'lives-in', 'born-in', 'from'],
    sourceKinds: ['person'],
    targetKinds: PLACES,
  },
  Located_In: { relations: ['located-in', 'part-of'], sourceKinds: PLACES, targetKinds: PLACES },
  OrgBased_In: { relations: ['based-in', 'part-of', 'located-in'], sourceKinds: ['organisation'], targetKinds: PLACES },
  Kill: { relations: ['kills'], sourceKinds: ['person'], targetKinds: ['person'] },
};

export function conll04FamiliesOf(relation: string, sourceKind: string, targetKind: string): Conll04Family[] {
  return CONLL04_FAMILIES.filter((f) => {
    const s = CONLL04_FAMILY_SPECS[f];
    return s.relations.includes(relation) && s.sourceKinds.includes(sourceKind) && s.targetKinds.includes(targetKind);
  });
}

/** A sentence's text and each token's character span. */
export function conll04Text(sentence: Conll04Sentence): { text: string; starts: number[]; ends: number[] } {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const t of sentence.tokens) {
    if (text.length > 0) text += ' ';
    starts.push(text.length);
    text += t;
    ends.push(text.length);
  }
  return { text, starts, ends };
}

/** Gold entity types whose coverage is measured, and the node kinds that count as right for each. */
export const CONLL04_ENTITY_TYPES = ['Peop', 'Org', 'Loc'] as const;
type Conll04EntityType = (typeof CONLL04_ENTITY_TYPES)[number];
const KINDS_OF_TYPE: Record<Conll04EntityType, readonly string[]> = {
  Peop: ['person'],
  Org: ['organisation'],
  Loc: PLACES,
};

/**
 * Why a gold entity is or is not covered by a node of the right kind (relation recall is capped by coverage):
 * covered; wrong-kind (a node covers it, none of the right kind); boundary (a mention overlaps it, crossing its
 * edges); untagged (no mention touches it).
 */
export const COVERAGE_OUTCOMES = ['covered', 'wrong-kind', 'boundary', 'untagged'] as const;
type CoverageOutcome = (typeof COVERAGE_OUTCOMES)[number];
type CoverageCounts = Record<CoverageOutcome, number>;

interface EntityJudgement {
  type: Conll04EntityType;
  outcome: CoverageOutcome;
  /** The gold span's text, and what the extractor made of it (the covering or overlapping mentions, with kinds). */
  gold: string;
  found: string;
}

export interface Conll04SentenceScore {
  counts: Record<Conll04Family, Counts>;
  judged: JudgedEdge<Conll04Family>[];
  misses: string[];
  entities: EntityJudgement[];
}

function judgeEntities(
  sentence: Conll04Sentence,
  goldSpans: ReadonlyArray<{ start: number; end: number }>,
  text: string,
  extraction: Pick<Extraction, 'entities'>,
): EntityJudgement[] {
  const out: EntityJudgement[] = [];
  sentence.entities.forEach((g, gi) => {
    const type = g.type as Conll04EntityType;
    if (!CONLL04_ENTITY_TYPES.includes(type)) return;
    const span = goldSpans[gi]!;
    const covering: string[] = [];
    const crossing: string[] = [];
    let right = false;
    for (const e of extraction.entities)
      for (const m of e.mentions) {
        const inside = m.start >= span.start && m.end <= span.end;
        const holds = m.start <= span.start && m.end >= span.end;
        const overlaps = m.start < span.end && m.end > span.start;
        const seen = `${text.slice(m.start, m.end)} (${e.kind})`;
        if (inside || holds) {
          covering.push(seen);
          if (KINDS_OF_TYPE[type].includes(e.kind)) right = true;
        } else if (overlaps) crossing.push(seen);
      }
    const outcome: CoverageOutcome = right
      ? 'covered'
      : covering.length
        ? 'wrong-kind'
        : crossing.length
          ? 'boundary'
          : 'untagged';
    out.push({ type, outcome, gold: text.slice(span.start, span.end), found: [...covering, ...crossing].join('; ') });
  });
  return out;
}

function emptyCounts(): Record<Conll04Family, Counts> {
  return Object.fromEntries(CONLL04_FAMILIES.map((f) => [f, { tp: 0, fp: 0, fn: 0, covered: 0 }])) as Record<
    Conll04Family,
    Counts
  >;
}

/** Scores one sentence's extraction (offsets into conll04Text(sentence).text). */
export function scoreConll04Sentence(
  sentence: Conll04Sentence,
  extraction: Pick<Extraction, 'entities' | 'relations'>,
): Conll04SentenceScore {
  const { text, starts, ends } = conll04Text(sentence);
  const goldSpans = sentence.entities.map((e) => ({ start: starts[e.start] ?? 0, end: ends[e.end - 1] ?? 0 }));
  const byId = new Map(extraction.entities.map((e) => [e.id, e]));
  // Gold entities each predicted entity covers: a mention inside the gold span, or holding it.
  const covers = new Map<string, Set<number>>();
  for (const e of extraction.entities) {
    const set = new Set<number>();
    for (const m of e.mentions) {
      goldSpans.forEach((g, gi) => {
        if ((m.start >= g.start && m.end <= g.end) || (m.start <= g.start && m.end >= g.end)) set.add(gi);
      });
    }
    covers.set(e.id, set);
  }
  const counts = emptyCounts();
  const judged: JudgedEdge<Conll04Family>[] = [];
  const misses: string[] = [];
  const span = (gi: number) => text.slice(goldSpans[gi]!.start, goldSpans[gi]!.end);
  for (const family of CONLL04_FAMILIES) {
    const gold = sentence.relations.filter((r) => r.type === family);
    const best = new Map<string, Extraction['relations'][number]>();
    for (const r of extraction.relations) {
      const sk = byId.get(r.source)?.kind ?? '';
      const tk = byId.get(r.target)?.kind ?? '';
      if (!conll04FamiliesOf(r.relation, sk, tk).includes(family)) continue;
      const k = `${r.source}|${r.target}`;
      const prev = best.get(k);
      if (!prev || prev.confidence < r.confidence) best.set(k, r);
    }
    const hit = new Set<number>();
    for (const r of best.values()) {
      const hs = covers.get(r.source) ?? new Set<number>();
      const ts = covers.get(r.target) ?? new Set<number>();
      const right = gold.map((g, gi) => (hs.has(g.head) && ts.has(g.tail) ? gi : -1)).filter((gi) => gi >= 0);
      const edge = `${byId.get(r.source)?.label} -${r.relation}-> ${byId.get(r.target)?.label}`;
      const rule = r.rules[0] ?? '';
      if (right.length) {
        counts[family].tp++;
        for (const gi of right) if (!hit.has(gi)) hit.add(gi);
      } else counts[family].fp++;
      judged.push({ task: family, confidence: r.confidence, rule, correct: right.length > 0, edge });
    }
    counts[family].covered = hit.size;
    counts[family].fn = gold.length - hit.size;
    gold.forEach((g, gi) => {
      if (!hit.has(gi)) misses.push(`${family}: ${span(g.head)} -> ${span(g.tail)} | ${text}`);
    });
  }
  return { counts, judged, misses, entities: judgeEntities(sentence, goldSpans, text, extraction) };
}

export interface Conll04Report {
  sentences: number;
  families: Record<Conll04Family, Prf>;
  micro: Prf;
  judged: JudgedEdge<Conll04Family>[];
  misses: string[];
  falsePositives: string[];
  /** Gold entities (Peop, Org, Loc) by coverage outcome. */
  coverage: Record<Conll04EntityType, CoverageCounts>;
  /** Gold entities not covered by a node of the right kind: outcome, type, gold text, what was found. */
  entityMisses: string[];
}

/** Extracts and scores every sentence (the first `limit` when given). */
export function evalConll04(sentences: readonly Conll04Sentence[], options: { limit?: number } = {}): Conll04Report {
  const list = options.limit ? sentences.slice(0, options.limit) : sentences;
  const total = emptyCounts();
  const judged: JudgedEdge<Conll04Family>[] = [];
  const misses: string[] = [];
  const falsePositives: string[] = [];
  const coverage = Object.fromEntries(
    CONLL04_ENTITY_TYPES.map((t) => [t, Object.fromEntries(COVERAGE_OUTCOMES.map((o) => [o, 0]))]),
  ) as Record<Conll04EntityType, CoverageCounts>;
  const entityMisses: string[] = [];
  list.forEach((sentence, i) => {
    const { text } = conll04Text(sentence);
    const article = plainArticle(`s${i}`, text);
    const score = scoreConll04Sentence(sentence, extractArticle(article));
    for (const f of CONLL04_FAMILIES) {
      total[f].tp += score.counts[f].tp;
      total[f].fp += score.counts[f].fp;
      total[f].fn += score.counts[f].fn;
      total[f].covered = (total[f].covered ?? 0) + (score.counts[f].covered ?? 0);
    }
    judged.push(...score.judged);
    misses.push(...score.misses);
    for (const e of score.entities) {
      coverage[e.type][e.outcome]++;
      if (e.outcome !== 'covered')
        entityMisses.push(`${e.outcome} ${e.type}: "${e.gold}" found ${e.found || '-'} | ${text}`);
    }
    for (const j of score.judged)
      if (!j.correct) falsePositives.push(`${j.task}: ${j.edge} (${j.confidence.toFixed(2)}, ${j.rule}) | ${text}`);
  });
  const micro: Counts = { tp: 0, fp: 0, fn: 0, covered: 0 };
  for (const f of CONLL04_FAMILIES) {
    micro.tp += total[f].tp;
    micro.fp += total[f].fp;
    micro.fn += total[f].fn;
    micro.covered = (micro.covered ?? 0) + (total[f].covered ?? 0);
  }
  const families = Object.fromEntries(CONLL04_FAMILIES.map((f) => [f, prf(total[f])])) as Record<Conll04Family, Prf>;
  return {
    sentences: list.length,
    families,
    micro: prf(micro),
    judged,
    misses,
    falsePositives,
    coverage,
    entityMisses,
  };
}

export async function readConll04(file: string): Promise<Conll04Sentence[]> {
  const data = await readJsonFile(file);
  const ok = (d: unknown): d is Conll04Sentence =>
    typeof d === 'object' &&
    d !== null &&
    Array.isArray((d as Conll04Sentence).tokens) &&
    Array.isArray((d as Conll04Sentence).entities) &&
    Array.isArray((d as Conll04Sentence).relations);
  if (!Array.isArray(data) || !data.every(ok))
    throw new InputError(
      file,
      'expected a CoNLL04 array of sentences with tokens, entities and relations (SpERT format)',
    );
  return data;
}
