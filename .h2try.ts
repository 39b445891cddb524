import { ingestFile } from '/work/main/src/ingest/index.js';
import { toOriginalSpan } from '/work/main/src/ingest/offsets.js';
const [a] = await ingestFile(process.argv[2]!);
console.log({ ...a, original: a!.original.length, map: a!.map.runs.length / 3, text: a!.text });
let bad = 0;
for (const m of a!.text.matchAll(/[A-Za-z0-9]+/g)) {
  const s = toOriginalSpan(a!.map, { start: m.index!, end: m.index! + m[0].length });
  if (a!.original.slice(s.start, s.end) !== m[0]) { bad++; if (bad < 5) console.log('BAD', m[0], a!.original.slice(s.start, s.end)); }
}
console.log('bad', bad);
