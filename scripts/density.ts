/**
 * The density of a DWIE dev build (issue #14): the share of nodes without an edge and the edges per article, by node
 * kind and by relation; with --isolated N, a fixed random sample of N isolated nodes with the sentence of their first
 * mention, for a reader to say why each has no edge.
 *
 *   node dist/scripts/density.js [--data DIR] [--isolated 60] [--seed 7] [--kind person] [-o out/isolated.md]
 *
 * DIR defaults to $NEWSGRAPH_DATA or ../shared/data. The graph is the one `newsgraph build` makes of the documents
 * written as text files named by their titles.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildDwieGraph, graphDensity } from '../src/eval/density.js';
import { readDwie } from '../src/eval/dwie.js';
import { cell, firstEvidence, seededSample } from './lib/node-sample.js';

interface Options {
  data: string;
  isolated: number;
  seed: number;
  kind: string | null;
  out: string | null;
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = {
    data: process.env.NEWSGRAPH_DATA ?? '../shared/data',
    isolated: 0,
    seed: 7,
    kind: null,
    out: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data') o.data = argv[++i] ?? o.data;
    else if (a === '--isolated') o.isolated = Number(argv[++i] ?? 0);
    else if (a === '--seed') o.seed = Number(argv[++i] ?? o.seed);
    else if (a === '--kind') o.kind = argv[++i] ?? null;
    else if (a === '-o' || a === '--out') o.out = argv[++i] ?? null;
  }
  return o;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const docs = await readDwie(join(o.data, 'dwie', 'dev.json'));
  const { graph, texts } = buildDwieGraph(docs);
  const d = graphDensity(graph);
  const lines = [
    `DWIE dev build: ${d.articles} articles, ${d.nodes} nodes, ${d.edges} edges`,
    `isolated: ${d.isolated}/${d.nodes} = ${pct(d.isolatedShare)}; edges per article: ${d.edgesPerArticle.toFixed(2)}`,
    '',
    'kind          nodes  isolated  share   edges/article',
  ];
  for (const [kind, k] of Object.entries(d.byKind).sort()) {
    lines.push(
      `${kind.padEnd(13)} ${String(k.nodes).padStart(5)}  ${String(k.isolated).padStart(8)}  ${pct(k.isolated / k.nodes).padStart(6)}  ${(k.edges / d.articles).toFixed(2).padStart(6)}`,
    );
  }
  lines.push('', 'relation           edges');
  for (const [relation, n] of Object.entries(d.byRelation).sort((a, b) => b[1] - a[1])) {
    lines.push(`${relation.padEnd(18)} ${String(n).padStart(5)}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (o.isolated <= 0) return;
  const keys = graph
    .nodes()
    .filter((key) => graph.degree(key) === 0 && (o.kind === null || graph.getNodeAttribute(key, 'kind') === o.kind))
    .sort();
  const picked = seededSample(keys, o.isolated, o.seed);
  const n = picked.length;
  const sample = [
    `# ${n} of ${keys.length} isolated nodes (seed ${o.seed})`,
    '',
    '| # | kind | label | first sentence |',
    '|---|---|---|---|',
  ];
  picked.forEach((key, i) => {
    const a = graph.getNodeAttributes(key);
    sample.push(`| ${i + 1} | ${a.kind} | ${cell(a.label)} | ${cell(firstEvidence(a, texts))} |`);
  });
  if (o.out) {
    mkdirSync(dirname(o.out), { recursive: true });
    writeFileSync(o.out, `${sample.join('\n')}\n`);
    process.stderr.write(`density: ${n} isolated nodes written to ${o.out}\n`);
  } else process.stdout.write(`\n${sample.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`density: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
