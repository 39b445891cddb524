/**
 * Relation scoring (issue 4, part 6), one module per concern: counts and P/R/F1 (./counts.ts), gold files
 * (./gold-relations.ts), DWIE (./dwie-relations.ts) and confidence calibration (./calibration.ts).
 */
export * from './calibration.js';
export * from './counts.js';
export * from './dwie-relations.js';
export * from './gold-relations.js';
