/**
 * A trie over token sequences for the gazetteers, in flat arrays. It is built once with Maps (TrieBuilder), then
 * frozen: nodes are numbers, each node's children are a sorted run of (token id, child) pairs, and the tokens are
 * one string. The arrays live in SharedArrayBuffers, so a build's worker threads read the trie the main thread
 * built instead of each tokenizing every known name again; a worker only rebuilds the token -> id map.
 */

/** A frozen trie's data: what a worker thread receives (the arrays are shared, the string is copied). */
export interface TrieParts {
  /** The tokens, joined by NUL; token id = position in that list. */
  vocab: string;
  /** The root's child by token id, or -1: the root is looked up at every token, so it gets a direct table. */
  first: Int32Array;
  /** Node n's children are childTok/childNode[childStart[n] .. childStart[n + 1]), sorted by token id. */
  childStart: Int32Array;
  childTok: Int32Array;
  childNode: Int32Array;
}

const SEPARATOR = '\u0000';

function sharedInt32(values: ArrayLike<number>): Int32Array {
  const out = new Int32Array(new SharedArrayBuffer(Math.max(1, values.length) * 4));
  out.set(values as ArrayLike<number>);
  return out;
}

export class TrieBuilder {
  private readonly children: Map<string, number>[] = [new Map()];

  /** Node count so far; node 0 is the root. */
  get size(): number {
    return this.children.length;
  }

  /** The node reached by `tokens` from the root, created as needed. */
  insert(tokens: readonly string[]): number {
    let node = 0;
    for (const token of tokens) {
      const map = this.children[node] as Map<string, number>;
      let next = map.get(token);
      if (next === undefined) {
        next = this.children.length;
        this.children.push(new Map());
        map.set(token, next);
      }
      node = next;
    }
    return node;
  }

  /** The flat trie; node numbers stay as insert() returned them. */
  freeze(): TokenTrie {
    const ids = new Map<string, number>();
    const vocab: string[] = [];
    const idOf = (token: string): number => {
      let id = ids.get(token);
      if (id === undefined) {
        id = vocab.length;
        ids.set(token, id);
        vocab.push(token);
      }
      return id;
    };
    const start: number[] = [0];
    const tok: number[] = [];
    const child: number[] = [];
    for (const map of this.children) {
      const run = [...map].map(([token, node]) => [idOf(token), node] as const).sort((a, b) => a[0] - b[0]);
      for (const [t, n] of run) {
        tok.push(t);
        child.push(n);
      }
      start.push(tok.length);
    }
    const first = new Int32Array(vocab.length).fill(-1);
    for (const [token, node] of this.children[0] as Map<string, number>) first[ids.get(token) as number] = node;
    return new TokenTrie(
      {
        vocab: vocab.join(SEPARATOR),
        first: sharedInt32(first),
        childStart: sharedInt32(start),
        childTok: sharedInt32(tok),
        childNode: sharedInt32(child),
      },
      ids,
    );
  }
}

export class TokenTrie {
  readonly parts: TrieParts;
  private readonly ids: Map<string, number>;

  /** Adopts frozen parts (`ids` when the caller already has the token map). */
  constructor(parts: TrieParts, ids?: Map<string, number>) {
    this.parts = parts;
    this.ids = ids ?? new Map(parts.vocab === '' ? [] : parts.vocab.split(SEPARATOR).map((t, i) => [t, i] as const));
  }

  /** Node count; node 0 is the root. */
  get size(): number {
    return this.parts.childStart.length - 1;
  }

  /** The child of `node` along `token`, or -1. */
  next(node: number, token: string): number {
    const id = this.ids.get(token);
    if (id === undefined) return -1;
    const p = this.parts;
    if (node === 0) return p.first[id] ?? -1;
    let lo = p.childStart[node] ?? 0;
    let hi = (p.childStart[node + 1] ?? lo) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const t = p.childTok[mid] ?? 0;
      if (t === id) return p.childNode[mid] ?? -1;
      if (t < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/** An Int32Array of `length` in a SharedArrayBuffer, filled with `fill`: per-node values beside a trie. */
export function sharedNodeValues(length: number, fill: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Math.max(1, length) * 4)).fill(fill);
}
