/** What every relation rule looks like, and the per-article context the rules share. */
import type { DocAnalysis, RelationCandidate } from '../types.js';
import type { SentenceUnits } from './units.js';

/** An example a rule must match: entities in brackets, `[Name|kind]` or `[Surface|kind|Canonical label]`. */
interface RuleExample {
  text: string;
  /** Expected relations as [source label, relation, target label]. */
  expect: Array<[string, string, string]>;
}

export interface Rule {
  /** Stable name recorded on every edge it produces, e.g. 'speaks-for:title-apposition'. */
  name: string;
  /** Why the rule exists (what construction it reads). */
  reason: string;
  /** The base confidence of its edges, calibrated on DWIE dev and the seed gold (see README). */
  confidence: number;
  examples: RuleExample[];
}

export type Emitter = (c: Omit<RelationCandidate, 'sentence'> & { sentence?: number }) => void;

/** Article-wide facts the rules share; filled in passes (roles first, then stances that need speakers' states). */
export interface ArticleContext {
  doc: DocAnalysis;
  sentences: SentenceUnits[];
  /** Country code -> state entity id in this article. */
  stateOf: Map<string, string>;
  /** Organisation id -> state entity id it belongs to (part-of). */
  bodyOf: Map<string, string>;
  /** Person id -> the state they speak for, with the best confidence seen (filled after the role pass). */
  voice: Map<string, { state: string; confidence: number }>;
  /** The state mentioned most in the article, if one clearly dominates. */
  mainState: string | undefined;
  /** State titles without a holder, resolved after the role pass ("Prime Minister X"). */
  pendingTitles: Array<{ person: string; sentence: number; regional: boolean }>;
  /** Capital city entity (kind place) -> state id, for "support for Beijing" read as the state. */
  capitalOf: Map<string, string>;
}
