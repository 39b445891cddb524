/**
 * Relation extraction: reads a DocAnalysis, returns relation candidates, each with the rule that produced it.
 * Pass 1 reads roles (speaks-for, member-of) and state bodies (part-of); pass 2 reads stances, memberships and
 * contacts, attributing what a state's official says to that state. Every pass is linear in the text.
 */
import type { DocAnalysis, RelationCandidate } from '../types.js';
import { articleContext } from './context.js';
import { calibrate } from './pipeline/calibrate.js';
import { runChainRules } from './pipeline/chains.js';
import { runCorefRules } from './pipeline/coref.js';
import { runKnowledgeRules } from './pipeline/knowledge.js';
import { markFormerRoles, runPairPipeline } from './pipeline/run.js';
import { emitScorerProposals } from './pipeline/scorer.js';
import { runTopicStanceRules, stanceGuard } from './pipeline/stance-topics.js';
import type { ArticleContext, Emitter } from './rule.js';
import { runBodyRules } from './rules/bodies.js';
import { runContactsRules } from './rules/contacts.js';
import { runMembershipRules } from './rules/membership.js';
import { runPartyRules } from './rules/party.js';
import { runPositionRules } from './rules/position.js';
import { resolveBareTitles, runRoleRules } from './rules/roles.js';
import { runStanceRules } from './rules/stance.js';

export { ALL_RULES } from './rules/all.js';

export function extractRelations(doc: DocAnalysis): RelationCandidate[] {
  const ctx = articleContext(doc);
  const out = new Map<string, RelationCandidate>();
  const emit: Emitter = (c) => {
    if (c.source === c.target) return;
    const sentence = c.sentence ?? 0;
    const confidence = Math.max(0.05, Math.min(0.99, c.confidence));
    // One candidate per edge, sentence and rule: the output stage merges rules of the same sentence into one piece of
    // evidence, so every rule that read the sentence stays visible on the edge.
    const key = `${c.source}|${c.relation}|${c.target}|${sentence}|${c.rule}`;
    const prev = out.get(key);
    if (prev && prev.confidence >= confidence) {
      if (c.qualifiers && !prev.qualifiers) prev.qualifiers = { ...c.qualifiers };
      return;
    }
    out.set(key, {
      ...c,
      confidence,
      sentence,
      ...(c.qualifiers || prev?.qualifiers ? { qualifiers: { ...prev?.qualifiers, ...c.qualifiers } } : {}),
    });
  };

  runBodyRules(ctx, emit);
  runPartyRules(doc, emit);
  for (const s of ctx.sentences) runRoleRules(s, ctx, emit);
  for (const s of ctx.sentences) runPositionRules(s, ctx, emit);
  const explicit = new Set<string>();
  for (const c of out.values())
    if (c.relation === 'speaks-for' && doc.entities.get(c.target)?.kind === 'state') explicit.add(c.source);
  resolveBareTitles(ctx, (p) => explicit.has(p), emit);
  collectVoices(ctx, out.values());
  for (const s of ctx.sentences) {
    runMembershipRules(s, ctx, emit);
    runStanceRules(s, ctx, emit);
    runContactsRules(s, ctx, emit);
  }
  // The pair pipeline: candidate pairs -> features -> decision (patterns as data); then knowledge about the ends.
  const proposals = runPairPipeline(ctx, emit);
  runKnowledgeRules(ctx, emit);
  runTopicStanceRules(ctx, emit);
  // Document level: anaphors ("he", "the country", "the bloc", "the German chancellor") read as what they stand for.
  // Knowledge edges do not count as known: a sentence that states the fact gives it its text evidence.
  const stated = [...out.values()].filter((c) => c.basis !== 'knowledge');
  runCorefRules(ctx, new Set(stated.map((c) => `${c.source}|${c.relation}|${c.target}`)), emit);
  // Chains build on memberships; a past membership ("a former Labour MP") must not count, so mark roles first.
  markFormerRoles(ctx, out.values());
  runChainRules(ctx, [...out.values()], emit);
  // The trained scorer speaks last, for pairs no rule has linked.
  emitScorerProposals(ctx, proposals, [...out.values()], emit);
  const all: RelationCandidate[] = [];
  for (const c of out.values()) {
    const guarded = stanceGuard(ctx, calibrate(c));
    if (guarded) all.push(guarded);
  }
  markFormerRoles(ctx, all);
  return all;
}

/** Person -> the state they speak for with the highest confidence (used to attribute their words to the state). */
function collectVoices(ctx: ArticleContext, candidates: Iterable<RelationCandidate>): void {
  for (const c of candidates) {
    if (c.relation !== 'speaks-for') continue;
    if (ctx.doc.entities.get(c.target)?.kind !== 'state') continue;
    const prev = ctx.voice.get(c.source);
    if (!prev || prev.confidence < c.confidence) ctx.voice.set(c.source, { state: c.target, confidence: c.confidence });
  }
}
