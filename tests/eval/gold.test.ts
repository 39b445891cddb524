import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIO } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-eval-'));
const article = join(dir, 'article.txt');
writeFileSync(
  article,
  'Turkish Foreign Minister Mevlut Cavusoglu met NATO officials in Brussels on Monday. Cavusoglu said Ankara would back the plan.\n',
);
const gold = join(dir, 'article.gold.json');
writeFileSync(
  gold,
  JSON.stringify({
    entities: [
      { name: 'Mevlut Cavusoglu', kinds: ['person'], aliases: ['Cavusoglu'] },
      { name: 'Turkey', kinds: ['state'], aliases: ['Ankara'] },
      { name: 'NATO', kinds: ['organisation'] },
      { name: 'European Union', kinds: ['organisation'] },
    ],
    optionalEntities: [{ name: 'Brussels', kinds: ['place'] }],
    relations: [],
  }),
);

describe('newsgraph eval gold', () => {
  it('prints entity P/R/F1 with misses as JSON', async () => {
    const io = captureIO();
    expect(await main(['eval', 'gold', article, gold, '--json'], io)).toBe(0);
    const report = JSON.parse(io.stdout) as { entities: { tp: number; fp: number; fn: number; misses: string[] } };
    expect(report.entities).toMatchObject({ tp: 3, fp: 0, fn: 1, misses: ['European Union'] });
  });

  it('prints a readable table', async () => {
    const io = captureIO();
    expect(await main(['eval', 'gold', article, gold], io)).toBe(0);
    expect(io.stdout).toMatch(/entities\s+3\s+0\s+1\s+1\.000\s+0\.750\s+0\.857/);
    expect(io.stdout).toContain('European Union');
    // The calibration table: a column per scored relation predicted (this gold file lists none, so none right).
    const calibration = io.stdout.slice(io.stdout.indexOf('relation calibration'));
    expect(calibration).toMatch(/confidence\s.*speaks-for.*\sall\n/);
    expect(calibration).toMatch(/0\/\d+ 0\.000/);
  });

  it('names the file when the gold file is not a gold file', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"entities": 3}');
    const io = captureIO();
    expect(await main(['eval', 'gold', article, bad], io)).toBe(1);
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
    expect(io.stderr).toContain(bad);
  });

  it('rejects a bad --limit with a usage error', async () => {
    const io = captureIO();
    expect(await main(['eval', 'conll', article, '--limit', 'many'], io)).toBe(2);
  });
});
