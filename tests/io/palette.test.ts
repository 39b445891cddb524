import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../../src/extract/types.js';
import { hexToRgb, KIND_COLORS, kindColor, relationColor } from '../../src/graph/palette.js';

describe('shared palette', () => {
  it('gives every kind its own colour', () => {
    const colours = ENTITY_KINDS.map((k) => KIND_COLORS[k]);
    expect(new Set(colours).size).toBe(ENTITY_KINDS.length);
    for (const colour of colours) expect(colour).toMatch(/^#[0-9A-F]{6}$/i);
    expect(kindColor('unknown-kind')).toMatch(/^#[0-9A-F]{6}$/i);
  });

  it.each(['speaks-for', 'member-of', 'supports', 'some-new-relation', 'x'])(
    'colours relation %s the same way every time',
    (relation) => {
      expect(relationColor(relation)).toMatch(/^#[0-9A-F]{6}$/i);
      expect(relationColor(relation)).toBe(relationColor(relation));
    },
  );

  it('tells the core relations apart', () => {
    expect(new Set(['speaks-for', 'member-of', 'supports'].map(relationColor)).size).toBe(3);
  });

  it('converts hex to rgb', () => {
    expect(hexToRgb('#D55E00')).toEqual({ r: 213, g: 94, b: 0 });
  });
});
