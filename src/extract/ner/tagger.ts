/**
 * Runs a loaded model over a document. Base features are extracted once; one table look-up per feature yields
 * the weights of both passes. Pass 1 is decoded with Viterbi per sentence; pass 2 (two-pass models) adds the
 * prediction-history features built from pass 1's labels and decodes again.
 */

import type { DocTokens, History, Resources } from './features.js';
import { extractFeatures, extractHistoryFeatures, prepareTokens } from './features.js';
import { Gazetteer, type GazetteerParts } from './gazetteer.js';
import type { ModelHeader, NerModel, WeightTableParts } from './model.js';
import { addEmissions, marginals, viterbi, WeightTable } from './model.js';
import { LABELS, N_TAGS, tagsToSpans } from './tags.js';
import type { NerSpan } from './types.js';

/**
 * A loaded tagger's read-only data, as posted to a build's worker threads: the weight table and the gazetteer trie
 * are SharedArrayBuffer views (shared, not copied); the header travels without the phrase and cluster word lists
 * the shared parts already hold.
 */
export interface SharedTagger {
  header: ModelHeader;
  clusters: Map<string, number>;
  passes: { trans: Float32Array; start: Float32Array; end: Float32Array }[];
  table: WeightTableParts;
  gazetteer: GazetteerParts | null;
}

export class Tagger {
  readonly model: NerModel;
  readonly resources: Resources;
  private readonly table: WeightTable;
  private caseMap: Map<string, string> | null = null;
  private delta = new Float32Array(256 * N_TAGS);
  private back = new Uint8Array(256 * N_TAGS);

  constructor(model: NerModel, built?: { table: WeightTable; gazetteer: Gazetteer | null }) {
    this.model = model;
    this.resources = {
      gazetteer: built
        ? built.gazetteer
        : model.header.gazetteers.length > 0
          ? new Gazetteer(model.header.gazetteers)
          : null,
      clusters: model.clusters.size > 0 ? model.clusters : null,
    };
    this.table = built?.table ?? new WeightTable(model.passes);
  }

  /** This tagger's data for worker threads (see SharedTagger). */
  share(): SharedTagger {
    const { header, clusters, passes } = this.model;
    return {
      header: { ...header, gazetteers: [], clusterWords: [] },
      clusters,
      passes: passes.map((p) => ({ trans: p.trans, start: p.start, end: p.end })),
      table: this.table.parts(),
      gazetteer: this.resources.gazetteer?.parts() ?? null,
    };
  }

  /**
   * A tagger on data shared by another thread. Its model's passes carry no keys or weights (those are only read
   * to build a table, and the table is given); the header has no phrase or cluster word lists (held elsewhere).
   */
  static fromShared(shared: SharedTagger): Tagger {
    const model: NerModel = {
      header: shared.header,
      clusters: shared.clusters,
      passes: shared.passes.map((p) => ({ ...p, keys: new Uint32Array(0), weights: new Float32Array(0) })),
    };
    return new Tagger(model, {
      table: new WeightTable(shared.table),
      gazetteer: shared.gazetteer ? new Gazetteer(shared.gazetteer) : null,
    });
  }

  private ensure(n: number): void {
    if (this.delta.length >= n * N_TAGS) return;
    let cap = this.delta.length / N_TAGS;
    while (cap < n) cap *= 2;
    this.delta = new Float32Array(cap * N_TAGS);
    this.back = new Uint8Array(cap * N_TAGS);
  }

  /**
   * BILOU tags per flat token. When `scoresOut` is given (length tokens * N_TAGS) it receives the final pass's
   * emission scores.
   */
  tagFlat(d: DocTokens, scoresOut: Float32Array | null = null): Uint8Array {
    const total = d.raw.length;
    const tags = new Uint8Array(total);
    const nPasses = this.model.passes.length;
    if (nPasses === 0 || total === 0) return tags;
    const width = nPasses * N_TAGS;
    const f = extractFeatures(d, this.resources, this.model.header.config);
    // Emissions of all passes for the whole document, [token][pass][tag].
    const em = new Float32Array(total * width);
    addEmissions(f.keys, f.offsets, 0, total, this.table, 0, nPasses, em);
    const p1 = this.model.passes[0];
    if (!p1) return tags;
    this.decode(d, em, width, 0, p1, tags);
    const p2 = this.model.passes[1];
    if (p2) {
      const h = extractHistoryFeatures(d, historyFromTags(d, tags));
      // Add pass-2 weights of the history features into the pass-2 slice of `em`.
      const tmp = new Float32Array(total * N_TAGS);
      addEmissions(h.keys, h.offsets, 0, total, this.table, 1, 2, tmp);
      for (let t = 0; t < total; t++) {
        const b = t * width + N_TAGS;
        for (let y = 0; y < N_TAGS; y++) em[b + y] = (em[b + y] ?? 0) + (tmp[t * N_TAGS + y] ?? 0);
      }
      this.decode(d, em, width, N_TAGS, p2, tags);
    }
    if (scoresOut) {
      const off = (nPasses - 1) * N_TAGS;
      for (let t = 0; t < total; t++) scoresOut.set(em.subarray(t * width + off, t * width + off + N_TAGS), t * N_TAGS);
    }
    return tags;
  }

  private decode(
    d: DocTokens,
    em: Float32Array,
    width: number,
    offset: number,
    pass: { trans: Float32Array; start: Float32Array; end: Float32Array },
    tags: Uint8Array,
  ): void {
    for (let si = 0; si + 1 < d.sentStart.length; si++) {
      const t0 = d.sentStart[si] ?? 0;
      const t1 = d.sentStart[si + 1] ?? t0;
      const n = t1 - t0;
      if (n === 0) continue;
      this.ensure(n);
      viterbi(
        em.subarray(t0 * width),
        n,
        pass.trans,
        pass.start,
        pass.end,
        tags.subarray(t0, t1),
        this.delta,
        this.back,
        width,
        offset,
      );
    }
  }

  /** Temperature that turns the final pass's scores into calibrated marginals (stored in the model). */
  get temperature(): number {
    return this.model.header.temperature ?? 1;
  }

  /**
   * Sentences written entirely in lower case lose the strongest cue for names; restore the usual casing of words
   * that are normally capitalised (learnt from unlabelled text) so the model sees text like what it was trained on.
   */
  private truecase(sentences: readonly (readonly string[])[]): readonly (readonly string[])[] {
    const forms = this.model.header.caseForms;
    if (!forms || forms.length === 0) return sentences;
    let out: (readonly string[])[] | null = null;
    sentences.forEach((s, i) => {
      let letters = 0;
      for (const t of s) {
        if (t !== t.toLowerCase()) return;
        if (/\p{L}/u.test(t)) letters++;
      }
      if (letters < 3) return;
      this.caseMap ??= new Map(forms.map((f) => [f.toLowerCase(), f]));
      const map = this.caseMap;
      out ??= sentences.slice();
      out[i] = s.map((t) => map.get(t) ?? t);
    });
    return out ?? sentences;
  }

  tag(input: readonly (readonly string[])[]): NerSpan[][] {
    const sentences = this.truecase(input);
    const d = prepareTokens(sentences);
    const scores = new Float32Array(d.raw.length * N_TAGS);
    const tags = this.tagFlat(d, scores);
    const last = this.model.passes[this.model.passes.length - 1];
    const result: NerSpan[][] = [];
    let marg = new Float32Array(0);
    for (let si = 0; si + 1 < d.sentStart.length; si++) {
      const t0 = d.sentStart[si] ?? 0;
      const t1 = d.sentStart[si + 1] ?? t0;
      const spans = tagsToSpans(tags.subarray(t0, t1));
      if (spans.length > 0 && last) {
        if (marg.length < (t1 - t0) * N_TAGS) marg = new Float32Array((t1 - t0) * N_TAGS);
        marginals(scores.subarray(t0 * N_TAGS), t1 - t0, last.trans, last.start, last.end, this.temperature, marg);
      }
      result.push(
        spans.map((s) => {
          // Confidence: the smallest marginal probability of the chosen tag over the span's tokens.
          let p = 1;
          for (let t = s.start; t < s.end; t++) p = Math.min(p, marg[t * N_TAGS + (tags[t0 + t] ?? 0)] ?? 0);
          return {
            start: s.start,
            end: s.end,
            label: LABELS[s.label] ?? 'MISC',
            score: Number.isFinite(p) ? Math.round(p * 1000) / 1000 : 0,
          };
        }),
      );
    }
    return result;
  }
}

/** Turns first-pass tags into the history record the second pass reads. */
export function historyFromTags(d: DocTokens, tags: Uint8Array): History {
  const n = d.raw.length;
  const label = new Int8Array(n).fill(-1);
  const spanStart = new Int32Array(n).fill(-1);
  const spanEnd = new Int32Array(n).fill(-1);
  for (let si = 0; si + 1 < d.sentStart.length; si++) {
    const t0 = d.sentStart[si] ?? 0;
    const t1 = d.sentStart[si + 1] ?? t0;
    for (const s of tagsToSpans(tags.subarray(t0, t1))) {
      for (let t = t0 + s.start; t < t0 + s.end; t++) {
        label[t] = s.label;
        spanStart[t] = t0 + s.start;
        spanEnd[t] = t0 + s.end;
      }
    }
  }
  return { label, spanStart, spanEnd };
}
