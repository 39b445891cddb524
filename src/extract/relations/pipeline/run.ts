/**
 * The pair pipeline, in order: candidate pairs (candidates.ts) -> evidence features (features.ts) -> decision
 * (decide.ts, patterns as data; the trained scorer, scorer.ts, proposes edges for the pairs the stage's entry finds
 * no rule linked) -> calibration (calibrate.ts, applied by the stage's entry to every rule's edges).
 * Document-level candidates come from knowledge (knowledge.ts). Afterwards two readings that need the decisions of
 * a whole sentence: a birthplace or home inside a larger place is also in that place ("born in Dayton, Ohio"), and
 * roles stated as past ("former", "ex-", "then-") carry former: true.
 */
import type { RelationCandidate } from '../../types.js';
import type { ArticleContext, Emitter } from '../rule.js';
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
      const decisions = decidePair(features, ctx);
      for (const d of decisions) decided.push({ ...d, sentence: s.index });
      for (const p of scorePair(pair, features, decisions)) proposals.push(p);
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
const PAST =
  /\b(?:former|ex|then|onetime|one-time|erstwhile|late|outgoing|ousted|deposed)\b|\bex-|\bthen-|\buntil (?:19|20)\d\d\b/i;

/** Marks role edges whose title phrase says the role is past: `former: true`. */
export function markFormerRoles(ctx: ArticleContext, candidates: Iterable<RelationCandidate>): void {
  const text = ctx.doc.text;
  for (const c of candidates) {
    if (!ROLE_RELATIONS.has(c.relation)) continue;
    const s = ctx.sentences[c.sentence];
    if (!s) continue;
    for (const u of s.units) {
      if (u.kind !== 'entity' || u.entityId !== c.source) continue;
      // The title before the name, back to the last clause mark; the apposition after it, up to the next one.
      let before = text.slice(Math.max(s.start, u.start - 60), u.start);
      const cut = Math.max(
        before.lastIndexOf(','),
        before.lastIndexOf(';'),
        before.lastIndexOf('"'),
        before.lastIndexOf('('),
      );
      if (cut >= 0) before = before.slice(cut + 1);
      let after = '';
      const rest = text.slice(u.end, Math.min(s.end, u.end + 80));
      if (/^\s*,/.test(rest)) after = rest.replace(/^\s*,/, '').split(/[,;.)]/)[0] ?? '';
      if (PAST.test(before) || PAST.test(after)) {
        c.former = true;
        break;
      }
    }
  }
}
