/** Defaults of the query stage, in one place: the queries read them, the CLI's help text quotes them. */

/** How many entities and communities `stats` lists. */
export const DEFAULT_TOP = 10;
