import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIO } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-eval-cli-'));

describe('newsgraph eval conll / dwie', () => {
  it('scores a small CoNLL file and prints the micro average', async () => {
    const file = join(dir, 'mini.conll');
    writeFileSync(
      file,
      [
        '-DOCSTART- -X- -X- O',
        '',
        'Germany NNP B-NP B-LOC',
        'and CC O O',
        'France NNP B-NP B-LOC',
        'signed VBD B-VP O',
        '. . O O',
        '',
      ].join('\n'),
    );
    const io = captureIO();
    expect(await main(['eval', 'conll', file, '--json'], io)).toBe(0);
    const report = JSON.parse(io.stdout) as { micro: { tp: number; fn: number }; byType: { LOC: { tp: number } } };
    expect(report.byType.LOC.tp).toBe(2);
    expect(report.micro.fn).toBe(0);
  });

  it('scores a small DWIE file, skipping clusters of other types', async () => {
    const file = join(dir, 'mini.json');
    const m = (name: string, type: string, pos: [number, number]) => ({ name, type, pos, sent_id: 0 });
    writeFileSync(
      file,
      JSON.stringify([
        {
          title: 'mini',
          sents: [['Germany', 'and', 'France', 'signed', 'a', 'German', 'plan', '.']],
          vertexSet: [
            [m('Germany', 'type::location', [0, 1])],
            [m('France', 'type::location', [2, 3])],
            [m('German', 'type::other', [5, 6])],
          ],
          labels: [],
        },
      ]),
    );
    const io = captureIO();
    expect(await main(['eval', 'dwie', file, '--json'], io)).toBe(0);
    const report = JSON.parse(io.stdout) as { entities: { entities: { precision: number; recall: number } } };
    expect(report.entities.entities).toMatchObject({ precision: 1, recall: 1 });
  });

  it('names the file when it is not DocRED JSON', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{"not": "a list"}');
    const io = captureIO();
    expect(await main(['eval', 'dwie', file], io)).toBe(1);
    expect(io.stderr).toContain(file);
  });
});
