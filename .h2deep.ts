import { ingestFile } from '/work/main/src/ingest/index.js';
for (const f of process.argv.slice(2)) { const t = performance.now(); try { const [a] = await ingestFile(f); console.log(f, (performance.now() - t).toFixed(0), 'ms', JSON.stringify(a!.text.slice(0, 80))); } catch (e) { console.log(f, 'ERR', String(e).slice(0, 200)); } }
