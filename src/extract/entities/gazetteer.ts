/**
 * Gazetteer lookup over tokens: every known name (countries, demonyms, capitals, cities, organisations, seats of
 * power, blocs) is tokenized with the same tokenizer as the text and stored in a trie keyed by token text, so one
 * left-to-right pass finds the longest known name at each position in time linear in the text.
 */

import { tokenize } from '../tokenize.js';
import { sharedNodeValues, TokenTrie, TrieBuilder, type TrieParts } from '../trie.js';
import { knowledge } from './knowledge.js';

export type GazetteerEntry =
  | { type: 'country'; code: string }
  | { type: 'demonym'; code: string }
  | { type: 'capital'; code: string }
  | { type: 'city'; country: string; population: number }
  | { type: 'region' }
  | { type: 'organisation'; label: string }
  /** A political party; `adjective` when the name only names the party before a person or title ("Tory"). */
  | { type: 'party'; label: string; country: string; adjective: boolean }
  | { type: 'seat'; label: string; of: string }
  | { type: 'bloc'; label: string; kind: 'state' | 'organisation'; requiresThe: boolean };

/** Lower number wins when one name has several readings ("Washington": capital before city). */
const PRIORITY: Record<GazetteerEntry['type'], number> = {
  country: 0,
  organisation: 1,
  party: 1,
  seat: 2,
  bloc: 3,
  capital: 4,
  region: 5,
  demonym: 6,
  city: 7,
};

export interface GazetteerMatch {
  /** Token range [start, end) in the sentence. */
  start: number;
  end: number;
  entries: GazetteerEntry[];
}

/** Token text as the trie stores it: curly apostrophes made straight. */
function tokenKey(text: string): string {
  return text.indexOf('’') >= 0 ? text.replace(/’/g, "'") : text;
}

/** Collects names, then builds the Gazetteer. */
class GazetteerBuilder {
  private readonly trie = new TrieBuilder();
  private readonly entries = new Map<number, GazetteerEntry[]>();

  add(name: string, entry: GazetteerEntry): void {
    const tokens = tokenize(name).map((t) => tokenKey(t.text));
    if (tokens.length === 0) return;
    const node = this.trie.insert(tokens);
    const list = this.entries.get(node) ?? [];
    this.entries.set(node, list);
    const same = list.some((e) => JSON.stringify(e) === JSON.stringify(entry));
    if (!same) {
      list.push(entry);
      list.sort((a, b) => PRIORITY[a.type] - PRIORITY[b.type]);
    }
  }

  build(): Gazetteer {
    const trie = this.trie.freeze();
    const entryAt = sharedNodeValues(trie.size, -1);
    const lines: string[] = [];
    let offset = 0;
    for (const [node, list] of this.entries) {
      if (list.length === 0) continue;
      const line = JSON.stringify(list);
      entryAt[node] = offset;
      lines.push(line);
      offset += line.length + 1;
    }
    return new Gazetteer({ trie: trie.parts, entryAt, entries: lines.join('\n') });
  }
}

/**
 * A built gazetteer's data, what build workers receive instead of building it again: the token trie
 * (src/extract/trie.ts) and, per node, where its entries (a JSON array, one per line) start in `entries`, or -1.
 */
export interface GazetteerParts {
  trie: TrieParts;
  entryAt: Int32Array;
  entries: string;
}

export class Gazetteer {
  private readonly trie: TokenTrie;
  private readonly data: GazetteerParts;
  /** Entries by node, parsed on first use: a worker reads only the few hundred names its articles meet. */
  private readonly parsed = new Map<number, GazetteerEntry[]>();

  constructor(parts: GazetteerParts) {
    this.data = parts;
    this.trie = new TokenTrie(parts.trie);
  }

  parts(): GazetteerParts {
    return this.data;
  }

  private entriesAt(node: number): GazetteerEntry[] | null {
    const at = this.data.entryAt[node] ?? -1;
    if (at < 0) return null;
    let list = this.parsed.get(node);
    if (!list) {
      const end = this.data.entries.indexOf('\n', at);
      list = JSON.parse(this.data.entries.slice(at, end < 0 ? undefined : end)) as GazetteerEntry[];
      this.parsed.set(node, list);
    }
    return list;
  }

  /** The longest known name starting at token `start`, or null. */
  longestAt(tokens: readonly string[], start: number): GazetteerMatch | null {
    let node = 0;
    let best: GazetteerMatch | null = null;
    for (let i = start; i < tokens.length; i++) {
      node = this.trie.next(node, tokenKey(tokens[i] as string));
      if (node < 0) break;
      const entries = this.entriesAt(node);
      if (entries) best = { start, end: i + 1, entries };
    }
    return best;
  }

  /** Non-overlapping longest matches, left to right. */
  matchAll(tokens: readonly string[]): GazetteerMatch[] {
    const out: GazetteerMatch[] = [];
    let i = 0;
    while (i < tokens.length) {
      const m = this.longestAt(tokens, i);
      if (m) {
        out.push(m);
        i = m.end;
      } else i++;
    }
    return out;
  }
}

let cached: Gazetteer | null = null;

/** The gazetteer of all knowledge files, built once. */
export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const k = knowledge();
  const g = new GazetteerBuilder();
  // Sovereign states first: a shared demonym ("French", "American") reads as the state, not a territory.
  const countries = [...k.countries.values()].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'state' ? -1 : 1));
  for (const c of countries) {
    for (const n of c.names) g.add(stripThe(n), { type: 'country', code: c.code });
    for (const d of c.demonyms) g.add(d, { type: 'demonym', code: c.code });
    for (const cap of c.capitals) g.add(cap, { type: 'capital', code: c.code });
  }
  for (const city of k.cities) g.add(city.name, { type: 'city', country: city.country, population: city.population });
  for (const region of k.regions) g.add(region, { type: 'region' });
  for (const o of k.organisations)
    for (const n of o.names) g.add(stripThe(n), { type: 'organisation', label: o.label });
  for (const p of k.parties) {
    for (const n of p.names)
      g.add(stripThe(n), { type: 'party', label: p.label, country: p.country, adjective: false });
    for (const a of p.adjectives)
      if (!p.names.includes(a)) g.add(a, { type: 'party', label: p.label, country: p.country, adjective: true });
  }
  for (const s of k.seats) for (const n of s.names) g.add(n, { type: 'seat', label: s.label, of: s.of });
  for (const b of k.blocs) {
    const bare = new Set(b.names.filter((n) => !/^the /i.test(n)));
    for (const n of b.names) {
      const name = stripThe(n);
      g.add(name, { type: 'bloc', label: b.label, kind: b.kind, requiresThe: !bare.has(name) });
    }
  }
  cached = g.build();
  return cached;
}

/** The built gazetteer's data for worker threads (builds it first). */
export function shareGazetteer(): GazetteerParts {
  return gazetteer().parts();
}

/** Makes this thread's gazetteer the one whose data another thread shared (a build worker, before its first article). */
export function adoptGazetteer(parts: GazetteerParts): void {
  cached = new Gazetteer(parts);
}

function stripThe(name: string): string {
  return name.replace(/^the\s+/i, '');
}

let titleSet: Set<string> | null = null;

/** Lower-cased role titles ("foreign minister", "secretary of state"), as a set of token sequences joined by spaces. */
export function titles(): Set<string> {
  if (titleSet) return titleSet;
  titleSet = new Set(
    knowledge().titles.map((t) =>
      tokenize(t)
        .map((x) => x.text.toLowerCase())
        .join(' '),
    ),
  );
  return titleSet;
}

/** Longest title length (in tokens), bounding backward title scans. */
let maxTitle = 0;

export function maxTitleTokens(): number {
  if (maxTitle === 0) for (const t of titles()) maxTitle = Math.max(maxTitle, t.split(' ').length);
  return maxTitle;
}
