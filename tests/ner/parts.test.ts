import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/extract/ner/features.js';
import { Gazetteer } from '../../src/extract/ner/gazetteer.js';
import { decodeModel, encodeModel, viterbi, WeightTable } from '../../src/extract/ner/model.js';
import { ALLOWED, N_TAGS, spansToTags, TAG_NAMES, tagsToSpans } from '../../src/extract/ner/tags.js';

const tagIndex = (name: string): number => TAG_NAMES.indexOf(name);

describe('BILOU tags', () => {
  it.each([
    [
      5,
      [
        { start: 0, end: 2, label: 0 },
        { start: 3, end: 4, label: 2 },
      ],
      ['B-PER', 'L-PER', 'O', 'U-LOC', 'O'],
    ],
    [4, [{ start: 0, end: 4, label: 1 }], ['B-ORG', 'I-ORG', 'I-ORG', 'L-ORG']],
    [
      3,
      [
        { start: 0, end: 1, label: 3 },
        { start: 1, end: 3, label: 0 },
      ],
      ['U-MISC', 'B-PER', 'L-PER'],
    ],
  ])('encodes and decodes %i tokens', (n, spans, names) => {
    const tags = spansToTags(n, spans);
    expect([...tags].map((t) => TAG_NAMES[t])).toEqual(names);
    expect(tagsToSpans(tags)).toEqual(spans);
  });

  it('repairs ill-formed sequences into spans', () => {
    const seq = ['I-PER', 'L-PER', 'O', 'B-LOC', 'O'].map(tagIndex);
    expect(tagsToSpans(seq)).toEqual([
      { start: 0, end: 2, label: 0 },
      { start: 3, end: 4, label: 2 },
    ]);
  });

  it('forbids continuing a span of another type', () => {
    expect(ALLOWED[tagIndex('B-PER') * N_TAGS + tagIndex('L-ORG')]).toBe(0);
    expect(ALLOWED[tagIndex('B-PER') * N_TAGS + tagIndex('L-PER')]).toBe(1);
    expect(ALLOWED[tagIndex('O') * N_TAGS + tagIndex('I-LOC')]).toBe(0);
  });
});

describe('Viterbi', () => {
  it('picks the best well-formed path even when local scores prefer an ill-formed one', () => {
    const n = 2;
    const scores = new Float32Array(n * N_TAGS).fill(-1);
    scores[tagIndex('O')] = 0;
    scores[tagIndex('B-PER')] = 5; // token 0 wants B-PER
    scores[N_TAGS + tagIndex('U-LOC')] = 6; // token 1 wants U-LOC, which cannot follow B-PER
    scores[N_TAGS + tagIndex('L-PER')] = 0.5;
    const zeros = new Float32Array(N_TAGS * N_TAGS);
    const out = new Uint8Array(n);
    viterbi(
      scores,
      n,
      zeros,
      new Float32Array(N_TAGS),
      new Float32Array(N_TAGS),
      out,
      new Float32Array(n * N_TAGS),
      new Uint8Array(n * N_TAGS),
    );
    // O + U-LOC = 6 beats B-PER + L-PER = 5.5; B-PER + U-LOC would score 11 but is not well-formed.
    expect([...out].map((t) => TAG_NAMES[t])).toEqual(['O', 'U-LOC']);
    scores[N_TAGS + tagIndex('L-PER')] = 2; // now B-PER + L-PER = 7 wins
    viterbi(
      scores,
      n,
      zeros,
      new Float32Array(N_TAGS),
      new Float32Array(N_TAGS),
      out,
      new Float32Array(n * N_TAGS),
      new Uint8Array(n * N_TAGS),
    );
    expect([...out].map((t) => TAG_NAMES[t])).toEqual(['B-PER', 'L-PER']);
  });
});

describe('Gazetteer', () => {
  it('marks the longest match per list with BILOU codes, case-insensitively', () => {
    const g = new Gazetteer([
      { name: 'city', source: 'test', phrases: ['New York', 'York', 'Rio de Janeiro'] },
      { name: 'country', source: 'test', phrases: ['Brazil'] },
    ]);
    const codes = g.match(['in', 'new', 'york', 'and', 'rio', 'de', 'janeiro', ',', 'brazil']);
    const city = (i: number): number => codes[i * 2] ?? -1;
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map(city)).toEqual([0, 1, 3, 0, 1, 2, 3, 0, 0]);
    expect(codes[8 * 2 + 1]).toBe(4);
  });
});

describe('model file', () => {
  it('round-trips weights (int16-quantised), transitions, clusters and header', () => {
    const keys = Uint32Array.from([11, 22, 33]);
    const weights = new Float32Array(3 * N_TAGS).map((_, i) => (i % 5) - 2.5);
    const trans = new Float32Array(N_TAGS * N_TAGS).map((_, i) => i / 100);
    const pass = {
      keys,
      weights,
      trans,
      start: new Float32Array(N_TAGS).fill(1),
      end: new Float32Array(N_TAGS).fill(-1),
    };
    const buf = encodeModel(
      {
        format: 'newsgraph-ner/1',
        created: 't',
        trainedOn: 't',
        config: DEFAULT_CONFIG,
        gazetteers: [],
        clusterSource: 'x',
        clusterWords: ['a', 'b', 'c'],
        notes: [],
      },
      Uint16Array.from([1, 2, 65535]),
      [pass],
    );
    const m = decodeModel(buf);
    expect(m.clusters.get('c')).toBe(65535);
    expect([...(m.passes[0]?.keys ?? [])]).toEqual([11, 22, 33]);
    const w = m.passes[0]?.weights ?? new Float32Array();
    for (let i = 0; i < weights.length; i++) expect(w[i]).toBeCloseTo(weights[i] ?? 0, 3);
    expect(m.passes[0]?.trans[20]).toBeCloseTo(0.2, 5);
    const table = new WeightTable(m.passes);
    expect(table.find(22)).toBe(1);
    expect(table.find(44)).toBe(-1);
  });
});
