/**
 * Party membership read from the way news names politicians: a party adjective or name right before a person
 * ("Tory Jane Doe", "Lib Dem leader Jane Doe", "Democratic Senator Jane Doe") or in an apposition after them
 * ("Jane Doe, a Labour backbencher,"). The party is known from data/parties.json, so the edge needs no verb.
 * Self-contained: reads the article's mentions and tokens only.
 */
import { knowledge } from '../../entities/knowledge.js';
import { TITLE_WORDS } from '../../entities/lexicon.js';
import type { DocAnalysis, EntityMention } from '../../types.js';
import type { Emitter, Rule } from '../rule.js';

export const PARTY_RULES = {
  partyBeforeName: {
    name: 'member-of:party-before-name',
    reason:
      'A party adjective or name before a person, with at most a role between ("Tory Jane Doe", "Green MP Jane Doe"), says which party the person belongs to.',
    confidence: 0.85,
    examples: [
      {
        text: '[Tory|organisation|Conservative Party] [Alan Pryce|person] rejected the plan.',
        expect: [['Alan Pryce', 'member-of', 'Conservative Party']],
      },
      {
        text: '[Democratic|organisation|Democratic Party] senator [Ruth Calder|person] voted against it.',
        expect: [['Ruth Calder', 'member-of', 'Democratic Party']],
      },
    ],
  },
  partyApposition: {
    name: 'member-of:party-apposition',
    reason: '"Jane Doe, a Labour backbencher," or "Jane Doe (SPD)": the apposition names the party of the person.',
    confidence: 0.75,
    examples: [
      {
        text: '[Owen Tate|person], a [Labour|organisation|Labour Party] backbencher, abstained.',
        expect: [['Owen Tate', 'member-of', 'Labour Party']],
      },
      {
        text: '[Greta Lund|person] ([SPD|organisation|Social Democratic Party of Germany]) spoke first.',
        expect: [['Greta Lund', 'member-of', 'Social Democratic Party of Germany']],
      },
    ],
  },
} satisfies Record<string, Rule>;

/** Lower-case words allowed between a party and a person: roles ("leader", "MP", "shadow chancellor"). */
function isRoleWord(word: string): boolean {
  return (
    TITLE_WORDS.has(word.toLowerCase()) ||
    /^(mp|mps|mep|meps|leader|candidate|politician|lawmaker|backbencher|frontbencher|peer|councillor|shadow|deputy|former|ex|veteran|donor|activist|rebel|grandee|member)$/i.test(
      word,
    )
  );
}

let partyLabels: Set<string> | null = null;

export function isParty(doc: DocAnalysis, id: string): boolean {
  partyLabels ??= new Set(knowledge().parties.map((p) => p.label));
  const e = doc.entities.get(id);
  return e !== undefined && e.kind === 'organisation' && partyLabels.has(e.label);
}

export function runPartyRules(doc: DocAnalysis, emit: Emitter): void {
  const bySentence = new Map<number, EntityMention[]>();
  for (const m of doc.mentions) {
    const list = bySentence.get(m.sentence);
    if (list) list.push(m);
    else bySentence.set(m.sentence, [m]);
  }
  for (const [si, list] of bySentence) {
    const tokens = doc.sentences[si]?.tokens ?? [];
    const word = (k: number) => tokens[k]?.text ?? '';
    for (let i = 0; i < list.length; i++) {
      const m = list[i]!;
      if (doc.entities.get(m.entityId)?.kind !== 'person') continue;
      const prev = list[i - 1];
      if (prev && isParty(doc, prev.entityId)) {
        const between = m.tokenStart - prev.tokenEnd;
        let roles = between <= 3;
        for (let k = prev.tokenEnd; roles && k < m.tokenStart; k++) roles = isRoleWord(word(k));
        if (roles) {
          const r = PARTY_RULES.partyBeforeName;
          emit({
            source: m.entityId,
            target: prev.entityId,
            relation: 'member-of',
            confidence: r.confidence,
            rule: r.name,
            sentence: si,
          });
        }
      }
      const next = list[i + 1];
      if (next && isParty(doc, next.entityId)) {
        // Read from the text, not tokens: the gap and what follows are punctuation and one word.
        const gap = doc.text.slice(m.end, next.start).replace(/\s+/g, ' ').trim().toLowerCase();
        const after = /^\s*([)]|,|[\p{L}]+)/u.exec(doc.text.slice(next.end, next.end + 40))?.[1] ?? '';
        const bracket = gap === '(' && after === ')';
        const apposition = /^, ?(an?|the)?$/.test(gap) && (after === ',' || (after !== ')' && isRoleWord(after)));
        if (bracket || apposition) {
          const r = PARTY_RULES.partyApposition;
          emit({
            source: m.entityId,
            target: next.entityId,
            relation: 'member-of',
            confidence: r.confidence,
            rule: r.name,
            sentence: si,
          });
        }
      }
    }
  }
}
