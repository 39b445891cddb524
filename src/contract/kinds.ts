/**
 * The shared contract, part 1: the kinds of entity. Every stage speaks of these (the extractor finds them, the graph
 * stores them, exports colour by them, queries filter by them), so they live below all stages and import nothing.
 */
export const ENTITY_KINDS = ['person', 'state', 'organisation', 'topic', 'place'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
