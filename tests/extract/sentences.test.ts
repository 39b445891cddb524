import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/extract/sentences.js';

const split = (s: string) => splitSentences(s).map((x) => s.slice(x.start, x.end));

describe('splitSentences', () => {
  it.each([
    ['Talks ended. The envoys left.', ['Talks ended.', 'The envoys left.']],
    ['Mr. Smith met Gen. Lee in Washington. They spoke.', ['Mr. Smith met Gen. Lee in Washington.', 'They spoke.']],
    ['Aid came from the U.S. The rest came from Japan.', ['Aid came from the U.S.', 'The rest came from Japan.']],
    ['The U.S. Senate voted on Tuesday.', ['The U.S. Senate voted on Tuesday.']],
    ['He met J. K. Rowling there. She smiled.', ['He met J. K. Rowling there.', 'She smiled.']],
    ['“We will stay,” she said. “Never.” Then she left.', ['“We will stay,” she said.', '“Never.”', 'Then she left.']],
    ['It rose.Then it fell.', ['It rose.', 'Then it fell.']],
    ['Headline Without Stop\nThe body starts here.', ['Headline Without Stop', 'The body starts here.']],
    ['a line that wraps\nin the middle.', ['a line that wraps\nin the middle.']],
    ['Is it over? Yes! Done.', ['Is it over?', 'Yes!', 'Done.']],
  ])('%s', (input, expected) => {
    expect(split(input)).toEqual(expected);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('  \n\n ')).toEqual([]);
  });
});
