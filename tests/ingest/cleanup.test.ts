import { describe, expect, it } from 'vitest';
import { cleanup } from '../../src/ingest/cleanup.js';
import { sliceOf, toOffsetMap } from '../../src/ingest/mapped.js';
import { toOriginalSpan } from '../../src/ingest/offsets.js';

const clean = (s: string, lineBreaks: 'keep' | 'join' = 'keep') => cleanup(sliceOf(s), { lineBreaks }).text;

describe('glued sentences', () => {
  it.each([
    ['the port reopened.Ships began to move', 'the port reopened. Ships began to move'],
    ['costs rose by 4% in 2023.Analysts expect more', 'costs rose by 4% in 2023. Analysts expect more'],
    ['"We are ready," she said.The talks resume', '"We are ready," she said. The talks resume'],
    ['with the changing situation.\u201d\u201cI believe it', 'with the changing situation." "I believe it'],
    ['destabilise the region.\u201cSpecifically, the', 'destabilise the region. "Specifically, the'],
    ['Is this the end?Nobody knows', 'Is this the end? Nobody knows'],
    ['a deal between Canada and NATO.European allies agreed', 'a deal between Canada and NATO. European allies agreed'],
    ['(as planned).The minister left', '(as planned). The minister left'],
  ])('splits %j', (input, expected) => {
    expect(clean(input)).toBe(expected);
  });

  it.each([
    'The U.S. Treasury and the U.K. agreed',
    'the U.S.Army said',
    'growth of 3.5 percent',
    'see www.Example.org for details',
    'visit https://news.example/World.Europe today',
    'write to press.Office@example.org now',
    'traders at BBC.co.uk said',
    'J.K.Rowling wrote',
    'he arrived at 9 a.m.Talks began', // an abbreviation with inner dots: too ambiguous to split
    'e.g. Paris and i.e. France',
    'version 2.0.1 was released',
  ])('leaves %j alone', (input) => {
    expect(clean(input)).toBe(input);
  });
});

describe('normalisation', () => {
  it.each([
    ['curly double quotes', '\u201cNo comment,\u201d he said', '"No comment," he said'],
    ['curly apostrophes', 'the country\u2019s \u2018red lines\u2019', "the country's 'red lines'"],
    ['low-9 quotes and guillemets', '\u201eJa\u201c and \u00abnon\u00bb', '"Ja" and "non"'],
    ['non-breaking and thin spaces', 'EUR\u00a0180\u202fmillion', 'EUR 180 million'],
    ['soft hyphens', 'inter\u00adnational', 'international'],
    ['zero-width characters', 'Bei\u200bjing\u200d and \ufeffMoscow', 'Beijing and Moscow'],
    ['runs of spaces and tabs', 'the  minister \t said', 'the minister said'],
    ['leading and trailing whitespace', '  \n Hello there. \n\n ', 'Hello there.'],
    ['CRLF line breaks', 'One.\r\nTwo.\r\n\r\n\r\nThree.', 'One.\nTwo.\n\nThree.'],
    ['blank lines with spaces', 'One.\n   \n\t\nTwo.', 'One.\n\nTwo.'],
  ])('%s', (_name, input, expected) => {
    expect(clean(input)).toBe(expected);
  });

  it('joins line breaks into spaces when asked', () => {
    expect(clean('a soft\nwrapped\n\nline', 'join')).toBe('a soft wrapped line');
  });

  it('replaces 1:1 so a normalised word still maps to its original characters', () => {
    const original = 'She said \u201cthe People\u2019s Republic\u201d.Then left.';
    const cleaned = cleanup(sliceOf(original));
    const map = toOffsetMap(cleaned);
    const at = cleaned.text.indexOf("People's");
    const span = toOriginalSpan(map, { start: at, end: at + "People's".length });
    expect(original.slice(span.start, span.end)).toBe('People\u2019s');
    const then = cleaned.text.indexOf('Then');
    const s2 = toOriginalSpan(map, { start: then - 3, end: then + 4 });
    expect(original.slice(s2.start, s2.end)).toBe('\u201d.Then'); // the inserted space adds nothing
  });

  it('is linear: a long unpunctuated run and a long run of dots are cleaned', () => {
    const long = 'word '.repeat(100_000);
    expect(clean(long).length).toBe(long.length - 1);
    const dots = `${'a.'.repeat(50_000)}B`;
    expect(clean(dots)).toBe(dots);
  });
});
