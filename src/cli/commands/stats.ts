/** `newsgraph stats GRAPH [--json] [--top N]`: counts by kind and relation, central entities, communities. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { DEFAULT_TOP } from '../../query/settings.js';
import type { CliIO } from '../context.js';

interface StatsFlags {
  json?: boolean;
  top?: string;
}

export function registerStats(program: Command, io: CliIO, _setExit: (code: number) => void): void {
  program
    .command('stats')
    .description(
      'summarise a graph: counts by kind and relation, top entities by degree and PageRank, Louvain communities',
    )
    .argument('<graph>', 'graph file (newsgraph JSON)')
    .option('--json', 'print JSON instead of text')
    .option('--top <n>', `how many entities and communities to list (default: ${DEFAULT_TOP})`)
    .action(async (graphFile: string, flags: StatsFlags) => {
      let top = DEFAULT_TOP;
      if (flags.top !== undefined) {
        if (!/^\d+$/.test(flags.top) || Number(flags.top) < 1)
          throw new UsageError(`--top must be a whole number of at least 1, not '${flags.top}'`);
        top = Number(flags.top);
      }
      const [{ GraphQuery }, { statsText }] = await Promise.all([
        import('../../query/graph-query.js'),
        import('../../query/format.js'),
      ]);
      const stats = (await GraphQuery.open(graphFile)).stats(top);
      io.out(flags.json ? `${JSON.stringify(stats, null, 2)}\n` : statsText(stats));
    });
}
