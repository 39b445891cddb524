import { describe, expect, it } from 'vitest';
import { dwieDocumentText, scoreDwieEntities, type DwieDocument } from '../../src/eval/dwie.js';

const mention = (name: string, type: string) => ({ name, type, pos: [0, 1] as [number, number], sent_id: 0 });

const DOC: DwieDocument = {
  title: 'test',
  sents: [['Germany', "'s", 'Merkel', 'met', 'EU', 'leaders', '.', '\n', 'German', 'firms', 'agreed', '.']],
  vertexSet: [
    [mention('Germany', 'type::location')],
    [mention('Merkel', 'type::person'), mention('Angela Merkel', 'type::person')],
    [mention('EU', 'type::organization'), mention('European Union', 'type::organization')],
    [mention('German', 'type::other')],
  ],
  labels: [],
};

const entity = (id: string, label: string, kind: string, aliases: string[] = [], mentions: string[] = []) => ({
  id,
  label,
  kind: kind as 'person',
  aliases,
  mentions: mentions.map((text) => ({ start: 0, end: text.length, text })),
});

describe('scoreDwieEntities', () => {
  it('matches clusters by any name, counts a second entity on a cluster as a false positive', () => {
    const r = scoreDwieEntities(DOC, [
      entity('a', 'Angela Merkel', 'person'),
      entity('b', 'European Union', 'organisation', ['EU']),
      entity('c', 'Merkel', 'person'),
      entity('d', 'Bonn', 'place'),
    ]);
    expect(r.tp).toBe(2);
    expect(r.fp).toBe(2);
    expect(r.fn).toBe(1);
    expect(r.misses).toEqual(['Germany (location)']);
  });

  it('does not count an entity that matches only a cluster of another type, nor topics', () => {
    const r = scoreDwieEntities(DOC, [entity('g', 'Germany', 'state', [], ['German']), entity('x', 'France', 'state', [], ['German']), entity('t', 'trade', 'topic')]);
    // "Germany" claims the location cluster; "France" (mentioned as "German") matches only the "other" cluster.
    expect(r.tp).toBe(1);
    expect(r.fp).toBe(0);
  });
});

describe('dwieDocumentText', () => {
  it('joins tokens with single spaces and keeps line breaks', () => {
    expect(dwieDocumentText(DOC)).toBe("Germany 's Merkel met EU leaders .\n German firms agreed .");
  });

  it('joins the hyphen of a hyphenated name back, but not a dash or a lower-case compound', () => {
    const doc = { ...DOC, sents: [['Frank', '-', 'Walter', 'Steinmeier', 'met', 'al', '-', 'Assad', '-', 'a', 'long', '-', 'awaited', 'talk', '.']] };
    expect(dwieDocumentText(doc)).toBe('Frank-Walter Steinmeier met al-Assad - a long - awaited talk .');
  });
});
