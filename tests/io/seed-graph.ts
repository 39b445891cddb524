/** The seed article through the real pipeline (ingest, extract, build), whatever the extractor finds today. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../src/extract/index.js';
import { buildGraph } from '../../src/graph/build.js';
import type { NewsGraph } from '../../src/graph/types.js';
import { ingestFile } from '../../src/ingest/index.js';
import { REPO_ROOT } from './helpers.js';

let cached: Promise<NewsGraph> | null = null;

async function build(): Promise<NewsGraph> {
  const seeds = join(REPO_ROOT, 'seeds');
  const files = readdirSync(seeds)
    .filter((f) => !f.endsWith('.gold.json'))
    .map((f) => join(seeds, f));
  const articles = (await Promise.all(files.map((file) => ingestFile(file)))).flat();
  return buildGraph(articles.map((article) => extractArticle(article)));
}

export function seedGraph(): Promise<NewsGraph> {
  cached ??= build();
  return cached;
}
