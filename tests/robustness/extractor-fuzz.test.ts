/**
 * A total, linear extractor (issue 8, part 4): fast-check properties over arbitrary strings, through the real
 * ingest (text, Markdown, HTML) and the extractor. Never throws (an InputError from ingest for a text with no
 * article in it is an answer, not a crash); every mention and evidence offset slices its own text from the
 * original; the same input gives the same output. Seeds are fixed so a failure replays; the counterexample
 * fast-check prints is the minimal repro.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { extractArticle } from '../../src/extract/index.js';
import { type Article, type ArticleFormat, ingestString } from '../../src/ingest/index.js';
import { longSentence } from './bad-inputs.js';
import { contractBreaches } from './contract.js';

/** Ingests and extracts `text` as `format`; returns the breaches found (InputError from ingest is fine). */
function run(text: string, format: ArticleFormat, twice = false): string[] {
  let articles: Article[];
  try {
    articles = ingestString(
      text,
      `fuzz.${format === 'markdown' ? 'md' : format === 'html' ? 'html' : 'txt'}`,
      'fuzz',
      format,
    );
  } catch (error) {
    if (error instanceof InputError) return [];
    throw error;
  }
  const problems: string[] = [];
  for (const article of articles) {
    const x = extractArticle(article);
    problems.push(...contractBreaches(article, x));
    if (twice && JSON.stringify(extractArticle(article)) !== JSON.stringify(x))
      problems.push('a second extraction of the same article differs');
  }
  return problems;
}

/** Pieces of news and of the things that break tokenisers, glued at random. */
const NEWSY = [
  'The',
  'the',
  'said',
  ' ',
  ' ',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  '.',
  '. ',
  ',',
  ';',
  ':',
  '!',
  '?',
  '...',
  '…',
  '"',
  '“',
  '”',
  "'",
  '‘',
  '’',
  "'s",
  '’s',
  '(',
  ')',
  '[',
  ']',
  '—',
  '–',
  '-',
  '/',
  'Mr.',
  'Dr.',
  'U.S.',
  'U.N.',
  'e.g.',
  'No.',
  'St.',
  'Jan.',
  'a.m.',
  'President',
  'Minister',
  'Foreign Minister',
  'spokesperson',
  'of',
  'for',
  'and',
  'in',
  'on',
  'told',
  'according to',
  'Germany',
  'German',
  'Berlin',
  'France',
  'Paris',
  'European Union',
  'EU',
  'NATO',
  'United Nations',
  'Security Council',
  'Anna',
  'Weber',
  'Kowalski',
  'Jean-Luc',
  "O'Neill",
  'McDonald',
  'van der Berg',
  'al-Sayed',
  'supports',
  'opposes',
  'met',
  'criticised',
  'backed',
  'member of',
  'visited',
  '2024',
  '12',
  '3.5%',
  '$4bn',
  '€',
  '#',
  '@',
  '&amp;',
  '<p>',
  '</p>',
  '<br>',
  '* ',
  '# ',
  '---',
  '> ',
  '`',
  '[link](http://x.y)',
  'é',
  'e\u0301',
  'ß',
  'İ',
  'ﬁ',
  'Ⅻ',
  '東京',
  'Москва',
  'مصر',
  'עברית',
  '👩‍👩‍👧',
  '🇩🇪',
  '\u200b',
  '\u200d',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\u0000',
  '\u0007',
  '\ud800',
  '\udfff',
];

const soup = fc.array(fc.constantFrom(...NEWSY), { maxLength: 120 }).map((parts) => parts.join(''));
/** Any UTF-16 code units, lone surrogates included. */
const codeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 200,
});
const anyUnicode = fc.string({ unit: 'binary', maxLength: 200 });
/** Long runs of one piece, alone or inside soup: what triggers backtracking and quadratic loops. */
const runs = fc
  .tuple(
    soup,
    fc.constantFrom('a', 'A', 'Aa ', 'A. ', '.', ' ', '\n', '"', '(', 'Mr. ', 'said ', 'of the ', '-', '’'),
    fc.integer({ min: 50, max: 2000 }),
    soup,
  )
  .map(([a, piece, n, b]) => `${a}${piece.repeat(n)}${b}`);

/** The extractor's properties read strings as text and Markdown; HTML and JSON have their own ingest property. */
const FORMATS: ArticleFormat[] = ['text', 'markdown'];

describe('extractor on arbitrary strings', () => {
  it.each([
    ['newsy soup', soup, 1],
    ['any UTF-16 code units', codeUnits, 2],
    ['any Unicode', anyUnicode, 3],
    ['long runs', runs, 4],
  ] as const)('never throws and every offset slices its text: %s', (_name, strings, seed) => {
    fc.assert(
      fc.property(strings, fc.constantFrom(...FORMATS), (text, format) => {
        expect(run(text, format)).toEqual([]);
      }),
      { numRuns: 60, seed },
    );
  });

  it.each([
    ['newsy soup', soup, 6],
    ['any UTF-16 code units', codeUnits, 7],
    ['long runs', runs, 8],
  ] as const)(
    'ingest (HTML, JSON, JSON Lines, Markdown, text) throws nothing but InputError: %s',
    (_name, strings, seed) => {
      fc.assert(
        fc.property(
          strings,
          fc.constantFrom<ArticleFormat>('html', 'json', 'jsonl', 'markdown', 'text'),
          (text, format) => {
            try {
              ingestString(text, 'fuzz', 'fuzz', format);
            } catch (error) {
              if (!(error instanceof InputError)) throw error;
            }
          },
        ),
        { numRuns: 150, seed },
      );
    },
  );

  it('gives the same extraction twice for the same article', () => {
    fc.assert(
      fc.property(soup, (text) => {
        expect(run(text, 'text', true)).toEqual([]);
      }),
      { numRuns: 40, seed: 5 },
    );
  });
});

/** CPU time (user + system, all threads) of `f`, in ms: less disturbed by other processes than the wall clock. */
function cpuMs(f: () => void): number {
  const before = process.cpuUsage();
  f();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * The ratio of extraction costs of `make(4n)` and `make(n)`: the minimum of a few interleaved runs of each, so
 * that a GC pause or a busy neighbour inflates neither. Linear work gives about 4; quadratic about 16.
 */
function growth(make: (size: number) => string, n: number): { ratio: number; small: number; large: number } {
  const extract = (text: string) => () => {
    for (const article of ingestString(text, 'growth.txt', 'growth', 'text')) extractArticle(article);
  };
  const a = extract(make(n));
  const b = extract(make(4 * n));
  a(); // warm up: the tagger model and gazetteers load on first use
  let small = Infinity;
  let large = Infinity;
  for (let i = 0; i < 3; i++) {
    small = Math.min(small, cpuMs(a));
    large = Math.min(large, cpuMs(b));
  }
  return { ratio: large / small, small, large };
}

function repeatTo(size: number, pieces: readonly string[]): string {
  let out = '';
  for (let i = 0; out.length < size; i++) out += pieces[(i * 7 + (i >> 2)) % pieces.length];
  return out.slice(0, size);
}

const NEWS_SENTENCES = [
  'The mayor of Lyon said on Monday that the city would open two new tram lines. ',
  'Finance ministers of the European Union met in Brussels to discuss the budget. ',
  '"We will not accept this," a spokesman for the Polish government told reporters. ',
  'Germany and France backed the plan, while Hungary said it would oppose it.\n\n',
  'Anna Weber, a senior economist at the Kiel Institute, said prices were rising. ',
];

describe('extractor cost grows linearly with the input', () => {
  // Sizes are small because the extractor reads about 25 KB/s here; 4x the input must cost well under 12x.
  const N = 6000;
  it.each([
    ['news prose', (size: number) => repeatTo(size, NEWS_SENTENCES)],
    ['one sentence without punctuation', (size: number) => longSentence(size)],
    [
      'a run of capitalised words',
      (size: number) => repeatTo(size, ['Alpha ', 'Beta ', 'Gamma ', 'Delta ', 'Epsilon ', 'Zeta ']),
    ],
    [
      'unbalanced quotes and brackets',
      (size: number) => repeatTo(size, ['"', '(', 'the ', 'Council ', '“', 'of ', '[', 'said ', '’']),
    ],
    ['one huge token', (size: number) => 'x'.repeat(size)],
  ])('%s', (_name, make) => {
    let measured = growth(make, N);
    // A ratio over the bound is measured twice more before it counts: a one-off pause must not fail the suite.
    for (let retry = 0; retry < 2 && measured.ratio >= 12; retry++) measured = growth(make, N);
    expect(
      measured.ratio,
      `cost of 4n / cost of n (${measured.large.toFixed(0)} ms / ${measured.small.toFixed(0)} ms)`,
    ).toBeLessThan(12);
  });
});
