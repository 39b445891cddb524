/** Reading and writing graph files (graphology serialized JSON, newsgraph/1). */
import { readFile } from 'node:fs/promises';
import graphology from 'graphology';
import { FileSystemError, GraphFileError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { NewsGraph } from './types.js';
import { parseGraphData } from './schema.js';

const { MultiDirectedGraph } = graphology;

export function serializeGraph(graph: NewsGraph): string {
  return JSON.stringify(graph.export());
}

/** Parses and validates graph JSON; `file` names the source in error messages. */
export function parseGraph(json: string, file: string | null = null): NewsGraph {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new GraphFileError(file, null, `not JSON (${(error as Error).message})`);
  }
  const graph: NewsGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.import(parseGraphData(data, file));
  return graph;
}

export async function loadGraph(file: string): Promise<NewsGraph> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileSystemError(file, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})`, { cause: error });
  }
  return parseGraph(text, file);
}

export async function saveGraph(graph: NewsGraph, file: string): Promise<void> {
  await writeFileAtomic(file, serializeGraph(graph));
}
