/**
 * CoNLL-2003 evaluation: each document is rebuilt from its tokens (single spaces, one sentence a line), run through
 * the full extractor, and its mentions are compared with the gold spans: strict span P/R/F1 for PER (person), ORG
 * (organisation), LOC (state or place) and their micro average. A predicted span equal to a gold MISC span is not
 * counted either way (the schema has no MISC: "Russian" read as Russia is fine). Topics are not named entities and
 * are not scored.
 */

import { InputError } from '../errors.js';
import { extractArticle } from '../extract/index.js';
import type { EntityKind, Extraction } from '../extract/types.js';
import type { Article } from '../ingest/types.js';
import { readDataFile } from '../util/read-file.js';
import { type Prf, toPrf } from './match.js';
import { plainArticle } from './plain-article.js';

type ConllType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export const SCORED_TYPES = ['PER', 'ORG', 'LOC'] as const;
type ScoredType = (typeof SCORED_TYPES)[number];

export interface ConllDocument {
  sentences: string[][];
  /** Gold spans over document token indices [start, end). */
  spans: Array<{ start: number; end: number; type: ConllType }>;
}

/** Parses CoNLL-2003 text (token POS chunk NER per line, IOB1 or IOB2, -DOCSTART- between documents). */
export function parseConll(text: string, file = 'conll'): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = { sentences: [], spans: [] };
  let sentence: string[] = [];
  let offset = 0; // tokens in the document before this sentence
  let open: { start: number; type: ConllType } | null = null;
  const closeSpan = (end: number) => {
    if (open) doc.spans.push({ start: open.start, end, type: open.type });
    open = null;
  };
  const closeSentence = () => {
    closeSpan(offset + sentence.length);
    if (sentence.length) {
      doc.sentences.push(sentence);
      offset += sentence.length;
    }
    sentence = [];
  };
  const closeDoc = () => {
    closeSentence();
    if (doc.sentences.length) docs.push(doc);
    doc = { sentences: [], spans: [] };
    offset = 0;
  };
  const lines = text.split(/\r?\n/);
  lines.forEach((line, n) => {
    if (line.startsWith('-DOCSTART-')) {
      closeDoc();
      return;
    }
    if (line.trim() === '') {
      closeSentence();
      return;
    }
    const cols = line.split(/\s+/);
    const token = cols[0];
    const tag = cols[cols.length - 1];
    if (!token || !tag || cols.length < 2) throw new InputError(file, `line ${n + 1}: expected "token ... tag"`);
    const index = offset + sentence.length;
    sentence.push(token);
    const m = /^([BI])-(PER|ORG|LOC|MISC)$/.exec(tag);
    if (!m) {
      if (tag !== 'O') throw new InputError(file, `line ${n + 1}: unknown tag "${tag}"`);
      closeSpan(index);
      return;
    }
    const type = m[2] as ConllType;
    if (m[1] === 'B' || !open || (open as { type: ConllType }).type !== type) {
      closeSpan(index);
      open = { start: index, type };
    }
  });
  closeDoc();
  return docs;
}

/** The text a document is rebuilt as, with each token's offsets. */
export function conllText(doc: ConllDocument): { text: string; starts: number[]; ends: number[] } {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  doc.sentences.forEach((s, si) => {
    if (si > 0) text += '\n';
    s.forEach((t, ti) => {
      if (ti > 0) text += ' ';
      starts.push(text.length);
      text += t;
      ends.push(text.length);
    });
  });
  return { text, starts, ends };
}

const TYPE_OF_KIND: Partial<Record<EntityKind, ScoredType>> = {
  person: 'PER',
  organisation: 'ORG',
  state: 'LOC',
  place: 'LOC',
};

export interface ConllReport {
  documents: number;
  tokens: number;
  byType: Record<ScoredType, Prf>;
  micro: Prf;
  /** Mentions whose offsets fall inside a token (tokenization disagreeing with CoNLL's). */
  misaligned: number;
  ignoredMisc: number;
  errors: Array<{ doc: number; text: string; gold: string | null; predicted: string | null }>;
}

/** Scores the extractor on CoNLL documents. `limit` caps the documents read (0 = all). */
export interface ConllOptions {
  limit?: number;
  maxErrors?: number;
  /** The extractor (default: the full extractor); evaluation experiments pass variants. */
  extract?: (article: Article, doc: ConllDocument) => Pick<Extraction, 'entities'>;
}

export function evalConll(docs: readonly ConllDocument[], options: ConllOptions = {}): ConllReport {
  const extract = options.extract ?? ((article: Article) => extractArticle(article));
  const counts: Record<ScoredType, { tp: number; fp: number; fn: number }> = {
    PER: { tp: 0, fp: 0, fn: 0 },
    ORG: { tp: 0, fp: 0, fn: 0 },
    LOC: { tp: 0, fp: 0, fn: 0 },
  };
  const errors: ConllReport['errors'] = [];
  const maxErrors = options.maxErrors ?? 50;
  let misaligned = 0;
  let ignoredMisc = 0;
  let tokens = 0;
  const list = options.limit ? docs.slice(0, options.limit) : docs;
  list.forEach((doc, di) => {
    const { text, starts, ends } = conllText(doc);
    tokens += starts.length;
    const tokenAtStart = new Map<number, number>();
    const tokenAtEnd = new Map<number, number>();
    starts.forEach((s, i) => {
      tokenAtStart.set(s, i);
    });
    ends.forEach((e, i) => {
      tokenAtEnd.set(e, i + 1);
    });
    const article = plainArticle(`conll#${di}`, text, 'conll');
    const extraction = extract(article, doc);
    const predicted = new Map<string, ScoredType>();
    for (const entity of extraction.entities) {
      const type = TYPE_OF_KIND[entity.kind];
      if (!type) continue;
      for (const m of entity.mentions) {
        const s = tokenAtStart.get(m.start);
        const e = tokenAtEnd.get(m.end);
        if (s === undefined || e === undefined) {
          misaligned++;
          continue;
        }
        const key = `${s}:${e}`;
        if (!predicted.has(key)) predicted.set(key, type);
      }
    }
    const gold = new Map<string, ConllType>(doc.spans.map((s) => [`${s.start}:${s.end}`, s.type]));
    const show = (key: string) => {
      const [s, e] = key.split(':').map(Number) as [number, number];
      return text.slice(starts[s], ends[e - 1]);
    };
    for (const [key, type] of predicted) {
      const g = gold.get(key);
      if (g === 'MISC') {
        ignoredMisc++;
        continue;
      }
      if (g === type) counts[type].tp++;
      else {
        counts[type].fp++;
        if (errors.length < maxErrors) errors.push({ doc: di, text: show(key), gold: g ?? null, predicted: type });
      }
    }
    for (const [key, type] of gold) {
      if (type === 'MISC') continue;
      if (predicted.get(key) !== type) {
        counts[type as ScoredType].fn++;
        if (errors.length < maxErrors && !predicted.has(key))
          errors.push({ doc: di, text: show(key), gold: type, predicted: null });
      }
    }
  });
  const byType = {
    PER: toPrf(counts.PER.tp, counts.PER.fp, counts.PER.fn),
    ORG: toPrf(counts.ORG.tp, counts.ORG.fp, counts.ORG.fn),
    LOC: toPrf(counts.LOC.tp, counts.LOC.fp, counts.LOC.fn),
  };
  const sum = (k: 'tp' | 'fp' | 'fn') => counts.PER[k] + counts.ORG[k] + counts.LOC[k];
  return {
    documents: list.length,
    tokens,
    byType,
    micro: toPrf(sum('tp'), sum('fp'), sum('fn')),
    misaligned,
    ignoredMisc,
    errors,
  };
}

export async function readConll(file: string): Promise<ConllDocument[]> {
  const text = await readDataFile(file, (reason, cause) => new InputError(file, reason, { cause }));
  const docs = parseConll(text, file);
  if (docs.length === 0) throw new InputError(file, 'no CoNLL sentences found');
  return docs;
}
