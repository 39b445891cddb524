/**
 * Contacts between actors: meets ("X met Y", "X held talks with Y", "talks between A and B"), visits ("X visited Y",
 * "X's visit to Y", with a 'possible' modality for "may visit"), cooperates-with ("A and B ramped up cooperation",
 * "cooperation between A and B").
 */
import type { EntityKind } from '../../types.js';
import { words } from '../lexicon.js';
import type { ArticleContext, Emitter, Rule } from '../rule.js';
import { countryOf } from '../states.js';
import { type EntityUnit, isEntity, POSSESSIVE, type SentenceUnits, type Unit } from '../units.js';
import { distinctIds, listLeft, listRight, personBehindTitle, wordAt } from './common.js';

export const CONTACTS_RULES = {
  meets: {
    name: 'meets:verb',
    reason: '"X met (with) Y", "X held talks with Y", "talks between A and B".',
    confidence: 0.75,
    examples: [
      {
        text: '[Emma Novak|person] met [Luis Ortega|person] in Geneva.',
        expect: [['Emma Novak', 'meets', 'Luis Ortega']],
      },
      { text: '[Chile|state] held talks with [Peru|state] on Monday.', expect: [['Chile', 'meets', 'Peru']] },
    ],
  },
  visits: {
    name: 'visits:verb',
    reason: '"X visited / will visit / may visit Y", "X\'s visit to Y" (a state or place).',
    confidence: 0.75,
    examples: [
      { text: '[Ana Lima|person] may visit [Angola|state] in May.', expect: [['Ana Lima', 'visits', 'Angola']] },
      {
        text: "[Omar Said|person]'s visit to [Cairo|place] was cut short.",
        expect: [['Omar Said', 'visits', 'Cairo']],
      },
    ],
  },
  cooperates: {
    name: 'cooperates-with:joint',
    reason: '"A and B expanded cooperation", "cooperation between A and B", "A\'s cooperation with B".',
    confidence: 0.65,
    examples: [
      {
        text: '[Ghana|state] and [Togo|state] have deepened their security cooperation.',
        expect: [['Ghana', 'cooperates-with', 'Togo']],
      },
      {
        text: 'Cooperation between [Chile|state] and [Peru|state] grew.',
        expect: [['Chile', 'cooperates-with', 'Peru']],
      },
      {
        text: '[Chile|state] and [Peru|state] met. Chilean-Peruvian cooperation grew.',
        expect: [['Chile', 'cooperates-with', 'Peru']],
      },
    ],
  },
} satisfies Record<string, Rule>;

const ACTORS: EntityKind[] = ['person', 'state', 'organisation'];
const PLACES: EntityKind[] = ['state', 'place'];
/** Words that negate a clause (narrower than `negations`, which also holds verbs of refusal). */
const NEGATION = words('clauseNegations');
const PREPOSITIONS = words('prepositions');
const CLAUSE_STOP = words('clauseStop');

function skipAux(units: readonly Unit[], i: number): { start: number; modal: boolean; negated: boolean } {
  const aux = words('auxiliaries');
  const modals = words('modals');
  let k = i - 1;
  let modal = false;
  let negated = false;
  while (k >= 0 && i - k <= 4) {
    const w = wordAt(units, k);
    if (w === undefined) break;
    if (NEGATION.has(w)) negated = true;
    else if (!aux.has(w)) break;
    if (modals.has(w) && w !== 'will') modal = true;
    k--;
  }
  return { start: k + 1, modal, negated };
}

/** The actor list after a verb, reading "German Chancellor X" as X. */
function objectsRight(units: readonly Unit[], j: number, kinds: EntityKind[]) {
  let k = j;
  if (wordAt(units, k) === 'the') k++;
  const person = personBehindTitle(units, k);
  return listRight(units, person ?? j, person !== undefined ? ['person'] : kinds);
}

function pairs(
  a: readonly EntityUnit[],
  b: readonly EntityUnit[],
  relation: string,
  rule: Rule,
  s: SentenceUnits,
  emit: Emitter,
  qualifiers?: Record<string, string>,
): void {
  for (const x of distinctIds(a))
    for (const y of distinctIds(b))
      if (x !== y)
        emit({
          source: x,
          target: y,
          relation,
          confidence: rule.confidence,
          rule: rule.name,
          sentence: s.index,
          ...(qualifiers ? { qualifiers } : {}),
        });
}

/** "Russian-Chinese cooperation", "US-India partnership": a hyphenated pair of states before a cooperation noun. */
function hyphenPair(units: readonly Unit[], i: number, ctx: ArticleContext): [string, string] | undefined {
  const u = units[i];
  if (u?.kind !== 'word' || !u.raw.includes('-')) return undefined;
  const parts = u.raw.split('-');
  if (parts.length !== 2) return undefined;
  const ids = parts.map((part) => {
    const code = countryOf(part);
    return code ? ctx.stateOf.get(code) : undefined;
  });
  const [a, b] = ids;
  if (!a || !b || a === b) return undefined;
  for (let j = i + 1; j <= i + 3; j++) {
    const w = wordAt(units, j);
    if (w !== undefined && words('cooperateNouns').has(w)) return [a, b];
    if (w !== 'and' && w !== ',' && !/^[a-z]+$/.test(w ?? '')) break;
  }
  return undefined;
}

export function runContactsRules(s: SentenceUnits, ctx: ArticleContext, emit: Emitter): void {
  const units = s.units;
  const meet = words('meetVerbs');
  const visit = words('visitVerbs');
  const visitNouns = words('visitNouns');
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.kind !== 'word') continue;
    const w = u.w;
    const pair = hyphenPair(units, i, ctx);
    if (pair) {
      const r = CONTACTS_RULES.cooperates;
      emit({
        source: pair[0],
        target: pair[1],
        relation: 'cooperates-with',
        confidence: r.confidence,
        rule: r.name,
        sentence: s.index,
      });
      continue;
    }
    if (meet.has(w) || (w === 'held' && wordAt(units, i + 1) === 'talks')) {
      const { start, negated } = skipAux(units, i);
      const subject = listLeft(units, start, ACTORS);
      let j = i + 1;
      if (w === 'held') j++;
      if (wordAt(units, j) === 'with') j++;
      const object = objectsRight(units, j, ACTORS);
      if (!negated && subject && object && w !== 'meeting')
        pairs(subject.items, object.items, 'meets', CONTACTS_RULES.meets, s, emit);
    } else if (w === 'talks' && wordAt(units, i + 1) === 'between') {
      const both = listRight(units, i + 2, ACTORS);
      if (both && both.items.length === 2)
        pairs([both.items[0]!], [both.items[1]!], 'meets', CONTACTS_RULES.meets, s, emit);
    } else if (visit.has(w) && (!visitNouns.has(w) || skipAux(units, i).start < i)) {
      // "visit" is a verb when it is inflected or follows an auxiliary ("may visit"), not in "the visit".
      const { start, modal, negated } = skipAux(units, i);
      const subject = listLeft(units, start, ACTORS);
      const object = listRight(units, i + 1, PLACES);
      if (!negated && subject && object)
        pairs(
          subject.items,
          object.items,
          'visits',
          CONTACTS_RULES.visits,
          s,
          emit,
          modal ? { modality: 'possible' } : undefined,
        );
    } else if (
      visitNouns.has(w) &&
      wordAt(units, i + 1) === 'to' &&
      POSSESSIVE.has(wordAt(units, i - 1) ?? '') &&
      isEntity(units[i - 2], ...ACTORS)
    ) {
      const object = listRight(units, i + 2, PLACES);
      if (object) pairs([units[i - 2] as EntityUnit], object.items, 'visits', CONTACTS_RULES.visits, s, emit);
    } else if (words('cooperateNouns').has(w)) {
      const next = wordAt(units, i + 1);
      if (next === 'between') {
        const both = listRight(units, i + 2, ACTORS);
        if (both && both.items.length === 2)
          pairs([both.items[0]!], [both.items[1]!], 'cooperates-with', CONTACTS_RULES.cooperates, s, emit);
        continue;
      }
      if (next === 'with' && POSSESSIVE.has(wordAt(units, i - 1) ?? '') && isEntity(units[i - 2], ...ACTORS)) {
        const other = listRight(units, i + 2, ACTORS);
        if (other)
          pairs([units[i - 2] as EntityUnit], other.items, 'cooperates-with', CONTACTS_RULES.cooperates, s, emit);
        continue;
      }
      // "A and B have ramped up (bilateral ...) cooperation": a two-entity subject earlier in the same clause.
      for (let k = i - 1; k >= 0 && i - k <= 12; k--) {
        const v = units[k]!;
        if (v.kind === 'word') {
          if (CLAUSE_STOP.has(v.w) || NEGATION.has(v.w)) break;
          continue;
        }
        const subject = listLeft(units, k + 1, ['state', 'organisation']);
        // The pair must not be a prepositional object ("pressure on both Chile and Peru").
        if (subject && subject.items.length === 2) {
          let b = subject.from - 1;
          if (wordAt(units, b) === 'both') b--;
          if (!PREPOSITIONS.has(wordAt(units, b) ?? ''))
            pairs([subject.items[0]!], [subject.items[1]!], 'cooperates-with', CONTACTS_RULES.cooperates, s, emit);
        }
        break;
      }
    }
  }
}
