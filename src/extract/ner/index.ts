/**
 * Named-entity tagger: a structured averaged perceptron over BILOU tags with gazetteer, word-cluster and
 * document-level features, decoded with Viterbi (see scripts/train-ner.ts for training).
 * Input: a document as sentences of tokens; output: spans per sentence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemError } from '../../errors.js';
import { PACKAGE_ROOT } from '../../version.js';
import { decodeModel } from './model.js';
import { type SharedTagger, Tagger } from './tagger.js';
import type { NerSpan } from './types.js';

export type { SharedTagger } from './tagger.js';
export type { NerLabel, NerSpan } from './types.js';

/** Where the committed model lives, relative to the package root. */
export const MODEL_PATH = join(PACKAGE_ROOT, 'models', 'ner.bin.gz');

let tagger: Tagger | null = null;

/** Loads (once) and returns the tagger. Throws FileSystemError if the model file is missing or corrupt. */
export function getTagger(): Tagger {
  if (!tagger) {
    let file: Buffer;
    try {
      file = readFileSync(MODEL_PATH);
    } catch (e) {
      throw new FileSystemError(MODEL_PATH, 'NER model missing (run `npm run train ../shared/data/conll2003`)', {
        cause: e,
      });
    }
    try {
      const model = decodeModel(file);
      tagger = new Tagger(model);
      // The passes' keys and weights (about 12 MB) were read into the weight table; only training needs them.
      for (const pass of model.passes) {
        pass.keys = new Uint32Array(0);
        pass.weights = new Float32Array(0);
      }
    } catch (e) {
      throw new FileSystemError(MODEL_PATH, `NER model unreadable: ${e instanceof Error ? e.message : String(e)}`, {
        cause: e,
      });
    }
  }
  return tagger;
}

/** The loaded tagger's data for worker threads (loads it first): see SharedTagger. */
export function shareTagger(): SharedTagger {
  return getTagger().share();
}

/** Makes this thread's tagger the one whose data another thread shared (a build worker, before its first article). */
export function adoptTagger(shared: SharedTagger): void {
  tagger = Tagger.fromShared(shared);
}

/** Tags a whole document at once so the model can use document-level context. */
export function tagDocument(sentences: string[][]): NerSpan[][] {
  if (!Array.isArray(sentences) || sentences.length === 0) return [];
  const clean = sentences.map((s) => (Array.isArray(s) ? s.map((t) => (typeof t === 'string' ? t : String(t))) : []));
  return getTagger().tag(clean);
}
