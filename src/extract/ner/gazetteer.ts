/**
 * Phrase gazetteers matched over tokens (case-insensitive). Lists are built at training time from maintained data
 * packages (see scripts/ner-resources.ts) and stored inside the model file, so runtime needs no package parsing.
 */

export interface GazetteerList {
  /** Short type name, e.g. 'country', 'city'. */
  name: string;
  /** Where the phrases come from (package and selection). */
  source: string;
  /** Phrases as space-separated tokens, in the tokenizer's token convention. */
  phrases: string[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Bitmask of list indices that end a phrase here. */
  ends: number;
}

export class Gazetteer {
  readonly names: readonly string[];
  private readonly root: TrieNode = { next: new Map(), ends: 0 };
  private readonly maxLen: number;

  constructor(lists: readonly GazetteerList[]) {
    this.names = lists.map((l) => l.name);
    let maxLen = 1;
    lists.forEach((list, li) => {
      for (const phrase of list.phrases) {
        const toks = phrase
          .toLowerCase()
          .split(' ')
          .filter((t) => t.length > 0);
        if (toks.length === 0) continue;
        maxLen = Math.max(maxLen, toks.length);
        let node = this.root;
        for (const t of toks) {
          let n = node.next.get(t);
          if (!n) {
            n = { next: new Map(), ends: 0 };
            node.next.set(t, n);
          }
          node = n;
        }
        node.ends |= 1 << li;
      }
    });
    this.maxLen = Math.min(maxLen, 8);
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
      let node: TrieNode | undefined = this.root;
      for (let j = i; j < lower.length && j < i + this.maxLen; j++) {
        node = node.next.get(lower[j] ?? '');
        if (!node) break;
        if (node.ends !== 0) {
          for (let l = 0; l < nl; l++) if (node.ends & (1 << l)) bestEnd[l] = j + 1;
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
