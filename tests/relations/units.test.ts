import { describe, expect, it } from 'vitest';
import { bodyCountry, countryOf } from '../../src/extract/relations/states.js';
import { annotatedDoc } from '../../src/extract/relations/testing.js';
import { sentenceUnits } from '../../src/extract/relations/units.js';

describe('sentence units', () => {
  it('keeps an entity as one unit and splits a possessive off the words after it', () => {
    const doc = annotatedDoc('[New Zealand|state]’s “firm” stance on the U.S. plan.');
    const units = sentenceUnits(doc)[0]!.units;
    expect(units.map((u) => (u.kind === 'entity' ? `[${u.entityId}]` : u.w))).toEqual([
      '[state:new-zealand]',
      "'s",
      '"',
      'firm',
      '"',
      'stance',
      'on',
      'the',
      'u.s.',
      'plan',
      '.',
    ]);
  });

  it('assigns mentions to their own sentence', () => {
    const doc = annotatedDoc('[Chad|state] voted. Then [Mali|state] voted.');
    const per = sentenceUnits(doc).map((s) => s.units.filter((u) => u.kind === 'entity').length);
    expect(per).toEqual([1, 1]);
  });
});

describe('countries and state bodies', () => {
  it.each([
    ['Russian', 'RU'],
    ['U.S.', 'US'],
    ['the Netherlands', 'NL'],
    ['Britain', 'GB'],
    ["People's Republic of China", 'CN'],
  ])('%s -> %s', (name, code) => {
    expect(countryOf(name)).toBe(code);
  });

  it('does not read the pronoun "us" as a country', () => {
    expect(countryOf('us')).toBeUndefined();
  });

  it.each([
    ['Indian National Security Council', 'IN'],
    ['US State Department', 'US'],
    ['German Foreign Ministry', 'DE'],
    ['Pentagon', 'US'],
    ['the Kremlin', 'RU'],
  ])('%s belongs to %s', (name, code) => {
    expect(bodyCountry(name)).toBe(code);
  });

  it.each([
    'German Chamber of Industry and Commerce',
    'American Institute for Contemporary German Studies',
    'United Nations Security Council',
  ])('%s is not a state body', (name) => {
    expect(bodyCountry(name)).toBeUndefined();
  });
});
