import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { type Conll04Sentence, conll04FamiliesOf, conll04Text, scoreConll04Sentence } from '../../src/eval/conll04.js';
import { captureIO } from '../helpers/cli.js';

const SENTENCE: Conll04Sentence = {
  tokens: ['Senator', 'Ada', 'Lind', 'of', 'Ohio', 'joined', 'Acme', 'Corp.', 'in', 'Dayton', '.'],
  entities: [
    { type: 'Peop', start: 0, end: 3 },
    { type: 'Loc', start: 4, end: 5 },
    { type: 'Org', start: 6, end: 8 },
    { type: 'Loc', start: 9, end: 10 },
  ],
  relations: [
    { type: 'Live_In', head: 0, tail: 1 },
    { type: 'Work_For', head: 0, tail: 2 },
    { type: 'OrgBased_In', head: 2, tail: 3 },
  ],
};

function spanOf(text: string, s: string) {
  const start = text.indexOf(s);
  return { start, end: start + s.length, text: s };
}

describe('CoNLL04 relation scoring', () => {
  const { text } = conll04Text(SENTENCE);
  const entity = (id: string, label: string, kind: 'person' | 'state' | 'organisation' | 'place') => ({
    id,
    label,
    kind,
    aliases: [],
    rules: [],
    mentions: [spanOf(text, label)],
  });
  const rel = (source: string, relation: string, target: string, confidence = 0.9) => ({
    source,
    target,
    relation,
    confidence,
    rules: ['r'],
    evidence: [],
  });

  it('maps predicted relations to families by name and end kinds', () => {
    expect(conll04FamiliesOf('speaks-for', 'person', 'organisation')).toEqual(['Work_For']);
    expect(conll04FamiliesOf('speaks-for', 'person', 'state')).toEqual(['Live_In']);
    expect(conll04FamiliesOf('part-of', 'organisation', 'state')).toEqual(['OrgBased_In']);
    expect(conll04FamiliesOf('part-of', 'place', 'state')).toEqual(['Located_In']);
    expect(conll04FamiliesOf('supports', 'person', 'person')).toEqual([]);
  });

  it('counts a mention inside a gold span (title included in gold) and one pair once', () => {
    const score = scoreConll04Sentence(SENTENCE, {
      entities: [
        entity('p', 'Ada Lind', 'person'),
        entity('s', 'Ohio', 'state'),
        entity('o', 'Acme Corp.', 'organisation'),
        entity('d', 'Dayton', 'place'),
      ],
      relations: [
        rel('p', 'speaks-for', 's'),
        rel('p', 'lives-in', 's', 0.5),
        rel('p', 'member-of', 'o'),
        rel('o', 'based-in', 's'),
      ],
    });
    expect(score.counts.Live_In).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(score.counts.Work_For).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    // Acme -> Ohio is not the gold Acme -> Dayton: one false positive, one miss.
    expect(score.counts.OrgBased_In).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(score.judged.find((j) => j.task === 'Live_In')?.confidence).toBe(0.9);
  });

  it('says for each gold entity whether a node of the right kind covers it, and why not', () => {
    const score = scoreConll04Sentence(SENTENCE, {
      entities: [
        // "Senator Ada Lind": the mention inside the gold span covers it.
        entity('p', 'Ada Lind', 'person'),
        // Ohio read as a person: covered, but not by a place.
        entity('s', 'Ohio', 'person'),
        // "Corp. in": crosses the edge of "Acme Corp.".
        { ...entity('o', 'Corp. in', 'organisation') },
      ],
      relations: [],
    });
    expect(score.entities.map((e) => [e.type, e.gold, e.outcome])).toEqual([
      ['Peop', 'Senator Ada Lind', 'covered'],
      ['Loc', 'Ohio', 'wrong-kind'],
      ['Org', 'Acme Corp.', 'boundary'],
      ['Loc', 'Dayton', 'untagged'],
    ]);
    expect(score.entities[1]!.found).toBe('Ohio (person)');
  });

  it('runs from the CLI on a small file and prints JSON with families, micro and calibration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-conll04-'));
    const file = join(dir, 'mini.json');
    const sentence: Conll04Sentence = {
      tokens: 'Ana Silva , a spokeswoman for Amnesty International , said the report was accurate .'.split(' '),
      entities: [
        { type: 'Peop', start: 0, end: 2 },
        { type: 'Org', start: 6, end: 8 },
      ],
      relations: [{ type: 'Work_For', head: 0, tail: 1 }],
    };
    writeFileSync(file, JSON.stringify([sentence]));
    const io = captureIO();
    expect(await main(['eval', 'conll04', file, '--json'], io)).toBe(0);
    const report = JSON.parse(io.stdout) as {
      sentences: number;
      families: { Work_For: { tp: number; fn: number } };
      micro: { recall: number };
      calibration: unknown[];
      coverage: { Peop: { covered: number }; Org: { covered: number } };
    };
    expect(report.sentences).toBe(1);
    expect(report.coverage.Peop.covered).toBe(1);
    expect(report.coverage.Org.covered).toBe(1);
    expect(report.families.Work_For).toMatchObject({ tp: 1, fn: 0 });
    expect(report.micro.recall).toBe(1);
    expect(report.calibration.length).toBeGreaterThan(0);
  });

  it('names the file when it is not CoNLL04 JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-conll04-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, '[{"tokens": 3}]');
    const io = captureIO();
    expect(await main(['eval', 'conll04', file], io)).toBe(1);
    expect(io.stderr).toContain(file);
  });
});
