/**
 * Dates given to a query (a range of publication dates). Strict: a calendar date that exists, so a typo such as
 * 2005-13-45 is refused instead of silently matching nothing.
 */

/** '2024-03-01' or an ISO timestamp -> '2024-03-01'; anything else (or a day that does not exist) -> null. */
export function parseQueryDate(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${match[1]}-${match[2]}-${match[3]}`;
}
