import { describe, expect, it } from 'vitest';
import { conllText, evalConll, parseConll } from '../../src/eval/conll.js';

const SAMPLE = [
  '-DOCSTART- -X- -X- O',
  '',
  'Russia NNP B-NP B-LOC',
  'and CC O O',
  'China NNP B-NP B-LOC',
  'met VBD B-VP O',
  '. . O O',
  '',
  'Russian JJ B-NP B-MISC',
  'officials NNS I-NP O',
  'visited VBD B-VP O',
  'NATO NNP B-NP B-ORG',
  'headquarters NN I-NP O',
  '. . O O',
  '',
  '-DOCSTART- -X- -X- O',
  '',
  'The DT B-NP O',
  'United NNP I-NP B-ORG',
  'Nations NNP I-NP I-ORG',
  'met VBD B-VP O',
  'in IN B-PP O',
  'Geneva NNP B-NP B-LOC',
  '. . O O',
].join('\n');

describe('parseConll', () => {
  it('reads documents, sentences and IOB spans', () => {
    const docs = parseConll(SAMPLE);
    expect(docs).toHaveLength(2);
    expect(docs[0]!.sentences).toHaveLength(2);
    expect(docs[0]!.spans).toEqual([
      { start: 0, end: 1, type: 'LOC' },
      { start: 2, end: 3, type: 'LOC' },
      { start: 5, end: 6, type: 'MISC' },
      { start: 8, end: 9, type: 'ORG' },
    ]);
    expect(docs[1]!.spans).toEqual([
      { start: 1, end: 3, type: 'ORG' },
      { start: 5, end: 6, type: 'LOC' },
    ]);
  });

  it('reads IOB1 (spans opened by I-) too', () => {
    const docs = parseConll('EU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\ncall NN I-NP O\n');
    expect(docs[0]!.spans).toEqual([
      { start: 0, end: 1, type: 'ORG' },
      { start: 2, end: 3, type: 'MISC' },
    ]);
  });

  it('rebuilds a document with single spaces and one sentence a line', () => {
    const docs = parseConll(SAMPLE);
    expect(conllText(docs[0]!).text).toBe('Russia and China met .\nRussian officials visited NATO headquarters .');
  });
});

describe('evalConll', () => {
  it('scores strict spans and leaves predictions on gold MISC spans uncounted', () => {
    const report = evalConll(parseConll(SAMPLE));
    // "Russian" is read as Russia (a state) on a gold MISC span: neither right nor wrong.
    expect(report.ignoredMisc).toBe(1);
    expect(report.byType.LOC.tp).toBe(3);
    expect(report.byType.ORG.tp).toBe(2);
    expect(report.micro.fp).toBe(0);
    expect(report.micro.fn).toBe(0);
    expect(report.misaligned).toBe(0);
  });
});
