/**
 * Step 4 of the pipeline: calibration. A rule's confidence should read as the precision of its edges. The table in
 * data/calibration.json holds the precision measured per rule on labelled data (CoNLL04 train and DWIE dev, see
 * scripts/calibrate-relations.ts); a candidate's confidence is moved by the difference between the measured
 * precision and the rule's declared base, so a rule's own penalties (a long gap, a coordination) are kept.
 */

import { knowledgeFile } from '../../../knowledge/loader.js';
import type { RelationCandidate } from '../../types.js';

const calibrationData = knowledgeFile('relations/calibration');

interface Measured {
  /** The rule's declared base confidence when measured. */
  base: number;
  /** Precision measured (Laplace-smoothed) and the number of judged edges it rests on. */
  precision: number;
  judged: number;
}

const TABLE = new Map<string, Measured>(Object.entries(calibrationData.rules as Record<string, Measured>));
/** Fewer judged edges than this and the rule's declared confidence stands. */
const MIN_JUDGED = 8;

export function calibrate(c: RelationCandidate): RelationCandidate {
  const m = TABLE.get(c.rule);
  if (!m || m.judged < MIN_JUDGED) return c;
  const confidence = Math.max(0.05, Math.min(0.99, c.confidence + (m.precision - m.base)));
  return { ...c, confidence };
}
