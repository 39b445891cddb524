import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/extract/tokenize.js';

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it.each([
    ['The U.S. and the U.K. agreed.', ['The', 'U.S.', 'and', 'the', 'U.K.', 'agreed', '.']],
    ["Russia's envoy met Germany’s minister.", ['Russia', "'s", 'envoy', 'met', 'Germany', '’s', 'minister', '.']],
    ['a rules-based order and Franco-German ties', ['a', 'rules-based', 'order', 'and', 'Franco-German', 'ties']],
    ['Mr. Smith of Acme Inc. arrived.', ['Mr.', 'Smith', 'of', 'Acme', 'Inc.', 'arrived', '.']],
    ['They don’t agree, he said.', ['They', 'do', 'n’t', 'agree', ',', 'he', 'said', '.']],
    [
      'It fell 3.5 percent to 1,200 on 21.02.2023.',
      ['It', 'fell', '3.5', 'percent', 'to', '1,200', 'on', '21.02.2023', '.'],
    ],
    ['the world.“Specifically', ['the', 'world', '.', '“', 'Specifically']],
    ['the order.The talks', ['the', 'order', '.', 'The', 'talks']],
    ['J. R. Smith (AP) wrote...', ['J.', 'R.', 'Smith', '(', 'AP', ')', 'wrote', '...']],
    ['a U.S.-led coalition', ['a', 'U.S.-led', 'coalition']],
    ['the so-called ‘new order,’ ”', ['the', 'so-called', '‘', 'new', 'order', ',', '’', '”']],
    ['scores +0.435 and .596', ['scores', '+0.435', 'and', '.596']],
    // A time prefix glued to a name is split off so the name can be found; "ex-" only before an abbreviation.
    ['the then-US envoy', ['the', 'then', '-', 'US', 'envoy']],
    ['Then-Chancellor Brandl', ['Then', '-', 'Chancellor', 'Brandl']],
    ['an ex-CIA officer and ex-U.S. envoy', ['an', 'ex', '-', 'CIA', 'officer', 'and', 'ex', '-', 'U.S.', 'envoy']],
    [
      'the ex-England bowler, an ex-president, then-current',
      ['the', 'ex-England', 'bowler', ',', 'an', 'ex-president', ',', 'then-current'],
    ],
  ])('%s', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('keeps CoNLL tokens whole when a sentence is rebuilt with single spaces', () => {
    const conll = [
      'Russia',
      "'s",
      'Yeltsin',
      'said',
      'on',
      'Monday',
      'the',
      'U.S.',
      '-',
      'based',
      'firm',
      '(',
      'Reuters',
      ')',
      "n't",
      'rose',
      '1/2',
      '.',
    ];
    expect(texts(conll.join(' '))).toEqual(conll);
  });

  it('gives offsets that slice the text', () => {
    const text = '  “Moscow’s view,” said Dr. Ivanova — twice.\nNew line';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});
