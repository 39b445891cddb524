/** part-of: government bodies belong to their state ("US State Department", "French Defence Ministry", "the Élysée"). */
import type { ArticleContext, Emitter, Rule } from '../rule.js';

export const BODY_RULES = {
  stateBody: {
    name: 'part-of:state-body',
    reason: 'A body named with a country prefix and a body head, or a listed seat of power, is part of that state.',
    confidence: 0.85,
    examples: [
      {
        text: 'The [German Foreign Ministry|organisation] summoned the envoy of [Germany|state].',
        expect: [['German Foreign Ministry', 'part-of', 'Germany']],
      },
      {
        text: 'The [Kremlin|organisation] said [Russia|state] would respond.',
        expect: [['Kremlin', 'part-of', 'Russia']],
      },
    ],
  },
} satisfies Record<string, Rule>;

export function runBodyRules(ctx: ArticleContext, emit: Emitter): void {
  if (ctx.bodyOf.size === 0) return;
  const seen = new Set<string>();
  for (const m of ctx.doc.mentions) {
    const state = ctx.bodyOf.get(m.entityId);
    if (!state || seen.has(m.entityId)) continue;
    seen.add(m.entityId);
    emit({
      source: m.entityId,
      target: state,
      relation: 'part-of',
      confidence: BODY_RULES.stateBody.confidence,
      rule: BODY_RULES.stateBody.name,
      sentence: m.sentence,
    });
  }
}
