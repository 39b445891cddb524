/**
 * A person stating a state's position speaks for it ("X expressed Y's support for ...", "X, speaking on behalf of Y");
 * counterparts speak for different sides ("X told his Italian counterpart").
 */
import { words } from '../lexicon.js';
import type { ArticleContext, Emitter, Rule } from '../rule.js';
import { type EntityUnit, isEntity, POSSESSIVE, type SentenceUnits, type Unit } from '../units.js';
import { wordAt } from './common.js';

export const POSITION_RULES = {
  statesPosition: {
    name: 'speaks-for:states-position',
    reason: 'Only someone speaking for a state states its position: "X reaffirmed Y\'s support for ...".',
    confidence: 0.8,
    examples: [
      {
        text: "[Ana Lima|person] reaffirmed [Brazil|state]'s commitment to the accord.",
        expect: [['Ana Lima', 'speaks-for', 'Brazil']],
      },
    ],
  },
  onBehalf: {
    name: 'speaks-for:on-behalf',
    reason: '"X, speaking on behalf of Y" / "X ... on behalf of Y" names whom X speaks for.',
    confidence: 0.75,
    examples: [
      {
        text: '[Omar Haddad|person] signed the deal on behalf of [Jordan|state].',
        expect: [['Omar Haddad', 'speaks-for', 'Jordan']],
      },
    ],
  },
  counterpartNamed: {
    name: 'speaks-for:counterpart-named',
    reason: '"his French counterpart X": X holds the same office for the state the demonym names.',
    confidence: 0.8,
    examples: [
      {
        text: '[Li Wei|person] met his [Italian|state|Italy] counterpart [Marco Bianchi|person] in Rome.',
        expect: [['Marco Bianchi', 'speaks-for', 'Italy']],
      },
    ],
  },
  counterpartContext: {
    name: 'speaks-for:counterpart-context',
    reason:
      "Counterparts speak for different sides: the one named elsewhere in the sentence speaks for the demonym's state, the subject for the other state the sentence names.",
    confidence: 0.6,
    examples: [
      {
        text: '[Li Wei|person] thanked [Marco Bianchi|person] and told his [Italian|state|Italy] counterpart that [China|state] and [Italy|state] share goals.',
        expect: [
          ['Marco Bianchi', 'speaks-for', 'Italy'],
          ['Li Wei', 'speaks-for', 'China'],
        ],
      },
    ],
  },
} satisfies Record<string, Rule>;

const PRONOUNS = words('pronouns');

function statesPosition(units: readonly Unit[], s: SentenceUnits, emit: Emitter): void {
  const positionVerbs = words('positionVerbs');
  const positionNouns = words('positionNouns');
  let lastPerson: EntityUnit | undefined;
  let clauseWords = 0;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.kind === 'entity') {
      if (u.entityKind === 'person') {
        lastPerson = u;
        clauseWords = 0;
      }
      continue;
    }
    clauseWords++;
    if (u.w === '.' || u.w === ';' || u.w === '"') lastPerson = undefined;
    if (!lastPerson || clauseWords > 6) continue;
    if (positionVerbs.has(u.w)) {
      const state = units[i + 1];
      if (!isEntity(state, 'state') || !POSSESSIVE.has(wordAt(units, i + 2) ?? '')) continue;
      for (let j = i + 3; j < Math.min(units.length, i + 7); j++) {
        const w = wordAt(units, j);
        if (w === undefined) break;
        if (positionNouns.has(w)) {
          const r = POSITION_RULES.statesPosition;
          emit({
            source: lastPerson.entityId,
            target: state.entityId,
            relation: 'speaks-for',
            confidence: r.confidence,
            rule: r.name,
            sentence: s.index,
          });
          break;
        }
      }
    } else if (u.w === 'behalf' && wordAt(units, i - 1) === 'on' && wordAt(units, i + 1) === 'of') {
      let j = i + 2;
      if (wordAt(units, j) === 'the') j++;
      const target = units[j];
      if (isEntity(target, 'state', 'organisation')) {
        const r = POSITION_RULES.onBehalf;
        emit({
          source: lastPerson.entityId,
          target: target.entityId,
          relation: 'speaks-for',
          confidence: r.confidence,
          rule: r.name,
          sentence: s.index,
        });
      }
    }
  }
}

function counterparts(units: readonly Unit[], s: SentenceUnits, emit: Emitter): void {
  const counterpartWords = words('counterpart');
  let cast: ReturnType<typeof castOf> | undefined;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.kind !== 'word' || !counterpartWords.has(u.w)) continue;
    const side = units[i - 1];
    if (!isEntity(side, 'state') || !PRONOUNS.has(wordAt(units, i - 2) ?? '')) continue;
    const named = units[i + 1] ?? (wordAt(units, i + 1) === ',' ? units[i + 2] : undefined);
    if (isEntity(named, 'person')) {
      const r = POSITION_RULES.counterpartNamed;
      emit({
        source: named.entityId,
        target: side.entityId,
        relation: 'speaks-for',
        confidence: r.confidence,
        rule: r.name,
        sentence: s.index,
      });
      continue;
    }
    // Unnamed: the subject is the first person of the sentence; the counterpart is another person before the phrase.
    const { persons, states } = (cast ??= castOf(units));
    const subject = persons[0];
    const r = POSITION_RULES.counterpartContext;
    if (subject && subject.start < u.start) {
      const others = persons.filter((p) => p.entityId !== subject.entityId && p.start < u.start);
      if (others.length === 1)
        emit({
          source: others[0]!.entityId,
          target: side.entityId,
          relation: 'speaks-for',
          confidence: r.confidence,
          rule: r.name,
          sentence: s.index,
        });
      const otherStates = states.filter((id) => id !== side.entityId);
      if (otherStates.length === 1)
        emit({
          source: subject.entityId,
          target: otherStates[0]!,
          relation: 'speaks-for',
          confidence: r.confidence - 0.05,
          rule: r.name,
          sentence: s.index,
        });
    }
  }
}

/** The distinct persons (first mention each, in order) and states of a sentence, read once. */
function castOf(units: readonly Unit[]): { persons: EntityUnit[]; states: string[] } {
  const persons: EntityUnit[] = [];
  const seen = new Set<string>();
  const states = new Set<string>();
  for (const v of units) {
    if (v.kind !== 'entity') continue;
    if (v.entityKind === 'person' && !seen.has(v.entityId)) {
      seen.add(v.entityId);
      persons.push(v);
    }
    if (v.entityKind === 'state') states.add(v.entityId);
  }
  return { persons, states: [...states] };
}

export function runPositionRules(s: SentenceUnits, _ctx: ArticleContext, emit: Emitter): void {
  statesPosition(s.units, s, emit);
  counterparts(s.units, s, emit);
}
