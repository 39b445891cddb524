/** Defaults of the pair pipeline, in one place. */
export const PIPELINE_SETTINGS = {
  /** Units between the two mentions of a candidate pair, at most (a clause: "X , who was born in Y"). */
  maxPairDistance: 14,
  /** Units of context read before the first and after the second mention. */
  contextUnits: 4,
  /** Knowledge edges below this population (cities) are not drawn: small towns share names across countries. */
  minCityPopulation: 100_000,
} as const;
