/**
 * Named-entity tagger: a structured averaged perceptron over BILOU tags with gazetteer, word-cluster and
 * document-level features, decoded with Viterbi (see scripts/train-ner.ts for training).
 * Input: a document as sentences of tokens; output: spans per sentence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../version.js';
import { decodeModel } from './model.js';
import { Tagger } from './tagger.js';
import type { NerSpan } from './types.js';

export type { NerLabel, NerSpan } from './types.js';

/** Where the committed model lives, relative to the package root. */
export const MODEL_PATH = join(PACKAGE_ROOT, 'models', 'ner.bin.gz');

let tagger: Tagger | null = null;

/** Loads (once) and returns the tagger. Throws if the model file is missing or corrupt. */
export function getTagger(): Tagger {
  if (!tagger) tagger = new Tagger(decodeModel(readFileSync(MODEL_PATH)));
  return tagger;
}

/** Tags a whole document at once so the model can use document-level context. */
export function tagDocument(sentences: string[][]): NerSpan[][] {
  if (!Array.isArray(sentences) || sentences.length === 0) return [];
  const clean = sentences.map((s) => (Array.isArray(s) ? s.map((t) => (typeof t === 'string' ? t : String(t))) : []));
  return getTagger().tag(clean);
}
