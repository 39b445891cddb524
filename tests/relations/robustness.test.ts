import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractRelations } from '../../src/extract/relations/index.js';
import { annotatedDoc } from '../../src/extract/relations/testing.js';
import type { DocAnalysis } from '../../src/extract/types.js';

const WORDS = [
  'said',
  'the',
  'of',
  'President',
  'minister',
  'supports',
  'not',
  'members',
  'as',
  ',',
  '.',
  '"',
  "'s",
  'and',
  'met',
  'visit',
  'counterpart',
  'his',
  'our',
  'support',
  'for',
  'on',
  '(',
  ')',
  'seek',
  'to',
  'create',
  'cooperation',
  'in',
];
const ENTITIES = [
  '[Chile|state]',
  '[Peru|state]',
  '[Ana Lima|person]',
  '[Rui Costa|person]',
  '[Mercosur|organisation]',
  '[trade|topic]',
  '[Lima|place]',
];

const annotated = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...ENTITIES)), { maxLength: 60 })
  .map((parts) => parts.join(' '));

describe('relation extraction on arbitrary word salad', () => {
  it('never throws and only returns edges between known entities, in existing sentences', () => {
    fc.assert(
      fc.property(annotated, (text) => {
        const doc = annotatedDoc(text);
        for (const c of extractRelations(doc)) {
          expect(doc.entities.has(c.source) && doc.entities.has(c.target)).toBe(true);
          expect(c.source).not.toBe(c.target);
          expect(c.sentence).toBeGreaterThanOrEqual(0);
          expect(c.sentence).toBeLessThan(doc.sentences.length);
          expect(c.confidence).toBeGreaterThan(0);
          expect(c.confidence).toBeLessThan(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('survives mentions that overlap, straddle sentences or name unknown entities', () => {
    const doc: DocAnalysis = annotatedDoc(
      '[Chile|state] backs [Peru|state]. [Ana Lima|person] met [Rui Costa|person].',
    );
    const [a, b] = doc.mentions;
    doc.mentions.push({ ...a!, entityId: 'state:nowhere' }, { ...b!, start: a!.start + 1, end: doc.text.length });
    doc.mentions.sort((x, y) => x.start - y.start);
    expect(() => extractRelations(doc)).not.toThrow();
    expect(extractRelations(annotatedDoc(''))).toEqual([]);
  });
});
