import { describe, expect, it } from 'vitest';
import { csvField, neo4jLabel, neo4jType, writeCsv } from '../../src/io/csv.js';
import { readCsv } from '../helpers/csv.js';
import { KNOWLEDGE_EDGE, loadFixture, loadFixtureWithBasis, QUALIFIED_EDGE, QUALIFIERS, TEXT_EDGE } from './helpers.js';
import { seedGraph } from './seed-graph.js';

function records(text: string): Record<string, string>[] {
  const [header, ...rows] = readCsv(text);
  return rows.map((row) => {
    expect(row).toHaveLength(header!.length);
    return Object.fromEntries(header!.map((h, i) => [h, row[i]!]));
  });
}

describe('CSV export for neo4j-admin import', () => {
  const graph = loadFixture();
  const { nodes, edges } = writeCsv(graph);

  it('uses neo4j-admin header conventions', () => {
    const nodeHeader = readCsv(nodes)[0]!;
    const edgeHeader = readCsv(edges)[0]!;
    expect(nodeHeader.slice(0, 2)).toEqual(['id:ID', ':LABEL']);
    expect(nodeHeader).toEqual(
      expect.arrayContaining(['label', 'mentions:int', 'aliases:string[]', 'articles:string[]']),
    );
    expect(edgeHeader.slice(0, 3)).toEqual([':START_ID', ':END_ID', ':TYPE']);
    expect(edgeHeader).toEqual(expect.arrayContaining(['confidence:float', 'weight:int', 'sentences:string[]']));
    // Every typed column uses a type neo4j-admin knows.
    for (const column of [...nodeHeader, ...edgeHeader]) {
      const type = column.split(':')[1];
      if (type !== undefined && !['ID', 'LABEL', 'START_ID', 'END_ID', 'TYPE'].includes(type)) {
        expect(['int', 'float', 'double', 'boolean', 'string[]', 'date'], column).toContain(type);
      }
    }
  });

  it('ends every record with CRLF (RFC 4180)', () => {
    expect(nodes.endsWith('\r\n')).toBe(true);
    expect(
      nodes
        .replace(/"[^"]*"/g, '')
        .split('\n')
        .every((line) => line === '' || line.endsWith('\r')),
    ).toBe(true);
  });

  it('has one row per node with its label, kind as the Neo4j label, and arrays joined by ;', () => {
    const rows = records(nodes);
    expect(rows.map((r) => r['id:ID']).sort()).toEqual(graph.nodes().sort());
    for (const row of rows) {
      const a = graph.getNodeAttributes(row['id:ID']!);
      expect(row.label).toBe(a.label);
      expect(row[':LABEL']).toBe(neo4jLabel(a.kind));
      expect(row.kind).toBe(a.kind);
      expect(Number(row['mentions:int'])).toBe(a.mentions);
      expect(row['aliases:string[]']!.split(';').filter(Boolean)).toEqual(a.aliases);
      expect(row['articles:string[]']!.split(';').filter(Boolean)).toEqual(a.articles);
    }
    expect(rows.find((r) => r['id:ID'] === 'place:kyiv')!['first_seen:date']).toBe('');
    expect(rows.find((r) => r['id:ID'] === 'state:france')!['first_seen:date']).toBe('2024-02-14');
  });

  it('has one row per edge with the relation as type and the evidence sentences, quotes and newlines intact', () => {
    const rows = records(edges);
    expect(rows).toHaveLength(graph.size);
    for (const row of rows) {
      const key = row.id!;
      const a = graph.getEdgeAttributes(key);
      expect(row[':START_ID']).toBe(graph.source(key));
      expect(row[':END_ID']).toBe(graph.target(key));
      expect(row[':TYPE']).toBe(neo4jType(a.relation));
      expect(row.relation).toBe(a.relation);
      expect(Number(row['confidence:float'])).toBe(a.confidence);
      expect(Number(row['weight:int'])).toBe(a.weight);
      expect(row['sentences:string[]']!.split(';')).toEqual(a.evidence.map((e) => e.sentence.replaceAll(';', ',')));
    }
    const multiline = rows.find((r) => r.id === 'state:france|member-of|organisation:nato')!;
    expect(multiline['sentences:string[]']).toBe(
      'France and the alliance agreed to\ncoordinate deliveries, a NATO official said.',
    );
  });

  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    ['', ''],
  ])('quotes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ['speaks-for', 'SPEAKS_FOR'],
    ['member-of', 'MEMBER_OF'],
    ['supports', 'SUPPORTS'],
  ])('names relation %s as Neo4j type %s', (relation, type) => {
    expect(neo4jType(relation)).toBe(type);
  });

  it('exports the seed graph built through the real pipeline with every node and edge', async () => {
    const seed = await seedGraph();
    const csv = writeCsv(seed);
    expect(
      records(csv.nodes)
        .map((r) => r['id:ID'])
        .sort(),
    ).toEqual(seed.nodes().sort());
    expect(
      records(csv.edges)
        .map((r) => r.id)
        .sort(),
    ).toEqual(seed.edges().sort());
  });
});

describe('CSV export of edge basis and qualifiers', () => {
  const graph = loadFixtureWithBasis();
  const rows = records(writeCsv(graph).edges);
  const row = (key: string) => rows.find((r) => r.id === key)!;

  it('has basis and qualifiers columns, untyped (strings for neo4j-admin)', () => {
    expect(readCsv(writeCsv(graph).edges)[0]).toEqual(expect.arrayContaining(['basis', 'qualifiers']));
  });

  it('writes each edge basis, a missing basis as text', () => {
    expect(row(KNOWLEDGE_EDGE).basis).toBe('knowledge');
    expect(row(TEXT_EDGE).basis).toBe('text');
    for (const r of rows) expect(r.basis, r.id).toBe(graph.getEdgeAttribute(r.id!, 'basis') ?? 'text');
  });

  it('writes qualifiers as JSON text that reads back exactly, empty where the edge has none', () => {
    expect(JSON.parse(row(QUALIFIED_EDGE).qualifiers!)).toEqual(QUALIFIERS);
    for (const r of rows) if (r.id !== QUALIFIED_EDGE) expect(r.qualifiers, r.id).toBe('');
  });

  it('writes former as a neo4j boolean column: true for the former role, false elsewhere', () => {
    expect(readCsv(writeCsv(graph).edges)[0]).toContain('former:boolean');
    expect(row(QUALIFIED_EDGE)['former:boolean']).toBe('true');
    for (const r of rows) if (r.id !== QUALIFIED_EDGE) expect(r['former:boolean'], r.id).toBe('false');
  });

  it('writes the same columns for a graph whose edges have neither', () => {
    const old = records(writeCsv(loadFixture()).edges);
    expect(old.map((r) => [r.basis, r.qualifiers])).toEqual(old.map(() => ['text', '']));
  });
});
