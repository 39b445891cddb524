/**
 * Stance toward a topic: "X backs / rejects / calls for / voted against <noun phrase>" and "X's support for /
 * opposition to <noun phrase>" where the object is not a named entity. The noun phrase ("the arms embargo",
 * "Spain's bailout request", "tighter restrictions") becomes a topic node of the article. Negated statements give
 * nothing; modal, conditional, reported-as-suspected and questioned statements give a low confidence and
 * `modality: 'hypothetical'` (stanceGuard, applied to every stance edge of the stage).
 */
import { nodeKey } from '../../../contract/keys.js';
import type { EntityKind, EntityMention, RelationCandidate } from '../../types.js';
import { words } from '../lexicon.js';
import type { ArticleContext, Emitter, Rule } from '../rule.js';
import { listedActorsBefore, listLeft, listRight, relativeClauseAntecedent, urgeVerbBefore } from '../rules/common.js';
import { type EntityUnit, isEntity, POSSESSIVE, type SentenceUnits, type Unit } from '../units.js';
import { bodyByName } from './bodies.js';

export const TOPIC_STANCE_RULES = {
  topicVerb: {
    name: 'stance:topic-verb',
    reason:
      '"X backs / rejects / calls for / voted against the <noun phrase>": a stance toward a policy or issue, read as a topic node.',
    confidence: 0.7,
    examples: [
      {
        text: '[Estonia|state] backed the proposed carbon tax on Monday.',
        expect: [['Estonia', 'supports', 'proposed carbon tax']],
      },
      {
        text: '[Rosa Lind|person] voted against the new fishing quotas.',
        expect: [['Rosa Lind', 'opposes', 'fishing quotas']],
      },
    ],
  },
  topicPassive: {
    name: 'stance:topic-passive',
    reason: '"The <noun phrase> was backed / rejected by X": the holder after "by", the topic before the verb.',
    confidence: 0.7,
    examples: [
      { text: 'The coal levy was rejected by [Poland|state] on Friday.', expect: [['Poland', 'opposes', 'coal levy']] },
    ],
  },
  anaphora: {
    name: 'stance:topic-verb+anaphora',
    reason:
      '"The bloc / the alliance / the country backed the <noun phrase>": the body or state named just before holds the stance.',
    confidence: 0.6,
    examples: [
      {
        text: 'Ministers of the [European Union|organisation] met on Monday. The bloc backed the proposed fuel levy.',
        expect: [['European Union', 'supports', 'proposed fuel levy']],
      },
    ],
  },
  pronoun: {
    name: 'stance:topic+pronoun-holder',
    reason:
      '"X and Y said that they back the <noun phrase>", "X said she favours ...", "X knows how costly her support for ... is": a pronoun holding the stance stands for the speaker of the reported speech, or for the sentence\'s subject person.',
    confidence: 0.6,
    examples: [
      {
        text: '[Kenya|state] and [Ghana|state] said on Monday that they are ready to offer backing for the solar fund.',
        expect: [
          ['Kenya', 'supports', 'solar fund'],
          ['Ghana', 'supports', 'solar fund'],
        ],
      },
      {
        text: '[Nadia Roy|person] knows how risky her campaign for press freedom is.',
        expect: [['Nadia Roy', 'supports', 'press freedom']],
      },
    ],
  },
  urged: {
    name: 'stance:urged',
    reason:
      '"X urged / called on / pressed Y to back / reject Z": X holds the stance toward Z; Y, who is only asked to, holds none.',
    confidence: 0.65,
    examples: [
      {
        text: '[Lena Roos|person] urged member states to commit firmly to [Baltica|organisation] by June.',
        expect: [['Lena Roos', 'supports', 'Baltica']],
      },
      {
        text: '[Chile|state] called on [Peru|state] to back the fishing accord.',
        expect: [['Chile', 'supports', 'fishing accord']],
      },
    ],
  },
  nominalHolder: {
    name: 'stance:noun-from-holder',
    reason:
      '"opposition from X to Y", "support from X for Y", "Y won / enjoys / faces the backing / opposition of X": the holder named after the stance noun.',
    confidence: 0.65,
    examples: [
      {
        text: 'Opposition from [Peru|state] and [Bolivia|state] to the mining code grew.',
        expect: [
          ['Peru', 'opposes', 'mining code'],
          ['Bolivia', 'opposes', 'mining code'],
        ],
      },
      {
        text: 'The solar fund won the backing of [Norway|state].',
        expect: [['Norway', 'supports', 'solar fund']],
      },
    ],
  },
  topicNoun: {
    name: 'stance:topic-noun',
    reason: '"X\'s support for / opposition to the <noun phrase>".',
    confidence: 0.7,
    examples: [
      {
        text: "[Malta|state]'s opposition to the asylum quotas is well known.",
        expect: [['Malta', 'opposes', 'asylum quotas']],
      },
    ],
  },
} satisfies Record<string, Rule>;

const DETERMINERS = words('stanceTopicsDeterminers');
/** Words that end a topic noun phrase. */
const NP_STOP = words('npStop');
const PRONOUNS_OR_EMPTY = words('pronounsOrEmpty');
const MAX_NP_WORDS = 4;
/** Heads that only introduce the real topic: "the idea of eurobonds" is about eurobonds. */
const LIGHT_HEADS = words('lightHeads');
/** "rejects the term genocide": the word named is the topic, not the term. */
const TERM_HEADS = words('termHeads');
/**
 * Heads that make no issue or policy: people ("praised the bystander", "backed her father") and empty nouns ("called
 * for means to ..."). A phrase ending in one is no topic node.
 */
const NOT_TOPIC_HEADS = words('notTopicHeads');
/** Quantifiers before a light head: "some kind of symbolic action". */
const QUANTIFIERS = new Set(['some', 'any', 'every', 'one', 'another']);
/**
 * Heads that hold a proposal about something: "the plan on migration quotas" is labelled as English writes such a
 * thing before the head, "migration quotas plan" (as "a peace plan", "the Iran deal"), so that both wordings are one
 * topic; the subject is not taken for the topic itself (opposing a bill on X is not opposing X). Substantive heads
 * stay whole: "the arms embargo on China", "the ban on fox hunting".
 */
const CONTAINER_HEADS = words('containerHeads');
/** Nouns after a person's possessive that make the stance one toward the person ("X's return", "X's re-election"). */
const PERSON_EVENTS = words('personEvents');
/** Words that end a noun phrase when they follow its first word: time expressions and common verbs. */
const NP_TAIL_STOP = words('npTailStop');
const ADVERBS = words('adverbs');
/** Light verbs and adjectives before a stance noun: "X offered financial backing for Y", "X voiced strong support for Y". */
const LIGHT_VERBS = words('lightVerbs');
/** Passive stance: "the bill was backed by X", "a plan opposed by X". */
const PASSIVE_TRIGGERS: Record<string, 'supports' | 'opposes'> = {
  backed: 'supports',
  supported: 'supports',
  endorsed: 'supports',
  favoured: 'supports',
  favored: 'supports',
  welcomed: 'supports',
  championed: 'supports',
  spearheaded: 'supports',
  sponsored: 'supports',
  opposed: 'opposes',
  rejected: 'opposes',
  vetoed: 'opposes',
  condemned: 'opposes',
  resisted: 'opposes',
  criticised: 'opposes',
  criticized: 'opposes',
};

interface Trigger {
  relation: 'supports' | 'opposes';
  /** Units of the trigger phrase. */
  from: number;
  to: number;
  noun: boolean;
}

const STANCE_NOUNS = new Set([...words('supportNouns'), ...words('opposeNouns')]);

let triggerIndex: Map<string, Array<{ parts: string[]; relation: 'supports' | 'opposes' }>> | undefined;
function triggers(): Map<string, Array<{ parts: string[]; relation: 'supports' | 'opposes' }>> {
  if (triggerIndex) return triggerIndex;
  triggerIndex = new Map();
  for (const [list, relation] of [
    [words('topicSupportTriggers'), 'supports'],
    [words('topicOpposeTriggers'), 'opposes'],
  ] as const) {
    for (const t of list) {
      const parts = t.split(' ');
      const entry = triggerIndex.get(parts[0]!) ?? [];
      entry.push({ parts, relation });
      entry.sort((a, b) => b.parts.length - a.parts.length);
      triggerIndex.set(parts[0]!, entry);
    }
  }
  return triggerIndex;
}

function wordAt(units: readonly Unit[], i: number): string | undefined {
  const u = units[i];
  return u && u.kind === 'word' ? u.w : undefined;
}

function triggerAt(units: readonly Unit[], i: number): Trigger | undefined {
  const w = wordAt(units, i);
  if (w === undefined) return undefined;
  for (const t of triggers().get(w) ?? []) {
    // One adverb may stand inside a phrase: "commit firmly to", "voted overwhelmingly against".
    let j = i + 1;
    let adverbs = 0;
    const matches = t.parts.every((p, k) => {
      if (k === 0) return true;
      const v = wordAt(units, j);
      if (v !== p && adverbs === 0 && v !== undefined && /^[a-z]{3,}ly$/.test(v) && wordAt(units, j + 1) === p) {
        adverbs++;
        j++;
      }
      return wordAt(units, j++) === p;
    });
    if (matches) {
      const last = t.parts[t.parts.length - 1]!;
      return {
        relation: t.relation,
        from: i,
        to: j,
        // "support for", "backing to", "opposition to" are nouns; "called for", "calling for", "opposed to" verbs.
        noun: ['for', 'to', 'of'].includes(last) && t.parts.length === 2 && STANCE_NOUNS.has(t.parts[0]!),
      };
    }
  }
  return undefined;
}

/**
 * The actors holding the stance: the entity (or coordinated entities, "A and B") right before the trigger, over
 * adverbs, auxiliaries and, for a stance noun, light verbs ("offered financial backing"); or a possessor.
 */
function holdersBefore(units: readonly Unit[], from: number, noun: boolean): EntityUnit[] {
  let k = from - 1;
  // "X's support for", "X's opposition to"
  if (wordAt(units, k) === "'s" || wordAt(units, k) === "'") k--;
  let steps = 0;
  while (k >= 0 && steps < 5) {
    const w = wordAt(units, k) ?? '';
    // "X has vowed to press ahead with": a commitment verb and "to" between the holder and the trigger.
    if (w === 'to' && INTENT_VERBS.has(wordAt(units, k - 1) ?? '')) k -= 2;
    else if (ADVERBS.has(w) || (noun && LIGHT_VERBS.has(w))) k--;
    else break;
    steps++;
  }
  // "X, which has long backed ...", "X, who dismissed it in 2007, is now committed to ...": the antecedent.
  const antecedent = relativeClauseAntecedent(units, k);
  if (antecedent !== undefined) {
    const h = holderHead(units, antecedent);
    const a = units[h];
    if (!isActor(a) && !(isEntity(a, 'place') && wordAt(units, h + 1) === 'government')) return [];
    return [a as EntityUnit];
  }
  // "the ... List Pim Fortuyn ( LPF ), both opposed": a bracketed abbreviation after the name.
  if (wordAt(units, k) === ',' && steps > 0) k--;
  // "the head of the Ifo institute, Lena Moro, criticised": a person in apposition, closed by a comma.
  else if (wordAt(units, k) === ',' && units[k - 1]?.kind === 'entity' && wordAt(units, k - 2) === ',') k--;
  if (wordAt(units, k) === ')' && units[k - 1]?.kind === 'entity' && wordAt(units, k - 2) === '(') k -= 1;
  k = holderHead(units, k);
  const u = units[k];
  if (u?.kind !== 'entity' || u.entityKind === 'topic') return [];
  // "the Ankara government": a place only as the seat of a government (the caller maps a capital to its state).
  if (u.entityKind === 'place') return wordAt(units, k + 1) === 'government' ? [u] : [];
  // An entity after a preposition is not the subject ("support from X for ...").
  const before = wordAt(units, k - 1);
  if (/^(of|for|to|with|from|by|against|in|on|at)$/.test(before ?? '')) return [];
  const list = listLeft(units, k + 1, ['person', 'state', 'organisation']);
  let items = list ? list.items : [u];
  // "after talks with A, B and C backed": the preposition governs A; the subject is what follows the last comma.
  if (list && LIST_GOVERNORS.has(wordAt(units, list.from - 1) ?? '')) {
    let comma = k;
    while (comma > list.from && wordAt(units, comma) !== ',') comma--;
    items = items.filter((e) => units.indexOf(e) > comma);
    if (items.length === 0) return [];
  }
  // "the liberal Lark party and the green Fern Alliance both opposed": coordinated holders with their modifiers.
  let first = list ? list.from : k;
  for (;;) {
    const prev = coordinatedBefore(units, first);
    if (!prev) break;
    items.unshift(units[prev] as EntityUnit);
    first = prev;
  }
  // "X, lawyers and doctors, as well as Y backed ...": the looser list of the subject.
  const ids = new Set(items.map((e) => e.entityId));
  for (const e of listedActorsBefore(units, first, HOLDER_KINDS)) if (!ids.has(e.entityId)) items.unshift(e);
  return items;
}

const SPEECH_VERBS = words('speechVerbs');

/** The holders of an urged stance: the subject of the verb of urging. */
function urgerBefore(units: readonly Unit[], from: number): EntityUnit[] {
  const v = urgeVerbBefore(units, from);
  return v === undefined ? [] : holdersBefore(units, v, false);
}
const PERSONAL_PRONOUNS = new Set(['he', 'she', 'his', 'her']);
const PLURAL_PRONOUNS = new Set(['they', 'their']);

/**
 * The actors a pronoun in the holder's place stands for. In reported speech ("A and B said Tuesday that they are
 * ready to ..."), the subject of the speech verb: one person for he / she, two or more actors for they (a single
 * speaker's "they" is usually someone else). Otherwise he / she / his / her is the sentence's subject person when no
 * other person stands between them ("X knows how risky her support for ... is").
 */
function pronounHolders(units: readonly Unit[], from: number, noun: boolean): EntityUnit[] {
  let k = from - 1;
  for (let steps = 0; k >= 0 && steps < 6; steps++) {
    const w = wordAt(units, k) ?? '';
    if (w === 'to' && INTENT_VERBS.has(wordAt(units, k - 1) ?? '')) k -= 2;
    else if (ADVERBS.has(w) || (noun && LIGHT_VERBS.has(w) && !PERSONAL_PRONOUNS.has(w) && !PLURAL_PRONOUNS.has(w)))
      k--;
    else break;
  }
  const p = wordAt(units, k);
  const plural = PLURAL_PRONOUNS.has(p ?? '');
  if (!plural && !PERSONAL_PRONOUNS.has(p ?? '')) return [];
  // Reported speech: the speech verb before the pronoun, over "that", commas and a date ("said Tuesday, Jan. 27, that").
  for (let j = k - 1, n = 0; j >= 0 && n < 8; j--, n++) {
    const u = units[j]!;
    if (u.kind === 'entity') break;
    if (SPEECH_VERBS.has(u.w)) {
      const speakers = holdersBefore(units, j, false);
      if (plural) return speakers.length >= 2 ? speakers : [];
      return speakers.length === 1 && speakers[0]!.entityKind === 'person' ? speakers : [];
    }
    if (!(u.w === 'that' || u.w === ',' || u.w === '.' || u.w === 'on' || /^\p{Lu}|^\d/u.test(u.raw))) break;
  }
  if (plural) return [];
  let subject: EntityUnit | undefined;
  for (let j = 0; j < k; j++) {
    const u = units[j]!;
    if (u.kind !== 'entity') continue;
    if (subject) {
      if (u.entityKind === 'person') return [];
    } else if (u.entityKind === 'person' && j <= 3) subject = u;
    else return [];
  }
  return subject ? [subject] : [];
}

/** Nouns after an actor's name that keep it the head of the holder phrase: "the ruling Lark party rejected". */
const LIST_GOVERNORS = words('holderListGovernors');
/** Verbs of commitment that may stand with "to" between a holder and the stance: "vowed to press ahead with". */
const INTENT_VERBS = words('intentVerbs');
const HOLDER_KINDS: EntityKind[] = ['person', 'state', 'organisation'];
const HOLDER_HEADS = new Set(['party', 'government', 'movement', 'group', 'camp', 'faction', 'coalition', 'alliance']);

/**
 * The unit of the actor a holder phrase ending at k names: k itself, or the name before a head noun ("the Lark party")
 * or before a place ("the Supreme Court in Valdoria").
 */
function holderHead(units: readonly Unit[], k: number): number {
  if (HOLDER_HEADS.has(wordAt(units, k) ?? '') && isActor(units[k - 1])) return k - 1;
  if (wordAt(units, k) === 'government' && isEntity(units[k - 1], 'place')) return k - 1;
  const u = units[k];
  if (u?.kind === 'entity' && u.entityKind === 'place' && wordAt(units, k - 1) === 'in' && isActor(units[k - 2]))
    return k - 2;
  return k;
}

function isActor(u: Unit | undefined): u is EntityUnit {
  return u?.kind === 'entity' && u.entityKind !== 'topic' && u.entityKind !== 'place';
}

/**
 * The actor coordinated before the holder phrase that starts at `first`: "<actor> [head] and [the] [modifiers]
 * <holder>", modifiers being up to three lower-case words ("the anti-immigration Fern Alliance").
 */
function coordinatedBefore(units: readonly Unit[], first: number): number | undefined {
  let j = first - 1;
  for (let n = 0; n < 4 && j >= 0; n++, j--) {
    const w = wordAt(units, j);
    if (w === undefined || w === 'and' || NP_STOP.has(w) || !/^[a-z][a-z-]*$|^-$/.test(w)) break;
  }
  if (wordAt(units, j) !== 'and') return undefined;
  const prev = holderHead(units, j - 1);
  return isActor(units[prev]) ? prev : undefined;
}

/** The topic noun phrase after the trigger: determiners skipped, a possessor entity kept in the label. */
function topicAfter(
  s: SentenceUnits,
  text: string,
  at: number,
): { start: number; end: number; label: string; person?: string } | undefined {
  const units = s.units;
  let j = at;
  while (DETERMINERS.has(wordAt(units, j) ?? '')) j++;
  let start: number | undefined;
  // "Spain's bailout request": the possessor stays in the phrase.
  if (QUANTIFIERS.has(wordAt(units, j) ?? '') && LIGHT_HEADS.has(wordAt(units, j + 1) ?? '')) j++;
  if (LIGHT_HEADS.has(wordAt(units, j) ?? '') && wordAt(units, j + 1) === 'of') j += 2;
  else if (
    TERM_HEADS.has(wordAt(units, j) ?? '') &&
    units[j + 1]?.kind === 'word' &&
    !NP_STOP.has(wordAt(units, j + 1) ?? '')
  )
    j++;
  while (wordAt(units, j) === '"' || DETERMINERS.has(wordAt(units, j) ?? '')) j++;
  const first = units[j];
  if (first?.kind === 'entity' && first.entityKind === 'topic' && continuesNoun(units[j + 1])) {
    // "the energy supply project": a topic named before is the modifier of a longer phrase.
    start = first.start;
    j++;
  } else if (first?.kind === 'entity') {
    if (wordAt(units, j + 1) !== "'s") return undefined; // a named object: the entity rules read it
    if (first.entityKind === 'person' && PERSON_EVENTS.has(wordAt(units, j + 2) ?? ''))
      return { start: first.start, end: first.end, label: '', person: first.entityId };
    start = first.start;
    j += 2;
  }
  // "called for reducing the number of ...": a gerund with its own object is an action, not a thing named.
  if (start === undefined && /ing$/.test(wordAt(units, j) ?? '') && DETERMINERS.has(wordAt(units, j + 1) ?? ''))
    return undefined;
  let n = 0;
  let end: number | undefined;
  for (; j < units.length && n < MAX_NP_WORDS; j++) {
    const u = units[j]!;
    if (u.kind === 'entity') {
      // "the embargo on China": an entity may close an "on/of" phrase.
      const prev = wordAt(units, j - 1);
      if ((prev === 'on' || prev === 'of' || prev === 'against') && end !== undefined) {
        end = u.end;
        n++;
      }
      break;
    }
    // "women's rights", "workers' pay": a common noun's possessive stays inside the phrase.
    if (POSSESSIVE.has(u.w) && n > 0 && n < MAX_NP_WORDS - 1 && /^[a-z]/.test(wordAt(units, j - 1) ?? '')) continue;
    if (!/^[\p{L}][\p{L}'-]*$/u.test(u.raw)) break;
    if (u.w === 'of' || u.w === 'on' || u.w === 'against') {
      if (end === undefined) break;
      n++;
      continue;
    }
    if (NP_STOP.has(u.w) || isAdverb(u.w) || (n > 0 && (NP_TAIL_STOP.has(u.w) || /ed$/.test(u.w)))) break;
    if (n === 0 && PRONOUNS_OR_EMPTY.has(u.w)) return undefined;
    start ??= u.start;
    end = u.end;
    n++;
  }
  if (start === undefined || end === undefined) return undefined;
  // Text rebuilt from tokens spaces the possessive ("Spain 's"): the label is written as a reader would.
  const label = text
    .slice(start, end)
    .replace(/\s+(?:of|on|against)$/i, '')
    .replace(/\s+'s\b/g, "'s")
    .trim();
  if (label.length < 3 || /^\d/.test(label)) return undefined;
  if (NOT_TOPIC_HEADS.has(label.toLowerCase().split(' ').pop() ?? '')) return undefined;
  return { start, end, label: containerFirst(label) };
}

/**
 * A target the entity stage already named, after determiners: a topic ("rejected criticism of the electoral reform")
 * or a name used as the modifier of a common noun ("offered backing to the Nabucco pipeline": the pipeline named so).
 */
function namedTarget(units: readonly Unit[], at: number): EntityUnit | undefined {
  let j = at;
  // "demands that X must ...": "that" opens a clause here, it is no determiner.
  while (wordAt(units, j) !== 'that' && DETERMINERS.has(wordAt(units, j) ?? '')) j++;
  const u = units[j];
  if (u?.kind !== 'entity' || u.entityKind === 'place') return undefined;
  const after = units[j + 1];
  if (after?.kind === 'word' && after.w === "'s") return undefined;
  if (u.entityKind === 'topic') return continuesNoun(after) ? undefined : u;
  return after?.kind === 'word' &&
    /^[a-z]+$/.test(after.raw) &&
    !NP_STOP.has(after.w) &&
    !AUXILIARIES.has(after.w) &&
    !/(?:ed|[^aus]s)$/.test(after.w)
    ? u
    : undefined;
}

const LY_NOUNS = words('lyNouns');
/** An adverb in -ly ("firmly", "publicly"), not a noun such as "supply" or "assembly". */
function isAdverb(w: string): boolean {
  return /ly$/.test(w) && !LY_NOUNS.has(w);
}

/** True when a unit continues a noun phrase: a lower-case word that is no stop word, auxiliary or verb form. */
function continuesNoun(u: Unit | undefined): boolean {
  return (
    u?.kind === 'word' &&
    /^[a-z]+$/.test(u.raw) &&
    !NP_STOP.has(u.w) &&
    !AUXILIARIES.has(u.w) &&
    !/(?:ed|ing|[^aus]s)$/.test(u.w)
  );
}

/**
 * "called for the border to be closed", "urged the ban over fishing to be lifted": the noun phrase is the subject of
 * an infinitive, and the stance is toward what should happen to it (which may be its end), not toward the thing.
 */
function subjectOfInfinitive(units: readonly Unit[], npEnd: number): boolean {
  let j = units.findIndex((u) => u.start >= npEnd);
  for (let n = 0; j >= 0 && j < units.length && n < 5; j++, n++) {
    const u = units[j]!;
    if (u.kind === 'word' && !/^[\p{L}'-]+$/u.test(u.raw)) return false;
    if (wordAt(units, j) === 'to' && wordAt(units, j + 1) === 'be') return true;
  }
  return false;
}

/** "plan on migration quotas" -> "migration quotas plan", "peace plan on Gaza" -> "Gaza peace plan" (see CONTAINER_HEADS). */
function containerFirst(label: string): string {
  const m = /^((?:\S+ )*?)(\S+) on (.+)$/.exec(label);
  if (!m || !CONTAINER_HEADS.has(m[2]!.toLowerCase()) || / on /.test(m[3]!)) return label;
  return `${m[3]} ${m[1]}${m[2]}`;
}

const PASSIVE_AUX = words('passiveAux');
const AUXILIARIES = words('auxiliaries');
const AGREEMENT_NOUNS = words('agreementNouns');

/** "The bill was backed by X": the holder after "by", the topic the noun phrase before the auxiliaries. */
function passiveAt(
  s: SentenceUnits,
  text: string,
  i: number,
):
  | {
      relation: 'supports' | 'opposes';
      holder: EntityUnit;
      /** Every agent after "by": "backed by A and B". */
      holders: EntityUnit[];
      np: { start: number; end: number; label: string };
    }
  | undefined {
  const units = s.units;
  const relation = PASSIVE_TRIGGERS[wordAt(units, i) ?? ''];
  if (!relation || wordAt(units, i + 1) !== 'by') return undefined;
  let h = i + 2;
  if (wordAt(units, h) === 'the') h++;
  // "backed by the right-wing populist Lark Party": modifiers before the name.
  for (let n = 0; n < 4 && /^[a-z][a-z-]*$|^-$/.test(wordAt(units, h) ?? '') && !NP_STOP.has(wordAt(units, h)!); n++)
    h++;
  const holder = units[h];
  if (holder?.kind !== 'entity' || holder.entityKind === 'topic' || holder.entityKind === 'place') return undefined;
  let k = i - 1;
  let aux = 0;
  while (k >= 0 && (PASSIVE_AUX.has(wordAt(units, k) ?? '') || isAdverb(wordAt(units, k) ?? '')) && aux < 4) {
    k--;
    aux++;
  }
  // A named subject is read by supports:passive; here only plain noun phrases.
  let end: number | undefined;
  let start: number | undefined;
  let n = 0;
  for (; k >= 0 && n < MAX_NP_WORDS; k--) {
    const u = units[k]!;
    if (u.kind !== 'word' || !/^[\p{L}][\p{L}'-]*$/u.test(u.raw) || DETERMINERS.has(u.w) || NP_STOP.has(u.w)) break;
    end ??= u.end;
    start = u.start;
    n++;
  }
  if (start === undefined || end === undefined) return undefined;
  const label = text.slice(start, end);
  if (label.length < 3 || PRONOUNS_OR_EMPTY.has(label.toLowerCase())) return undefined;
  const holders = listRight(units, h, HOLDER_KINDS)?.items ?? [holder];
  return { relation, holder, holders, np: { start, end, label: containerFirst(label) } };
}

/** "the bloc", "the alliance" stand for the body just named; "the country", "the government" for the state. */
const ANAPHORA: Record<string, 'body' | 'state'> = {
  bloc: 'body',
  alliance: 'body',
  union: 'body',
  organisation: 'body',
  organization: 'body',
  country: 'state',
  government: 'state',
  kingdom: 'state',
  republic: 'state',
};
/** How far back (characters) an antecedent may be: the same or the previous sentence or two. */
const ANAPHORA_REACH = 600;

/** The antecedent of "the bloc" / "the country" right before the trigger: the nearest preceding body or state. */
function anaphoricHolder(ctx: ArticleContext, units: readonly Unit[], from: number): string | undefined {
  let k = from - 1;
  while (k >= 0 && ADVERBS.has(wordAt(units, k) ?? '')) k--;
  const kind = ANAPHORA[wordAt(units, k) ?? ''];
  if (!kind || wordAt(units, k - 1) !== 'the') return undefined;
  const at = units[k]!.start;
  const mentions = ctx.doc.mentions;
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.start >= at) continue;
    if (at - m.end > ANAPHORA_REACH) break;
    const e = ctx.doc.entities.get(m.entityId);
    if (!e) continue;
    if (kind === 'state' && e.kind === 'state') return e.id;
    if (kind === 'body' && e.kind === 'organisation' && bodyByName(e.label)) return e.id;
  }
  return undefined;
}

/**
 * The words of a topic label as a reader compares them: lower case, possessives and determiners dropped, inflection
 * stripped, in any order. "Spain's bailout request" and "Spain's requested bailout" name one topic.
 */
function topicWords(label: string): string {
  return label
    .toLowerCase()
    .replace(/'s?\b/g, ' ')
    .split(/[^\p{L}\d]+/u)
    .filter((w) => w.length > 0 && !DETERMINERS.has(w) && w !== 'of' && w !== 'on')
    .map((w) => w.replace(/(?:ing|ed|es|s)$/, '') || w)
    .sort()
    .join(' ');
}

/** The topic entity of a label: an existing topic of the article with the same words, or a new one. */
function topicId(ctx: ArticleContext, label: string): string {
  const words = topicWords(label);
  for (const e of ctx.doc.entities.values()) if (e.kind === 'topic' && topicWords(e.label) === words) return e.id;
  // "the agreement" after "the compromise" (or "the tax deal"): a bare agreement noun points back to the last one.
  if (AGREEMENT_NOUNS.has(label.toLowerCase())) {
    let last: string | undefined;
    for (const e of ctx.doc.entities.values())
      if (e.kind === 'topic' && AGREEMENT_NOUNS.has(e.label.toLowerCase().split(' ').pop() ?? '')) last = e.id;
    if (last) return last;
  }
  const id = nodeKey('topic', label.toLowerCase());
  ctx.doc.entities.set(id, { id, label, kind: 'topic', aliases: [] });
  return id;
}

/** Reads topic stances of every sentence; new topic entities and mentions are added to the document. */
export function runTopicStanceRules(ctx: ArticleContext, emit: Emitter): void {
  const added: EntityMention[] = [];
  for (const s of ctx.sentences) readSentence(ctx, s, emit, added);
  addMentions(ctx, added);
}

/**
 * Topic stances of one sentence, for coreference: a copy of a sentence whose anaphor ("She favours ...") is the
 * unit of the entity it stands for.
 */
export function runTopicStanceSentence(ctx: ArticleContext, s: SentenceUnits, emit: Emitter): void {
  const added: EntityMention[] = [];
  readSentence(ctx, s, emit, added);
  addMentions(ctx, added);
}

function readSentence(ctx: ArticleContext, s: SentenceUnits, emit: Emitter, added: EntityMention[]): void {
  {
    const units = s.units;
    for (let i = 0; i < units.length; i++) {
      const passive = passiveAt(s, ctx.doc.text, i);
      if (passive) {
        const rule = TOPIC_STANCE_RULES.topicPassive;
        const probe = stanceGuard(
          ctx,
          {
            source: passive.holder.entityId,
            target: '',
            relation: passive.relation,
            confidence: 1,
            rule: rule.name,
            sentence: s.index,
          },
          units[i]!.start,
        );
        if (!probe || probe.qualifiers?.modality) continue;
        const known = ctx.doc.mentions.find((m) => m.start < passive.np.end && passive.np.start < m.end);
        if (known) continue;
        const id = topicId(ctx, passive.np.label);
        added.push({
          entityId: id,
          start: passive.np.start,
          end: passive.np.end,
          sentence: s.index,
          tokenStart: 0,
          tokenEnd: 0,
          text: ctx.doc.text.slice(passive.np.start, passive.np.end),
          rule: 'rule:stance-topic',
        });
        for (const h of passive.holders)
          emit({
            source: h.entityId,
            target: id,
            relation: passive.relation,
            confidence: rule.confidence,
            rule: rule.name,
            sentence: s.index,
          });
        continue;
      }
      const nominal = nominalStanceAt(ctx, s, i);
      if (nominal) {
        const rule = TOPIC_STANCE_RULES.nominalHolder;
        const probe = stanceGuard(ctx, {
          source: nominal.holders[0]!.entityId,
          target: '',
          relation: nominal.relation,
          confidence: 1,
          rule: rule.name,
          sentence: s.index,
        });
        if (!probe || probe.qualifiers?.modality) continue;
        const known = nominal.np
          ? ctx.doc.mentions.find((m) => m.start < nominal.np!.end && nominal.np!.start < m.end)
          : undefined;
        if (known) continue;
        const target = nominal.id ?? topicFor(ctx, s, nominal.np!, added);
        for (const h of nominal.holders)
          emit({
            source: h.entityId,
            target,
            relation: nominal.relation,
            confidence: rule.confidence,
            rule: rule.name,
            sentence: s.index,
          });
        i = nominal.next - 1;
        continue;
      }
      const t = triggerAt(units, i);
      if (!t) continue;
      // A capitalised verb inside a sentence is a title-case headline ("Senate Rejects Easing Tax Rules"): its
      // noun phrases cannot be told from names, so no topic is read there.
      const verb = units[t.from];
      if (t.from > 0 && verb?.kind === 'word' && /^\p{Lu}/u.test(verb.raw)) continue;
      const holders = holdersBefore(units, t.from, t.noun);
      // "X urged political leaders to commit to Y": the one who urges holds the stance, not those urged.
      const byUrging = holders.length === 0 ? urgerBefore(units, t.from) : [];
      holders.push(...byUrging);
      // "they / she" or "her / their" in the holder's place: the speaker of the reported speech, or the subject.
      const byPronoun = holders.length === 0 ? pronounHolders(units, t.from, t.noun) : [];
      holders.push(...byPronoun);
      let holder = holders[0];
      const anaphoric = !holder;
      if (!holder) {
        // "The bloc backed the sanctions": the body or state named just before holds the stance.
        const antecedent = anaphoricHolder(ctx, units, t.from);
        const unit = antecedent
          ? ctx.sentences
              .flatMap((x) => x.units)
              .find((u): u is EntityUnit => u.kind === 'entity' && u.entityId === antecedent)
          : undefined;
        if (!unit) continue;
        holder = unit;
        holders.push(unit);
      }
      // A capital before "government" stands for its state; any other place holds no stance.
      const holderIds = [
        ...new Set(
          holders.flatMap((h) => (h.entityKind === 'place' ? (ctx.capitalOf.get(h.entityId) ?? []) : [h.entityId])),
        ),
      ];
      if (holderIds.length === 0) continue;
      const next = units[t.to];
      // A named object ("backs Moldova") is read by the entity stance rules (which leave urged stances to this one).
      if (next?.kind === 'entity' && wordAt(units, t.to + 1) !== "'s") {
        if (byUrging.length === 0 || next.entityKind === 'place' || wordAt(units, t.to + 1) === 'to') continue;
        for (const source of holderIds)
          emit({
            source,
            target: next.entityId,
            relation: t.relation,
            confidence: TOPIC_STANCE_RULES.urged.confidence,
            rule: TOPIC_STANCE_RULES.urged.name,
            sentence: s.index,
          });
        continue;
      }
      const rule0 = anaphoric
        ? TOPIC_STANCE_RULES.anaphora
        : byUrging.length > 0
          ? TOPIC_STANCE_RULES.urged
          : byPronoun.length > 0
            ? TOPIC_STANCE_RULES.pronoun
            : t.noun
              ? TOPIC_STANCE_RULES.topicNoun
              : TOPIC_STANCE_RULES.topicVerb;
      const trigger = ctx.doc.text.slice(units[t.from]!.start, units[t.to - 1]!.end);
      /** One stance edge from every holder to `target`; the final stance guard (negation, modality) applies later. */
      const emitFromHolders = (target: string, withTrigger: boolean, relation = t.relation) => {
        for (const source of holderIds)
          emit({
            source,
            target,
            relation,
            confidence: rule0.confidence,
            rule: rule0.name,
            sentence: s.index,
            ...(withTrigger ? { qualifiers: { trigger } } : {}),
          });
      };
      // "the levy, which X rejects.", "a plan, a move that X cautioned against during talks": the object is the
      // noun phrase the relative clause hangs on.
      const last = holders[holders.length - 1]!;
      const opener = !anaphoric && strandedAfter(units, t.to) ? relativeOpener(units, units.indexOf(last)) : undefined;
      if (opener !== undefined) {
        const antecedent = relativeAntecedent(ctx, s, opener, added);
        if (antecedent?.id) emitFromHolders(antecedent.id, true);
        else if (antecedent?.np) emitFromHolders(topicFor(ctx, s, antecedent.np, added), true);
        i = t.to - 1;
        continue;
      }
      const named = namedTarget(units, t.to);
      if (named) {
        emitFromHolders(named.entityId, true);
        i = t.to - 1;
        continue;
      }
      const np = topicAfter(s, ctx.doc.text, t.to);
      if (!np || subjectOfInfinitive(units, np.end)) continue;
      if (np.person) {
        emitFromHolders(np.person, false);
        continue;
      }
      // A topic read from a negated or hypothetical statement gets no node: nothing in the text stands for it.
      const probe = stanceGuard(
        ctx,
        {
          source: holder.entityId,
          target: '',
          relation: t.relation,
          confidence: 1,
          rule: rule0.name,
          sentence: s.index,
          qualifiers: { trigger },
        },
        np.start,
      );
      if (!probe || probe.qualifiers?.modality) continue;
      // A phrase that overlaps a mention the entity stage already typed is that entity (a topic), or nothing.
      // Named ends inside the phrase ("Spain's bailout request", "the embargo on China") stay part of it.
      const known = ctx.doc.mentions.find(
        (m) =>
          m.start < np.end &&
          np.start < m.end &&
          !(m.start >= np.start && m.end <= np.end && ctx.doc.entities.get(m.entityId)?.kind !== 'topic'),
      );
      if (known && ctx.doc.entities.get(known.entityId)?.kind !== 'topic') continue;
      emitFromHolders(known?.entityId ?? topicFor(ctx, s, np, added), true);
      // "her support for X and against Y": a second stance of the same holders, joined by "and for / and against".
      const after = units.findIndex((u) => u.start >= np.end);
      const second = wordAt(units, after + 1);
      if (after >= 0 && wordAt(units, after) === 'and' && (second === 'for' || second === 'against')) {
        const np2 = topicAfter(s, ctx.doc.text, after + 2);
        const clash = np2 && ctx.doc.mentions.some((m) => m.start < np2.end && np2.start < m.end);
        if (np2 && !np2.person && !clash)
          emitFromHolders(topicFor(ctx, s, np2, added), true, second === 'for' ? 'supports' : 'opposes');
      }
      i = t.to - 1;
    }
  }
}

/** The topic entity of a noun phrase read as a stance target, its mention added to the document. */
function topicFor(
  ctx: ArticleContext,
  s: SentenceUnits,
  np: { start: number; end: number; label: string },
  added: EntityMention[],
): string {
  const id = topicId(ctx, np.label);
  added.push({
    entityId: id,
    start: np.start,
    end: np.end,
    sentence: s.index,
    tokenStart: 0,
    tokenEnd: 0,
    text: ctx.doc.text.slice(np.start, np.end),
    rule: 'rule:stance-topic',
  });
  return id;
}

/** True when nothing the trigger could take as its object follows it: "... X rejects.", "cautioned against during". */
function strandedAfter(units: readonly Unit[], at: number): boolean {
  const u = units[at];
  if (u === undefined) return true;
  if (u.kind !== 'word') return false;
  return !/^[\p{L}\p{N}"]/u.test(u.raw) || LIST_GOVERNORS.has(u.w);
}

/**
 * The "that" / "which" opening a relative clause whose subject is the holder at unit h: over the holder's
 * determiner, title words and the names that qualify it ("a move that German Chancellor X cautioned against").
 */
function relativeOpener(units: readonly Unit[], h: number): number | undefined {
  for (let j = h - 1; j >= 0 && h - j <= 5; j--) {
    const u = units[j]!;
    if (u.kind === 'entity') continue;
    if (u.w === 'that' || u.w === 'which') {
      // "said that X rejects": a complement clause, not a relative one.
      const before = wordAt(units, j - 1) ?? '';
      return SPEECH_VERBS.has(before) || /ed$/.test(before) ? undefined : j;
    }
    if (u.w !== 'the' && !/^\p{Lu}/u.test(u.raw)) return undefined;
  }
  return undefined;
}

/** Nouns that only rename what was just said: "..., a move that X opposed", "..., a term which X rejects". */
const APPOSITION_NOUNS = words('appositionNouns');

/**
 * What a relative clause opened at unit `rel` hangs on: the noun phrase right before it, or, after a renaming noun in
 * apposition (", a move that"), the stance topic just read in this sentence or else the noun phrase before the comma.
 */
function relativeAntecedent(
  ctx: ArticleContext,
  s: SentenceUnits,
  rel: number,
  added: readonly EntityMention[],
): { id?: string; np?: { start: number; end: number; label: string } } | undefined {
  const units = s.units;
  let e = rel - 1;
  if (wordAt(units, e) === ',') e--;
  if (APPOSITION_NOUNS.has(wordAt(units, e) ?? '') && /^(a|an|the|one)$/.test(wordAt(units, e - 1) ?? '')) {
    if (wordAt(units, e - 2) !== ',') return undefined;
    const comma = units[e - 2]!.start;
    let recent: EntityMention | undefined;
    for (const m of [...added, ...ctx.doc.mentions])
      if (
        m.start >= s.start &&
        m.end <= comma &&
        ctx.doc.entities.get(m.entityId)?.kind === 'topic' &&
        (!recent || m.end > recent.end)
      )
        recent = m;
    if (recent) return { id: recent.entityId };
    e -= 3;
  }
  return phraseEndingAt(ctx, units, e);
}

/**
 * The noun phrase that ends at unit e, read leftwards: a topic entity, or up to four plain words (a name may qualify
 * the head: "the Armenian genocide"). With `actors`, a named actor there is the phrase too.
 */
function phraseEndingAt(
  ctx: ArticleContext,
  units: readonly Unit[],
  e: number,
  actors = false,
): { id?: string; np?: { start: number; end: number; label: string } } | undefined {
  // "the plan by X" / "homes in the West Bank": a trailing phrase naming who or where is not the head.
  const tail = units[e];
  if (tail?.kind === 'entity' && tail.entityKind !== 'topic') {
    let p = e - 1;
    if (wordAt(units, p) === 'the') p--;
    if (/^(in|on|at|by|from)$/.test(wordAt(units, p) ?? '')) e = p - 1;
  }
  const head = units[e];
  if (head?.kind === 'entity')
    return head.entityKind === 'topic' || (actors && isActor(head)) ? { id: head.entityId } : undefined;
  let start: number | undefined;
  let end: number | undefined;
  for (let j = e, n = 0; j >= 0 && n < MAX_NP_WORDS; j--, n++) {
    const u = units[j]!;
    // A name qualifies the head ("the Armenian genocide"); it never ends the phrase.
    if (u.kind === 'entity') {
      if (end === undefined || u.entityKind === 'topic' || u.entityKind === 'person') break;
    } else if (
      !/^[a-z][a-z'-]*$/.test(u.raw) ||
      DETERMINERS.has(u.w) ||
      NP_STOP.has(u.w) ||
      LIST_GOVERNORS.has(u.w) ||
      isAdverb(u.w)
    )
      break;
    end ??= u.end;
    start = u.start;
  }
  if (start === undefined || end === undefined) return undefined;
  const label = ctx.doc.text.slice(start, end);
  return label.length < 3 ? undefined : { np: { start, end, label: containerFirst(label) } };
}

const SUPPORT_NOUNS = words('supportNouns');
const OPPOSE_NOUNS = words('opposeNouns');
const RECEIVE_VERBS = words('stanceReceiveVerbs');

/**
 * Nominal stance with its holder after the noun: "opposition from A (and B) to Y", "support from A for Y", and "Y
 * won / enjoys / faces the backing / opposition of A" (Y the subject of a verb of receiving).
 */
function nominalStanceAt(
  ctx: ArticleContext,
  s: SentenceUnits,
  i: number,
):
  | {
      relation: 'supports' | 'opposes';
      holders: EntityUnit[];
      id?: string;
      np?: { start: number; end: number; label: string };
      next: number;
    }
  | undefined {
  const units = s.units;
  const w = wordAt(units, i) ?? '';
  const relation = SUPPORT_NOUNS.has(w) ? 'supports' : OPPOSE_NOUNS.has(w) ? 'opposes' : undefined;
  if (!relation) return undefined;
  const prep = wordAt(units, i + 1);
  if (prep !== 'from' && prep !== 'of') return undefined;
  const list = listRight(units, i + 2, HOLDER_KINDS);
  if (!list) return undefined;
  const after = wordAt(units, list.to);
  if (prep === 'from' && (after === 'to' || (after === 'for' && relation === 'supports'))) {
    const named = namedTarget(units, list.to + 1);
    const next = units[list.to + 1];
    if (named) return { relation, holders: list.items, id: named.entityId, next: list.to + 1 };
    if (next?.kind === 'entity' && next.entityKind !== 'place' && wordAt(units, list.to + 2) !== "'s")
      return { relation, holders: list.items, id: next.entityId, next: list.to + 2 };
    const np = topicAfter(s, ctx.doc.text, list.to + 1);
    return np && !np.person ? { relation, holders: list.items, np, next: list.to + 1 } : undefined;
  }
  // "Y won the broad backing of A": back over determiners and adjectives to the verb of receiving.
  let v = i - 1;
  for (
    let n = 0;
    n < 3 && v >= 0 && /^[a-z][a-z-]*$/.test(wordAt(units, v) ?? '') && !RECEIVE_VERBS.has(wordAt(units, v)!);
    n++
  )
    v--;
  if (!RECEIVE_VERBS.has(wordAt(units, v) ?? '')) return undefined;
  let k = v - 1;
  while (k >= 0 && (AUXILIARIES.has(wordAt(units, k) ?? '') || isAdverb(wordAt(units, k) ?? ''))) k--;
  const target = phraseEndingAt(ctx, units, k, true);
  if (!target) return undefined;
  return { relation, holders: list.items, ...target, next: list.to };
}

function addMentions(ctx: ArticleContext, added: readonly EntityMention[]): void {
  if (added.length > 0) {
    // Topic mentions that overlap an existing mention are left out; the rest join the document's sorted mentions.
    const existing = ctx.doc.mentions;
    const free = added.filter((m) => !existing.some((e) => e.start < m.end && m.start < e.end));
    ctx.doc.mentions.push(...free);
    ctx.doc.mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  }
}

const STANCE_RELATIONS = new Set(['supports', 'opposes', 'criticises']);
/** Confidence ceiling of a stance stated under modality, a condition or a question. */
const HYPOTHETICAL_CEILING = 0.35;

/**
 * Negation, modality, conditions and questions around every stance edge, whatever rule read it: the clause from
 * a little before the holder up to the target is checked. Negated: no edge; hypothetical: a low confidence and the
 * qualifier modality: hypothetical.
 */
export function stanceGuard(ctx: ArticleContext, c: RelationCandidate, until?: number): RelationCandidate | undefined {
  if (!STANCE_RELATIONS.has(c.relation)) return c;
  const s = ctx.sentences[c.sentence];
  if (!s) return c;
  let src: EntityUnit | undefined;
  let tgt: EntityUnit | undefined;
  for (const u of s.units) {
    if (u.kind !== 'entity') continue;
    if (u.entityId === c.target && src && !tgt) tgt = u;
    if (u.entityId === c.source && !tgt) src = u;
  }
  const text = ctx.doc.text;
  const sentence = text.slice(s.start, s.end);
  const from = src ? Math.max(s.start, src.start - 40) : s.start;
  // A topic read by this stage is a document mention, not a unit: its mention bounds the clause all the same, so
  // that words after the target ("which would be ...", "had no plans") do not count against the stance.
  const tgtMention = tgt
    ? undefined
    : ctx.doc.mentions.find((m) => m.entityId === c.target && m.start >= (src?.end ?? s.start) && m.start < s.end);
  const to = tgt ? tgt.start : (tgtMention?.start ?? until ?? s.end);
  const clauseStart = Math.max(from, text.lastIndexOf(';', to) + 1, s.start);
  const span = text.slice(clauseStart, Math.max(clauseStart, to)).toLowerCase();
  const tokens = span.split(/[^\p{L}']+/u).filter(Boolean);
  const neg = words('negations');
  const modal = words('modalityMarkers');
  // The trigger's own words are no negation: "voted against", "refused to sign" state the stance.
  const trigger = new Set((c.qualifiers?.trigger ?? 'against').toLowerCase().split(' '));
  if (tokens.some((w) => w !== 'against' && !trigger.has(w) && (neg.has(w) || w.endsWith("n't")))) return undefined;
  if (tokens.some((w) => modal.has(w)) || /\?\s*["”']?\s*$/.test(sentence)) {
    return {
      ...c,
      confidence: Math.min(c.confidence, HYPOTHETICAL_CEILING),
      qualifiers: { ...c.qualifiers, modality: 'hypothetical' },
    };
  }
  return c;
}
