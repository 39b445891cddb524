/**
 * Names in American wire-news style (issue 14, CoNLL04 entity coverage): US state abbreviations, one-line captions,
 * weekdays after a name. Sentences written for this test. Where the point is a rule rather than the tagger, a fixed
 * tagger gives the spans (the words the tagger would read), so the case does not move with the model.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/extract/analyse.js';
import type { NerLabel, NerSpan } from '../../src/extract/ner/index.js';

/** A phrase the fixed tagger reads, its label and (default 0.9) its confidence. */
type Reading = [string, NerLabel, number?];

/** A tagger that reads the given phrases with the given labels, wherever they occur. */
function fixedTagger(readings: Reading[]) {
  return (sentences: string[][]): NerSpan[][] =>
    sentences.map((tokens) => {
      const out: NerSpan[] = [];
      for (const [phrase, label, score = 0.9] of readings) {
        const words = phrase.split(' ');
        for (let i = 0; i + words.length <= tokens.length; i++)
          if (words.every((w, k) => tokens[i + k] === w)) out.push({ start: i, end: i + words.length, label, score });
      }
      return out.sort((a, b) => a.start - b.start);
    });
}

function kindsOf(text: string, readings: Reading[]): Array<[string, string]> {
  const doc = analyse(text, { tag: fixedTagger(readings) });
  return doc.mentions.map((m) => [m.text, doc.entities.get(m.entityId)!.kind]);
}

interface Case {
  name: string;
  text: string;
  readings: Reading[];
  /** Mentions that must be found: [text, kind]. */
  has: string[][];
  /** Mention texts that must not be found. */
  none?: string[];
}

describe('wire-news names', () => {
  it.each<Case>([
    {
      name: 'a state abbreviation the tagger reads as a body is the place',
      text: 'Grain prices in N.D. fell again this week.',
      readings: [['N.D.', 'ORG']],
      has: [['N.D.', 'place']],
    },
    {
      name: 'a state abbreviation the tagger leaves alone is found',
      text: 'Mont. ranchers asked for help after the long drought.',
      readings: [],
      has: [['Mont.', 'place']],
    },
    {
      name: 'a state named before a participle is found',
      text: 'Vermont born painter Ada Greaves opened a studio.',
      readings: [['Ada Greaves', 'PER']],
      has: [
        ['Vermont', 'place'],
        ['Ada Greaves', 'person'],
      ],
    },
    {
      name: 'a one-line caption in Title Case keeps the names the tagger read (no body to check them against)',
      text: 'Cedar Hollow Reservoir , Pinedale , Calif. ;',
      readings: [
        ['Cedar Hollow Reservoir', 'LOC'],
        ['Pinedale', 'LOC'],
      ],
      has: [
        ['Cedar Hollow Reservoir', 'place'],
        ['Pinedale', 'place'],
        ['Calif.', 'place'],
      ],
    },
    {
      name: 'a weekday read into a name is cut off',
      text: 'Delegates met at the Vienna Energy Forum Saturday to discuss gas prices.',
      readings: [['Vienna Energy Forum Saturday', 'ORG']],
      has: [['Vienna Energy Forum', 'organisation']],
    },
    {
      name: 'a monitoring service source line: the place, then the outlet, up to its language',
      text: 'LB0102120095 Lisbon Radio Atlantico in Portuguese 1200 GMT 1 Feb 95',
      readings: [
        ['LB0102120095 Lisbon Radio', 'ORG'],
        ['Atlantico', 'PER'],
      ],
      has: [
        ['Lisbon', 'place'],
        ['Radio Atlantico', 'organisation'],
      ],
    },
    {
      name: 'a headline glued to the document number loses the glued name',
      text: 'Floods Close Northern Roads LB0302111595 Lisbon Tejo Television 1100 GMT 3 Feb 95',
      readings: [['Roads LB0302111595 Lisbon', 'PER']],
      has: [
        ['Lisbon', 'place'],
        ['Tejo Television', 'organisation'],
      ],
      none: ['Roads LB0302111595 Lisbon'],
    },
    {
      name: 'a dateline month and day read into the place are cut off',
      text: 'Lisbon March 5 ( Lusa ) -- Fishermen blocked the harbour on Sunday .',
      readings: [
        ['Lisbon March', 'ORG'],
        ['Lusa', 'ORG'],
      ],
      has: [
        ['Lisbon', 'place'],
        ['Lusa', 'organisation'],
      ],
    },
    {
      name: 'a language after "in" is no state',
      text: 'The appeal was broadcast in Portuguese . Officials in Lisbon declined to comment .',
      readings: [
        ['Portuguese', 'MISC'],
        ['Lisbon', 'LOC'],
      ],
      has: [['Lisbon', 'place']],
      none: ['Portuguese'],
    },
    {
      name: "a city's own body split before its head word is one body",
      text: 'The Bremen Senate approved the budget on Monday .',
      readings: [
        ['Bremen', 'LOC'],
        ['Senate', 'ORG'],
      ],
      has: [['Bremen Senate', 'organisation']],
      none: ['Senate'],
    },
    {
      name: 'a name read as a place but ending in a body head word is the body',
      text: 'She has led the Harrow Alliance since 2019 .',
      readings: [['Harrow Alliance', 'LOC']],
      has: [['Harrow Alliance', 'organisation']],
    },
    {
      name: 'a railway station named in French is a place',
      text: 'Police closed the Gare de Lyon on Friday .',
      readings: [['Gare de Lyon', 'ORG']],
      has: [['Gare de Lyon', 'place']],
    },
    {
      name: 'a known company the tagger only guesses is a person stays the company',
      text: 'The venture was founded by Siemens in 2019 .',
      readings: [['Siemens', 'PER', 0.4]],
      has: [['Siemens', 'organisation']],
    },
  ])('$name', ({ text, readings, has, none }: Case) => {
    const found = kindsOf(text, readings);
    for (const pair of has) expect(found, JSON.stringify(found)).toContainEqual(pair);
    for (const t of none ?? []) expect(found.map(([m]) => m)).not.toContain(t);
  });

  it('a headline over a body still loses the words the body does not use', () => {
    const text = 'Mayor Under Fire Over Harbour Deal\nThe mayor of Pinedale defended the contract on Monday.';
    const found = kindsOf(text, [['Under Fire', 'ORG']]);
    expect(found.map(([t]) => t)).not.toContain('Under Fire');
  });
});
