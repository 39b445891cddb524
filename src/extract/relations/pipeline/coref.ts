/**
 * Document-level candidates: coreference. News names a person, a state or a body once and then refers back to it:
 * "He is a member of ...", "the country's foreign minister, X", "X joined the bloc", "The German chancellor said"
 * (the person named before). This step finds such anaphors, resolves each to the entity it stands for, and writes a
 * copy of the sentence in which the anaphor is that entity's unit. The sentence-level readers (roles, memberships, the
 * pair pipeline) then read the copy as they read any sentence, so their features, decisions and calibration apply
 * unchanged. Only edges that touch a resolved anaphor and that the article did not already give are kept; each names
 * its coreference rule and carries the antecedent's sentence as a second piece of evidence.
 * Linear: one pass over the sentences, carrying the last state, body and person mentions forward.
 */
import type { EntityMention, RelationCandidate } from '../../types.js';
import { type RoleClass, roleStartingAt, words } from '../lexicon.js';
import type { ArticleContext, Emitter, Rule } from '../rule.js';
import { runMembershipRules } from '../rules/membership.js';
import { isParty } from '../rules/party.js';
import { runRoleRules } from '../rules/roles.js';
import { runStanceRules } from '../rules/stance.js';
import { type EntityUnit, POSSESSIVE, type SentenceUnits, type Unit } from '../units.js';
import { bodyLabelOf } from './bodies.js';
import { sentencePairs } from './candidates.js';
import { decidePair } from './decide.js';
import { pairFeatures } from './features.js';
import { runTopicStanceSentence } from './stance-topics.js';

export const COREF_RULES = {
  pronoun: {
    name: 'coref:pronoun-subject',
    reason:
      '"He" or "she" opening a sentence continues the person who was the subject of the sentence before; what is said of the pronoun is said of that person.',
    confidence: 0.75,
    examples: [
      {
        text: '[Mara Lind|person] spoke on Monday. She is a senior fellow at the [Delta Institute|organisation].',
        expect: [['Mara Lind', 'member-of', 'Delta Institute']],
      },
    ],
  },
  country: {
    name: 'coref:the-country',
    reason: '"the country" or "the nation" stands for the state named last before it.',
    confidence: 0.75,
    examples: [
      {
        text: "Voters in [Chile|state] went to the polls. The country's foreign minister, [Ana Rojas|person], voted early.",
        expect: [['Ana Rojas', 'speaks-for', 'Chile']],
      },
    ],
  },
  body: {
    name: 'coref:the-bloc',
    reason: '"the bloc", "the alliance", "the union" stand for the international body named last before them.',
    confidence: 0.75,
    examples: [
      {
        text: 'Leaders of [NATO|organisation] met in Riga. [Finland|state] is a member of the alliance.',
        expect: [['Finland', 'member-of', 'NATO']],
      },
    ],
  },
  party: {
    name: 'coref:the-party',
    reason:
      '"the party" stands for the political party named last before it (data/parties.json, or a name with "Party" or "Front"): "The party\'s leader, X" is that party\'s leader.',
    confidence: 0.7,
    examples: [
      {
        text: "Polls favour the [Green Front|organisation]. The party's leader, [Ada Voss|person], was pleased.",
        expect: [['Ada Voss', 'member-of', 'Green Front']],
      },
    ],
  },
  company: {
    name: 'coref:the-company',
    reason:
      '"the company", "the club", "the bank" stand for the organisation of that sort named last before them (no party, no international body): "The club\'s coach, X" is that club\'s coach.',
    confidence: 0.7,
    examples: [
      {
        text: "Shares in [Norvik Motors|organisation] fell. The company's chief executive, [Tom Brandt|person], promised a plan.",
        expect: [['Tom Brandt', 'works-for', 'Norvik Motors']],
      },
    ],
  },
  description: {
    name: 'coref:title-description',
    reason:
      'A head of state or government with its holder and no name ("the German chancellor", "the Danish prime minister") refers back to the one person named in reach who speaks for no state yet.',
    confidence: 0.7,
    examples: [
      {
        text: '[Lena Vogt|person] arrived in Paris on Monday. The [German|state|Germany] chancellor said talks went well.',
        expect: [['Lena Vogt', 'speaks-for', 'Germany']],
      },
    ],
  },
} satisfies Record<string, Rule>;

const PRONOUNS = new Set(['he', 'she']);
const UNIQUE_OFFICES: ReadonlySet<RoleClass> = new Set(['head-of-state', 'head-of-government']);
const COUNTRY_NOUNS = new Set(['country', 'nation']);
const BODY_NOUNS = new Set(['bloc', 'alliance', 'union', 'organisation', 'organization']);
const PARTY_NAME = /\b(?:Party|Front)\b/;
/** Nouns by which news refers back to a company, club or outlet it has just named. */
const COMPANY_NOUNS = new Set([
  'company',
  'firm',
  'club',
  'team',
  'bank',
  'carmaker',
  'automaker',
  'airline',
  'insurer',
  'retailer',
  'broadcaster',
  'newspaper',
]);
/** Words that may open a sentence before its subject pronoun ("But he", "However, she"). */
const OPENERS = words('sentenceOpeners');

/** Sentences back that an antecedent may lie (a paragraph's reach in news prose). */
const REACH = 2;
/** A party is referred back to across a quote or two ("... he tweeted. \"...\" The party's leader, X, ..."). */
const PARTY_REACH = 4;

interface Resolved {
  /** Unit range [from, to) of the anaphor in the original sentence. */
  from: number;
  to: number;
  entity: EntityUnit;
  rule: Rule;
  antecedentSentence: number;
  /** Insert the entity after the range instead of replacing it (a title description keeps its words). */
  insert: boolean;
}

function wordAt(units: readonly Unit[], i: number): string | undefined {
  const u = units[i];
  return u?.kind === 'word' ? u.w : undefined;
}

/** The last mention in sentences [s - REACH, s] (up to unit `before` in s) that passes `accept`. */
function lastMention(
  ctx: ArticleContext,
  s: number,
  before: number,
  accept: (u: EntityUnit) => boolean,
  reach: number = REACH,
): { unit: EntityUnit; sentence: number } | undefined {
  for (let k = s; k >= Math.max(0, s - reach); k--) {
    const units = ctx.sentences[k]!.units;
    for (let i = (k === s ? before : units.length) - 1; i >= 0; i--) {
      const u = units[i]!;
      if (u.kind === 'entity' && accept(u)) return { unit: u, sentence: k };
    }
  }
  return undefined;
}

/** The subject person of a sentence: its first entity, a person, before any verb-like word (title words allowed). */
function subjectPerson(s: SentenceUnits): EntityUnit | undefined {
  for (let i = 0; i < Math.min(s.units.length, 8); i++) {
    const u = s.units[i]!;
    if (u.kind === 'entity') return u.entityKind === 'person' ? u : undefined;
    if (u.w === '"' || u.w === ',' || u.w === ':') return undefined;
  }
  return undefined;
}

function isState(u: EntityUnit): boolean {
  return u.entityKind === 'state';
}

/** The anaphors of one sentence and what they stand for. */
function resolveSentence(ctx: ArticleContext, s: SentenceUnits): Resolved[] {
  const units = s.units;
  const out: Resolved[] = [];
  // "He" / "she" as the subject that opens the sentence.
  let k = 0;
  while (k < 3 && (OPENERS.has(wordAt(units, k) ?? '') || wordAt(units, k) === ',')) k++;
  if (PRONOUNS.has(wordAt(units, k) ?? '') && s.index > 0) {
    const prev = ctx.sentences[s.index - 1]!;
    const subject = subjectPerson(prev);
    if (subject)
      out.push({
        from: k,
        to: k + 1,
        entity: subject,
        rule: COREF_RULES.pronoun,
        antecedentSentence: prev.index,
        insert: false,
      });
  }
  for (let i = 0; i < units.length; i++) {
    const w = wordAt(units, i);
    if (w !== 'the') continue;
    // "the country's" is one word unit: the possessive is split off when the sentence is rewritten.
    const noun = (wordAt(units, i + 1) ?? '').replace(/'s$/, '');
    // "the country" is an anaphor only as a whole noun phrase ("the country's", "the country said"), not "the country
    // team"; a capitalised "Union" is a name's head ("the Union of ...").
    const raw = (units[i + 1] as { raw?: string } | undefined)?.raw ?? '';
    if (noun === 'party' && raw === raw.toLowerCase()) {
      const next = units[i + 2];
      if (next?.kind === 'entity' || wordAt(units, i + 2) === 'of') continue;
      const found = lastMention(
        ctx,
        s.index,
        i,
        (u) =>
          u.entityKind === 'organisation' &&
          (isParty(ctx.doc, u.entityId) || PARTY_NAME.test(ctx.doc.entities.get(u.entityId)?.label ?? '')),
        PARTY_REACH,
      );
      if (found)
        out.push({
          from: i,
          to: i + 2,
          entity: found.unit,
          rule: COREF_RULES.party,
          antecedentSentence: found.sentence,
          insert: false,
        });
      continue;
    }
    if (COMPANY_NOUNS.has(noun) && raw === raw.toLowerCase()) {
      if (units[i + 2]?.kind === 'entity' || wordAt(units, i + 2) === 'of') continue;
      const found = lastMention(
        ctx,
        s.index,
        i,
        (u) =>
          u.entityKind === 'organisation' &&
          !isParty(ctx.doc, u.entityId) &&
          !PARTY_NAME.test(ctx.doc.entities.get(u.entityId)?.label ?? '') &&
          bodyLabelOf(ctx.doc.entities.get(u.entityId)?.label ?? '') === undefined,
      );
      if (found)
        out.push({
          from: i,
          to: i + 2,
          entity: found.unit,
          rule: COREF_RULES.company,
          antecedentSentence: found.sentence,
          insert: false,
        });
      continue;
    }
    if (COUNTRY_NOUNS.has(noun) || (BODY_NOUNS.has(noun) && raw === raw.toLowerCase())) {
      const next = units[i + 2];
      if (next?.kind === 'entity' || wordAt(units, i + 2) === 'of') continue;
      const country = COUNTRY_NOUNS.has(noun);
      const accept = country
        ? isState
        : (u: EntityUnit) =>
            u.entityKind === 'organisation' && bodyLabelOf(ctx.doc.entities.get(u.entityId)?.label ?? '') !== undefined;
      const found = lastMention(ctx, s.index, i, accept);
      if (found)
        out.push({
          from: i,
          to: i + 2,
          entity: found.unit,
          rule: country ? COREF_RULES.country : COREF_RULES.body,
          antecedentSentence: found.sentence,
          insert: false,
        });
      continue;
    }
    // "the German chancellor said": the holder, modifiers and a state title with no name after it.
    const holder = units[i + 1];
    if (holder?.kind !== 'entity' || !isState(holder)) continue;
    let j = i + 2;
    if (POSSESSIVE.has(wordAt(units, j) ?? '')) j++;
    const role = roleStartingAt(units, j);
    // Only offices a state has one of: "the Iranian ambassador" or "the U.S. envoy" is as often someone not yet named.
    if (!role || !UNIQUE_OFFICES.has(role.cls)) continue;
    const after = units[role.to];
    if (after?.kind === 'entity' || wordAt(units, role.to) === ',' || wordAt(units, role.to) === 'of') continue;
    const state = holder.entityId;
    // The one person in reach who could hold the office: none already speaks for this state (then it is them, and
    // nothing is new), and exactly one speaks for no state at all.
    const open = new Map<string, number>();
    let taken = false;
    for (let k = s.index; k >= Math.max(0, s.index - REACH); k--) {
      const us = ctx.sentences[k]!.units;
      for (let x = 0; x < (k === s.index ? i : us.length); x++) {
        const u = us[x]!;
        if (u.kind !== 'entity' || u.entityKind !== 'person') continue;
        const voice = ctx.voice.get(u.entityId);
        if (voice?.state === state) taken = true;
        else if (voice === undefined && !open.has(u.entityId)) open.set(u.entityId, k);
      }
    }
    const found = !taken && open.size === 1 ? lastMention(ctx, s.index, i, (u) => open.has(u.entityId)) : undefined;
    if (found)
      out.push({
        from: role.to - 1,
        to: role.to,
        entity: found.unit,
        rule: COREF_RULES.description,
        antecedentSentence: found.sentence,
        insert: true,
      });
  }
  return out;
}

/** A unit of the antecedent's entity placed at the anaphor's span (the evidence offsets stay in this sentence). */
function virtualUnit(entity: EntityUnit, at: { start: number; end: number }, sentence: number, text: string): Unit {
  const mention: EntityMention = {
    entityId: entity.entityId,
    sentence,
    tokenStart: 0,
    tokenEnd: 0,
    start: at.start,
    end: at.end,
    text,
    rule: 'coref',
  };
  return { kind: 'entity', entityId: entity.entityId, entityKind: entity.entityKind, mention, ...at };
}

/** The sentence with every resolved anaphor written as its entity's unit. */
function rewrite(ctx: ArticleContext, s: SentenceUnits, resolved: readonly Resolved[]): SentenceUnits {
  const units: Unit[] = [];
  const text = ctx.doc.text;
  let i = 0;
  for (const r of [...resolved].sort((a, b) => a.from - b.from)) {
    if (r.from < i) continue;
    while (i < r.from) units.push(s.units[i++]!);
    const span = { start: s.units[r.from]!.start, end: s.units[r.to - 1]!.end };
    if (r.insert) {
      while (i < r.to) units.push(s.units[i++]!);
      units.push(virtualUnit(r.entity, span, s.index, text.slice(span.start, span.end)));
    } else {
      const last = s.units[r.to - 1]!;
      const possessive = last.kind === 'word' && /'s$/.test(last.w);
      if (possessive) span.end -= 2;
      units.push(virtualUnit(r.entity, span, s.index, text.slice(span.start, span.end)));
      if (possessive)
        units.push({ kind: 'word', w: "'s", raw: text.slice(span.end, last.end), start: span.end, end: last.end });
      i = r.to;
    }
  }
  while (i < s.units.length) units.push(s.units[i++]!);
  return { ...s, units };
}

/**
 * Runs the sentence readers over every sentence with a resolved anaphor. `known` holds the article's edges so far
 * (`source|relation|target`); an edge already known is not read again.
 */
export function runCorefRules(ctx: ArticleContext, known: ReadonlySet<string>, emit: Emitter): void {
  // The readers may note titles without a holder; coreference resolves no such title a second time.
  const quiet: ArticleContext = { ...ctx, pendingTitles: [] };
  for (const s of ctx.sentences) {
    const resolved = resolveSentence(ctx, s);
    if (resolved.length === 0) continue;
    const copy = rewrite(ctx, s, resolved);
    const byEntity = new Map(resolved.map((r) => [r.entity.entityId, r]));
    const seen = new Set<string>();
    const relay: Emitter = (c) => {
      const r = byEntity.get(c.source) ?? byEntity.get(c.target);
      if (!r) return;
      const key = `${c.source}|${c.relation}|${c.target}`;
      if (known.has(key) || seen.has(key)) return;
      seen.add(key);
      const out: Omit<RelationCandidate, 'sentence'> & { sentence: number } = {
        ...c,
        sentence: s.index,
        rule: r.rule.name,
        // No surer than the resolution: calibration then moves it to the coreference rule's measured precision.
        confidence: Math.min(c.confidence, r.rule.confidence),
        antecedent: r.antecedentSentence,
      };
      emit(out);
    };
    runRoleRules(copy, quiet, relay);
    runMembershipRules(copy, quiet, relay);
    runStanceRules(copy, quiet, relay);
    runTopicStanceSentence(quiet, copy, relay);
    for (const pair of sentencePairs(copy)) for (const d of decidePair(pairFeatures(pair), quiet)) relay(d);
  }
}
