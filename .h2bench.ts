import { readFileSync } from 'node:fs';
import { ingestString } from '/work/main/src/ingest/index.js';
const text = readFileSync('/tmp/big.txt', 'utf8');
const html = readFileSync('/tmp/big.html', 'utf8');
const base = () => { const t = performance.now(); let n = 0; for (const w of text.split(' ')) n += w.toLowerCase().length; return performance.now() - t; };
for (let k = 0; k < 3; k++) {
  const b = base();
  let t = performance.now(); ingestString(text, 'big.txt'); const tt = performance.now() - t;
  t = performance.now(); ingestString(html, 'big.html'); const th = performance.now() - t;
  console.log(`baseline ${b.toFixed(0)} ms; text ${tt.toFixed(0)} ms (${(tt / b).toFixed(1)}x); html ${th.toFixed(0)} ms (${(th / b).toFixed(1)}x)`);
}
