/** `newsgraph merge SHARD.jsonl... -o graph.json [--into GRAPH]`: extraction outputs of many machines, one graph. */
import type { Command } from 'commander';
import { DEFAULT_GRAPH_FILE } from '../../corpus/settings.js';
import { printableLine } from '../../util/printable.js';
import type { CliIO } from '../context.js';

interface MergeFlags {
  out?: string;
  into?: string;
}

export function registerMerge(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('merge')
    .description('merge `newsgraph extract --jsonl` outputs (from any number of machines) into one graph file')
    .argument('<extractions...>', 'JSON Lines files written by `newsgraph extract`')
    .option('-o, --out <file>', `graph file to write (default: the --into file, else ${DEFAULT_GRAPH_FILE})`)
    .option('--into <graph>', 'merge into this existing graph file (articles already in it are skipped)')
    .action(async (shards: string[], flags: MergeFlags) => {
      const { mergeShards } = await import('../../corpus/merge.js');
      const out = flags.out ?? flags.into ?? DEFAULT_GRAPH_FILE;
      const s = await mergeShards({ shards, out, ...(flags.into ? { into: flags.into } : {}), signal: io.signal });
      const known = s.alreadyInGraph > 0 ? `, ${s.alreadyInGraph} already in the graph` : '';
      io.err(
        printableLine(
          `newsgraph: merged ${s.lines} ${s.lines === 1 ? 'article' : 'articles'} (${s.added} new${known}), ${s.entities} entities, ${s.relations} relations -> ${out}`,
        ),
      );
      setExit(s.lines > 0 ? 0 : 1);
    });
}
