/**
 * Time zone abbreviations as news datelines write them ("5:12 PM EST", "01:38 PM IST"), with their UTC offsets in
 * minutes, from data/timezones.json (source and licence stated there), read through the knowledge loader.
 */
import { knowledgeFile } from '../knowledge/loader.js';

let zones: Map<string, number> | null = null;

/** The UTC offset in minutes of a zone abbreviation (any case), or undefined for an unknown one. */
export function zoneOffset(abbreviation: string): number | undefined {
  zones ??= new Map(
    Object.entries(knowledgeFile('timezones').zones).map(([name, offset]) => [name.toLowerCase(), offset as number]),
  );
  return zones.get(abbreviation.toLowerCase());
}
