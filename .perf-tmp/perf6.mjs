import { performance } from 'node:perf_hooks';
import graphology from 'graphology';
import fa2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
const mk = (N) => { const M = 2*N; const g = new graphology.UndirectedGraph();
let seed = 1; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const GA = Math.PI * (3 - Math.sqrt(5));
for (let i = 0; i < N; i++) { const r = 10*Math.sqrt(i+0.5); g.addNode('n'+i, { x: r*Math.cos(i*GA), y: r*Math.sin(i*GA), size: 5 + (i%100===0?20:0) }); }
for (let j = 0; j < M; j++) { const s = 'n'+Math.floor(Math.pow(rnd(),2)*N), t = 'n'+Math.floor(rnd()*N); if (s!==t) g.mergeEdge(s, t, { weight: 1 }); }
return g; };
const time = (name, f) => { const t0 = performance.now(); const r = f(); const ms = performance.now()-t0; console.log(name, ms.toFixed(0), 'ms'); return ms; };
for (const N of [2000, 20000, 50000]) { const g = mk(N); const settings = fa2.inferSettings(g);
 time(`N=${N} fa2 2`, () => fa2.assign(g, { iterations: 2, settings, getEdgeWeight: 'weight' }));
 const gridSize = Math.max(20, Math.round(Math.sqrt(N)));
 time(`  noverlap 10 grid ${gridSize}`, () => noverlap.assign(g, { maxIterations: 10, settings: { gridSize, margin: 2, ratio: 1.1 } }));
}
