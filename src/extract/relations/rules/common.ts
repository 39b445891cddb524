/** Small readers shared by the rules: coordinated entity lists and skipping of filler words. */
import type { EntityKind } from '../../types.js';
import { roleStartingAt, words } from '../lexicon.js';
import { type EntityUnit, isEntity, type Unit } from '../units.js';

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
