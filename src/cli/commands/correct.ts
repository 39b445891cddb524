/** `newsgraph correct GRAPH CORRECTIONS -o OUT`: apply a corrections file (merge, aliases, kind, drop, distinct) to a graph. */
import type { Command } from 'commander';
import type { CliIO } from '../context.js';

interface CorrectFlags {
  out: string;
}

export function registerCorrect(program: Command, io: CliIO, _setExit: (code: number) => void): void {
  program
    .command('correct')
    .description(
      'apply corrections (merge, aliases, kind, drop, distinct; a JSON file) to a graph and write the result',
    )
    .argument('<graph>', 'graph file (newsgraph JSON)')
    .argument('<corrections>', 'corrections file (JSON, see the README)')
    .requiredOption('-o, --out <file>', 'graph file to write (may be the input graph itself)')
    .addHelpText('after', '\nExample:\n  newsgraph correct out/graph.json corrections.json -o out/corrected.json\n')
    .action(async (graphFile: string, correctionsFile: string, flags: CorrectFlags) => {
      const [{ loadGraph, saveGraph }, { applyCorrections, loadCorrections }] = await Promise.all([
        import('../../graph/file.js'),
        import('../../graph/corrections.js'),
      ]);
      const corrections = await loadCorrections(correctionsFile);
      const graph = await loadGraph(graphFile);
      const before = { nodes: graph.order, edges: graph.size };
      const report = applyCorrections(graph, corrections, { source: correctionsFile });
      await saveGraph(graph, flags.out);
      for (const line of report.changes) io.err(`newsgraph: ${line}\n`);
      io.err(
        `newsgraph: ${report.changes.length} ${report.changes.length === 1 ? 'change' : 'changes'}; ` +
          `${before.nodes} -> ${graph.order} entities, ${before.edges} -> ${graph.size} relations -> ${flags.out}\n`,
      );
    });
}
