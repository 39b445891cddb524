/**
 * Roles and titles next to a person name: who speaks for which state, who belongs to which organisation.
 * "German Chancellor Olaf Scholz", "Ana Silva, a spokeswoman for Amnesty International", "Italy's prime minister,
 * Mario Monti", "Jan Novak is a researcher at Charles University".
 */
import type { EntityMention } from '../../types.js';
import {
  BODY_NOUNS,
  bodiesNamedByTitle,
  classifyTitle,
  ORG_VOICE,
  ROLE_MODIFIERS,
  type RoleClass,
  type RoleMatch,
  roleEndingAt,
  roleStartingAt,
  STATE_VOICE,
  words,
} from '../lexicon.js';
import type { ArticleContext, Emitter, Rule } from '../rule.js';
import { type EntityUnit, isEntity, POSSESSIVE, type SentenceUnits, type Unit } from '../units.js';
import { capitalised, wordAt } from './common.js';

export const ROLE_RULES = {
  titleBefore: {
    name: 'role:title-before-name',
    reason: 'A holder and title in front of a name ("Chinese President X", "SPD leader X") state the role directly.',
    confidence: 0.9,
    examples: [
      {
        text: '[French|state|France] President [Jean Martin|person] arrived on Monday.',
        expect: [['Jean Martin', 'speaks-for', 'France']],
      },
      {
        text: '[Greenpeace|organisation] spokesman [Tom Berg|person] said the plan was flawed.',
        expect: [
          ['Tom Berg', 'member-of', 'Greenpeace'],
          ['Tom Berg', 'speaks-for', 'Greenpeace'],
        ],
      },
      {
        text: "[Norway|state]'s new Defence Minister [Kari Dahl|person] visited the base.",
        expect: [['Kari Dahl', 'speaks-for', 'Norway']],
      },
    ],
  },
  appositionAfter: {
    name: 'role:apposition-after-name',
    reason:
      'An apposition after a name gives its role and holder ("X, the foreign minister of Y", "X, a Y spokesman").',
    confidence: 0.85,
    examples: [
      {
        text: '[Ana Silva|person], a spokeswoman for [Amnesty International|organisation], said the report was accurate.',
        expect: [
          ['Ana Silva', 'speaks-for', 'Amnesty International'],
          ['Ana Silva', 'member-of', 'Amnesty International'],
        ],
      },
      {
        text: "[Mario Rossi|person], [Italy|state]'s prime minister, rejected the offer.",
        expect: [['Mario Rossi', 'speaks-for', 'Italy']],
      },
      {
        text: '[Jan Novak|person], professor of economics at [Charles University|organisation], disagreed.',
        expect: [['Jan Novak', 'member-of', 'Charles University']],
      },
    ],
  },
  appositionBefore: {
    name: 'role:apposition-before-name',
    reason: 'A role and holder set off before a name ("Y\'s prime minister, X" / "the head of Y, X") name the holder.',
    confidence: 0.85,
    examples: [
      {
        text: "[Spain|state]'s foreign minister, [Lucia Vega|person], met reporters.",
        expect: [['Lucia Vega', 'speaks-for', 'Spain']],
      },
      {
        text: "It was signed by [Chile|state]'s prime minister at the time, [Tomas Ruiz|person], in May.",
        expect: [['Tomas Ruiz', 'speaks-for', 'Chile']],
      },
      {
        text: 'The head of the [Red Cross|organisation], [Peter Maurer|person], called for calm.',
        expect: [['Peter Maurer', 'member-of', 'Red Cross']],
      },
    ],
  },
  copula: {
    name: 'role:copula',
    reason: 'A copular sentence states a role ("X is executive director of Y").',
    confidence: 0.7,
    examples: [
      {
        text: '[Ola Berg|person] is a senior fellow at the [Brookings Institution|organisation].',
        expect: [['Ola Berg', 'member-of', 'Brookings Institution']],
      },
    ],
  },
  ofOrganisation: {
    name: 'role:name-of-organisation',
    reason: '"X of the Y" / "X from Y" after a name attaches the person to an organisation.',
    confidence: 0.65,
    examples: [
      {
        text: '"We are worried," said [Lena Kraus|person] of the [Kiel Institute|organisation].',
        expect: [['Lena Kraus', 'member-of', 'Kiel Institute']],
      },
    ],
  },
  worksFor: {
    name: 'role:works-for',
    reason: '"X teaches at Y", "X worked for the Y for 17 years": employment in an organisation.',
    confidence: 0.75,
    examples: [
      {
        text: '[Lea Roth|person] teaches at the [University of Basel|organisation].',
        expect: [['Lea Roth', 'member-of', 'University of Basel']],
      },
    ],
  },
  ofState: {
    name: 'role:name-of-state',
    reason:
      '"Presidents A of Brazil, B of Russia": a bare name followed by "of" and a state is how lists of leaders are written.',
    confidence: 0.5,
    examples: [
      {
        text: 'Presidents [Ana Souza|person] of [Brazil|state], [Ivan Petrov|person] of [Russia|state] and others met.',
        expect: [['Ivan Petrov', 'speaks-for', 'Russia']],
      },
    ],
  },
  possessive: {
    name: 'role:possessive-name',
    reason:
      '"Hungary\'s Orban", "Dortmund\'s Ricken": a possessor before a bare name is usually the state led or the club played for.',
    confidence: 0.5,
    examples: [
      {
        text: "[Turkey|state]'s [Ali Demir|person] rejected the claim.",
        expect: [['Ali Demir', 'speaks-for', 'Turkey']],
      },
    ],
  },
  entityRole: {
    name: 'role:entity-role-fact',
    reason:
      'Roles the entity stage stripped from a name and kept as facts (RoleFact with a holder), where no text reading applies.',
    confidence: 0.75,
    examples: [],
  },
  bareTitle: {
    name: 'role:bare-title-main-state',
    reason: 'A state title without a holder ("Prime Minister X") is read as held in the state the article is about.',
    confidence: 0.45,
    examples: [
      {
        text: '[Kenya|state] held elections. [Kenya|state] voted. President [John Otieno|person] conceded defeat.',
        expect: [['John Otieno', 'speaks-for', 'Kenya']],
      },
      {
        text: '[Latvia|state] cut taxes. [Latvia|state] gained. "A success," government spokesman [Ivo Lapsa|person] said.',
        expect: [['Ivo Lapsa', 'speaks-for', 'Latvia']],
      },
    ],
  },
  titleNamesBody: {
    name: 'role:title-names-body',
    reason:
      'A title held in a kind of body ("federation president X", "the union\'s chairman X") belongs to the body of that kind named nearby, never to a state; a title that names its body ("MEP X") links the person to that body when the article names it.',
    confidence: 0.75,
    examples: [
      {
        text: 'The [Kenyan Rowing Federation|organisation] met on Monday. The federation president [Joseph Kamau|person] resigned.',
        expect: [['Joseph Kamau', 'member-of', 'Kenyan Rowing Federation']],
      },
      {
        text: '[Ireland|state] hosted the talks. [Ireland|state] agreed. [Green|organisation] MEP [Ciara Doyle|person] voted no in the [European Parliament|organisation].',
        expect: [['Ciara Doyle', 'works-for', 'European Parliament']],
      },
    ],
  },
  regionalTitle: {
    name: 'citizen-of:regional-title-main-state',
    reason:
      'A regional head without a holder ("state premier X", "X, chief minister of Y-region") governs part of the state the article is about: a citizen of it, not its voice.',
    confidence: 0.6,
    examples: [
      {
        text: '[Austria|state] held elections. [Austria|state] voted. State premier [Jonas Huber|person] conceded defeat.',
        expect: [['Jonas Huber', 'citizen-of', 'Austria']],
      },
    ],
  },
  stateBeforeHolder: {
    name: 'citizen-of:state-before-holder',
    reason:
      'Stacked modifiers before a name: a state or demonym right before the organisation that holds the title ("the Afghan Taliban spokesman X", "Dutch Labour leader X") gives the person\'s nationality too.',
    confidence: 0.75,
    examples: [
      {
        text: 'The [Dutch|state|Netherlands] [Labour Party|organisation] leader [Joost Smit|person] resigned.',
        expect: [['Joost Smit', 'citizen-of', 'Netherlands']],
      },
    ],
  },
} satisfies Record<string, Rule>;

const STATE_TITLES: ReadonlySet<RoleClass> = new Set(['head-of-state', 'head-of-government', 'minister']);
const COPULA = words('copula');
const ROLE_PREPOSITIONS = words('rolePrepositions');
const APPOSITION_STOPS = words('appositionStops');
const DETERMINERS = words('determiners');
/** Words between a name and its role verb ("has also served"); the lexicon's `auxiliaries` is a wider list. */
const AUXILIARIES = words('roleAuxiliaries');
const WORK_VERBS = words('workVerbs');
const SUBNATIONAL = words('subnationalTitleWords');
const LIST_CONTINUATIONS = words('listContinuations');

/**
 * A title without a holder is a national one unless its own phrase says otherwise: a regional head ("state premier",
 * "chief minister") or a regional word or place before it ("provincial premier"). Such a title is never given the
 * article's main state.
 */
function subnationalTitle(units: readonly Unit[], role: RoleMatch): boolean {
  const head: string[] = [];
  for (let i = role.from; i < role.to; i++) head.push(wordAt(units, i) ?? '');
  if (SUBNATIONAL.has(head.join(' '))) return true;
  for (let i = role.from - 1; i >= Math.max(0, role.from - 3); i--) {
    const u = units[i]!;
    if (u.kind === 'entity') return u.entityKind === 'place';
    if (SUBNATIONAL.has(u.w)) return true;
    if (ROLE_MODIFIERS.has(u.w)) continue;
    return false;
  }
  return false;
}

/**
 * A capitalised word right before a head of state or government that no entity covers names a holder the article
 * has no node for ("Bavarian Premier", "Zairean Prime Minister"): neither the main state's title nor a region's. Before
 * a minister it is a portfolio ("Equal Opportunities Minister"); opening a sentence it says nothing ("When President").
 */
function unknownHolder(units: readonly Unit[], role: RoleMatch): boolean {
  const i = role.from - 1;
  const w = wordAt(units, i) ?? '';
  // Opening a sentence only a word shaped like a demonym counts ("Zairean", not "When").
  return (
    role.cls !== 'minister' &&
    (i > 0 || /(?:an|ese|ish)$/.test(w)) &&
    i >= 0 &&
    capitalised(units[i]) &&
    !ROLE_MODIFIERS.has(w)
  );
}

/** "X, chief minister of West Bengal": the apposition names a place (a region) as where the title is held. */
function heldInPlace(units: readonly Unit[], from: number): boolean {
  for (let i = from; i < Math.min(units.length, from + 8); i++) {
    const u = units[i]!;
    if (u.kind === 'entity') return u.entityKind === 'place';
    if (u.w === ',' || u.w === ';') return false;
  }
  return false;
}

interface Holding {
  holders: EntityUnit[];
  cls: RoleClass;
  rule: Rule;
  /** Lower the rule's base confidence when the reading is shakier (long gap, coordination). */
  penalty?: number;
  /** A title held in a region of a state, not the state. */
  regional?: boolean;
  /** A title held in a kind of body ("federation president"): the holder is the nearest body of that kind. */
  body?: string;
}

/** Turns a role held in an entity into relations, by the kind of the holder. */
function relateRole(
  person: string,
  holder: string,
  holderKind: string,
  cls: RoleClass,
  rule: Rule,
  ctx: ArticleContext,
  emit: Emitter,
  sentence: number,
  penalty = 0,
): void {
  const conf = rule.confidence - penalty;
  if (holderKind === 'state') {
    if (STATE_VOICE.has(cls))
      emit({ source: person, target: holder, relation: 'speaks-for', confidence: conf, rule: rule.name, sentence });
    return;
  }
  if (holderKind !== 'organisation') return;
  // A player or coach plays for a club or national team: plays-for says so more precisely than member-of.
  emit({
    source: person,
    target: holder,
    relation: cls === 'player' ? 'plays-for' : 'member-of',
    confidence: conf,
    rule: rule.name,
    sentence,
  });
  if (ORG_VOICE.has(cls))
    emit({
      source: person,
      target: holder,
      relation: 'speaks-for',
      confidence: conf - 0.05,
      rule: rule.name,
      sentence,
    });
  // An official of a state body speaks for the state, one step removed: DWIE rarely labels it (0 of 3 on dev).
  const state = ctx.bodyOf.get(holder);
  if (state && STATE_VOICE.has(cls)) {
    emit({
      source: person,
      target: state,
      relation: 'speaks-for',
      confidence: conf - 0.2,
      rule: `${rule.name}+state-body`,
      sentence,
    });
  }
}

/** Walks left from the role head over modifiers and capitalised title words to the holder(s), if any. */
function holdersLeftOf(
  units: readonly Unit[],
  from: number,
  plural: boolean,
): { holders: EntityUnit[]; gap: number } | undefined {
  let i = from - 1;
  let gap = 0;
  while (i >= 0 && gap <= 4) {
    const u = units[i]!;
    if (u.kind === 'entity') break;
    const extraRole = roleEndingAt(units, i + 1);
    if (POSSESSIVE.has(u.w) || u.w === '-' || ROLE_MODIFIERS.has(u.w) || capitalised(u) || extraRole) {
      i--;
      gap++;
      continue;
    }
    return undefined;
  }
  const first = units[i];
  if (!isEntity(first, 'state', 'organisation')) return undefined;
  const holders = [first];
  // "Barcelona and Spain midfielder X", "French and German leaders": coordination only for shared plural or team roles.
  if (plural && wordAt(units, i - 1) === 'and' && isEntity(units[i - 2], 'state', 'organisation'))
    holders.unshift(units[i - 2] as EntityUnit);
  return { holders, gap };
}

/**
 * The holder after a role preposition: "of the Y", "at Y", "of the pro-European Y party", "of Rwanda's Y" (an
 * organisation owned by a state is the holder, not the state), "of the Japanese Y" (demonym before a body).
 */
function holderAfterPreposition(units: readonly Unit[], i: number): EntityUnit | undefined {
  let skipped = 0;
  for (let j = i; j < units.length && skipped <= 5; j++) {
    const u = units[j]!;
    if (u.kind === 'entity') {
      if (u.entityKind === 'organisation') {
        // "professor of International Relations at Karachi University": the institution after "at" holds the post.
        const inst = units[j + 2];
        return wordAt(units, j + 1) === 'at' && isEntity(inst, 'organisation') ? inst : u;
      }
      const after = units[j + 1];
      const after2 = units[j + 2];
      if (isEntity(after, 'organisation')) continue; // "the Japanese Cabinet": the body, not the state
      if (POSSESSIVE.has(wordAt(units, j + 1) ?? '') && isEntity(after2, 'organisation', 'place')) continue;
      // "of the German Chamber of Commerce": a demonym before an unrecognised name is not the holder.
      if (u.entityKind === 'state') return capitalised(after) && !roleStartingAt(units, j + 1) ? undefined : u;
      if (u.entityKind === 'place' && (wordAt(units, j + 1) === '-' || POSSESSIVE.has(wordAt(units, j + 1) ?? ''))) {
        skipped++;
        continue; // "the Rostock-based Y"
      }
      return undefined;
    }
    // "of the Socialist opposition party (MSZP)": the abbreviation in brackets names the holder.
    if (u.w === '(' && isEntity(units[j + 1], 'organisation')) return units[j + 1] as EntityUnit;
    if (u.w === ',' || APPOSITION_STOPS.has(u.w)) return undefined;
    skipped++;
  }
  return undefined;
}

/** The role phrase and holder after a comma or copula: "[a|the] [H['s]] [mods] ROLE [words] [of|at|for H]". */
function roleAfter(
  units: readonly Unit[],
  start: number,
): { cls: RoleClass; holder?: EntityUnit; gap: number; body?: string } | undefined {
  let i = start;
  if (DETERMINERS.has(wordAt(units, i) ?? '')) i++;
  let preHolder: EntityUnit | undefined;
  const u0 = units[i];
  if (isEntity(u0, 'state', 'organisation')) {
    preHolder = u0;
    i++;
    if (POSSESSIVE.has(wordAt(units, i) ?? '')) i++;
  }
  let role: { cls: RoleClass; to: number } | undefined;
  let words = 0;
  for (; i < units.length && words < 8; i++) {
    const u = units[i]!;
    if (u.kind === 'entity') {
      if (!role && (u.entityKind === 'organisation' || u.entityKind === 'state') && preHolder === undefined) {
        // "X, a senior Greenpeace campaigner": an organisation inside the role phrase is its holder.
        preHolder = u;
        continue;
      }
      if (!role && (u.entityKind === 'place' || u.entityKind === 'topic')) {
        // "an Africa expert at Y": a field of expertise, not a holder.
        words++;
        continue;
      }
      break;
    }
    if (u.w === ',' || APPOSITION_STOPS.has(u.w)) break;
    const r = roleStartingAt(units, i);
    if (r) {
      // "X, the union's president": a title held in a kind of body, never in a state.
      if (!role && !preHolder) {
        const body = bodyNounBefore(units, i);
        if (body !== undefined) return { cls: r.cls, gap: words + 1, body };
      }
      role = { cls: r.cls, to: r.to };
      i = r.to - 1;
      words++;
      // a second head may follow ("foreign policy expert", "director general"); the last one counts.
      continue;
    }
    words++;
    if (role && ROLE_PREPOSITIONS.has(u.w)) {
      const h = holderAfterPreposition(units, i + 1);
      // "a Christian Democrat member of Germany's parliament": the party named before the role is the holder.
      if (h && h.entityKind === 'state' && preHolder?.entityKind === 'organisation' && !STATE_VOICE.has(role.cls))
        return { cls: role.cls, holder: preHolder, gap: words };
      if (h) return { cls: role.cls, holder: h, gap: words };
      break;
    }
    if (
      role &&
      !ROLE_PREPOSITIONS.has(u.w) &&
      u.w !== 'and' &&
      !DETERMINERS.has(u.w) &&
      !capitalised(u) &&
      !ROLE_MODIFIERS.has(u.w)
    )
      break;
  }
  if (role && preHolder && (preHolder.entityKind === 'organisation' || STATE_VOICE.has(role.cls)))
    return { cls: role.cls, holder: preHolder, gap: words };
  if (role) return { cls: role.cls, gap: words };
  return undefined;
}

/**
 * "government spokesman X", "deputy government spokeswoman X": a spokesperson of the government without a named
 * state speaks for a state as a minister does, so the bare title reads as held in the article's main state.
 */
function governmentSpokesperson(units: readonly Unit[], left: RoleMatch | undefined): boolean {
  if (left?.cls !== 'spokesperson') return false;
  for (let k = left.from - 1; k >= 0 && k >= left.from - 3; k--) {
    const w = wordAt(units, k);
    if (w === 'government') return true;
    if (w === undefined || !ROLE_MODIFIERS.has(w)) return false;
  }
  return false;
}

/** "federation president", "the union's chairman": the body noun right before a title, if any. */
function bodyNounBefore(units: readonly Unit[], from: number): string | undefined {
  let i = from - 1;
  if (POSSESSIVE.has(wordAt(units, i) ?? '')) i--;
  // A common noun keeps its possessive in one unit ("union's").
  const w = wordAt(units, i)?.replace(/'s$/, '');
  return w !== undefined && BODY_NOUNS.has(w) ? w : undefined;
}

const TIME_POSTMODIFIER = ['at', 'the', 'time'];

/** Role readings around one person mention. */
function readPerson(units: readonly Unit[], p: number): Holding[] {
  const out: Holding[] = [];
  const person = units[p] as EntityUnit;
  let bareRole: RoleClass | undefined;
  let regionalRole: RoleClass | undefined;

  // 1. Title before the name.
  const left = roleEndingAt(units, p);
  if (left) {
    const plural = /s$/.test(wordAt(units, left.to - 1) ?? '') || left.cls === 'player';
    const h = holdersLeftOf(units, left.from, plural);
    const body = bodyNounBefore(units, left.from);
    // "Kenya's federation president X": the title is the federation's, not Kenya's.
    if (body !== undefined && !h?.holders.some((e) => e.entityKind === 'organisation'))
      out.push({ holders: [], cls: left.cls, rule: ROLE_RULES.titleNamesBody, body });
    else if (h)
      out.push({ holders: h.holders, cls: left.cls, rule: ROLE_RULES.titleBefore, penalty: h.gap > 2 ? 0.1 : 0 });
    else if (subnationalTitle(units, left)) regionalRole = left.cls;
    else if (!unknownHolder(units, left)) bareRole = left.cls;
    // "President X of Brazil", "Prime Minister X of India".
    if (!h && body === undefined && wordAt(units, p + 1) === 'of' && isEntity(units[p + 2], 'state', 'organisation')) {
      out.push({ holders: [units[p + 2] as EntityUnit], cls: left.cls, rule: ROLE_RULES.titleBefore });
      bareRole = undefined;
    }
  }

  // 2. Apposition or copula after the name.
  const next = wordAt(units, p + 1);
  // "X is meeting British officials": a progressive verb, not a copula; the officials are someone else.
  const progressive = next !== ',' && /ing$/.test(wordAt(units, p + 2) ?? '');
  // "X, and the Estonian leader, Y": after the comma the list goes on to the next person; no apposition of X.
  const listGoesOn = next === ',' && LIST_CONTINUATIONS.has(wordAt(units, p + 2) ?? '');
  if ((next === ',' && !listGoesOn) || (next !== undefined && COPULA.has(next) && !progressive)) {
    const r = roleAfter(units, p + 2);
    if (r?.body !== undefined)
      out.push({
        holders: [],
        cls: r.cls,
        rule: ROLE_RULES.titleNamesBody,
        body: r.body,
      });
    else if (r?.holder)
      out.push({
        holders: [r.holder],
        cls: r.cls,
        rule: next === ',' ? ROLE_RULES.appositionAfter : ROLE_RULES.copula,
        penalty: r.gap > 4 ? 0.1 : 0,
      });
    // "X, a priest close to Prime Minister Y" names Y's title, not X's: only a title that opens the apposition counts.
    else if (r && next === ',' && !bareRole && r.gap <= 2) {
      if (heldInPlace(units, p + 2)) regionalRole = r.cls;
      else bareRole = r.cls;
    }
  }

  // 3. Role and holder set off before the name: "Spain's foreign minister, X" / "the head of the Y, X".
  if (wordAt(units, p - 1) === ',') {
    // "Italy's prime minister at the time, X": a time phrase after the title still leaves the title X's.
    const timed = TIME_POSTMODIFIER.every((w, i) => wordAt(units, p - 1 - TIME_POSTMODIFIER.length + i) === w);
    const role =
      roleEndingAt(units, p - 1) ?? (timed ? roleEndingAt(units, p - 1 - TIME_POSTMODIFIER.length) : undefined);
    const body = role ? bodyNounBefore(units, role.from) : undefined;
    if (role && body !== undefined) {
      out.push({ holders: [], cls: role.cls, rule: ROLE_RULES.titleNamesBody, body });
    } else if (role) {
      const h = holdersLeftOf(units, role.from, false);
      if (h) out.push({ holders: h.holders, cls: role.cls, rule: ROLE_RULES.appositionBefore });
    } else {
      const holder = units[p - 2];
      let k = p - 3;
      if (wordAt(units, k) === 'the') k--;
      if (isEntity(holder, 'state', 'organisation') && wordAt(units, k) === 'of') {
        const r = roleEndingAt(units, k);
        if (r) out.push({ holders: [holder], cls: r.cls, rule: ROLE_RULES.appositionBefore });
      }
    }
  }

  // 4. "X of the Y" / "X from Y" / "X, of the Y" / "X (Y)" (organisations only: "X of Brazil" needs a title).
  const hasOrg = out.some((h) => h.holders.some((e) => e.entityKind === 'organisation'));
  if (!hasOrg) {
    let j = p + 1;
    if (wordAt(units, j) === ',' || wordAt(units, j) === '(') j++;
    const prep = wordAt(units, j);
    if (prep === 'of' || prep === 'from') {
      const h = holderAfterPreposition(units, j + 1);
      if (h && h.entityKind === 'organisation' && h.entityId !== person.entityId)
        out.push({ holders: [h], cls: 'member', rule: ROLE_RULES.ofOrganisation });
    } else if (next === '(' && isEntity(units[p + 2], 'organisation') && wordAt(units, p + 3) === ')') {
      out.push({ holders: [units[p + 2] as EntityUnit], cls: 'member', rule: ROLE_RULES.ofOrganisation });
    }
  }

  // 4a. "X teaches at Y", "X worked for the Y", "X's Y" (an organisation owned by a person: "Merkel's CDU").
  if (!out.some((h) => h.holders.some((e) => e.entityKind === 'organisation'))) {
    let j = p + 1;
    while (j < p + 3 && AUXILIARIES.has(wordAt(units, j) ?? '')) j++;
    if (WORK_VERBS.has(wordAt(units, j) ?? '') && ['at', 'for', 'with', 'in'].includes(wordAt(units, j + 1) ?? '')) {
      const h = holderAfterPreposition(units, j + 2);
      if (h && h.entityKind === 'organisation') out.push({ holders: [h], cls: 'staff', rule: ROLE_RULES.worksFor });
    } else if (POSSESSIVE.has(next ?? '') && isEntity(units[p + 2], 'organisation') && !left) {
      out.push({ holders: [units[p + 2] as EntityUnit], cls: 'member', rule: ROLE_RULES.possessive });
    }
  }

  // 4b. "X of Russia" in a list of leaders ("Presidents A of Brazil, B of Russia"): a state after "of" names whom X leads.
  if (out.length === 0 && !left && next === 'of' && isEntity(units[p + 2], 'state') && !capitalised(units[p + 3])) {
    out.push({ holders: [units[p + 2] as EntityUnit], cls: 'leader', rule: ROLE_RULES.ofState });
  }

  // 5. Possessor before a bare name: "Hungary's X", "Dortmund's homegrown X".
  if (out.length === 0 && !left) {
    let k = p - 1;
    while (k > 0 && k > p - 3 && ROLE_MODIFIERS.has(wordAt(units, k) ?? '')) k--;
    if (POSSESSIVE.has(wordAt(units, k) ?? '') && isEntity(units[k - 1], 'state', 'organisation')) {
      const h = units[k - 1] as EntityUnit;
      out.push({ holders: [h], cls: h.entityKind === 'state' ? 'leader' : 'member', rule: ROLE_RULES.possessive });
    }
  }

  if (out.length === 0 && bareRole && (STATE_TITLES.has(bareRole) || governmentSpokesperson(units, left)))
    out.push({ holders: [], cls: bareRole, rule: ROLE_RULES.bareTitle });
  else if (out.length === 0 && regionalRole && STATE_TITLES.has(regionalRole))
    out.push({ holders: [], cls: regionalRole, rule: ROLE_RULES.regionalTitle, regional: true });
  return out;
}

function titleWords(title: string): string[] {
  return title.toLowerCase().split(/\s+/);
}

/**
 * The body of the kind a title names ("federation" for "federation president"), nearest first: organisations
 * mentioned earlier in the sentence, then in the three sentences before, then later in the sentence.
 */
function namedBodyNearby(ctx: ArticleContext, sentence: number, at: number, noun: string): string | undefined {
  const isKind = (id: string) => {
    const e = ctx.doc.entities.get(id);
    return e?.kind === 'organisation' && titleWords(e.label).some((w) => w === noun || w.endsWith(noun));
  };
  const orgs = (s: number) =>
    (ctx.sentences[s]?.units ?? []).filter((u): u is EntityUnit => u.kind === 'entity' && isKind(u.entityId));
  const here = orgs(sentence);
  const before = here.filter((u) => u.start < at);
  if (before.length) return before[before.length - 1]!.entityId;
  for (let s = sentence - 1; s >= Math.max(0, sentence - 3); s--) {
    const list = orgs(s);
    if (list.length) return list[list.length - 1]!.entityId;
  }
  return here.find((u) => u.start > at)?.entityId;
}

/** "MEP X": the body the title names, when the article names it, and only one such ("the Italian Senate" and "the US Senate": none). */
function bodyOfTitle(ctx: ArticleContext, title: string): string | undefined {
  const names = bodiesNamedByTitle(title);
  if (names.length === 0) return undefined;
  const found: string[] = [];
  for (const e of ctx.doc.entities.values()) {
    if (e.kind !== 'organisation') continue;
    const label = e.label.toLowerCase();
    if (names.some((n) => label === n || label.endsWith(` ${n}`))) found.push(e.id);
  }
  return found.length === 1 ? found[0] : undefined;
}

/** Roles the entity stage attached to a mention (RoleFact). */
function roleFacts(
  mention: EntityMention,
  ctx: ArticleContext,
  emit: Emitter,
  sentence: number,
  regional: boolean,
): void {
  for (const fact of mention.roles ?? []) {
    const cls = classifyTitle(fact.title) ?? 'official';
    if (fact.of) {
      const holder = ctx.doc.entities.get(fact.of);
      if (!holder) continue;
      relateRole(mention.entityId, holder.id, holder.kind, cls, ROLE_RULES.entityRole, ctx, emit, sentence);
    } else if (STATE_TITLES.has(cls) && !titleWords(fact.title).some((w) => BODY_NOUNS.has(w))) {
      const inRegion = regional || titleWords(fact.title).some((w) => SUBNATIONAL.has(w));
      ctx.pendingTitles.push({ person: mention.entityId, sentence, regional: inRegion });
    }
  }
}

/** "the Afghan Taliban spokesman X": the state right before the holding organisation is the person's nationality. */
function stateBeforeHolder(
  units: readonly Unit[],
  holder: EntityUnit,
  person: string,
  ctx: ArticleContext,
  emit: Emitter,
  sentence: number,
): void {
  const at = units.indexOf(holder);
  let k = at - 1;
  if (POSSESSIVE.has(wordAt(units, k) ?? '')) k--;
  const state = units[k];
  if (!isEntity(state, 'state') || ctx.bodyOf.has(holder.entityId)) return;
  const r = ROLE_RULES.stateBeforeHolder;
  emit({
    source: person,
    target: state.entityId,
    relation: 'citizen-of',
    confidence: r.confidence,
    rule: r.name,
    sentence,
  });
}

export function runRoleRules(s: SentenceUnits, ctx: ArticleContext, emit: Emitter): void {
  const units = s.units;
  for (let p = 0; p < units.length; p++) {
    const u = units[p]!;
    if (u.kind !== 'entity' || u.entityKind !== 'person') continue;
    const readings = readPerson(units, p);
    // The entity stage's role facts only fill in where the text readers found nothing: they read the words around
    // the name themselves, and a demonym inside an unrecognised organisation name misleads a role fact.
    if (readings.length === 0) {
      const left = roleEndingAt(units, p);
      if (left === undefined || !unknownHolder(units, left))
        roleFacts(u.mention, ctx, emit, s.index, left !== undefined && subnationalTitle(units, left));
    }
    const titled = roleEndingAt(units, p);
    if (titled) {
      const title = units
        .slice(titled.from, titled.to)
        .map((x) => (x.kind === 'word' ? x.w : ''))
        .join(' ');
      const body = bodyOfTitle(ctx, title);
      if (body) {
        const r = ROLE_RULES.titleNamesBody;
        emit({
          source: u.entityId,
          target: body,
          relation: 'works-for',
          confidence: r.confidence,
          rule: r.name,
          sentence: s.index,
        });
      }
    }
    for (const h of readings) {
      if (h.body !== undefined) {
        const body = namedBodyNearby(ctx, s.index, u.start, h.body);
        if (body && body !== u.entityId)
          relateRole(u.entityId, body, 'organisation', h.cls, h.rule, ctx, emit, s.index, h.penalty ?? 0);
        continue;
      }
      if (h.holders.length === 0) {
        ctx.pendingTitles.push({ person: u.entityId, sentence: s.index, regional: h.regional === true });
        continue;
      }
      for (const holder of h.holders) {
        if (holder.entityId === u.entityId) continue;
        if (h.rule === ROLE_RULES.titleBefore && holder.entityKind === 'organisation')
          stateBeforeHolder(units, holder, u.entityId, ctx, emit, s.index);
        relateRole(
          u.entityId,
          holder.entityId,
          holder.entityKind,
          h.cls,
          h.rule,
          ctx,
          emit,
          s.index,
          (h.penalty ?? 0) + (h.holders.length > 1 ? 0.05 : 0),
        );
      }
    }
  }
}

/**
 * State titles without a holder ("Prime Minister X"), read once every explicit role is known: a person with an
 * explicit state elsewhere in the article keeps that one; otherwise the title is held in the article's main state.
 */
export function resolveBareTitles(
  ctx: ArticleContext,
  hasExplicitState: (person: string) => boolean,
  emit: Emitter,
): void {
  for (const t of ctx.pendingTitles) {
    if (hasExplicitState(t.person)) continue;
    const r = t.regional ? ROLE_RULES.regionalTitle : ROLE_RULES.bareTitle;
    const state = ctx.mainState; // the nearest preceding state instead did worse on DWIE dev (P 0.71 vs 0.73)
    if (state)
      emit({
        source: t.person,
        target: state,
        relation: t.regional ? 'citizen-of' : 'speaks-for',
        confidence: r.confidence,
        rule: r.name,
        sentence: t.sentence,
      });
  }
}
