/**
 * `current` (library) and `--current` (CLI): a role stated as past is a qualifier, never a current fact, so asking
 * for current facts leaves out edges every statement gives as past and, from the others, the past statements.
 * Stance stated as hypothetical shows its modality in rows and tables. The fixture is edited here, in a temp file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { relationTable } from '../../src/query/format.js';
import { GraphQuery } from '../../src/query/graph-query.js';
import { captureIO, FIXTURE, tempDir } from '../io/helpers.js';

interface RawEdge {
  key: string;
  attributes: {
    relation: string;
    evidence: Array<{ article: string; sentence: string; former?: boolean }>;
    former?: boolean;
    qualifiers?: Record<string, string>;
  };
}
const raw = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { edges: RawEdge[] };

/** Macron's role only as past; Scholz's once as past, once as current; Spain's support only as a hypothesis. */
const PAST = 'person:emmanuel-macron|speaks-for|state:france';
const MIXED = 'person:olaf-scholz|speaks-for|state:germany';
const HYPOTHETICAL = 'state:spain|supports|state:ukraine';

function editedFixture(): string {
  const data = structuredClone(raw);
  for (const e of data.edges) {
    if (e.key === PAST) {
      e.attributes.former = true;
      for (const s of e.attributes.evidence) s.former = true;
    }
    if (e.key === MIXED) e.attributes.evidence[0]!.former = true;
    if (e.key === HYPOTHETICAL) e.attributes.qualifiers = { modality: 'hypothetical' };
  }
  const file = join(tempDir(), 'former.json');
  writeFileSync(file, JSON.stringify(data));
  return file;
}

const FILE = editedFixture();
const mixedEvidence = raw.edges.find((e) => e.key === MIXED)!.attributes.evidence;

async function cli(args: string[]) {
  const io = captureIO();
  const code = await main(['query', FILE, ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('current facts only (library)', () => {
  it.each([
    // [pattern, edges without current, edges with current]
    [{ relation: 'speaks-for' }, [PAST, MIXED], [MIXED]],
    [{ source: 'Emmanuel Macron' }, [PAST], []],
    [{ relation: 'supports', source: 'Spain' }, [HYPOTHETICAL], [HYPOTHETICAL]],
  ])('%o', async (pattern, all, current) => {
    const q = await GraphQuery.open(FILE);
    const keys = (rows: { edge: string }[]) => rows.map((r) => r.edge).filter((k) => all.includes(k) || k === PAST);
    expect(keys(q.relations(pattern)).sort()).toEqual([...all].sort());
    expect(keys(q.relations({ ...pattern, current: true })).sort()).toEqual([...current].sort());
  });

  it('keeps only the current statements of an edge stated both ways, and says nothing of former', async () => {
    const q = await GraphQuery.open(FILE);
    const row = q.relations({ relation: 'speaks-for', current: true }).find((r) => r.edge === MIXED)!;
    expect(row.evidence.map((e) => e.sentence)).toEqual([mixedEvidence[1]!.sentence]);
    expect(row.former).toBeUndefined();
    expect(q.about('Emmanuel Macron', { current: true })).toEqual([]);
    expect(q.about('Emmanuel Macron').map((r) => r.edge)).toEqual([PAST]);
  });

  it('shows former and hypothetical in rows and in the table', async () => {
    const q = await GraphQuery.open(FILE);
    const past = q.relations({ source: 'Emmanuel Macron' });
    expect(past[0]?.former).toBe(true);
    const hypothetical = q.relations({ relation: 'supports', source: 'Spain' });
    expect(hypothetical[0]?.modality).toBe('hypothetical');
    expect(relationTable(hypothetical)).toContain('supports (hypothetical)');
    expect(relationTable(past)).toContain('speaks-for (former)');
  });
});

describe('--current (CLI)', () => {
  it('leaves out past roles in --json and in the table', async () => {
    const all = await cli(['? speaks-for ?', '--json']);
    expect(all.code, all.stderr).toBe(0);
    const allRows = JSON.parse(all.stdout) as Array<{ edge: string; former?: boolean }>;
    expect(allRows.find((r) => r.edge === PAST)?.former).toBe(true);
    const current = await cli(['? speaks-for ?', '--current', '--json']);
    expect(current.code, current.stderr).toBe(0);
    const rows = JSON.parse(current.stdout) as Array<{ edge: string; former?: boolean; evidence: unknown[] }>;
    expect(rows.map((r) => r.edge)).not.toContain(PAST);
    expect(rows.find((r) => r.edge === MIXED)?.evidence).toHaveLength(1);
    expect(rows.every((r) => r.former === undefined)).toBe(true);
    const table = await cli(['Emmanuel Macron', '--current']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('no matching relations');
    expect((await cli(['Emmanuel Macron'])).stdout).toContain('speaks-for (former)');
  });

  it('prints the modality of a hypothetical stance', async () => {
    const r = await cli(['Spain supports ?', '--json']);
    const rows = JSON.parse(r.stdout) as Array<{ modality?: string }>;
    expect(rows[0]?.modality).toBe('hypothetical');
    expect((await cli(['Spain supports ?'])).stdout).toContain('supports (hypothetical)');
  });
});
