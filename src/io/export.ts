/**
 * Export a graph to a file in one of the supported formats. Every file is written atomically, so a reader never
 * sees half an export; the CSV format writes a folder with nodes.csv and edges.csv.
 */
import { extname, join } from 'node:path';
import { serializeGraph } from '../graph/file.js';
import type { NewsGraph } from '../graph/types.js';
import { checkOutput, type OutputOptions, writeOutput } from '../util/output.js';
import { type CsvOptions, writeCsv } from './csv.js';
import { type ExportFormat, resolveFormat } from './formats.js';
import { type GexfOptions, writeGexf } from './gexf.js';
import { writeGraphml } from './graphml.js';
import { degreeSizes, type LayoutOptions, layoutPositions } from './layout.js';

export { EXPORT_FORMATS, type ExportFormat, resolveFormat } from './formats.js';

/** The folder a CSV export writes into: 'out/graph.csv' -> 'out/graph', 'out/neo4j/' -> 'out/neo4j'. */
export function csvFolder(output: string): string {
  const trimmed = output.replace(/[\\/]+$/, '');
  return extname(trimmed).toLowerCase() === '.csv' ? trimmed.slice(0, -4) : trimmed;
}

/** The two files a CSV export writes. */
function csvFiles(output: string): [string, string] {
  const folder = csvFolder(output);
  return [join(folder, 'nodes.csv'), join(folder, 'edges.csv')];
}

/** The graph with export positions as x/y (a copy; the input graph is not changed). */
function withLayout(graph: NewsGraph, options: LayoutOptions = {}): NewsGraph {
  const sizes = degreeSizes(graph);
  const positions = layoutPositions(graph, sizes, options);
  const copy = graph.copy() as NewsGraph;
  copy.updateEachNodeAttributes((node, attributes) => {
    const position = positions.get(node);
    return position ? { ...attributes, x: position.x, y: position.y } : attributes;
  });
  return copy;
}

export interface ExportOptions extends GexfOptions, CsvOptions {
  format?: string;
  /** Identities of the files this export read (the graph file): an output that is one of them is refused. */
  inputs?: OutputOptions['inputs'];
}

export interface ExportResult {
  format: ExportFormat;
  /** Every file written. */
  files: string[];
}

export async function exportGraph(
  graph: NewsGraph,
  output: string,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const format = resolveFormat(output, options.format);
  const outputOptions: OutputOptions = options.inputs ? { inputs: options.inputs } : {};
  const write = (file: string, data: string) => writeOutput(file, data, outputOptions);
  // A bad output (an input, a folder, a virtual file system) fails before the layout runs.
  for (const file of format === 'csv' ? csvFiles(output) : [output]) await checkOutput(file, outputOptions);
  switch (format) {
    case 'gexf':
      await write(output, writeGexf(graph, options));
      return { format, files: [output] };
    case 'graphml':
      await write(output, writeGraphml(graph));
      return { format, files: [output] };
    case 'json':
      await write(output, serializeGraph(withLayout(graph, options)));
      return { format, files: [output] };
    case 'csv': {
      const { nodes, edges } = writeCsv(graph, options);
      const files = csvFiles(output);
      await write(files[0]!, nodes);
      await write(files[1]!, edges);
      return { format, files };
    }
  }
}
