import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanup } from '../../src/ingest/cleanup.js';
import { MappedTextBuilder, sliceOf, toOffsetMap } from '../../src/ingest/mapped.js';
import { fromOriginal, identityMap, toOriginal, toOriginalSpan } from '../../src/ingest/offsets.js';

describe('offset maps', () => {
  it('maps through the identity map unchanged', () => {
    const map = identityMap(10);
    expect(toOriginalSpan(map, { start: 2, end: 7 })).toEqual({ start: 2, end: 7 });
    expect(toOriginal(map, 10, 'end')).toBe(10);
  });

  it('skips deleted original text and never widens over inserted text', () => {
    // original "Title\n\nBody one.Two" -> text "Body one. Two" (header dropped, a space inserted)
    const original = 'Title\n\nBody one.Two';
    const b = new MappedTextBuilder();
    b.raw('Body one.', 7).insert(' ').raw('Two', 16);
    const map = toOffsetMap(b.build());
    expect(map.runs).toEqual([0, 7, 9, 10, 16, 3]);
    const slice = (start: number, end: number) => {
      const s = toOriginalSpan(map, { start, end });
      return original.slice(s.start, s.end);
    };
    expect(slice(0, 4)).toBe('Body');
    expect(slice(10, 13)).toBe('Two');
    expect(slice(5, 13)).toBe('one.Two');
    expect(slice(9, 10)).toBe(''); // the inserted space alone maps to an empty span
    expect(fromOriginal(map, 16)).toBe(10);
    expect(fromOriginal(map, 0)).toBe(0);
  });

  it('maps a character decoded from an entity to the whole entity', () => {
    const original = '<p>AT&amp;T &#8220;ok&#8221;</p>';
    const b = new MappedTextBuilder();
    b.raw('AT', 3).decoded('&', 5, 10).raw('T ', 10).decoded('\u201c', 12, 19).raw('ok', 19).decoded('\u201d', 21, 28);
    const map = toOffsetMap(b.build());
    expect(map.wide).toEqual([2, 5, 5, 7, 8, 7]);
    const slice = (start: number, end: number) => {
      const s = toOriginalSpan(map, { start, end });
      return original.slice(s.start, s.end);
    };
    expect(slice(0, 4)).toBe('AT&amp;T');
    expect(slice(2, 3)).toBe('&amp;');
    expect(slice(5, 9)).toBe('&#8220;ok&#8221;');
  });

  const textWithOddities = fc.string({
    unit: fc.constantFrom(
      ...'ab Z.,?!"\'\n\t\u00a0\u00ad\u200b\u201c\u201d\u2019\u2026xyU1'.split(''),
      'S.',
      'The',
      'www.',
      '://',
    ),
    maxLength: 200,
  });

  it('keeps every span of cleaned text inside the original and never crossing (property)', () => {
    fc.assert(
      fc.property(textWithOddities, fc.nat(), fc.nat(), (original, a, b) => {
        const cleaned = cleanup(sliceOf(original));
        const map = toOffsetMap(cleaned);
        const n = cleaned.text.length;
        const start = n ? a % (n + 1) : 0;
        const end = n ? start + (b % (n - start + 1)) : 0;
        const span = toOriginalSpan(map, { start, end });
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeGreaterThanOrEqual(span.start);
        expect(span.end).toBeLessThanOrEqual(original.length);
      }),
      { numRuns: 400 },
    );
  });

  it('maps every letter-or-digit word back to the identical original word, or to it with the invisible characters cleanup removed (property)', () => {
    fc.assert(
      fc.property(textWithOddities, (original) => {
        const cleaned = cleanup(sliceOf(original));
        const map = toOffsetMap(cleaned);
        for (const m of cleaned.text.matchAll(/[A-Za-z0-9]+/g)) {
          const span = toOriginalSpan(map, { start: m.index, end: m.index + m[0].length });
          const slice = original.slice(span.start, span.end);
          if (!/[\u00ad\u200b]/.test(slice)) expect(slice).toBe(m[0]);
          else expect(slice.replace(/[\u00ad\u200b]/g, '')).toBe(m[0]);
        }
      }),
      { numRuns: 400 },
    );
  });
});
