/** Reading and writing graph files (graphology serialized JSON, newsgraph/1). */
import { FileSystemError, GraphFileError } from '../errors.js';
import { writeOutput, type OutputOptions } from '../util/output.js';
import { readDataFile, type ReadDataOptions } from '../util/read-file.js';
import { MultiDirectedGraph } from './graphology.js';
import type { NewsGraph } from './types.js';
import { parseGraphData } from './schema.js';


export function serializeGraph(graph: NewsGraph): string {
  return JSON.stringify(graph.export());
}

/** Parses and validates graph JSON; `file` names the source in error messages. */
export function parseGraph(json: string, file: string | null = null): NewsGraph {
  let data: unknown;
  try {
    // A BOM is not part of the JSON (callers that read files already drop it).
    data = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch (error) {
    throw new GraphFileError(file, null, `not JSON (${(error as Error).message})`);
  }
  const graph: NewsGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.import(parseGraphData(data, file));
  return graph;
}

/** Reads and validates a graph file. FIFOs, devices and files over `maxBytes` are refused before reading. */
export async function loadGraph(file: string, options: ReadDataOptions = {}): Promise<NewsGraph> {
  const text = await readDataFile(file, (reason, cause) => new FileSystemError(file, reason, { cause }), options);
  return parseGraph(text, file);
}

/** Writes a graph file through the output module (atomic; never over an input, a device or a link). */
export async function saveGraph(graph: NewsGraph, file: string, options: OutputOptions = {}): Promise<void> {
  await writeOutput(file, serializeGraph(graph), options);
}
