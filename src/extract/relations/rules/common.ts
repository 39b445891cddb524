/** Small readers shared by the rules: coordinated entity lists and skipping of filler words. */
import type { EntityKind } from '../../types.js';
import { roleStartingAt, words } from '../lexicon.js';
import { type EntityUnit, isEntity, POSSESSIVE, type Unit } from '../units.js';

const DETERMINERS = words('commonDeterminers');
const CONJUNCTIONS = words('conjunctions');

export interface EntityList {
  items: EntityUnit[];
  /** Index of the first unit of the list (leftmost). */
  from: number;
  /** Index after the last unit of the list. */
  to: number;
}

function skipDeterminerRight(units: readonly Unit[], i: number): number {
  const u = units[i];
  return u && u.kind === 'word' && DETERMINERS.has(u.w) ? i + 1 : i;
}

/**
 * Reads "A", "A and B", "A, B and C", "the A, the B and the C" starting at unit i (rightwards). Only entities of the
 * given kinds are taken; the list stops at the first unit that does not fit.
 */
export function listRight(units: readonly Unit[], i: number, kinds: readonly EntityKind[]): EntityList | undefined {
  let j = skipDeterminerRight(units, i);
  const first = units[j];
  if (!isEntity(first, ...kinds)) return undefined;
  const items: EntityUnit[] = [first];
  let to = j + 1;
  j = to;
  for (;;) {
    let k = j;
    const u = units[k];
    if (u?.kind !== 'word') break;
    if (u.w === ',') {
      k++;
      const v = units[k];
      if (v && v.kind === 'word' && CONJUNCTIONS.has(v.w)) k++;
    } else if (CONJUNCTIONS.has(u.w)) k++;
    else break;
    k = skipDeterminerRight(units, k);
    const next = units[k];
    if (!isEntity(next, ...kinds)) break;
    items.push(next);
    to = k + 1;
    j = to;
  }
  return { items, from: i, to };
}

/** Reads a coordinated list of entities ending at unit i - 1 (leftwards): "A and B" before a verb. */
export function listLeft(units: readonly Unit[], end: number, kinds: readonly EntityKind[]): EntityList | undefined {
  const j = end - 1;
  const last = units[j];
  if (!isEntity(last, ...kinds)) return undefined;
  const items: EntityUnit[] = [last];
  let from = j;
  for (;;) {
    let k = from - 1;
    let u = units[k];
    if (u && u.kind === 'word' && DETERMINERS.has(u.w)) {
      k--;
      u = units[k];
    }
    if (u?.kind !== 'word') break;
    if (CONJUNCTIONS.has(u.w) || u.w === ',' || u.w === '-' || u.w === '–') {
      k--;
      const v = units[k];
      if (v && v.kind === 'word' && v.w === ',') k--;
    } else break;
    const prev = units[k];
    if (!isEntity(prev, ...kinds)) break;
    items.unshift(prev);
    from = k;
    const before = units[from - 1];
    if (before && before.kind === 'word' && DETERMINERS.has(before.w)) from--;
  }
  if (from === j) {
    const before = units[from - 1];
    if (before && before.kind === 'word' && DETERMINERS.has(before.w)) from--;
  }
  return { items, from, to: end };
}

export function wordAt(units: readonly Unit[], i: number): string | undefined {
  const u = units[i];
  return u && u.kind === 'word' ? u.w : undefined;
}

/** True when the raw word starts with a capital letter (part of a name or title). */
export function capitalised(u: Unit | undefined): boolean {
  return u !== undefined && u.kind === 'word' && /^\p{Lu}/u.test(u.raw);
}

export function distinctIds(list: readonly EntityUnit[]): string[] {
  return [...new Set(list.map((e) => e.entityId))];
}

/**
 * "German Chancellor Olaf Scholz" as an object: the person behind a holder and title, not the holder. Returns the
 * index of the person when unit i starts such a phrase.
 */
export function personBehindTitle(units: readonly Unit[], i: number): number | undefined {
  const u = units[i];
  if (!isEntity(u, 'state', 'organisation')) return undefined;
  let j = i + 1;
  if (wordAt(units, j) === "'s") j++;
  for (let steps = 0; steps < 4 && j < units.length; steps++) {
    const v = units[j]!;
    if (v.kind === 'entity') return v.entityKind === 'person' && steps > 0 ? j : undefined;
    const role = roleStartingAt(units, j);
    if (role) j = role.to;
    else if (capitalised(v)) j++;
    else return undefined;
    if (isEntity(units[j], 'person')) return j;
  }
  return undefined;
}

const LIST_SEPARATORS = words('holderListSeparators');
const LIST_BOUNDARIES = words('holderListBoundaries');
const LIST_GOVERNORS = words('holderListGovernors');
const AUXILIARY_WORDS = words('auxiliaries');
/** Words a list item may carry before or after its name ("public figures", "the liberal ... party"). */
const MAX_ITEM_WORDS = 5;

/**
 * The actors listed before the subject that starts at unit `first`, in a looser list than listLeft reads: items
 * separated by commas, "and", "as well as" or "including", with plain nouns among them ("X, lawyers and doctors, as
 * well as Y", "the partners, the liberal X party and the Y alliance (YA), both"). A name that only qualifies the next
 * one is no item ("former US president Z", "the Lark list (LL)" after its full name), nor is the possessor of the
 * head ("X's two partners, A and B"). The group that a preposition or a verb governs ("after talks with X, Y backed")
 * is left out, so is everything when the walk meets a clause boundary it cannot read past.
 */
export function listedActorsBefore(units: readonly Unit[], first: number, kinds: readonly EntityKind[]): EntityUnit[] {
  const out: EntityUnit[] = [];
  /** Items since the last separator: dropped when a governing word turns out to stand before them. */
  let group: EntityUnit[] = [];
  let gap = 0;
  /** A separator since the last item: a name with none before the next item qualifies it ("the X party whip Y"). */
  let separated = false;
  for (let j = first - 1; j >= 0; j--) {
    const u = units[j]!;
    if (u.kind === 'entity') {
      const abbreviated =
        wordAt(units, j + 1) === '(' && units[j + 2]?.kind === 'entity' && wordAt(units, j + 3) === ')';
      if (POSSESSIVE.has(wordAt(units, j + 1) ?? '')) break;
      if (separated && isEntity(u, ...kinds) && personBehindTitle(units, j) === undefined && !abbreviated) {
        group.push(u);
        gap = 0;
        separated = false;
      } else if (++gap > MAX_ITEM_WORDS) break;
      continue;
    }
    const w = u.w;
    // "Global calls for mercy The X ...": a capitalised article inside a sentence opens a glued headline's text.
    if (j > 0 && u.raw === 'The') break;
    if (POSSESSIVE.has(w) || LIST_BOUNDARIES.has(w)) break;
    if (LIST_GOVERNORS.has(w) || AUXILIARY_WORDS.has(w) || (/^[a-z]+(?:ed|ing)$/.test(w) && !LIST_SEPARATORS.has(w))) {
      group = [];
      break;
    }
    if (LIST_SEPARATORS.has(w)) {
      out.push(...group);
      group = [];
      gap = 0;
      if (!DETERMINERS.has(w)) separated = true;
      continue;
    }
    if (++gap > MAX_ITEM_WORDS) {
      group = [];
      break;
    }
  }
  out.push(...group);
  return out.reverse();
}

const URGE_VERBS = words('urgeVerbs');
const URGE_SKIP = words('adverbs');
const URGE_STOP = words('npStop');

/**
 * The index of the verb of urging in "<urge verb> <those urged> to [adverbs] <trigger>" ("urged political leaders to
 * commit to", "called on Peru to back"), or undefined. Those urged: a name or up to four plain words.
 */
export function urgeVerbBefore(units: readonly Unit[], from: number): number | undefined {
  let k = from - 1;
  while (k >= 0 && URGE_SKIP.has(wordAt(units, k) ?? '') && wordAt(units, k) !== 'to') k--;
  if (wordAt(units, k) !== 'to') return undefined;
  k--;
  for (let n = 0; k >= 0 && n < 5; n++, k--) {
    const u = units[k]!;
    if (u.kind === 'word' && wordAt(units, k - 1) !== undefined && URGE_VERBS.has(`${wordAt(units, k - 1)} ${u.w}`))
      return k - 1;
    if (u.kind === 'word' && URGE_VERBS.has(u.w)) return n > 0 ? k : undefined;
    if (u.kind === 'word' && (!/^[a-z][a-z-]*$/.test(u.w) || URGE_STOP.has(u.w))) return undefined;
  }
  return undefined;
}

/** How far back (units) the start of a non-restrictive relative clause may lie: "X, who dismissed it in 2007, backs". */
const RELATIVE_REACH = 20;

/**
 * The last unit of the antecedent when the subject slot before unit k + 1 is a relative pronoun or a whole
 * non-restrictive relative clause: "X, which backs" (k at "which") or "X, who heads the Y, backs" (k at the closing
 * comma). Undefined otherwise.
 */
export function relativeClauseAntecedent(units: readonly Unit[], k: number): number | undefined {
  const w = wordAt(units, k);
  if ((w === 'who' || w === 'which') && wordAt(units, k - 1) === ',') return k - 2;
  if (w !== ',') return undefined;
  for (let j = k - 1; j >= 1 && k - j <= RELATIVE_REACH; j--) {
    const v = wordAt(units, j);
    if (v === '.' || v === ';' || v === ':') return undefined;
    if ((v === 'who' || v === 'which') && wordAt(units, j - 1) === ',') return j - 2;
  }
  return undefined;
}
