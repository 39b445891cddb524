/**
 * Stances: supports, opposes, criticises. "X supports / backs Y", "X's support for Y's position on Z" (issue Z kept as
 * a qualifier), "A and B seek to create Z"; negated statements ("does not support") give nothing. What a state's
 * official says ("our support for Y", "X backs Y") is attributed to that state as well.
 */
import type { EntityKind } from '../../types.js';
import { words } from '../lexicon.js';
import type { ArticleContext, Emitter, Rule } from '../rule.js';
import { sentenceSpeakers } from '../speakers.js';
import { type EntityUnit, isEntity, POSSESSIVE, type SentenceUnits, type Unit } from '../units.js';
import {
  distinctIds,
  listLeft,
  listRight,
  personBehindTitle,
  relativeClauseAntecedent,
  urgeVerbBefore,
  wordAt,
} from './common.js';

export const STANCE_RULES = {
  supportVerb: {
    name: 'supports:verb',
    reason: '"X supports / backs / endorses Y" with X the subject and no negation.',
    confidence: 0.75,
    examples: [
      {
        text: '[Germany|state] and [France|state] strongly back [Moldova|state].',
        expect: [
          ['Germany', 'supports', 'Moldova'],
          ['France', 'supports', 'Moldova'],
        ],
      },
      {
        text: '[Poland|state] does not support [the plan|topic]. [Spain|state] endorses [the plan|topic].',
        expect: [['Spain', 'supports', 'the plan']],
      },
    ],
  },
  supportPassive: {
    name: 'supports:passive',
    reason: '"Y, backed by X" / "Y is supported by X": X supports Y.',
    confidence: 0.7,
    examples: [
      {
        text: 'The [Free Party|organisation], backed by [Ghana|state], won.',
        expect: [['Ghana', 'supports', 'Free Party']],
      },
    ],
  },
  supportNoun: {
    name: 'supports:support-for',
    reason: '"X\'s support for Y (\'s position on Z)", "X expressed support for Y": X supports Y, Z is the issue.',
    confidence: 0.8,
    examples: [
      {
        text: "[Ana Lima|person] stressed [Brazil|state]'s firm support for [Chile|state]'s position on [fishing rights|topic].",
        expect: [['Brazil', 'supports', 'Chile']],
      },
    ],
  },
  firstPerson: {
    name: 'stance:first-person-speaker',
    reason:
      '"our support for Y", "we reject Y" said by someone who speaks for a state: that state (and the speaker) holds the stance.',
    confidence: 0.75,
    examples: [
      {
        text: '[Japanese|state|Japan] Foreign Minister [Ken Sato|person] spoke. "We reaffirm our full support for [Kenya|state]," the minister said.',
        expect: [
          ['Japan', 'supports', 'Kenya'],
          ['Ken Sato', 'supports', 'Kenya'],
        ],
      },
    ],
  },
  speakerState: {
    name: 'stance:speaker-state',
    reason:
      'A person who speaks for a state and supports / opposes / criticises Y: the state does too (reported speech of officials).',
    confidence: 0.65,
    examples: [
      {
        text: '[Irish|state|Ireland] President [Mary Byrne|person] backed [the treaty|topic].',
        expect: [['Ireland', 'supports', 'the treaty']],
      },
    ],
  },
  seekCreate: {
    name: 'supports:seek-to-create',
    reason: '"A and B seek to create / build Z": both want Z.',
    confidence: 0.75,
    examples: [
      {
        text: '[Kenya|state] and [Ethiopia|state] seek to build a [regional power grid|topic].',
        expect: [
          ['Kenya', 'supports', 'regional power grid'],
          ['Ethiopia', 'supports', 'regional power grid'],
        ],
      },
    ],
  },
  opposeVerb: {
    name: 'opposes:verb',
    reason: '"X opposes / rejects Y", "X\'s opposition to Y".',
    confidence: 0.7,
    examples: [
      { text: '[Hungary|state] rejected [the quota plan|topic].', expect: [['Hungary', 'opposes', 'the quota plan']] },
    ],
  },
  criticiseVerb: {
    name: 'criticises:verb',
    reason: '"X criticised / condemned / accused Y".',
    confidence: 0.7,
    examples: [
      {
        text: '[Amnesty International|organisation] condemned [Belarus|state] for the arrests.',
        expect: [['Amnesty International', 'criticises', 'Belarus']],
      },
    ],
  },
} satisfies Record<string, Rule>;

const ACTORS: EntityKind[] = ['state', 'organisation', 'person'];
/** Words that may stand between a verb or "support for" and its object. */
const FILLER = words('filler');
const COPULA_OR_MOTION = words('copulaOrMotion');
const POSSESSIVE_PRONOUNS = words('possessivePronouns');
const DETERMINER_WORDS = words('determinerWords');
const STOP = words('stop');

interface Stance {
  relation: 'supports' | 'opposes' | 'criticises';
  sources: EntityUnit[];
  /** The statement is in the first person ("our support", "we back"): the speaker's side holds it. */
  firstPerson: boolean;
  target: EntityUnit;
  rule: Rule;
  qualifiers?: Record<string, string>;
}

/** True when a negation sits in the `span` units before index i (stopping at clause punctuation). */
function negatedBefore(units: readonly Unit[], i: number, span: number): boolean {
  const neg = words('negations');
  for (let k = i - 1; k >= 0 && k >= i - span; k--) {
    const w = wordAt(units, k);
    if (w === undefined) return false;
    if (w === ',' || STOP.has(w)) return false;
    if (neg.has(w)) return true;
  }
  return false;
}

/** Skips auxiliaries and adverbs leftwards from i - 1; returns the index just after the subject. */
function skipAuxLeft(units: readonly Unit[], i: number): number {
  const aux = words('auxiliaries');
  const neg = words('negations');
  let k = i - 1;
  while (k >= 0 && i - k <= 5) {
    const w = wordAt(units, k);
    if (w === undefined || !(aux.has(w) || neg.has(w))) break;
    k--;
  }
  return k + 1;
}

/** The first entity after filler words, within a few units: the object of a verb or of "support for". */
function objectAfter(units: readonly Unit[], i: number, max = 4): { target: EntityUnit; at: number } | undefined {
  let skipped = 0;
  for (let j = i; j < units.length && skipped <= max; j++) {
    const u = units[j]!;
    if (u.kind === 'entity') {
      const person = personBehindTitle(units, j);
      if (person !== undefined) return { target: units[person] as EntityUnit, at: person };
      // "accuse Pakistan's intelligence agency": the possessed body, not its owner.
      const owned = units[j + 2];
      if (POSSESSIVE.has(wordAt(units, j + 1) ?? '') && isEntity(owned, 'organisation', 'person'))
        return { target: owned, at: j + 2 };
      return { target: u, at: j };
    }
    if (STOP.has(u.w)) return undefined;
    if (!FILLER.has(u.w) && !/^[a-z-]+$/.test(u.w)) return undefined;
    skipped++;
  }
  return undefined;
}

/** The issue after a target: "('s position) on Kashmir", "on the issues of fishing, water ...". */
function issueAfter(units: readonly Unit[], at: number): Record<string, string> | undefined {
  let j = at + 1;
  if (POSSESSIVE.has(wordAt(units, j) ?? '') && words('positionNouns').has(wordAt(units, j + 1) ?? '')) j += 2;
  if (!words('issuePrepositions').has(wordAt(units, j) ?? '') || wordAt(units, j) === 'in') return undefined;
  j++;
  if (
    wordAt(units, j) === 'the' &&
    /^(issues?|question|matter|subject)$/.test(wordAt(units, j + 1) ?? '') &&
    wordAt(units, j + 2) === 'of'
  )
    j += 3;
  else if (wordAt(units, j) === 'the') j++;
  const u = units[j];
  if (u?.kind === 'entity') {
    const issues = [u.mention.text];
    for (let k = j + 1; k + 1 < units.length && issues.length < 6; k += 2) {
      const sep = wordAt(units, k);
      let next = units[k + 1];
      if (sep === ',' && wordAt(units, k + 1) === 'and') {
        next = units[k + 2];
        k++;
      }
      if ((sep !== ',' && sep !== 'and') || next?.kind !== 'entity') break;
      issues.push(next.mention.text);
    }
    return { issue: issues.join(', ') };
  }
  // An issue in plain words ("on migration", "over energy prices"), up to four words, never a date.
  const parts: string[] = [];
  for (let k = j; k < units.length && parts.length < 4; k++) {
    const v = units[k]!;
    if (v.kind !== 'word' || !/^[\p{L}-]+$/u.test(v.raw) || STOP.has(v.w) || ISSUE_STOP.has(v.w)) break;
    parts.push(v.raw);
  }
  return parts.length > 0 && !TIME_WORDS.has(parts[0]!.toLowerCase()) ? { issue: parts.join(' ') } : undefined;
}

const TIME_WORDS = words('timeWords');
const ISSUE_STOP = words('issueStop');

/** The subject list before index `end` (exclusive), or first person ("we", "our"). */
function subjectBefore(
  units: readonly Unit[],
  end: number,
): { sources: EntityUnit[]; firstPerson: boolean } | undefined {
  const w = wordAt(units, end - 1);
  if (w !== undefined && words('firstPersonPlural').has(w)) return { sources: [], firstPerson: true };
  // "X, which backs Y", "X, who heads the Z, backs Y": the relative clause's antecedent.
  const antecedent = relativeClauseAntecedent(units, end - 1);
  if (antecedent !== undefined) {
    const a = units[antecedent];
    return isEntity(a, ...ACTORS) ? { sources: [a], firstPerson: false } : undefined;
  }
  const list = listLeft(units, end, ACTORS);
  if (!list) return undefined;
  // A subject right after a preposition is an object ("support from X backs ..."): skip it.
  const before = wordAt(units, list.from - 1);
  if (before !== undefined && /^(of|for|to|with|from|by|against|in|on|at)$/.test(before)) return undefined;
  return { sources: list.items, firstPerson: false };
}

function readStances(units: readonly Unit[]): Stance[] {
  const out: Stance[] = [];
  const supportVerbs = words('supportVerbs');
  const supportNouns = words('supportNouns');
  const opposeVerbs = words('opposeVerbs');
  const opposeNouns = words('opposeNouns');
  const criticiseVerbs = words('criticiseVerbs');
  const seekVerbs = words('seekVerbs');
  const createVerbs = words('createVerbs');
  const positionVerbs = words('positionVerbs');
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.kind !== 'word') continue;
    const w = u.w;

    // "X's support for Y", "our support for Y", "X expressed (its) support for Y", "X's opposition to Y".
    const nounRelation = supportNouns.has(w) ? 'supports' : opposeNouns.has(w) ? 'opposes' : undefined;
    const prep = wordAt(units, i + 1);
    if (nounRelation && (prep === 'for' || prep === 'to')) {
      // up to four filler words: "support for the 'principle of' free navigation".
      const obj = objectAfter(units, i + 2, 4);
      if (obj && !negatedBefore(units, i, 4)) {
        let k = i - 1;
        // Adjectives between the possessor and the noun: "X's continued, firm support".
        while (
          k >= 0 &&
          i - k <= 4 &&
          /^(?:[a-z][a-z-]*|,)$/.test(wordAt(units, k) ?? '') &&
          !POSSESSIVE_PRONOUNS.has(wordAt(units, k)!) &&
          !DETERMINER_WORDS.has(wordAt(units, k)!)
        )
          k--;
        const pw = wordAt(units, k);
        let subject: { sources: EntityUnit[]; firstPerson: boolean } | undefined;
        if (pw !== undefined && POSSESSIVE.has(pw) && isEntity(units[k - 1], ...ACTORS))
          subject = { sources: [units[k - 1] as EntityUnit], firstPerson: false };
        else if (pw === 'our') subject = { sources: [], firstPerson: true };
        else {
          // "X expressed (its) support for Y": the subject of the position verb.
          let v = pw !== undefined && (POSSESSIVE_PRONOUNS.has(pw) || pw === 'the') ? k - 1 : k;
          if (wordAt(units, v) !== undefined && positionVerbs.has(wordAt(units, v)!)) {
            v = skipAuxLeft(units, v);
            subject = subjectBefore(units, v);
          }
        }
        if (subject) {
          const issue = issueAfter(units, obj.at);
          out.push({
            relation: nounRelation,
            ...subject,
            target: obj.target,
            rule: nounRelation === 'supports' ? STANCE_RULES.supportNoun : STANCE_RULES.opposeVerb,
            ...(issue ? { qualifiers: issue } : {}),
          });
        }
      }
      continue;
    }

    // Verbs: support / oppose / criticise, active and (for support) passive.
    const verbRelation = supportVerbs.has(w)
      ? 'supports'
      : opposeVerbs.has(w)
        ? 'opposes'
        : criticiseVerbs.has(w)
          ? 'criticises'
          : undefined;
    // "is back in Haiti", "came back to": the adverb, not the verb.
    if (
      w === 'back' &&
      (COPULA_OR_MOTION.has(wordAt(units, i - 1) ?? '') ||
        /^(in|to|from|home|on|at|into|off|down|up)$/.test(prep ?? ''))
    )
      continue;
    if (verbRelation) {
      // "Y is backed / opposed / criticised by X (and Z)": the agents after "by" hold the stance toward Y.
      if (prep === 'by' && /(ed|ld)$/.test(w)) {
        const agents = listRight(units, i + 2, ACTORS);
        const by = agents ? agents.items : objectAfter(units, i + 2, 1)?.target;
        let k = i - 1;
        // over auxiliaries and adverbs: "was sharply criticised by".
        while (
          k >= 0 &&
          (wordAt(units, k) === ',' ||
            words('auxiliaries').has(wordAt(units, k) ?? '') ||
            /^[a-z]{3,}ly$/.test(wordAt(units, k) ?? ''))
        )
          k--;
        const patient = units[k];
        if (by && isEntity(patient, ...ACTORS, 'topic') && !negatedBefore(units, i, i - k))
          out.push({
            relation: verbRelation,
            sources: Array.isArray(by) ? by : [by],
            firstPerson: false,
            target: patient,
            rule:
              verbRelation === 'supports'
                ? STANCE_RULES.supportPassive
                : verbRelation === 'opposes'
                  ? STANCE_RULES.opposeVerb
                  : STANCE_RULES.criticiseVerb,
          });
        continue;
      }
      const start = skipAuxLeft(units, i);
      if (negatedBefore(units, i, i - start + 1)) continue;
      // "X urged Y to back Z": Y is only asked to; the urger's stance is read with the topic stances.
      if (urgeVerbBefore(units, i) !== undefined) continue;
      const subject = subjectBefore(units, start);
      if (!subject) continue;
      // Nouns that look like verbs ("the support", "US sanctions on X") need a verb reading: an object right after.
      const obj = objectAfter(units, i + 1, 3);
      if (!obj || wordAt(units, i + 1) === 'for' || wordAt(units, i + 1) === 'of') continue;
      // "Cardiff back Rhys Jones scored": a club and a position before a player's name, not the verb.
      // ("Cardiff back X for the captaincy" is still the verb: a preposition follows the name.)
      if (
        w === 'back' &&
        obj.at === i + 1 &&
        obj.target.entityKind === 'person' &&
        subject.sources.every((e) => e.entityKind === 'organisation') &&
        !/^(for|as|over|to|in|against|on|because|after|,|\.)$/.test(wordAt(units, i + 2) ?? '.')
      )
        continue;
      const issue = verbRelation === 'supports' ? issueAfter(units, obj.at) : undefined;
      const rule =
        verbRelation === 'supports'
          ? STANCE_RULES.supportVerb
          : verbRelation === 'opposes'
            ? STANCE_RULES.opposeVerb
            : STANCE_RULES.criticiseVerb;
      out.push({
        relation: verbRelation,
        ...subject,
        target: obj.target,
        rule,
        ...(issue ? { qualifiers: issue } : {}),
      });
      continue;
    }

    // "A and B seek to create Z", "aim to build Z".
    if (seekVerbs.has(w) && prep === 'to' && createVerbs.has(wordAt(units, i + 2) ?? '')) {
      const start = skipAuxLeft(units, i);
      if (negatedBefore(units, i, i - start + 1)) continue;
      const subject = subjectBefore(units, start);
      const obj = objectAfter(units, i + 3, 6);
      if (subject && obj)
        out.push({ relation: 'supports', ...subject, target: obj.target, rule: STANCE_RULES.seekCreate });
    }
  }
  return out;
}

export function runStanceRules(s: SentenceUnits, ctx: ArticleContext, emit: Emitter): void {
  const stances = readStances(s.units);
  if (stances.length === 0) return;
  const speaker = speakerOf(ctx, s.index);
  for (const st of stances) {
    const target = ctx.capitalOf.get(st.target.entityId) ?? st.target.entityId;
    const base = {
      relation: st.relation,
      target,
      sentence: s.index,
      ...(st.qualifiers ? { qualifiers: st.qualifiers } : {}),
    };
    if (st.firstPerson) {
      if (!speaker) continue;
      const r = STANCE_RULES.firstPerson;
      emit({ ...base, source: speaker, confidence: r.confidence - 0.1, rule: r.name });
      const voice = ctx.voice.get(speaker);
      if (voice)
        emit({ ...base, source: voice.state, confidence: Math.min(r.confidence, voice.confidence), rule: r.name });
      continue;
    }
    for (const src of distinctIds(st.sources)) {
      emit({ ...base, source: src, confidence: st.rule.confidence, rule: st.rule.name });
      const voice = ctx.doc.entities.get(src)?.kind === 'person' ? ctx.voice.get(src) : undefined;
      if (voice && voice.confidence >= 0.7) {
        const r = STANCE_RULES.speakerState;
        emit({ ...base, source: voice.state, confidence: Math.min(r.confidence, st.rule.confidence), rule: r.name });
      }
    }
  }
}

const speakerCache = new WeakMap<ArticleContext, Array<string | undefined>>();
function speakerOf(ctx: ArticleContext, sentence: number): string | undefined {
  let speakers = speakerCache.get(ctx);
  if (!speakers) {
    speakers = sentenceSpeakers(ctx);
    speakerCache.set(ctx, speakers);
  }
  return speakers[sentence];
}
