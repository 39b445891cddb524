/**
 * `newsgraph merge SHARD.jsonl... -o graph.json`: the outputs of `newsgraph extract` from any number of machines,
 * merged into one graph. Lines from sharded runs (`--shard K/N`) are put back in build order by their `seq`, so the
 * graph has the same bytes as one build over the same inputs; other lines are merged in the order given.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { FileSystemError, InputError, UsageError } from '../errors.js';
import type { Extraction } from '../extract/types.js';
import { addExtraction, createGraph } from '../graph/build.js';
import { loadGraph, saveGraph } from '../graph/file.js';
import { isExtractionList } from './cache.js';

export interface MergeOptions {
  shards: string[];
  out: string;
  /** An existing graph to merge into (its articles are kept; lines for articles it has are skipped). */
  into?: string;
  signal: AbortSignal;
}

export interface MergeSummary {
  lines: number;
  added: number;
  alreadyInGraph: number;
  entities: number;
  relations: number;
}

interface Parsed {
  extraction: Extraction;
  seq: number | null;
  order: number;
}

async function readShard(file: string, into: Parsed[], signal: AbortSignal): Promise<void> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  try {
    await opened;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileSystemError(file, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})`, {
      cause: error,
    });
  }
  let n = 0;
  for await (const raw of createInterface({ input: stream, crlfDelay: Infinity })) {
    n++;
    signal.throwIfAborted();
    if (raw.trim() === '') continue;
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(raw) as Record<string, unknown>;
    } catch (error) {
      throw new InputError(file, `line ${n}: not JSON (${(error as Error).message})`);
    }
    const extraction = {
      articleId: value.id,
      file: value.file,
      article: value.article,
      entities: value.entities,
      relations: value.relations,
      ...(typeof value.signature === 'string' ? { signature: value.signature } : {}),
    };
    if (!isExtractionList([extraction]))
      throw new InputError(file, `line ${n}: not a line of \`newsgraph extract\` output`);
    const seq = typeof value.seq === 'number' && typeof value.shard === 'string' ? value.seq : null;
    into.push({ extraction: extraction as Extraction, seq, order: into.length });
  }
}

export async function mergeShards(options: MergeOptions): Promise<MergeSummary> {
  if (options.shards.length === 0) throw new UsageError('no extraction files given');
  const parsed: Parsed[] = [];
  for (const file of options.shards) await readShard(file, parsed, options.signal);
  // Sharded lines go back into build order; a stable sort keeps a file's several articles (JSON Lines input) together.
  if (parsed.length > 0 && parsed.every((p) => p.seq !== null))
    parsed.sort((a, b) => (a.seq as number) - (b.seq as number) || a.order - b.order);
  const graph = options.into ? await loadGraph(options.into) : createGraph();
  const summary: MergeSummary = { lines: parsed.length, added: 0, alreadyInGraph: 0, entities: 0, relations: 0 };
  for (const { extraction } of parsed) {
    if (addExtraction(graph, extraction)) summary.added++;
    else summary.alreadyInGraph++;
  }
  options.signal.throwIfAborted();
  summary.entities = graph.order;
  summary.relations = graph.size;
  await saveGraph(graph, options.out);
  return summary;
}
