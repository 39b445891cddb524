/**
 * CoNLL-2003 reading and strict-span scoring for the tagger's training and evaluation scripts.
 * Scoring follows issue 3: PER/ORG/LOC strict spans; a predicted span equal to a gold MISC span is not counted.
 */
import { readFileSync } from 'node:fs';
import type { LabelledSpan } from '../src/extract/ner/tags.js';
import { LABELS, spansToTags } from '../src/extract/ner/tags.js';

export interface ConllDoc {
  sentences: string[][];
  /** Gold spans per sentence (label index into LABELS). */
  spans: LabelledSpan[][];
}

/** Reads a CoNLL-2003 file (token POS chunk NER per line; IOB1 or IOB2 tags). */
export function readConll(path: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let doc: ConllDoc = { sentences: [], spans: [] };
  let toks: string[] = [];
  let tags: string[] = [];
  const flushSentence = (): void => {
    if (toks.length === 0) return;
    doc.sentences.push(toks);
    doc.spans.push(iobToSpans(tags));
    toks = [];
    tags = [];
  };
  const flushDoc = (): void => {
    flushSentence();
    if (doc.sentences.length > 0) docs.push(doc);
    doc = { sentences: [], spans: [] };
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const l = line.trim();
    if (l.startsWith('-DOCSTART-')) {
      flushDoc();
      continue;
    }
    if (l === '') {
      flushSentence();
      continue;
    }
    const cols = l.split(/\s+/);
    toks.push(cols[0] ?? '');
    tags.push(cols[cols.length - 1] ?? 'O');
  }
  flushDoc();
  return docs;
}

function iobToSpans(tags: string[]): LabelledSpan[] {
  const spans: LabelledSpan[] = [];
  let start = -1;
  let label = -1;
  for (let i = 0; i <= tags.length; i++) {
    const tag = tags[i] ?? 'O';
    const [prefix, type] = tag === 'O' ? ['O', ''] : [tag.slice(0, 1), tag.slice(2)];
    const l = LABELS.indexOf(type as (typeof LABELS)[number]);
    const continues = prefix === 'I' && l === label && start >= 0;
    if (start >= 0 && !continues) {
      spans.push({ start, end: i, label });
      start = -1;
      label = -1;
    }
    if (prefix !== 'O' && l >= 0 && !continues) {
      start = i;
      label = l;
    }
  }
  return spans;
}

export function goldTags(sentence: string[], spans: LabelledSpan[]): Uint8Array {
  return spansToTags(sentence.length, spans);
}

export interface TypeScore {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  perType: Record<'PER' | 'ORG' | 'LOC', TypeScore>;
  micro: TypeScore;
}

const SCORED = ['PER', 'ORG', 'LOC'] as const;
const MISC = LABELS.indexOf('MISC');

export function emptyScore(): Score {
  return {
    perType: { PER: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 } },
    micro: { tp: 0, fp: 0, fn: 0 },
  };
}

/** Adds one sentence's gold vs predicted spans to a running score. */
export function scoreSentence(score: Score, gold: readonly LabelledSpan[], pred: readonly LabelledSpan[]): void {
  const key = (s: LabelledSpan): string => `${s.start}:${s.end}`;
  const goldBy = new Map<string, number>();
  for (const g of gold) goldBy.set(key(g), g.label);
  const predBy = new Map<string, number>();
  for (const p of pred) predBy.set(key(p), p.label);
  for (const p of pred) {
    const name = LABELS[p.label];
    if (name !== 'PER' && name !== 'ORG' && name !== 'LOC') continue;
    const g = goldBy.get(key(p));
    if (g === MISC) continue;
    const s = score.perType[name];
    if (g === p.label) {
      s.tp++;
      score.micro.tp++;
    } else {
      s.fp++;
      score.micro.fp++;
    }
  }
  for (const g of gold) {
    const name = LABELS[g.label];
    if (name !== 'PER' && name !== 'ORG' && name !== 'LOC') continue;
    if (predBy.get(key(g)) !== g.label) {
      score.perType[name].fn++;
      score.micro.fn++;
    }
  }
}

export function prf(s: TypeScore): { p: number; r: number; f: number } {
  const p = s.tp + s.fp > 0 ? s.tp / (s.tp + s.fp) : 0;
  const r = s.tp + s.fn > 0 ? s.tp / (s.tp + s.fn) : 0;
  const f = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  return { p, r, f };
}

export function formatScore(score: Score): string {
  const rows = [...SCORED.map((t) => [t, score.perType[t]] as const), ['micro', score.micro] as const];
  return rows
    .map(([name, s]) => {
      const { p, r, f } = prf(s);
      return `${name.padEnd(6)} P ${(p * 100).toFixed(2)}  R ${(r * 100).toFixed(2)}  F1 ${(f * 100).toFixed(2)}  (tp ${s.tp} fp ${s.fp} fn ${s.fn})`;
    })
    .join('\n');
}
