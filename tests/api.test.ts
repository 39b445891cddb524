import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.js';

const TEXT =
  'German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Monday. ' +
  'Scholz said Germany backs the European Union plan on energy prices.';

describe('library API', () => {
  it('extracts text in memory with offsets that slice the text', () => {
    const [x] = lib.extract(TEXT);
    expect(x).toBeDefined();
    const labels = x!.entities.map((e) => `${e.kind}:${e.label}`);
    expect(labels).toEqual(
      expect.arrayContaining(['person:Olaf Scholz', 'person:Emmanuel Macron', 'state:Germany', 'state:France']),
    );
    for (const e of x!.entities) for (const m of e.mentions) expect(TEXT.slice(m.start, m.end)).toBe(m.text);
    for (const r of x!.relations) for (const ev of r.evidence) expect(TEXT.slice(ev.start, ev.end)).toBe(ev.text);
    expect(x!.relations).toContainEqual(
      expect.objectContaining({ source: 'person:olaf-scholz', relation: 'speaks-for', target: 'state:germany' }),
    );
  });

  it('gives an empty extraction for empty text instead of throwing', () => {
    expect(lib.extract('')[0]).toMatchObject({ entities: [], relations: [] });
  });

  it('builds a graph that round-trips through the file contract', () => {
    const graph = lib.buildGraph(lib.extract(TEXT, { id: 'a1' }));
    const again = lib.parseGraph(lib.serializeGraph(graph));
    expect(again.getAttribute('schema')).toBe(lib.SCHEMA);
    expect(again.nodes()).toEqual(graph.nodes());
    expect(again.edges()).toEqual(graph.edges());
  });

  it('exports what a user needs and keeps internal helpers inside their stages', () => {
    for (const name of ['extract', 'ingestFile', 'buildGraph', 'loadGraph', 'saveGraph', 'GraphQuery', 'exportGraph'])
      expect(typeof (lib as Record<string, unknown>)[name]).toBe('function');
    for (const name of ['applyCorrections', 'loadCorrections', 'GraphFileError', 'UsageError'])
      expect(typeof (lib as Record<string, unknown>)[name]).toBe('function');
    for (const name of ['editDistance', 'foldName', 'NameIndex', 'parsePattern', 'textSignature', 'isPrivateAddress'])
      expect(name in lib).toBe(false);
  });

  it('is importable by its package name, as users import it', async () => {
    const pkg = await import('newsgraph');
    expect(typeof pkg.extract).toBe('function');
    expect(typeof pkg.GraphQuery).toBe('function');
    expect(pkg.SCHEMA).toBe('newsgraph/1');
  });
});
