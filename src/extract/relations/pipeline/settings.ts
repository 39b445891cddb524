/** Defaults of the pair pipeline, in one place. */
export const PIPELINE_SETTINGS = {
  /** Units between the two mentions of a candidate pair, at most (a clause: "X , who was born in Y"). */
  maxPairDistance: 14,
  /** Units of context read before the first and after the second mention. */
  contextUnits: 4,
} as const;
