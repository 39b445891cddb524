import { describe, expect, it } from 'vitest';
import {
  calibration,
  calibrationTable,
  type DwieDoc,
  dwieOracleDoc,
  evalDwieRelationsOracle,
  type GoldFile,
  prf,
  scoreDwieExtraction,
  scoreGoldRelations,
} from '../../src/eval/relations.js';

const gold: GoldFile = {
  entities: [
    { name: 'Ana Lima', kinds: ['person'], aliases: ['Lima'] },
    { name: 'Brazil', kinds: ['state'], aliases: ['Brasilia'] },
    { name: 'Mercosur', kinds: ['organisation'] },
  ],
  optionalEntities: [{ name: 'Chile', kinds: ['state'] }],
  relations: [
    { source: 'Ana Lima', relation: 'speaks-for', target: 'Brazil' },
    { source: 'Brazil', relation: 'member-of', target: 'Mercosur' },
  ],
  optionalRelations: [{ source: 'Ana Lima', relation: 'member-of', target: 'Mercosur' }],
};

const nodes = [
  { id: 'person:ana-lima', label: 'Ana Lima', kind: 'person', aliases: ['Lima'] },
  { id: 'state:brazil', label: 'Brazil', kind: 'state', aliases: [] },
  { id: 'organisation:mercosur', label: 'Mercosur', kind: 'organisation', aliases: [] },
  { id: 'state:chile', label: 'Chile', kind: 'state', aliases: [] },
];

describe('gold-file relation scoring', () => {
  it('counts core kinds only, ignores optional relations and reports misses', () => {
    const r = scoreGoldRelations(
      nodes,
      [
        { source: 'person:ana-lima', target: 'state:brazil', relation: 'speaks-for', confidence: 0.9, rules: ['r'] },
        {
          source: 'person:ana-lima',
          target: 'organisation:mercosur',
          relation: 'member-of',
          confidence: 0.9,
          rules: ['r'],
        },
        { source: 'person:ana-lima', target: 'state:chile', relation: 'visits', confidence: 0.9, rules: ['r'] },
        { source: 'state:brazil', target: 'state:chile', relation: 'supports', confidence: 0.5, rules: ['r'] },
      ],
      gold,
    );
    expect([r.tp, r.fp, r.fn]).toEqual([1, 1, 1]);
    expect(r.misses).toEqual(['Brazil -member-of-> Mercosur']);
    expect(r.falsePositives.map((f) => f.edge)).toEqual(['Brazil -supports-> Chile']);
    // The calibration table's input: each scored prediction (optional matches left out) with its relation.
    expect(r.judged.map((j) => [j.task, j.confidence, j.correct])).toEqual([
      ['speaks-for', 0.9, true],
      ['supports', 0.5, false],
    ]);
  });

  it('needs the same kind of relation', () => {
    const r = scoreGoldRelations(
      nodes,
      [{ source: 'person:ana-lima', target: 'state:brazil', relation: 'supports', confidence: 0.9 }],
      gold,
    );
    expect([r.tp, r.fp, r.fn]).toEqual([0, 1, 2]);
  });
});

/** A tiny DWIE document: "German Chancellor Angela Merkel met Greenpeace spokesman Tom Berg in Germany ." */
const tokens = [
  'German',
  'Chancellor',
  'Angela',
  'Merkel',
  'met',
  'Greenpeace',
  'spokesman',
  'Tom',
  'Berg',
  'in',
  'Germany',
  '.',
];
const m = (name: string, from: number, to: number, type: string) => ({
  name,
  pos: [from, to] as [number, number],
  sent_id: 0,
  type,
});
const dwie: DwieDoc = {
  title: 'test',
  sents: [tokens],
  vertexSet: [
    [m('Angela Merkel', 2, 4, 'type::person')],
    [m('Germany', 10, 11, 'type::location')],
    [m('German', 0, 1, 'type::other')],
    [m('Greenpeace', 5, 6, 'type::organization')],
    [m('Tom Berg', 7, 9, 'type::person')],
  ],
  labels: [
    { h: 0, t: 1, r: 'head_of_gov' },
    { h: 0, t: 1, r: 'agent_of' },
    { h: 2, t: 1, r: 'gpe0' },
    { h: 4, t: 3, r: 'spokesperson_of' },
  ],
};

describe('DWIE relation scoring', () => {
  it('builds the oracle analysis with demonyms as mentions of their state', () => {
    const { analysis } = dwieOracleDoc(dwie);
    const germany = [...analysis.entities.values()].find((e) => e.label === 'Germany');
    expect(germany?.kind).toBe('state');
    expect(analysis.mentions.filter((x) => x.entityId === germany?.id).map((x) => x.text)).toEqual([
      'German',
      'Germany',
    ]);
  });

  it('scores oracle speaks-for and affiliation pairs once per document', () => {
    const r = evalDwieRelationsOracle([dwie]);
    expect([r.speaksFor.tp, r.speaksFor.fp, r.speaksFor.fn]).toEqual([1, 0, 0]);
    expect([r.affiliation.tp, r.affiliation.fp, r.affiliation.fn]).toEqual([1, 0, 0]);
  });

  it('maps extracted entities to clusters by name and skips ends that only name unscored clusters', () => {
    const entity = (id: string, label: string, kind: 'person' | 'state' | 'organisation', aliases: string[] = []) => ({
      id,
      label,
      kind,
      aliases,
      mentions: [],
      rules: [],
    });
    const relation = (source: string, target: string, relation: string) => ({
      source,
      target,
      relation,
      confidence: 0.9,
      rules: ['r'],
      evidence: [],
    });
    const score = scoreDwieExtraction(dwie, {
      entities: [
        entity('p:merkel', 'Merkel', 'person', ['Angela Merkel']),
        entity('s:de', 'Deutschland', 'state', ['German']),
        entity('p:tom', 'Tom Berg', 'person'),
        entity('s:fr', 'France', 'state'),
      ],
      relations: [relation('p:merkel', 's:de', 'speaks-for'), relation('p:tom', 's:fr', 'speaks-for')],
    });
    // Merkel -> "German" (a demonym cluster typed other) is not counted; Tom Berg -> France is wrong.
    expect(score.counts['speaks-for']).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(score.counts.affiliation).toMatchObject({ tp: 0, fp: 0, fn: 1 });
  });

  it('bands judged edges by confidence', () => {
    const rows = calibration([
      { confidence: 0.95, correct: true },
      { confidence: 0.85, correct: false },
      { confidence: 0.82, correct: true },
    ]);
    expect(rows.find((r) => r.band === '0.80-0.90')).toEqual({
      band: '0.80-0.90',
      predicted: 2,
      correct: 1,
      precision: 0.5,
    });
  });
});

describe('relation diagnostics', () => {
  it('prints precision per rule and per band', async () => {
    const { relationDiagnostics } = await import('../../src/eval/relations.js');
    const text = relationDiagnostics({
      judged: [
        { task: 'speaks-for', confidence: 0.9, rule: 'role:title-before-name', correct: true, edge: 'a' },
        { task: 'speaks-for', confidence: 0.9, rule: 'role:title-before-name', correct: false, edge: 'b' },
      ],
    });
    expect(text).toMatch(/role:title-before-name\s+2\s+1\s+0\.500/);
    expect(text).toMatch(/0\.90-1\.00\s+2\s+1\s+0\.500/);
  });
});

describe('DWIE relation families (issue 14)', () => {
  const m = (name: string, type: string) => ({ name, type, pos: [0, 1] as [number, number], sent_id: 0 });
  const doc: DwieDoc = {
    title: 'families',
    sents: [['x']],
    vertexSet: [
      [m('Siemens', 'type::organization')],
      [m('Germany', 'type::location')],
      [m('German', 'type::other')],
      [m('Munich', 'type::location')],
      [m('Ada Lind', 'type::person')],
    ],
    labels: [
      { h: 0, t: 1, r: 'based_in0' },
      { h: 0, t: 2, r: 'based_in0-x' },
      { h: 3, t: 1, r: 'in0' },
      { h: 4, t: 2, r: 'citizen_of-x' },
    ],
  };
  const entity = (
    id: string,
    label: string,
    kind: 'person' | 'state' | 'organisation' | 'place',
    aliases: string[] = [],
  ) => ({ id, label, kind, aliases, mentions: [], rules: [] });
  const relation = (source: string, target: string, relation: string) => ({
    source,
    target,
    relation,
    confidence: 0.9,
    rules: ['r'],
    evidence: [],
  });

  it('counts the -x adjective unit like the country, precision per edge and recall per unit', () => {
    const score = scoreDwieExtraction(doc, {
      entities: [
        entity('o', 'Siemens', 'organisation'),
        entity('s', 'Germany', 'state', ['German']),
        entity('c', 'Munich', 'place'),
        entity('p', 'Ada Lind', 'person'),
      ],
      relations: [
        relation('o', 's', 'based-in'),
        relation('c', 's', 'located-in'),
        relation('p', 's', 'citizen-of'),
        relation('o', 'c', 'based-in'),
      ],
    });
    // One edge covers both based-in units; Siemens -> Munich is not gold.
    expect(score.counts['based-in']).toEqual({ tp: 1, fp: 1, fn: 0, covered: 2 });
    expect(score.counts['located-in']).toEqual({ tp: 1, fp: 0, fn: 0, covered: 1 });
    expect(score.counts.citizenship).toEqual({ tp: 1, fp: 0, fn: 0, covered: 1 });
    expect(prf(score.counts['based-in'])).toMatchObject({ precision: 0.5, recall: 1 });
  });

  it('prints a calibration table per family', () => {
    const text = calibrationTable(
      [
        { task: 'based-in', confidence: 0.95, correct: true },
        { task: 'based-in', confidence: 0.92, correct: false },
      ],
      ['based-in', 'located-in'],
    );
    expect(text).toMatch(/0\.90-1\.00\s+1\/2 0\.500\s+-\s+1\/2 0\.500/);
  });
});
