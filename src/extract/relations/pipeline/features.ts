/**
 * Step 2 of the pair pipeline: evidence features. A candidate pair becomes the text between and around its two
 * mentions, with every entity written as its kind ("<place> , <state>"), plus signals with their reasons (a demonym
 * end, a negation between, a former role before). Patterns (step 3) read these, never the raw units.
 */
import { words } from '../lexicon.js';
import type { EntityUnit, Unit } from '../units.js';
import { firstUnit, type PairCandidate, secondUnit } from './candidates.js';
import { isDemonym } from './places.js';
import { PIPELINE_SETTINGS } from './settings.js';

interface Signal {
  name: string;
  reason: string;
}

export interface PairFeatures {
  first: EntityUnit;
  second: EntityUnit;
  /** Units between the mentions as words and kind tags, single spaces: "was born in". */
  between: string;
  before: string;
  after: string;
  signals: Signal[];
}

/** A state's short name in capitals ("US", "U.S.", "UK", "UAE"), which news uses as an adjective. */
const ATTRIBUTIVE_ABBREVIATION = /^(?:[A-Z]\.?){2,3}$/;

function token(u: Unit): string {
  return u.kind === 'word' ? u.w : `<${u.entityKind}>`;
}

function join(units: readonly Unit[], from: number, to: number): string {
  const out: string[] = [];
  for (let i = Math.max(0, from); i < Math.min(units.length, to); i++) out.push(token(units[i]!));
  return out.join(' ');
}

export function pairFeatures(c: PairCandidate): PairFeatures {
  const units = c.sentence.units;
  const first = firstUnit(c);
  const second = secondUnit(c);
  const n = PIPELINE_SETTINGS.contextUnits;
  const between = join(units, c.first + 1, c.second);
  const signals: Signal[] = [];
  if (isDemonym(first.mention.text))
    signals.push({ name: 'first-demonym', reason: `"${first.mention.text}" is a demonym` });
  // A state named in capitals right before a lowercase noun ("US actor", "UK firm") is used as its demonym.
  const next = units[c.first + 1];
  if (
    isDemonym(first.mention.text) ||
    (first.entityKind === 'state' &&
      ATTRIBUTIVE_ABBREVIATION.test(first.mention.text) &&
      next?.kind === 'word' &&
      /^[a-z]/.test(next.raw))
  )
    signals.push({ name: 'first-attributive', reason: `"${first.mention.text}" modifies the noun after it` });
  if (isDemonym(second.mention.text))
    signals.push({ name: 'second-demonym', reason: `"${second.mention.text}" is a demonym` });
  const neg = words('negations');
  for (let i = c.first + 1; i < c.second; i++) {
    const u = units[i]!;
    if (u.kind === 'word' && neg.has(u.w)) signals.push({ name: 'negated', reason: `"${u.raw}" between the ends` });
  }
  return {
    first,
    second,
    between,
    before: join(units, c.first - n, c.first),
    after: join(units, c.second + 1, c.second + 1 + n),
    signals,
  };
}

export function hasSignal(f: PairFeatures, name: string): boolean {
  return f.signals.some((s) => s.name === name);
}
