/**
 * Step 1 of the pair pipeline: candidate pairs. Every two entity mentions of one sentence within a bounded distance
 * (in units) are a candidate, in text order; document-level candidates (two ends named anywhere in the article) are
 * read by the knowledge step. Bounded distance keeps the step linear in the sentence length.
 */
import type { EntityUnit, SentenceUnits, Unit } from '../units.js';
import { PIPELINE_SETTINGS } from './settings.js';

export interface PairCandidate {
  sentence: SentenceUnits;
  /** Unit indices of the first and second mention (first < second). */
  first: number;
  second: number;
}

export function firstUnit(c: PairCandidate): EntityUnit {
  return c.sentence.units[c.first] as EntityUnit;
}

export function secondUnit(c: PairCandidate): EntityUnit {
  return c.sentence.units[c.second] as EntityUnit;
}

export function* sentencePairs(s: SentenceUnits): Generator<PairCandidate> {
  const units: readonly Unit[] = s.units;
  for (let i = 0; i < units.length; i++) {
    const a = units[i]!;
    if (a.kind !== 'entity') continue;
    const last = Math.min(units.length - 1, i + PIPELINE_SETTINGS.maxPairDistance);
    for (let j = i + 1; j <= last; j++) {
      const b = units[j]!;
      if (b.kind !== 'entity' || b.entityId === a.entityId) continue;
      yield { sentence: s, first: i, second: j };
    }
  }
}
