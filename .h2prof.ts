import { readFileSync } from 'node:fs';
import { cleanup } from '/work/main/src/ingest/cleanup.js';
import { sliceOf, toOffsetMap } from '/work/main/src/ingest/mapped.js';
import { detectHeader } from '/work/main/src/ingest/header.js';
const s = readFileSync('/tmp/big.txt', 'utf8');
for (let k = 0; k < 2; k++) {
let t = performance.now(); const h = detectHeader(s); console.log('header', performance.now() - t);
t = performance.now(); const m = sliceOf(s, h.bodyStart); console.log('slice', performance.now() - t);
t = performance.now(); const c = cleanup(m); console.log('cleanup', performance.now() - t);
t = performance.now(); toOffsetMap(c); console.log('map', performance.now() - t);
}
