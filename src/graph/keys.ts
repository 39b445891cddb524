/** Deterministic edge keys: the same relation gets the same key on any machine, so graphs merge cleanly. */

export function edgeKey(source: string, relation: string, target: string): string {
  return `${source}|${relation}|${target}`;
}
