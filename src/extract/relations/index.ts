/** Relation extraction: reads a DocAnalysis, returns relation candidates with the rule that produced each. */
import type { DocAnalysis, RelationCandidate } from '../types.js';

/** Provisional: the relations issue fills this with speaks-for, member-of, supports and more. */
export function extractRelations(_doc: DocAnalysis): RelationCandidate[] {
  return [];
}
