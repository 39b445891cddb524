import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/extract/analyse.js';
import { splitSentences } from '../../src/extract/sentences.js';
import { tokenize } from '../../src/extract/tokenize.js';

/** Text made of the characters news text actually contains, weighted towards the tricky ones. */
const newsChar = fc.constantFrom(
  ...'aZ .,;:\'"’‘“”()-–—\n\t/&+?!…0123456789UuSs'.split(''),
  'é',
  '中',
  '😀',
  '\u00a0',
  '\u200b',
);
const newsText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.array(newsChar, { maxLength: 300 }).map((a) => a.join('')),
);
const wordy = fc
  .array(
    fc.constantFrom(
      'Russia',
      'U.S.',
      "China's",
      'the',
      'West',
      'President',
      'Moscow',
      'said',
      '.',
      ',',
      '(SCO)',
      'Security',
      'Council',
      'UN',
      'in',
      '“quoted”',
      'Mr.',
      'Jane',
      'Doe',
      '\n',
      'issues',
      'of',
    ),
    { maxLength: 80 },
  )
  .map((a) => a.join(' '));

describe('totality', () => {
  it('never throws, and every token and mention offset slices the text', () => {
    fc.assert(
      fc.property(fc.oneof(newsText, wordy), (text) => {
        for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
        for (const s of splitSentences(text)) {
          expect(s.start).toBeLessThanOrEqual(s.end);
          for (const t of s.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
        }
        const doc = analyse(text);
        for (const m of doc.mentions) {
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(doc.entities.has(m.entityId)).toBe(true);
          const sentence = doc.sentences[m.sentence]!;
          expect(sentence.tokens[m.tokenStart]!.start).toBe(m.start);
          expect(sentence.tokens[m.tokenEnd - 1]!.end).toBe(m.end);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('tokenizes a long pathological input in one pass', () => {
    const text = 'U.'.repeat(20000) + "'".repeat(20000) + '-'.repeat(20000) + 'a-'.repeat(20000);
    const tokens = tokenize(text);
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.map((t) => t.text).join('')).toBe(text.replace(/\s/g, ''));
  });
});
