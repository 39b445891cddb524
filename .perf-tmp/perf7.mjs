import { performance } from 'node:perf_hooks';
const root = '/work/main/dist/src/';
const { createGraph } = await import(root + 'graph/build.js');
const { layoutPositions } = await import(root + 'io/layout.js');
const { writeGexf } = await import(root + 'io/gexf.js');
const gexfLib = (await import('graphology-gexf')).default;
const N = Number(process.argv[2] ?? 50000), M = N * 2;
const g = createGraph();
const kinds = ['person','state','organisation','topic','place'];
const rels = ['speaks-for','member-of','supports','part-of'];
let seed = 1; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
for (let i = 0; i < N; i++) { const k = kinds[i%5]; g.addNode(`${k}:n${i}`, { label: `Name ${i}`, kind: k, aliases: [`N${i}`], mentions: 1, articles: [], rules: [], examples: [] }); }
const nodes = g.nodes();
for (let j = 0; j < M; j++) { const s = nodes[Math.floor(Math.pow(rnd(),2)*N)], t = nodes[Math.floor(rnd()*N)]; if (s===t) continue; const r = rels[j%4]; const key = `${s}|${r}|${t}`; if (g.hasEdge(key)) continue; g.addEdgeWithKey(key, s, t, { relation: r, label: r, weight: 1, confidence: 0.5, evidence: [], rules: [] }); }
const time = (name, f) => { const t0 = performance.now(); const r = f(); console.log(name, (performance.now()-t0).toFixed(0), 'ms'); return r; };
const sizes = new Map(nodes.map(n => [n, 5]));
time('writeGexf', () => writeGexf(g));
