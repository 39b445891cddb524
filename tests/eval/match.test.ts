import { describe, expect, it } from 'vitest';
import { type GoldEntity, matchEntities, type NodeLike, normaliseName, toPrf } from '../../src/eval/match.js';

describe('normaliseName', () => {
  it.each([
    ['The Kremlin', 'kremlin'],
    ["Russia's", 'russia'],
    ['Germany’s', 'germany'],
    ['“rules-based order,”', 'rules-based order'],
    ['  U.S.  ', 'u.s'],
    ['(NATO)', 'nato'],
    ['the  West', 'west'],
    ["countries'", 'countries'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });
});

const node = (id: string, label: string, kind: string, aliases: string[] = []): NodeLike => ({
  id,
  label,
  kind,
  aliases,
});

describe('matchEntities', () => {
  const gold: GoldEntity[] = [
    { name: 'Olaf Scholz', kinds: ['person'], aliases: ['Scholz'] },
    { name: 'United States', kinds: ['state'], aliases: ['US', 'America'] },
    { name: 'arms control', kinds: ['topic'] },
  ];
  const optional: GoldEntity[] = [{ name: 'Berlin', kinds: ['place'] }];

  it('matches by label or alias, case-insensitively, and only with an allowed kind', () => {
    const r = matchEntities(
      [
        node('p', 'olaf scholz', 'person'),
        node('s', 'USA', 'state', ['America']),
        node('t', 'Arms Control', 'organisation'),
      ],
      gold,
      optional,
    );
    expect(r.matched.map((m) => m.gold).sort()).toEqual(['Olaf Scholz', 'United States']);
    expect(r.misses).toEqual(['arms control']);
    expect(r.falsePositives.map((f) => f.label)).toEqual(['Arms Control']);
  });

  it('counts a second node for the same gold entity as a false positive, preferring the exact label', () => {
    const r = matchEntities([node('a', 'Scholz', 'person'), node('b', 'Olaf Scholz', 'person')], gold);
    expect(r.matched).toEqual([{ gold: 'Olaf Scholz', node: 'b', label: 'Olaf Scholz' }]);
    expect(r.falsePositives).toEqual([
      { node: 'a', label: 'Scholz', kind: 'person', reason: 'second node for a gold entity' },
    ]);
  });

  it('does not count nodes that match only optional entities', () => {
    const r = matchEntities([node('c', 'Berlin', 'place'), node('d', 'Bonn', 'place')], gold, optional);
    expect(r.ignored).toEqual(['c']);
    expect(r.falsePositives.map((f) => f.label)).toEqual(['Bonn']);
    expect(r.tp).toBe(0);
    expect(r.fn).toBe(3);
  });
});

describe('toPrf', () => {
  it('computes precision, recall and F1, and 0 when undefined', () => {
    expect(toPrf(3, 1, 2)).toMatchObject({ precision: 0.75, recall: 0.6 });
    expect(toPrf(3, 1, 2).f1).toBeCloseTo(2 / 3, 10);
    expect(toPrf(0, 0, 0)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});
