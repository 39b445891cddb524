/** Reading and writing graph files (graphology serialized JSON, newsgraph/1). */
import { open } from 'node:fs/promises';
import { FileSystemError, GraphFileError } from '../errors.js';
import { type OutputOptions, writeOutput } from '../util/output.js';
import { type ReadDataOptions, readDataFile } from '../util/read-file.js';
import { MultiDirectedGraph } from './graphology.js';
import type { NewsGraph } from './types.js';
import { parseGraphData } from './validate.js';

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
    if (looksLikeArticleText(json))
      throw new GraphFileError(file, null, 'not a graph file but an article (text, not graph JSON)', {
        isArticle: true,
      });
    throw new GraphFileError(file, null, `not JSON (${(error as Error).message})`);
  }
  if (looksLikeArticleJson(data))
    throw new GraphFileError(file, null, 'not a graph file but an article (JSON with a text or body field)', {
      isArticle: true,
    });
  const graph: NewsGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.import(parseGraphData(data, file));
  return graph;
}

/**
 * Prose, Markdown or HTML rather than broken JSON: a file that does not start like JSON and has a few words.
 * People often hand an article to a command that wants a graph; they deserve to be told so.
 */
function looksLikeArticleText(text: string): boolean {
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return false;
  return (start.match(/\p{L}{2,}/gu) ?? []).length >= 3;
}

const ARTICLE_FIELDS = ['text', 'body', 'articleBody', 'content', 'maintext', 'fullText', 'story', 'paragraphs'];

/** An article object, or a list of them, or a feed holding one: what `build` reads, not a graph. */
function looksLikeArticleJson(data: unknown): boolean {
  const isArticle = (value: unknown) =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    ARTICLE_FIELDS.some((f) => f in value) &&
    !('nodes' in value);
  if (Array.isArray(data)) return data.length > 0 && isArticle(data[0]);
  if (isArticle(data)) return true;
  if (typeof data !== 'object' || data === null || 'nodes' in data) return false;
  return ['articles', 'items', 'data', 'results'].some((f) => {
    const list = (data as Record<string, unknown>)[f];
    return Array.isArray(list) && list.length > 0 && isArticle(list[0]);
  });
}

/** Graph files written here have their graph attributes, schema first, within the first hundred bytes. */
const GRAPH_HEAD_BYTES = 4096;
const GRAPH_HEAD = /^\uFEFF?\s*\{[\s\S]*?"attributes"\s*:\s*\{\s*"schema"\s*:\s*"newsgraph\//;

/**
 * True when a regular file starts like a newsgraph graph file (graph attributes whose schema is newsgraph/...).
 * Only the first bytes are read, so a large graph is not parsed just to tell it from an article; false for
 * anything that cannot be read.
 */
export async function looksLikeGraphFile(file: string): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return false;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(GRAPH_HEAD_BYTES), 0, GRAPH_HEAD_BYTES, 0);
    return GRAPH_HEAD.test(buffer.toString('utf8', 0, bytesRead));
  } catch {
    return false;
  } finally {
    await handle.close();
  }
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
