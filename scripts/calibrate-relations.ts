/**
 * Calibrates the relation rules: `npm run calibrate:relations DATA_DIR` (DATA_DIR holds dwie/dev.json and
 * conll04/train.json). Runs the extractor end to end, measures each rule's precision (Laplace-smoothed) on DWIE dev,
 * or on CoNLL04 train for rules DWIE does not exercise (kills, born-in, ...), and writes
 * src/extract/relations/data/calibration.json. Precision does not depend on the confidences, so re-running is stable.
 * Never reads a test split.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { evalConll04, readConll04 } from '../src/eval/conll04.js';
import { evalDwie, readDwie } from '../src/eval/dwie.js';
import { evalDwieRelations } from '../src/eval/relations.js';
import { ALL_RULES } from '../src/extract/relations/index.js';
import type { Extraction } from '../src/extract/types.js';
import { PACKAGE_ROOT } from '../src/version.js';

const MIN_JUDGED = 8;

/** A speaks-for edge also counts for citizenship, but it is right only as what it says: judge it in its own family. */
const SECONDARY: ReadonlyArray<[string, string]> = [
  ['citizenship', 'speaks-for'],
  ['based-in', 'located-in'],
];

function tally(
  judged: ReadonlyArray<{ task: string; rule: string; correct: boolean; edge: string }>,
): Map<string, { judged: number; correct: number }> {
  const byEdge = new Map<string, { rule: string; correct: boolean }>();
  for (const j of judged) {
    const relation = / -([a-z-]+)-> /.exec(j.edge)?.[1] ?? '';
    if (SECONDARY.some(([task, r]) => task === j.task && r === relation)) continue;
    const k = `${j.rule}|${j.edge}`;
    const prev = byEdge.get(k);
    byEdge.set(k, { rule: j.rule, correct: (prev?.correct ?? false) || j.correct });
  }
  const out = new Map<string, { judged: number; correct: number }>();
  for (const j of byEdge.values()) {
    const r = out.get(j.rule) ?? { judged: 0, correct: 0 };
    r.judged++;
    if (j.correct) r.correct++;
    out.set(j.rule, r);
  }
  return out;
}

async function main(): Promise<void> {
  const dataDir = resolve(process.argv[2] ?? join(PACKAGE_ROOT, '..', 'shared', 'data'));
  const docs = await readDwie(join(dataDir, 'dwie', 'dev.json'));
  const extractions = new Map<string, Extraction>();
  evalDwie(docs, { onExtraction: (d, x) => extractions.set(d.title, x) });
  const dwie = tally(
    evalDwieRelations(docs, (_t, title) => extractions.get(title) ?? { entities: [], relations: [] }).judged,
  );
  const conll = tally(evalConll04(await readConll04(join(dataDir, 'conll04', 'train.json'))).judged);
  const rules: Record<string, { base: number; precision: number; judged: number; data: string }> = {};
  for (const rule of ALL_RULES) {
    const [data, m] =
      (dwie.get(rule.name)?.judged ?? 0) >= MIN_JUDGED
        ? ['dwie dev', dwie.get(rule.name)!]
        : ['conll04 train', conll.get(rule.name)];
    if (!m || m.judged < MIN_JUDGED) continue;
    rules[rule.name] = {
      base: rule.confidence,
      precision: Math.round(((m.correct + 1) / (m.judged + 2)) * 1000) / 1000,
      judged: m.judged,
      data,
    };
  }
  const file = join(PACKAGE_ROOT, 'src', 'extract', 'relations', 'data', 'calibration.json');
  const source =
    'Measured by scripts/calibrate-relations.ts (npm run calibrate:relations): precision per rule, Laplace-smoothed, end to end on DWIE dev, or CoNLL04 train where DWIE judged fewer than 8 edges of the rule. Regenerate after changing rules.';
  writeFileSync(file, `${JSON.stringify({ source, rules }, null, 1)}\n`);
  for (const [name, r] of Object.entries(rules))
    console.log(`${name.padEnd(44)} base ${r.base.toFixed(2)} -> ${r.precision.toFixed(3)} (${r.judged}, ${r.data})`);
}

await main();
