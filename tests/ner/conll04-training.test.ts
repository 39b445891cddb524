/**
 * The tagger's extra training data (scripts/ner-conll04.ts): CoNLL04 sentences in the CoNLL-2003 conventions, and
 * the averaging of passes trained with different shuffles (scripts/ner-average.ts). Sentences written for this test.
 */
import { describe, expect, it } from 'vitest';
import { averagePass } from '../../scripts/ner-average.js';
import { conll04Doc } from '../../scripts/ner-conll04.js';
import { LABELS, N_TAGS } from '../../src/extract/ner/tags.js';

function spansOf(tokens: string[], entities: Array<{ type: string; start: number; end: number }>): string[] {
  const doc = conll04Doc({ tokens, entities });
  return doc.sentences.flatMap((s, i) =>
    (doc.spans[i] ?? []).map((sp) => `${s.slice(sp.start, sp.end).join(' ')}/${LABELS[sp.label]}`),
  );
}

describe('CoNLL04 sentences as tagger training data', () => {
  it.each([
    {
      name: 'a title or honorific before a person is left out (CoNLL-2003 tags the name)',
      tokens: 'Sen. Ada Lind and President Omar Vell met .'.split(' '),
      entities: [
        { type: 'Peop', start: 0, end: 3 },
        { type: 'Peop', start: 4, end: 7 },
      ],
      want: ['Ada Lind/PER', 'Omar Vell/PER'],
    },
    {
      name: 'a place span holding a comma is two places',
      tokens: 'She lives in Pinedale , Wyo. now .'.split(' '),
      entities: [{ type: 'Loc', start: 3, end: 6 }],
      want: ['Pinedale/LOC', 'Wyo./LOC'],
    },
    {
      name: 'Other is MISC for a name, nothing for a date or an amount',
      tokens: 'The Arctic Games open on Feb. 3 and cost $ 4 million .'.split(' '),
      entities: [
        { type: 'Other', start: 1, end: 3 },
        { type: 'Other', start: 5, end: 7 },
        { type: 'Other', start: 9, end: 12 },
      ],
      want: ['Arctic Games/MISC'],
    },
    {
      name: 'a full stop glued to the last name is left out of the span',
      tokens: 'He runs the Tejo Ferry Museum.'.split(' '),
      entities: [{ type: 'Org', start: 3, end: 6 }],
      want: ['Tejo Ferry Museum/ORG'],
    },
  ])('$name', ({ tokens, entities, want }) => {
    expect(spansOf(tokens, entities)).toEqual(want);
  });
});

describe('averaging passes', () => {
  it('averages the rows both passes hold and counts a missing row as zeros', () => {
    const row = (v: number) => Float32Array.from({ length: N_TAGS }, () => v);
    const pass = (keys: number[], values: number[]) => ({
      keys: Uint32Array.from(keys),
      weights: Float32Array.from(values.flatMap((v) => [...row(v)])),
      trans: new Float32Array(N_TAGS * N_TAGS).fill(values[0] ?? 0),
      start: row(1),
      end: row(3),
    });
    const avg = averagePass([pass([5, 9], [2, 4]), pass([5], [6])]);
    expect([...avg.keys]).toEqual([5, 9]);
    expect(avg.weights[0]).toBe(4);
    expect(avg.weights[N_TAGS]).toBe(2);
    expect(avg.trans[0]).toBe(4);
    expect(avg.end[0]).toBe(3);
  });
});
