import { ingestFile } from '/work/main/src/ingest/index.js';
for (const f of process.argv.slice(2)) { const t = performance.now(); const [a] = await ingestFile(f); console.log(f, (performance.now() - t).toFixed(0), 'ms', a!.text.length); }
