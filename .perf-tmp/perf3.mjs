import { performance } from 'node:perf_hooks';
import graphology from 'graphology';
import fa2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
const N = Number(process.argv[2] ?? 5000), M = N * 2;
const g = new graphology.UndirectedGraph();
let seed = 1; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const GA = Math.PI * (3 - Math.sqrt(5));
for (let i = 0; i < N; i++) { const r = 10*Math.sqrt(i+0.5); g.addNode('n'+i, { x: r*Math.cos(i*GA), y: r*Math.sin(i*GA), size: 5 }); }
for (let j = 0; j < M; j++) { const s = 'n'+Math.floor(Math.pow(rnd(),2)*N), t = 'n'+Math.floor(rnd()*N); if (s!==t) g.mergeEdge(s, t, { weight: 1 }); }
const time = (name, f) => { const t0 = performance.now(); const r = f(); console.log(name, (performance.now()-t0).toFixed(0), 'ms'); return r; };
const settings = fa2.inferSettings(g); console.log(settings);
time('fa2 20', () => fa2.assign(g, { iterations: 20, settings, getEdgeWeight: 'weight' }));
let xs = g.mapNodes((n,a)=>a.x); console.log('x range', Math.min(...xs), Math.max(...xs));
time('noverlap 5', () => noverlap.assign(g, { maxIterations: 5, settings: { margin: 2, ratio: 1.1 } }));
