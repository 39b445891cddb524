/**
 * Time zone abbreviations as news datelines write them ("5:12 PM EST", "01:38 PM IST"), with their UTC offsets in
 * minutes, from data/timezones.json (source and licence stated there). Loaded once, on first use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FILE = 'timezones.json';

/** data/timezones.json, found from this module both in src/ (tests) and dist/src/ (CLI). */
function zonesFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'data', FILE);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`newsgraph data/${FILE} not found (expected next to package.json)`);
}

let zones: Map<string, number> | null = null;

/** The UTC offset in minutes of a zone abbreviation (any case), or undefined for an unknown one. */
export function zoneOffset(abbreviation: string): number | undefined {
  if (!zones) {
    const data = JSON.parse(readFileSync(zonesFile(), 'utf8')) as { zones: Record<string, number> };
    zones = new Map(Object.entries(data.zones).map(([name, offset]) => [name.toLowerCase(), offset]));
  }
  return zones.get(abbreviation.toLowerCase());
}
