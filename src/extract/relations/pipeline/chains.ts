/**
 * Document-level chains: an edge read in one sentence and a fact about its end give a second edge. A member of a
 * national party is a citizen of the party's state ("Green MP Jane Doe" in an article that names Germany), when the
 * article names that state. The party's state comes from data/parties.json (Wikidata, CC0), so the edge is
 * `basis: knowledge`; its evidence is the sentence that read the membership.
 */
import { knowledge } from '../../entities/knowledge.js';
import type { RelationCandidate } from '../../types.js';
import type { ArticleContext, Emitter, Rule } from '../rule.js';

export const CHAIN_RULES = {
  partyCountry: {
    name: 'citizen-of:party-state',
    reason:
      "A member of a national party (data/parties.json) is a citizen of the party's state, when the article is about that state or the sentence names it.",
    confidence: 0.75,
    examples: [
      {
        text: "[Spain|state] votes on Sunday. [Spain|state] counts. [Socialist|organisation|Spanish Socialist Workers' Party] MP [Rosa Gil|person] spoke.",
        expect: [['Rosa Gil', 'citizen-of', 'Spain']],
      },
    ],
  },
} satisfies Record<string, Rule>;

let partyState: Map<string, string> | undefined;

/** Party label -> its state's country code (the first party listed under a label wins, as in the entity stage). */
function partyCountry(label: string): string | undefined {
  if (!partyState) {
    partyState = new Map();
    for (const p of knowledge().parties) if (!partyState.has(p.label)) partyState.set(p.label, p.country);
  }
  return partyState.get(label);
}

function namedIn(ctx: ArticleContext, sentence: number, entity: string): boolean {
  return ctx.sentences[sentence]?.units.some((u) => u.kind === 'entity' && u.entityId === entity) ?? false;
}

export function runChainRules(ctx: ArticleContext, edges: Iterable<RelationCandidate>, emit: Emitter): void {
  const r = CHAIN_RULES.partyCountry;
  const done = new Set<string>();
  for (const c of edges) {
    if (c.relation !== 'member-of' || c.former) continue;
    if (ctx.doc.entities.get(c.source)?.kind !== 'person') continue;
    const party = ctx.doc.entities.get(c.target);
    const code = party ? partyCountry(party.label) : undefined;
    const state = code ? ctx.stateOf.get(code) : undefined;
    // Party names recur across states ("Green Party"): the party's state must be what the article is about, or be
    // named in the membership's own sentence ("Rwanda's Green Party" is no member of Germany's).
    if (!state || done.has(`${c.source}|${state}`)) continue;
    if (state !== ctx.mainState && !namedIn(ctx, c.sentence, state)) continue;
    done.add(`${c.source}|${state}`);
    emit({
      source: c.source,
      target: state,
      relation: 'citizen-of',
      confidence: Math.min(c.confidence, r.confidence),
      rule: r.name,
      sentence: c.sentence,
      basis: 'knowledge',
    });
  }
}
