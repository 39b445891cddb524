import { performance } from 'node:perf_hooks';
const root = '/work/main/dist/src/';
const { createGraph } = await import(root + 'graph/build.js');
const { writeGexf } = await import(root + 'io/gexf.js');
const { writeGraphml } = await import(root + 'io/graphml.js');
const { writeCsv } = await import(root + 'io/csv.js');
const { GraphQuery } = await import(root + 'query/graph-query.js');
const { serializeGraph, parseGraph } = await import(root + 'graph/file.js');
const N = Number(process.argv[2] ?? 50000), M = N * 2; const ONLY = process.argv[3];
const g = createGraph();
const kinds = ['person','state','organisation','topic','place'];
const rels = ['speaks-for','member-of','supports','part-of'];
let seed = 1; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const arts = []; for (let i = 0; i < 2000; i++) arts.push({ id: 'a'+i, title: 't', source: null, published: `2024-0${1+(i%9)}-1${i%10}`, url: null, file: 'f' });
g.setAttribute('articles', arts);
for (let i = 0; i < N; i++) { const k = kinds[i%5]; g.addNode(`${k}:n${i}`, { label: `Name ${i} Surname${i%977}`, kind: k, aliases: [`N${i}`], mentions: 1+i%7, articles: ['a'+(i%2000)], rules: ['r'], examples: [] }); }
const nodes = g.nodes();
for (let j = 0; j < M; j++) { const s = nodes[Math.floor(Math.pow(rnd(),2)*N)], t = nodes[Math.floor(rnd()*N)]; if (s===t) continue; const r = rels[j%4]; const key = `${s}|${r}|${t}`; if (g.hasEdge(key)) continue; g.addEdgeWithKey(key, s, t, { relation: r, label: r, weight: 1, confidence: 0.5, evidence: [{ article: 'a'+(j%2000), sentence: 'A sentence, "quoted" & so on.', start: 0, end: 29, rule: 'x' }], rules: ['x'] }); }
const time = (name, f) => { const t0 = performance.now(); const r = f(); console.log(name, (performance.now()-t0).toFixed(0), 'ms'); return r; };
const json = serializeGraph(g);
const g2 = time('parse json', () => parseGraph(json));
if (ONLY === 'gexf') { time('gexf', () => writeGexf(g2)); process.exit(0); }

time('graphml', () => writeGraphml(g2));
time('csv', () => writeCsv(g2));
const q = time('query index', () => new GraphQuery(g2));
time('relations ? supports Name 5', () => q.relations({ relation: 'supports', target: 'Name 5 Surname5' }).length);
time('relations Name 1 ? ?', () => q.relations({ source: 'Name 1 Surname1' }).length);
time('relations ? ? ? min .6', () => q.relations({ minConfidence: 0.6 }).length);
time('suggest', () => q.names.suggest('Nmae 123 Surnam123'));
time('path', () => q.shortestPath('Name 10 Surname10', 'Name 20000 Surname460'));
time('stats', () => q.stats());
