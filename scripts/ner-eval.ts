/**
 * Measures the tagger directly on a CoNLL-2003 file: strict-span P/R/F1 for PER/ORG/LOC and their micro average
 * (a predicted span equal to a gold MISC span is not counted), tokens per second (wall clock and CPU), load time.
 *
 *   node dist/scripts/ner-eval.js ../shared/data/conll2003/dev.txt [--model models/ner.bin.gz] [--repeat N]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MODEL_PATH } from '../src/extract/ner/index.js';
import { decodeModel } from '../src/extract/ner/model.js';
import { Tagger } from '../src/extract/ner/tagger.js';
import { LABELS } from '../src/extract/ner/tags.js';
import { emptyScore, formatScore, readConll, scoreSentence } from './ner-conll.js';

function main(): void {
  const argv = process.argv.slice(2);
  let file = '../shared/data/conll2003/dev.txt';
  let modelPath = MODEL_PATH;
  let repeat = 3;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--model') modelPath = resolve(argv[++i] ?? '');
    else if (a === '--repeat') repeat = Math.max(1, Number(argv[++i] ?? '3'));
    else file = a;
  }
  const docs = readConll(file);
  const w0 = performance.now();
  const c0 = process.cpuUsage();
  const tagger = new Tagger(decodeModel(readFileSync(modelPath)));
  const loadMs = performance.now() - w0;
  const loadCpu = process.cpuUsage(c0);
  const score = emptyScore();
  let tokens = 0;
  for (const doc of docs) for (const s of doc.sentences) tokens += s.length;
  // Warm up the JIT, then time `repeat` full passes over the file.
  for (const doc of docs.slice(0, 30)) tagger.tag(doc.sentences);
  const w1 = performance.now();
  const c1 = process.cpuUsage();
  let outputs: ReturnType<Tagger['tag']>[] = [];
  for (let r = 0; r < repeat; r++) outputs = docs.map((doc) => tagger.tag(doc.sentences));
  const wall = (performance.now() - w1) / 1000;
  const cpuU = process.cpuUsage(c1);
  const cpu = (cpuU.user + cpuU.system) / 1e6;
  docs.forEach((doc, i) => {
    doc.sentences.forEach((_, j) => {
      const pred = (outputs[i]?.[j] ?? []).map((sp) => ({
        start: sp.start,
        end: sp.end,
        label: LABELS.indexOf(sp.label),
      }));
      scoreSentence(score, doc.spans[j] ?? [], pred);
    });
  });
  console.log(`${file}: ${docs.length} documents, ${tokens} tokens; model ${modelPath}`);
  console.log(formatScore(score));
  console.log(
    `speed: ${Math.round((tokens * repeat) / wall)} tokens/s wall, ${Math.round((tokens * repeat) / cpu)} tokens/s CPU; ` +
      `load ${loadMs.toFixed(0)} ms wall, ${((loadCpu.user + loadCpu.system) / 1000).toFixed(0)} ms CPU`,
  );
}

main();
