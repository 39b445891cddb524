/**
 * A repeatable audit of graph nodes: builds one graph from the DWIE dev articles and the politics test articles
 * (tests/fixtures/politics), draws a fixed random sample of nodes and writes each with its kind, aliases, rules and
 * first evidence (the sentence of its first mention) for a human to mark as right, junk or of the wrong kind.
 *
 *   node dist/scripts/audit-nodes.js [--data DIR] [--sample 100] [--seed 13] [-o out/audit-nodes.md]
 *
 * DIR defaults to $NEWSGRAPH_DATA or ../shared/data. The same seed and inputs give the same sample.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dwieDocumentText, readDwie } from '../src/eval/dwie.js';
import { plainArticle } from '../src/eval/plain-article.js';
import { extractArticle } from '../src/extract/index.js';
import type { Extraction } from '../src/extract/types.js';
import { buildGraph } from '../src/graph/build.js';
import { ingestString } from '../src/ingest/index.js';
import { cell, firstEvidence, seededSample } from './lib/node-sample.js';

interface Options {
  data: string;
  sample: number;
  seed: number;
  out: string;
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = {
    data: process.env.NEWSGRAPH_DATA ?? '../shared/data',
    sample: 100,
    seed: 13,
    out: 'out/audit-nodes.md',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data') o.data = argv[++i] ?? o.data;
    else if (a === '--sample') o.sample = Number(argv[++i] ?? o.sample);
    else if (a === '--seed') o.seed = Number(argv[++i] ?? o.seed);
    else if (a === '-o' || a === '--out') o.out = argv[++i] ?? o.out;
  }
  return o;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const texts = new Map<string, string>();
  const extractions: Extraction[] = [];
  const docs = await readDwie(join(o.data, 'dwie', 'dev.json'));
  for (const doc of docs) {
    const text = dwieDocumentText(doc);
    texts.set(doc.title, text);
    extractions.push(extractArticle(plainArticle(doc.title, text)));
  }
  const politics = 'tests/fixtures/politics';
  for (const name of readdirSync(politics)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const raw = readFileSync(join(politics, name), 'utf8');
    for (const article of ingestString(raw, name, `politics/${name}`)) {
      texts.set(article.id, article.original);
      extractions.push(extractArticle(article));
    }
  }
  extractions.sort((a, b) => (a.articleId < b.articleId ? -1 : 1));
  const graph = buildGraph(extractions);
  const keys = graph.nodes().sort();
  const picked = seededSample(keys, o.sample, o.seed);
  const n = picked.length;
  const lines = [
    `# Node audit: ${n} of ${keys.length} nodes (seed ${o.seed}), ${extractions.length} articles`,
    '',
    'Mark each node: ok, junk (no real-world entity) or kind (wrong kind). Verdict column left for the reviewer.',
    '',
    '| # | kind | label | aliases | rules | first evidence | verdict |',
    '|---|---|---|---|---|---|---|',
  ];
  picked.forEach((key, i) => {
    const a = graph.getNodeAttributes(key);
    const evidence = firstEvidence(a, texts);
    lines.push(
      `| ${i + 1} | ${a.kind} | ${cell(a.label)} | ${cell(a.aliases.join('; '))} | ${a.rules.join(', ')} | ${cell(evidence)} | |`,
    );
  });
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, `${lines.join('\n')}\n`);
  process.stderr.write(`audit-nodes: ${n} nodes of ${keys.length} written to ${o.out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`audit-nodes: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
