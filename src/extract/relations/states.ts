/**
 * Which country a name, demonym or state body refers to (ISO 3166-1 alpha-2), so rules can tie "German Foreign
 * Ministry" or "US State Department" to the state node of the same article. Country names and demonyms come from the
 * world-countries package; seats of power from data/seats-of-power.json, body heads from data/state-bodies.json.
 */
import { knowledgeFile, type WorldCountry, worldCountries } from '../../knowledge/loader.js';
import type { DocAnalysis } from '../types.js';

const bodiesData = knowledgeFile('relations/state-bodies');

export const COUNTRIES: readonly WorldCountry[] = worldCountries();

const byName = new Map<string, string>();
/** Codes are matched case-sensitively: 'US' is a country, 'us' a pronoun. */
const byCode = new Map<string, string>();

function addName(name: string | undefined, code: string): void {
  if (!name) return;
  const key = normaliseName(name);
  if (key.length < 3 || byName.has(key)) return;
  byName.set(key, code);
}

for (const c of COUNTRIES) {
  addName(c.name.common, c.cca2);
  addName(c.name.official, c.cca2);
  addName(c.demonyms?.eng?.m, c.cca2);
  addName(c.demonyms?.eng?.f, c.cca2);
  for (const alt of c.altSpellings) {
    if (/^[A-Z]{2,3}$/.test(alt)) byCode.set(alt, c.cca2);
    else if (/^[\p{Script=Latin}\s'’.-]+$/u.test(alt)) addName(alt, c.cca2);
  }
  byCode.set(c.cca2, c.cca2);
  byCode.set(c.cca3, c.cca2);
}
// Common English short forms the package does not list (data/countries-extra.json).
const shortForms = knowledgeFile('countries-extra').shortForms;
for (const [name, code] of Object.entries(shortForms.names)) byName.set(name, code);
for (const [name, code] of Object.entries(shortForms.codes)) byCode.set(name, code);

const bodies = new Map<string, string>();
for (const seat of knowledgeFile('seats-of-power').seats)
  for (const name of seat.names) bodies.set(normaliseName(name), seat.of);
const bodyHeads = [...bodiesData.bodyHeads].sort((a, b) => b.length - a.length);

export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/^the\s+/, '')
    .replace(/'s$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The country a name or demonym denotes: 'Russian' -> 'RU', 'U.S.' -> 'US', 'the Netherlands' -> 'NL'. */
export function countryOf(name: string): string | undefined {
  const compact = name.replace(/\./g, '').trim();
  const code = byCode.get(compact);
  if (code) return code;
  return byName.get(normaliseName(name));
}

/**
 * The country a government body belongs to, from its name alone: a listed seat of power ("Pentagon") or a country
 * prefix followed by a body head ("Indian National Security Council", "US State Department", "German Foreign Ministry").
 */
export function bodyCountry(name: string): string | undefined {
  const norm = normaliseName(name);
  const listed = bodies.get(norm);
  if (listed) return listed;
  const words = name.replace(/^the\s+/i, '').split(/\s+/);
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const prefix = words.slice(0, n).join(' ');
    const code = countryOf(prefix);
    if (!code) continue;
    const rest = normaliseName(words.slice(n).join(' '));
    if (bodies.has(rest)) return code;
    if (bodyHeads.some((h) => rest === h || rest.endsWith(` ${h}`) || rest.startsWith(`${h} `))) return code;
  }
  return undefined;
}

/** State entities of one article by country code (label first, then aliases). */
export function statesByCountry(doc: DocAnalysis): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of doc.entities.values()) {
    if (e.kind !== 'state') continue;
    for (const name of [e.label, ...e.aliases]) {
      const code = countryOf(name);
      if (code && !out.has(code)) out.set(code, e.id);
      if (code) break;
    }
  }
  return out;
}
