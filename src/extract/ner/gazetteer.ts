/**
 * Phrase gazetteers matched over tokens (case-insensitive). Lists are built at training time from maintained data
 * packages (see scripts/ner-resources.ts) and stored inside the model file, so runtime needs no package parsing.
 */
import { sharedNodeValues, TokenTrie, TrieBuilder, type TrieParts } from '../trie.js';

export interface GazetteerList {
  /** Short type name, e.g. 'country', 'city'. */
  name: string;
  /** Where the phrases come from (package and selection). */
  source: string;
  /** Phrases as space-separated tokens, in the tokenizer's token convention. */
  phrases: string[];
}

/** A built gazetteer's data: what build workers receive instead of building it again (src/extract/trie.ts). */
export interface GazetteerParts {
  names: string[];
  maxLen: number;
  trie: TrieParts;
  /** Per trie node: bitmask of list indices that end a phrase there. */
  ends: Int32Array;
}

export class Gazetteer {
  readonly names: readonly string[];
  private readonly trie: TokenTrie;
  private readonly ends: Int32Array;
  private readonly maxLen: number;

  /** Builds the gazetteer from its lists, or adopts the parts of one built elsewhere. */
  constructor(source: readonly GazetteerList[] | GazetteerParts) {
    if ('trie' in source) {
      this.names = source.names;
      this.trie = new TokenTrie(source.trie);
      this.ends = source.ends;
      this.maxLen = source.maxLen;
      return;
    }
    const lists = source;
    this.names = lists.map((l) => l.name);
    let maxLen = 1;
    const builder = new TrieBuilder();
    const ends = new Map<number, number>();
    lists.forEach((list, li) => {
      for (const phrase of list.phrases) {
        const toks = phrase
          .toLowerCase()
          .split(' ')
          .filter((t) => t.length > 0);
        if (toks.length === 0) continue;
        maxLen = Math.max(maxLen, toks.length);
        const node = builder.insert(toks);
        ends.set(node, (ends.get(node) ?? 0) | (1 << li));
      }
    });
    this.trie = builder.freeze();
    this.ends = sharedNodeValues(this.trie.size, 0);
    for (const [node, mask] of ends) this.ends[node] = mask;
    this.maxLen = Math.min(maxLen, 8);
  }

  parts(): GazetteerParts {
    return { names: [...this.names], maxLen: this.maxLen, trie: this.trie.parts, ends: this.ends };
  }

  /**
   * For each list, marks the longest matches (greedy, left to right) on the lowercased tokens.
   * Returns per token a code per list: 0 none, else 1 + BILOU position (B=1, I=2, L=3, U=4).
   * Result layout: out[token * lists + list].
   */
  match(lower: readonly string[]): Uint8Array {
    const nl = this.names.length;
    const out = new Uint8Array(lower.length * nl);
    // bestEnd[list] = end of longest match starting at i for that list
    const bestEnd = new Int32Array(nl);
    const coveredUntil = new Int32Array(nl);
    for (let i = 0; i < lower.length; i++) {
      bestEnd.fill(-1);
      let node = 0;
      for (let j = i; j < lower.length && j < i + this.maxLen; j++) {
        node = this.trie.next(node, lower[j] ?? '');
        if (node < 0) break;
        const ends = this.ends[node] ?? 0;
        if (ends !== 0) {
          for (let l = 0; l < nl; l++) if (ends & (1 << l)) bestEnd[l] = j + 1;
        }
      }
      for (let l = 0; l < nl; l++) {
        const e = bestEnd[l] ?? -1;
        if (e < 0 || i < (coveredUntil[l] ?? 0)) continue;
        coveredUntil[l] = e;
        if (e - i === 1) out[i * nl + l] = 4;
        else {
          out[i * nl + l] = 1;
          for (let k = i + 1; k < e - 1; k++) out[k * nl + l] = 2;
          out[(e - 1) * nl + l] = 3;
        }
      }
    }
    return out;
  }
}
