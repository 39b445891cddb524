/** Public types of the named-entity tagger. */
export type NerLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface NerSpan {
  /** Token range [start, end) within the sentence. */
  start: number;
  end: number;
  label: NerLabel;
  /** Model confidence 0..1 (a margin-based estimate from the decoder). */
  score: number;
}
