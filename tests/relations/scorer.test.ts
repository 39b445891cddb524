/**
 * The trained pair scorer: how it reads a pair (with a hand-made model, so the test does not depend on training),
 * and table-driven examples per family with the shipped model, each sentence written for this test.
 */
import { describe, expect, it } from 'vitest';
import { articleContext } from '../../src/extract/relations/context.js';
import { extractRelations } from '../../src/extract/relations/index.js';
import { sentencePairs } from '../../src/extract/relations/pipeline/candidates.js';
import { decidePair } from '../../src/extract/relations/pipeline/decide.js';
import { pairFeatures } from '../../src/extract/relations/pipeline/features.js';
import { SCORER_RULE, type ScorerModel, scorePair } from '../../src/extract/relations/pipeline/scorer.js';
import { annotatedDoc } from '../../src/extract/relations/testing.js';

const TOY: ScorerModel = {
  source: 'test',
  families: {
    'works-for': {
      relation: 'works-for',
      sourceKinds: ['person'],
      targetKinds: ['organisation'],
      threshold: 0.5,
      bias: -2,
      weights: { 'bw=for': 3, 'obw=stworks': 1, 'bw=against': -4 },
    },
  },
};

function proposals(text: string, model: ScorerModel) {
  const doc = annotatedDoc(text);
  const ctx = articleContext(doc);
  const label = (id: string) => doc.entities.get(id)?.label;
  return [...sentencePairs(ctx.sentences[0]!)].flatMap((pair) => {
    const f = pairFeatures(pair);
    return scorePair(pair, f, decidePair(f, ctx), model).map((p) => ({ ...p, s: label(p.source), t: label(p.target) }));
  });
}

describe('scorePair with a hand-made model', () => {
  it('proposes the family whose weights pass the threshold, source and target by kind', () => {
    const out = proposals('[Ana Ruiz|person] works for [Delta Mills|organisation] now.', TOY);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ s: 'Ana Ruiz', t: 'Delta Mills', relation: 'works-for' });
    expect(out[0]!.probability).toBeCloseTo(1 / (1 + Math.exp(-(-2 + 3 + 1))), 6);
  });

  it('names the model and its heaviest features in the rule', () => {
    const [p] = proposals('[Ana Ruiz|person] works for [Delta Mills|organisation] now.', TOY);
    expect(p!.rule).toBe(`${SCORER_RULE}(bw=for; obw=stworks)`);
  });

  it('proposes nothing below the threshold or for kinds no family takes', () => {
    expect(proposals('[Ana Ruiz|person] campaigns against [Delta Mills|organisation] now.', TOY)).toEqual([]);
    expect(proposals('[Ana Ruiz|person] works for [Dover|place] now.', TOY)).toEqual([]);
  });

  it('is deterministic', () => {
    const text = '[Ana Ruiz|person] works for [Delta Mills|organisation] now.';
    expect(proposals(text, TOY)).toEqual(proposals(text, TOY));
  });
});

/** Models that would link any person pair, or any person and place: only the cue guard stands in the way. */
const EAGER: ScorerModel = {
  source: 'test',
  families: {
    kills: {
      relation: 'kills',
      sourceKinds: ['person'],
      targetKinds: ['person'],
      threshold: 0.5,
      bias: 3,
      weights: {},
    },
    'lives-in': {
      relation: 'lives-in',
      sourceKinds: ['person'],
      targetKinds: ['place'],
      threshold: 0.5,
      bias: 3,
      weights: {},
    },
  },
};

describe('the cues a reading needs beyond the score', () => {
  it('reads a killing only where the sentence speaks of one', () => {
    const met = proposals('Minister [Ola Brandt|person] met Envoy [Siv Maren|person] on Monday.', EAGER);
    expect(met.filter((p) => p.relation === 'kills')).toEqual([]);
    const shot = proposals('[Ola Brandt|person] shot [Siv Maren|person] on Monday.', EAGER);
    expect(shot.some((p) => p.relation === 'kills' && p.s === 'Ola Brandt' && p.t === 'Siv Maren')).toBe(true);
  });

  it('leaves a place after "officials in" to those officials', () => {
    const text = '[Ola Brandt|person] rejects the offer, officials in [Tromsvik|place] said.';
    expect(proposals(text, EAGER).filter((p) => p.relation === 'lives-in')).toEqual([]);
    const lives = proposals('[Ola Brandt|person] , a teacher in [Tromsvik|place] , said no.', EAGER);
    expect(lives.some((p) => p.relation === 'lives-in' && p.t === 'Tromsvik')).toBe(true);
  });
});

interface Row {
  text: string;
  edge: [string, string, string];
  /** true: the model proposes the edge; false: no edge of the model between the ends. */
  model: boolean;
}

/** Per family, sentences where the shipped model must (or must not) speak; rules read the others. */
const FAMILIES: Record<string, Row[]> = {
  'works-for': [
    {
      text: '[Ruth Vale|person] , 58 , a manager at [Halden Motors|organisation] , said the plant would close.',
      edge: ['Ruth Vale', 'works-for', 'Halden Motors'],
      model: true,
    },
    {
      text: '[Ruth Vale|person] criticised [Halden Motors|organisation] on Monday.',
      edge: ['Ruth Vale', 'works-for', 'Halden Motors'],
      model: false,
    },
  ],
  'lives-in': [
    {
      text: '[Tom Reeve|person] returned to his home in [Bangor|place] .',
      edge: ['Tom Reeve', 'lives-in', 'Bangor'],
      model: true,
    },
    {
      text: '[Tom Reeve|person] flew over [Bangor|place] on his way to the coast.',
      edge: ['Tom Reeve', 'lives-in', 'Bangor'],
      model: false,
    },
  ],
  'located-in': [
    {
      text: 'Heavy rain fell on [Oakdale|place] in southern [Vermont|place] .',
      edge: ['Oakdale', 'located-in', 'Vermont'],
      model: true,
    },
    {
      text: 'The fire destroyed homes in [Oakdale|place] , a town in western [Vermont|place] .',
      edge: ['Oakdale', 'located-in', 'Vermont'],
      model: true,
    },
    {
      text: 'Trains from [Oakdale|place] to [Milford|place] were late.',
      edge: ['Oakdale', 'located-in', 'Milford'],
      model: false,
    },
  ],
  kills: [
    {
      text: '[Jacob Marsh|person] had dinner with [Ellen Crane|person] in the hotel.',
      edge: ['Jacob Marsh', 'kills', 'Ellen Crane'],
      model: false,
    },
  ],
  'based-in': [
    {
      text: '[Halden Motors|organisation] sold cars to buyers in [Dover|place] last year.',
      edge: ['Halden Motors', 'based-in', 'Dover'],
      model: false,
    },
  ],
};

describe('the shipped pair scorer, per family', () => {
  for (const [family, rows] of Object.entries(FAMILIES)) {
    describe(family, () => {
      for (const row of rows) {
        it(`${row.model ? 'proposes' : 'does not propose'}: ${row.text}`, () => {
          const doc = annotatedDoc(row.text);
          const label = (id: string) => doc.entities.get(id)?.label;
          const byModel = extractRelations(doc).filter(
            (c) =>
              c.rule.startsWith(SCORER_RULE) &&
              label(c.source) === row.edge[0] &&
              c.relation === row.edge[1] &&
              label(c.target) === row.edge[2],
          );
          expect(byModel.length > 0).toBe(row.model);
          for (const c of byModel) expect(c.confidence).toBe(Math.round(c.confidence * 1000) / 1000);
        });
      }
    });
  }

  it('leaves pairs a rule links to the rule', () => {
    const doc = annotatedDoc(
      '[Peter Holm|person] , director of the [Nordic Ice Institute|organisation] , spoke first.',
    );
    const out = extractRelations(doc);
    expect(out.length).toBeGreaterThan(0);
    expect(out.filter((c) => c.rule.startsWith(SCORER_RULE))).toEqual([]);
  });
});
