/** `newsgraph export GRAPH -o FILE [--format gexf|graphml|csv|json]`: the graph for Gephi, Neo4j, spreadsheets. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { EXPORT_FORMATS, resolveFormat } from '../../io/formats.js';
import { printableLine } from '../../util/printable.js';
import type { CliIO } from '../context.js';

interface ExportFlags {
  out?: string;
  format?: string;
  iterations?: string;
  rawCsv?: boolean;
}

function parseIterations(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`--iterations must be a whole number of at least 1, not '${value}'`);
  return Number(value);
}

export function registerExport(program: Command, io: CliIO, _setExit: (code: number) => void): void {
  program
    .command('export')
    .description('write the graph as GEXF (Gephi, with a timeline), GraphML, CSV for neo4j-admin import, or JSON')
    .argument('<graph>', 'graph file (newsgraph JSON)')
    .option('-o, --out <file>', 'output file; for csv a folder that receives nodes.csv and edges.csv')
    .option('-f, --format <format>', `${EXPORT_FORMATS.join('|')} (default: from the output extension)`)
    .option('--iterations <n>', 'ForceAtlas2 iterations for the layout (default: bounded by graph size)')
    .option(
      '--raw-csv',
      "csv: write cells as they are, without the apostrophe that stops spreadsheets running '=...' as a formula",
    )
    .action(async (graphFile: string, flags: ExportFlags) => {
      if (!flags.out) throw new UsageError('export needs an output: -o FILE');
      const iterations = parseIterations(flags.iterations);
      resolveFormat(flags.out, flags.format); // a wrong format fails before the graph or the writers are loaded
      const [{ exportGraph }, { loadGraph }, { identitiesOf }] = await Promise.all([
        import('../../io/export.js'),
        import('../../graph/file.js'),
        import('../../util/output.js'),
      ]);
      const graph = await loadGraph(graphFile);
      const result = await exportGraph(graph, flags.out, {
        ...(flags.format !== undefined ? { format: flags.format } : {}),
        ...(iterations !== undefined ? { iterations } : {}),
        ...(flags.rawCsv ? { neutraliseFormulas: false } : {}),
        // The export must not replace the graph it was made from.
        inputs: await identitiesOf([graphFile]),
      });
      io.err(
        printableLine(
          `exported ${graph.order} nodes and ${graph.size} edges as ${result.format}: ${result.files.join(', ')}`,
        ),
      );
    });
}
