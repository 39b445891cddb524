/** Quality guard: the NER tagger on CoNLL-2003 dev (strict spans, micro F1). */
import { describe, expect, it } from 'vitest';
import { emptyScore, prf, readConll, scoreSentence } from '../../scripts/ner-conll.js';
import { tagDocument } from '../../src/extract/ner/index.js';
import { LABELS } from '../../src/extract/ner/tags.js';
import { dataFiles } from './data.js';

const files = dataFiles('the CoNLL-2003 dev NER guard', 'conll2003/dev.txt');

describe.runIf(files)('CoNLL-2003 dev smoke', () => {
  it('scores well above the greedy baseline on the first 40 dev documents', () => {
    const docs = readConll(files![0]!).slice(0, 40);
    const score = emptyScore();
    for (const doc of docs) {
      const out = tagDocument(doc.sentences);
      doc.sentences.forEach((_, j) => {
        const pred = (out[j] ?? []).map((s) => ({ start: s.start, end: s.end, label: LABELS.indexOf(s.label) }));
        scoreSentence(score, doc.spans[j] ?? [], pred);
      });
    }
    expect(prf(score.micro).f).toBeGreaterThan(0.9);
  });
});
