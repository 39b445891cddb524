/**
 * Finding entities by name: every label and alias, folded so case, diacritics and punctuation do not matter
 * ("jose manuel albares" finds "José Manuel Albares"). Built once per loaded graph: a lookup is one map access.
 * When nothing matches, the nearest names are found through a trigram index (built on the first miss) and
 * ranked by edit distance, so suggestions stay fast on large graphs.
 */
import type { NewsGraph } from '../graph/types.js';
import { editDistance, foldName } from '../util/names.js';

export { editDistance, foldName };

export interface NameMatch {
  id: string;
  /** True when the name is the entity's label, false when it is one of its aliases. */
  byLabel: boolean;
}

function trigrams(folded: string): Set<string> {
  const padded = `  ${folded} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

export class NameIndex {
  /** Folded name -> matching entities (label matches first). */
  private readonly byName = new Map<string, NameMatch[]>();
  /** Folded name -> the name as written, for suggestions. */
  private readonly display = new Map<string, string>();
  private trigramIndex: Map<string, string[]> | null = null;
  /** Folded proper word-suffix of a person's label ('blair', 'von der leyen') -> those people: surnames. */
  private readonly bySuffix = new Map<string, string[]>();

  constructor(private readonly graph: NewsGraph) {
    graph.forEachNode((id, attributes) => {
      this.add(attributes.label, id, true);
      for (const alias of attributes.aliases ?? []) this.add(alias, id, false);
      if (attributes.kind === 'person') {
        const words = foldName(attributes.label).split(' ');
        for (let i = 1; i < words.length; i++) {
          const suffix = words.slice(i).join(' ');
          const list = this.bySuffix.get(suffix);
          if (!list) this.bySuffix.set(suffix, [id]);
          else if (!list.includes(id)) list.push(id);
        }
      }
    });
  }

  /**
   * Every way a name can match: entities whose label it is, entities that have it as an alias, and people whose
   * label ends with it (a surname: "Blair" -> "Tony Blair"). A node key matches its node as a label.
   */
  matches(name: string): { label: string[]; alias: string[]; surname: string[] } {
    if (this.graph.hasNode(name)) return { label: [name], alias: [], surname: [] };
    const folded = foldName(name);
    const found = this.byName.get(folded) ?? [];
    return {
      label: found.filter((m) => m.byLabel).map((m) => m.id),
      alias: found.filter((m) => !m.byLabel).map((m) => m.id),
      surname: [...(this.bySuffix.get(folded) ?? [])],
    };
  }

  private add(name: string, id: string, byLabel: boolean): void {
    const folded = foldName(name);
    if (!folded) return;
    const matches = this.byName.get(folded);
    if (!matches) {
      this.byName.set(folded, [{ id, byLabel }]);
      this.display.set(folded, name);
      return;
    }
    const existing = matches.find((m) => m.id === id);
    if (existing) existing.byLabel ||= byLabel;
    else matches.push({ id, byLabel });
    // A label is the better spelling to suggest than an alias or a key.
    if (byLabel && this.graph.hasNode(id) && this.graph.getNodeAttribute(id, 'label') === name)
      this.display.set(folded, name);
  }

  /**
   * Entities a name stands for. A node key, or a name that is some entity's label, means that entity; only when no
   * label matches do aliases count, so "Paris" finds the city before the state it is an alias of.
   */
  lookup(name: string): string[] {
    // A node key ('state:germany') names its node exactly.
    if (this.graph.hasNode(name)) return [name];
    const matches = this.byName.get(foldName(name)) ?? [];
    const labelled = matches.filter((m) => m.byLabel);
    return (labelled.length ? labelled : matches).map((m) => m.id);
  }

  /** The nearest known names (as written), best first. */
  suggest(name: string, limit = 5): string[] {
    const folded = foldName(name);
    if (!folded) return [];
    const index = this.trigrams();
    const shared = new Map<string, number>();
    for (const gram of trigrams(folded)) {
      for (const candidate of index.get(gram) ?? []) shared.set(candidate, (shared.get(candidate) ?? 0) + 1);
    }
    // Rank the candidates that share the most trigrams by edit distance; also try word-level containment so
    // "Scholz" suggests "Olaf Scholz" even when the alias is missing.
    const pool = [...shared]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 200)
      .map(([candidate]) => candidate);
    const scored = pool.map((candidate) => {
      const distance = editDistance(folded, candidate);
      const contains = candidate.split(' ').includes(folded) || folded.split(' ').includes(candidate);
      const score = distance / Math.max(folded.length, candidate.length) - (contains ? 0.5 : 0);
      return { candidate, score };
    });
    scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
    const out: string[] = [];
    const seen = new Set<string>();
    for (const { candidate, score } of scored) {
      if (score > 0.6) break;
      const shown = this.display.get(candidate) ?? candidate;
      // Suggest each entity once, by its label.
      const ids = this.byName.get(candidate) ?? [];
      const label =
        ids.length === 1 && this.graph.hasNode(ids[0]!.id) ? this.graph.getNodeAttribute(ids[0]!.id, 'label') : shown;
      if (seen.has(label)) continue;
      seen.add(label);
      out.push(label);
      if (out.length >= limit) break;
    }
    return out;
  }

  private trigrams(): Map<string, string[]> {
    if (this.trigramIndex) return this.trigramIndex;
    const index = new Map<string, string[]>();
    for (const folded of this.byName.keys()) {
      for (const gram of trigrams(folded)) {
        const list = index.get(gram);
        if (list) list.push(folded);
        else index.set(gram, [folded]);
      }
    }
    this.trigramIndex = index;
    return index;
  }
}
