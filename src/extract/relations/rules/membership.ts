/**
 * States in organisations: "as members of the Security Council, A and B ...", "NATO members A and B", "A is a member
 * of Y", "A joined Y", and "contacts in Y, Z and W" for the states a passage is about.
 */
import { words } from '../lexicon.js';
import type { ArticleContext, Emitter, Rule } from '../rule.js';
import { type EntityUnit, isEntity, POSSESSIVE, type SentenceUnits } from '../units.js';
import { distinctIds, listLeft, listRight, wordAt } from './common.js';

export const MEMBERSHIP_RULES = {
  asMembers: {
    name: 'member-of:as-members',
    reason: '"As members of Y, A and B ..." states the membership of the subjects.',
    confidence: 0.85,
    examples: [
      {
        text: 'As members of the [European Union|organisation], [France|state] and [Italy|state] share the burden.',
        expect: [
          ['France', 'member-of', 'European Union'],
          ['Italy', 'member-of', 'European Union'],
        ],
      },
    ],
  },
  membersNamed: {
    name: 'member-of:org-members-named',
    reason: '"NATO members Turkey and Greece", "EU member state Malta": the organisation names its members.',
    confidence: 0.85,
    examples: [
      {
        text: '[NATO|organisation] members [Turkey|state] and [Greece|state] disagreed.',
        expect: [
          ['Turkey', 'member-of', 'NATO'],
          ['Greece', 'member-of', 'NATO'],
        ],
      },
    ],
  },
  isMember: {
    name: 'member-of:is-member',
    reason: '"A is a member of Y", "A and B, both members of Y", "A\'s membership in Y", "A joined Y".',
    confidence: 0.8,
    examples: [
      { text: '[Finland|state] joined [NATO|organisation] last year.', expect: [['Finland', 'member-of', 'NATO']] },
      {
        text: '[Norway|state] is not a member of the [European Union|organisation] but [Sweden|state] is a member of the [European Union|organisation].',
        expect: [['Sweden', 'member-of', 'European Union']],
      },
    ],
  },
  contactsIn: {
    name: 'member-of:contacts-in',
    reason:
      '"cooperation within Y and Z" said of two states (in the sentence or the one before) implies both belong to Y and Z.',
    confidence: 0.6,
    examples: [
      {
        text: '[India|state] and [Brazil|state] held talks. Their ties grow through regular contacts in the [G20|organisation] and the [WTO|organisation].',
        expect: [
          ['India', 'member-of', 'G20'],
          ['Brazil', 'member-of', 'WTO'],
        ],
      },
    ],
  },
} satisfies Record<string, Rule>;

const MEMBER_NOUNS = words('memberNouns');
const MEMBER_SUFFIX = words('memberSuffix');
const JOIN = words('join');
const LINKERS = words('linkers');
const IN = words('in');
/** Words that negate a clause (narrower than `negations`, which also holds verbs of refusal). */
const NEGATION = words('clauseNegations');

function emitAll(
  states: readonly string[],
  orgs: readonly string[],
  rule: Rule,
  s: SentenceUnits,
  emit: Emitter,
): void {
  for (const st of states)
    for (const o of orgs)
      emit({
        source: st,
        target: o,
        relation: 'member-of',
        confidence: rule.confidence,
        rule: rule.name,
        sentence: s.index,
      });
}

/** States a passage is about: two or more states in this sentence, else in one of the two before. */
function discourseStates(ctx: ArticleContext, s: SentenceUnits): string[] {
  for (let k = s.index; k >= Math.max(0, s.index - 2); k--) {
    const states = new Set<string>();
    for (const u of ctx.sentences[k]?.units ?? [])
      if (u.kind === 'entity' && u.entityKind === 'state') states.add(u.entityId);
    if (states.size >= 2) return [...states];
    if (k === s.index && states.size === 1) return [];
  }
  return [];
}

export function runMembershipRules(s: SentenceUnits, ctx: ArticleContext, emit: Emitter): void {
  const units = s.units;
  const contexts = words('membershipContexts');
  let discourse: string[] | undefined;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.kind !== 'word') {
      // "NATO members Turkey and Greece", "EU member states such as Malta".
      if (u.entityKind === 'organisation' && MEMBER_NOUNS.has(wordAt(units, i + 1) ?? '')) {
        let j = i + 2;
        while (j < i + 5 && MEMBER_SUFFIX.has(wordAt(units, j) ?? '')) j++;
        const list = listRight(units, j, ['state']);
        if (list) emitAll(distinctIds(list.items), [u.entityId], MEMBERSHIP_RULES.membersNamed, s, emit);
      }
      // "Finland joined NATO", "Sweden's membership in NATO".
      if (u.entityKind === 'state') {
        const n1 = wordAt(units, i + 1);
        if (n1 && JOIN.has(n1) && isEntity(units[i + 2], 'organisation'))
          emitAll([u.entityId], [(units[i + 2] as EntityUnit).entityId], MEMBERSHIP_RULES.isMember, s, emit);
        if (
          n1 &&
          POSSESSIVE.has(n1) &&
          (wordAt(units, i + 2) === 'membership' || wordAt(units, i + 2) === 'accession')
        ) {
          let j = i + 3;
          if (IN.has(wordAt(units, j) ?? '') || wordAt(units, j) === 'of' || wordAt(units, j) === 'to') j++;
          const org = listRight(units, j, ['organisation']);
          if (org) emitAll([u.entityId], distinctIds(org.items), MEMBERSHIP_RULES.isMember, s, emit);
        }
      }
      continue;
    }
    if (MEMBER_NOUNS.has(u.w) && wordAt(units, i + 1) === 'of') {
      const orgs = listRight(units, i + 2, ['organisation']);
      if (!orgs) continue;
      if (wordAt(units, i - 1) === 'as' || (wordAt(units, i - 2) === 'as' && LINKERS.has(wordAt(units, i - 1) ?? ''))) {
        // "As members of Y, A and B ..." (subjects after the comma) or "A and B, as members of Y, ...".
        let j = orgs.to;
        if (wordAt(units, j) === ',') j++;
        const after = listRight(units, j, ['state']);
        if (after) emitAll(distinctIds(after.items), distinctIds(orgs.items), MEMBERSHIP_RULES.asMembers, s, emit);
      }
      // "A and B, both members of Y" / "A is a member of Y" (no negation in between).
      let k = i - 1;
      let negated = false;
      while (
        k >= 0 &&
        i - k <= 5 &&
        units[k]!.kind === 'word' &&
        (LINKERS.has(wordAt(units, k)!) || NEGATION.has(wordAt(units, k)!))
      ) {
        if (NEGATION.has(wordAt(units, k)!)) negated = true;
        k--;
      }
      if (negated || k === i - 1) continue;
      const before = listLeft(units, k + 1, ['state']);
      if (before) emitAll(distinctIds(before.items), distinctIds(orgs.items), MEMBERSHIP_RULES.isMember, s, emit);
      continue;
    }
    if (contexts.has(u.w) && IN.has(wordAt(units, i + 1) ?? '')) {
      const orgs = listRight(units, i + 2, ['organisation']);
      if (!orgs) continue;
      const states = (discourse ??= discourseStates(ctx, s));
      if (states.length >= 2) emitAll(states, distinctIds(orgs.items), MEMBERSHIP_RULES.contactsIn, s, emit);
    }
  }
}
