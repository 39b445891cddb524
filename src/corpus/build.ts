/** Builds a graph from many inputs. Provisional single-threaded version; the corpus issue adds the pool and cache. */
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { CliIO } from '../cli/context.js';
import { InputError, UsageError } from '../errors.js';
import { extractArticle } from '../extract/index.js';
import type { Extraction } from '../extract/types.js';
import { buildGraph } from '../graph/build.js';
import { saveGraph } from '../graph/file.js';
import { ingestFile } from '../ingest/index.js';

export interface BuildOptions {
  inputs: string[];
  out: string;
  io: CliIO;
}

export interface BuildSummary {
  articles: number;
  skipped: number;
  entities: number;
  relations: number;
  seconds: number;
}

async function listFiles(input: string): Promise<Array<{ file: string; id: string }>> {
  const info = await stat(input).catch(() => null);
  if (!info) throw new UsageError(`${input}: no such file or folder`);
  if (!info.isDirectory()) return [{ file: input, id: input }];
  const out: Array<{ file: string; id: string }> = [];
  const walk = async (dir: string) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (/\.(txt|md|markdown|html?|json|jsonl)$/i.test(entry.name)) out.push({ file: path, id: relative(input, path) });
    }
  };
  await walk(input);
  return out;
}

export async function buildCorpus(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const files = (await Promise.all(options.inputs.map(listFiles))).flat();
  const extractions: Extraction[] = [];
  let skipped = 0;
  for (const { file, id } of files) {
    try {
      for (const article of await ingestFile(file, id)) extractions.push(extractArticle(article));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      skipped++;
      options.io.err(`newsgraph: skipped ${error.message}\n`);
    }
  }
  extractions.sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0));
  const graph = buildGraph(extractions);
  if (extractions.length > 0) await saveGraph(graph, options.out);
  const summary: BuildSummary = {
    articles: extractions.length,
    skipped,
    entities: graph.order,
    relations: graph.size,
    seconds: (performance.now() - started) / 1000,
  };
  options.io.err(
    `newsgraph: ${summary.articles} articles, ${summary.skipped} skipped, ${summary.entities} entities, ${summary.relations} relations in ${summary.seconds.toFixed(1)} s -> ${options.out}\n`,
  );
  return summary;
}
