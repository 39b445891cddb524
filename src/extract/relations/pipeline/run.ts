/**
 * The pair pipeline, in order: candidate pairs (candidates.ts) -> evidence features (features.ts) -> decision
 * (decide.ts, patterns as data; the trained scorer, scorer.ts, proposes edges for the pairs the stage's entry finds
 * no rule linked) -> calibration (calibrate.ts, applied by the stage's entry to every rule's edges).
 * Document-level candidates come from knowledge (knowledge.ts). Afterwards two readings that need the decisions of
 * a whole sentence: a birthplace or home inside a larger place is also in that place ("born in Dayton, Ohio"), and
 * roles stated as past ("former", "ex-", "then-", "until 2003", "at the time") carry former: true.
 */
import type { RelationCandidate } from '../../types.js';
import { roleEndingAt } from '../lexicon.js';
import type { ArticleContext, Emitter } from '../rule.js';
import type { Unit } from '../units.js';
import { sentencePairs } from './candidates.js';
import { decidePair } from './decide.js';
import { pairFeatures } from './features.js';
import { type ScorerProposal, scorePair } from './scorer.js';

/** Runs the patterns over every candidate pair; returns the trained scorer's proposals, emitted once all rules ran. */
export function runPairPipeline(ctx: ArticleContext, emit: Emitter): ScorerProposal[] {
  const proposals: ScorerProposal[] = [];
  for (const s of ctx.sentences) {
    const decided: RelationCandidate[] = [];
    for (const pair of sentencePairs(s)) {
      const features = pairFeatures(pair);
      const vetoed = new Set<string>();
      const decisions = decidePair(features, ctx, vetoed);
      for (const d of decisions) decided.push({ ...d, sentence: s.index });
      for (const p of scorePair(pair, features, decisions)) {
        if (!vetoed.has(`${p.relation}|${p.source}|${p.target}`)) proposals.push(p);
      }
    }
    for (const d of decided) emit(d);
    // "born in Dayton , Ohio": the person is from Ohio too.
    for (const d of decided) {
      if (d.relation !== 'born-in' && d.relation !== 'lives-in') continue;
      for (const l of decided) {
        if (l.relation === 'located-in' && l.source === d.target)
          emit({
            ...d,
            target: l.target,
            confidence: Math.min(d.confidence, l.confidence) - 0.05,
            rule: `${d.rule}+located-in`,
          });
      }
    }
  }
  return proposals;
}

const ROLE_RELATIONS = new Set(['speaks-for', 'member-of', 'works-for', 'leads', 'plays-for']);
/**
 * Words that put a role in the past: "former", "ex-" (hyphenated or spaced), "then-" / "the then", "the late"
 * (bare "late" is mostly a time: "late on Monday"; bare "then" mostly an adverb: "and then President X said").
 */
const PAST_WORDS =
  /\b(?:former|formerly|onetime|one-time|erstwhile|ousted|deposed|ex)\b|\bex-|\bthen-|\bthe then\b|\b(?:the|his|her|their) late\b/i;
/** Time phrases that close a role: "until 2003", "from 1990 to 1995", "at the time", "(1990-1995)". */
const PAST_SPAN =
  /\buntil (?:19|20)\d\d\b|\bfrom (?:19|20)\d\d (?:to|until|till) (?:19|20)\d\d\b|\bbetween (?:19|20)\d\d and (?:19|20)\d\d\b|\bat the time\b|\bback then\b|\(\s*(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\s*\)/i;
const CLAUSE_MARKS = [',', ';', '"', '('];

function saysPast(phrase: string): boolean {
  return PAST_WORDS.test(phrase) || PAST_SPAN.test(phrase);
}

/** The index after the last clause mark in `text`, or 0. */
function afterLastClauseMark(text: string): number {
  return Math.max(...CLAUSE_MARKS.map((m) => text.lastIndexOf(m))) + 1;
}

/**
 * "Chile's prime minister at the time, X", "the former head of the Y, X": a title phrase set off by a comma right
 * before the name. The phrase counts only when it ends in a role head (or one followed by a time phrase), so that
 * "The former minister resigned, X said" says nothing of X.
 */
function titleSetOffBefore(units: readonly Unit[], p: number, text: string): string | undefined {
  const comma = units[p - 1];
  if (comma?.kind !== 'word' || comma.w !== ',') return undefined;
  let k = p - 2;
  while (k >= 0) {
    const u = units[k]!;
    if (u.kind === 'word' && CLAUSE_MARKS.includes(u.w)) break;
    if (u.kind === 'entity' && u.entityKind === 'person') break;
    k--;
  }
  const first = units[k + 1];
  if (!first || k + 1 > p - 2) return undefined;
  const phrase = text.slice(first.start, comma.start);
  const core = phrase.replace(PAST_SPAN, '').replace(/\s+$/, '');
  let end = p - 1;
  while (end > k + 1 && units[end - 1]!.end > first.start + core.length) end--;
  return roleEndingAt(units, end) ? phrase : undefined;
}

/** Marks role edges whose title phrase says the role is past: `former: true`. */
export function markFormerRoles(ctx: ArticleContext, candidates: Iterable<RelationCandidate>): void {
  const text = ctx.doc.text;
  for (const c of candidates) {
    if (!ROLE_RELATIONS.has(c.relation)) continue;
    const s = ctx.sentences[c.sentence];
    if (!s) continue;
    for (let p = 0; p < s.units.length; p++) {
      const u = s.units[p]!;
      if (u.kind !== 'entity' || u.entityId !== c.source) continue;
      // The title before the name, back to the last clause mark; the apposition after it, up to the next one.
      let before = text.slice(Math.max(s.start, u.start - 60), u.start);
      before = before.slice(afterLastClauseMark(before));
      let after = '';
      const rest = text.slice(u.end, Math.min(s.end, u.end + 80));
      if (/^\s*,/.test(rest)) after = rest.replace(/^\s*,/, '').split(/[,;.)]/)[0] ?? '';
      const setOff = before.trim() === '' ? titleSetOffBefore(s.units, p, text) : undefined;
      if (saysPast(before) || saysPast(after) || (setOff !== undefined && saysPast(setOff))) {
        c.former = true;
        break;
      }
    }
  }
}
