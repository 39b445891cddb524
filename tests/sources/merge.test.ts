/** Sharded extraction merged on one machine gives the bytes of one build over the same inputs. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIO } from '../helpers/cli.js';
import { OTHER_STORY, STORY } from './server.js';

const MORE = [
  'The Interior Minister of Chile, Rosa Carrasco, resigned on Friday after protests in Santiago. Carrasco, a member of the Socialist Party, said she would stay in parliament.',
  'Kenya and Tanzania signed a border agreement in Arusha. The African Union praised the deal, and the President of Kenya, Daniel Mwangi, said trade would follow.',
];

function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-merge-'));
  const input = join(dir, 'in');
  mkdirSync(join(input, 'desk'), { recursive: true });
  writeFileSync(join(input, 'a.txt'), STORY.join('\n\n'));
  writeFileSync(join(input, 'b.md'), `# Fisheries\n\n${OTHER_STORY.join('\n\n')}\n`);
  writeFileSync(join(input, 'copy.txt'), STORY.join('\n\n')); // a copy: the group must come out the same
  writeFileSync(join(input, 'desk', 'c.txt'), MORE[0] as string);
  writeFileSync(
    join(input, 'desk', 'feed.jsonl'),
    `${MORE.map((text, i) => JSON.stringify({ title: `Item ${i}`, text })).join('\n')}\n`,
  );
  return dir;
}

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIO();
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('newsgraph merge', () => {
  it('merges shards (given in any order) into the bytes of one build', async () => {
    const dir = corpus();
    const input = join(dir, 'in');
    const built = await run(['build', input, '-o', join(dir, 'built.json'), '--no-cache', '--jobs', '1']);
    expect(built.code, built.stderr).toBe(0);
    const shards: string[] = [];
    for (const k of [1, 2, 3]) {
      const extracted = await run(['extract', input, '--jsonl', '--shard', `${k}/3`]);
      expect(extracted.code, extracted.stderr).toBe(0);
      const file = join(dir, `shard-${k}.jsonl`);
      writeFileSync(file, extracted.stdout);
      shards.push(file);
    }
    const merged = await run(['merge', ...shards.reverse(), '-o', join(dir, 'merged.json')]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toMatch(/merged 6 articles \(6 new\)/);
    const builtBytes = readFileSync(join(dir, 'built.json'), 'utf8');
    expect(readFileSync(join(dir, 'merged.json'), 'utf8')).toBe(builtBytes);
    expect(builtBytes).toContain('"group":"a.txt"');

    // One unsharded extraction, merged, is the same graph too.
    const whole = await run(['extract', input]);
    writeFileSync(join(dir, 'whole.jsonl'), whole.stdout);
    expect((await run(['merge', join(dir, 'whole.jsonl'), '-o', join(dir, 'whole.json')])).code).toBe(0);
    expect(readFileSync(join(dir, 'whole.json'), 'utf8')).toBe(builtBytes);
  });

  it('refuses a file that is not extract output, naming the line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-merge-bad-'));
    writeFileSync(
      join(dir, 'bad.jsonl'),
      '{"id":"x","file":"x","article":{},"entities":[],"relations":[]}\n{"title":"an article, not an extraction"}\n',
    );
    const result = await run(['merge', join(dir, 'bad.jsonl'), '-o', join(dir, 'g.json')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `newsgraph: ${join(dir, 'bad.jsonl')}: line 2: not a line of \`newsgraph extract\` output\n`,
    );
    expect((await run(['extract', '--shard', '3/2', dir])).code).toBe(2);
  });
});
