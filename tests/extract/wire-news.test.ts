/**
 * Names in American wire-news style (issue 14, CoNLL04 entity coverage): US state abbreviations, one-line captions,
 * weekdays after a name. Sentences written for this test. Where the point is a rule rather than the tagger, a fixed
 * tagger gives the spans (the words the tagger would read), so the case does not move with the model.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/extract/analyse.js';
import type { NerLabel, NerSpan } from '../../src/extract/ner/index.js';

/** A tagger that reads the given phrases with the given labels, wherever they occur. */
function fixedTagger(readings: Array<[string, NerLabel]>) {
  return (sentences: string[][]): NerSpan[][] =>
    sentences.map((tokens) => {
      const out: NerSpan[] = [];
      for (const [phrase, label] of readings) {
        const words = phrase.split(' ');
        for (let i = 0; i + words.length <= tokens.length; i++)
          if (words.every((w, k) => tokens[i + k] === w))
            out.push({ start: i, end: i + words.length, label, score: 0.9 });
      }
      return out.sort((a, b) => a.start - b.start);
    });
}

function kindsOf(text: string, readings: Array<[string, NerLabel]>): Array<[string, string]> {
  const doc = analyse(text, { tag: fixedTagger(readings) });
  return doc.mentions.map((m) => [m.text, doc.entities.get(m.entityId)!.kind]);
}

describe('wire-news names', () => {
  it.each([
    {
      name: 'a state abbreviation the tagger reads as a body is the place',
      text: 'Grain prices in N.D. fell again this week.',
      readings: [['N.D.', 'ORG']] as Array<[string, NerLabel]>,
      has: [['N.D.', 'place']],
    },
    {
      name: 'a state abbreviation the tagger leaves alone is found',
      text: 'Mont. ranchers asked for help after the long drought.',
      readings: [] as Array<[string, NerLabel]>,
      has: [['Mont.', 'place']],
    },
    {
      name: 'a state named before a participle is found',
      text: 'Vermont born painter Ada Greaves opened a studio.',
      readings: [['Ada Greaves', 'PER']] as Array<[string, NerLabel]>,
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
      ] as Array<[string, NerLabel]>,
      has: [
        ['Cedar Hollow Reservoir', 'place'],
        ['Pinedale', 'place'],
        ['Calif.', 'place'],
      ],
    },
    {
      name: 'a weekday read into a name is cut off',
      text: 'Delegates met at the Vienna Energy Forum Saturday to discuss gas prices.',
      readings: [['Vienna Energy Forum Saturday', 'ORG']] as Array<[string, NerLabel]>,
      has: [['Vienna Energy Forum', 'organisation']],
    },
  ])('$name', ({ text, readings, has }) => {
    const found = kindsOf(text, readings);
    for (const pair of has) expect(found, JSON.stringify(found)).toContainEqual(pair);
  });

  it('a headline over a body still loses the words the body does not use', () => {
    const text = 'Mayor Under Fire Over Harbour Deal\nThe mayor of Pinedale defended the contract on Monday.';
    const found = kindsOf(text, [['Under Fire', 'ORG']]);
    expect(found.map(([t]) => t)).not.toContain('Under Fire');
  });
});
