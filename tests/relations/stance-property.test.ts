/**
 * Property: a negated or hypothetical stance never yields a confident (>= 0.5) supports / opposes / criticises
 * edge, whatever the holder, verb, object or wording around it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractRelations } from '../../src/extract/relations/index.js';
import { annotatedDoc } from '../../src/extract/relations/testing.js';

const holders = [
  '[Norway|state]',
  '[Peru|state]',
  '[Amnesty International|organisation]',
  '[Lena Moro|person]',
  '[Kenya|state] and [Ghana|state]',
];
const verbs = ['support', 'back', 'endorse', 'oppose', 'reject', 'condemn', 'welcome', 'veto', 'criticise', 'favour'];
const objects = [
  '[Chile|state]',
  '[the treaty|topic]',
  'the fuel levy',
  'the new border plan',
  '[Tom Berg|person]',
  "[Spain|state]'s bailout request",
];
const negated = (h: string, v: string, o: string) => [
  `${h} does not ${v} ${o}.`,
  `${h} did not ${v} ${o}, officials said.`,
  `${h} will never ${v} ${o}.`,
  `${h} refused to ${v} ${o}.`,
  `Critics attacked the grazing levy, which ${h} does not ${v}.`,
  `${h} said that they do not ${v} ${o}.`,
  `${h} did not urge [Iceland|state] to ${v} ${o}.`,
  `Talks stalled because of ${h}, which does not ${v} ${o}.`,
  `The grazing levy did not win the backing of ${h}.`,
];
const hypothetical = (h: string, v: string, o: string) => [
  `It is not yet known whether ${h} would ${v} ${o}.`,
  `${h} might ${v} ${o} next year.`,
  `If ${h} were to ${v} ${o}, talks would resume.`,
  `Will ${h} ${v} ${o}?`,
  `Observers said ${h} could ${v} ${o}.`,
  `[The EU|organisation] said that ${h} should ${v} ${o}.`,
  `Critics attacked the grazing levy, which ${h} might ${v}.`,
  `${h} said that they might ${v} ${o}.`,
  `${h} might urge [Iceland|state] to ${v} ${o}.`,
  `Talks stalled because of ${h}, which might ${v} ${o}.`,
  `The grazing levy might win the support of ${h}.`,
];

const STANCE = new Set(['supports', 'opposes', 'criticises']);

describe('stance under negation and modality (property)', () => {
  it('never yields a confident stance edge', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...holders),
        fc.constantFrom(...verbs),
        fc.constantFrom(...objects),
        fc.boolean(),
        fc.nat(11),
        fc.constantFrom('', 'Meanwhile, ', 'On Monday, '),
        (h, v, o, neg, k, lead) => {
          const forms = neg ? negated(h, v, o) : hypothetical(h, v, o);
          const text = lead + forms[k % forms.length]!;
          const confident = extractRelations(annotatedDoc(text)).filter(
            (c) => STANCE.has(c.relation) && c.confidence >= 0.5,
          );
          expect(
            confident.map((c) => `${c.source} ${c.relation} ${c.target} ${c.rule} ${c.confidence} | ${text}`),
          ).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 14 },
    );
  });

  it('still reads the plain statement (the property is not vacuous)', () => {
    const got = extractRelations(annotatedDoc('[Norway|state] rejected the fuel levy.')).filter(
      (c) => c.relation === 'opposes',
    );
    expect(got.length).toBe(1);
    expect(got[0]!.confidence).toBeGreaterThanOrEqual(0.5);
  });
});
