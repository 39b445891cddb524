/**
 * `newsgraph eval`: the project's measuring tool.
 *   eval gold ARTICLE GOLD.json   entities (and relations) of one article against a hand-made gold file
 *   eval conll FILE               strict-span PER/ORG/LOC P/R/F1 on CoNLL-2003 through the full extractor
 *   eval dwie FILE                entity clusters and relation families of DWIE documents
 *   eval conll04 FILE             relation families of CoNLL04 sentences
 * Each prints a readable table, or one JSON object with --json.
 */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { DwieDocument } from '../../eval/dwie.js';
import type { Extraction } from '../../extract/types.js';
import type { CliIO } from '../context.js';

function parseCount(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number >= 0, got "${value}"`);
  return n;
}

export function registerEval(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const evalCmd = program
    .command('eval')
    .description('measure the extractor against gold annotations (gold file, CoNLL-2003, DWIE)');

  evalCmd
    .command('gold')
    .description(
      'compare the graph of one article with a gold file (format: seeds/*.gold.json), or a DWIE file with a directory of gold files naming its documents (the stance set)',
    )
    .argument('<article>', 'article file, or a DWIE JSON file when <gold> is a directory')
    .argument('<gold>', 'gold JSON file, or a directory of *.gold.json files with "article": "dwie:TITLE"')
    .option('--json', 'print one JSON object')
    .option('--max <n>', 'misses and false positives listed', '30')
    .action(async (articleFile: string, goldFile: string, opts: { json?: boolean; max: string }) => {
      const max = parseCount(opts.max, '--max');
      const [
        { evalGoldArticle, evalGoldSet, readGold },
        { calibrationTable, scoreGoldRelations },
        { list, PRF_HEADER, prfRow, table },
      ] = await Promise.all([
        import('../../eval/gold.js'),
        import('../../eval/relations.js'),
        import('../../eval/report.js'),
      ]);
      const { stat } = await import('node:fs/promises');
      const isDir = await stat(goldFile).then(
        (s) => s.isDirectory(),
        () => false,
      );
      if (isDir) {
        const set = await evalGoldSet(articleFile, goldFile);
        if (opts.json) {
          const { judged: _judged, ...summary } = set;
          io.out(`${JSON.stringify({ article: articleFile, gold: goldFile, ...summary })}\n`);
        } else {
          let out = `${goldFile}: ${set.files} gold files against ${articleFile}\n\n`;
          out += table([
            PRF_HEADER,
            ...Object.entries(set.byRelation).map(([r, p]) => prfRow(r, p)),
            prfRow('all', set.total),
          ]);
          out += `\nrelation calibration (right/predicted and precision per confidence band)\n${calibrationTable(set.judged, Object.keys(set.byRelation))}`;
          out += list('missed relations', set.misses, max);
          out += list('false-positive relations', set.falsePositives, max);
          io.out(out);
        }
        setExit(0);
        return;
      }
      const gold = await readGold(goldFile);
      const run = await evalGoldArticle(articleFile, gold);
      const relations = scoreGoldRelations(run.nodes, run.edges, gold);
      if (opts.json) {
        io.out(`${JSON.stringify({ article: articleFile, gold: goldFile, entities: run.entities, relations })}\n`);
      } else {
        const e = run.entities;
        let out = `${articleFile} vs ${goldFile}\n\n`;
        const rows = [PRF_HEADER, prfRow('entities', e)];
        if (relations) rows.push(prfRow('relations', relations));
        out += `${table(rows)}\n`;
        out += list('missed entities', e.misses, max);
        out += list(
          'false-positive entities',
          e.falsePositives.map((f) => `${f.label} [${f.kind}]${f.reason === 'no gold entity' ? '' : ` (${f.reason})`}`),
          max,
        );
        if (relations) {
          const families = [...new Set(relations.judged.map((j) => j.task))].sort();
          out += `\nrelation calibration (right/predicted and precision per confidence band)\n${calibrationTable(relations.judged, families)}\n`;
          out += list('missed relations', relations.misses, max);
          out += list(
            'false-positive relations',
            relations.falsePositives.map((f) => `${f.edge} (${f.confidence.toFixed(2)}, ${f.rules.join(',')})`),
            max,
          );
        }
        io.out(out);
      }
      setExit(0);
    });

  evalCmd
    .command('conll')
    .description(
      'strict-span PER/ORG/LOC P/R/F1 on a CoNLL-2003 file, documents rebuilt from tokens through the full extractor',
    )
    .argument('<file>', 'CoNLL-2003 file (e.g. ../shared/data/conll2003/dev.txt)')
    .option('--json', 'print one JSON object')
    .option('--limit <n>', 'only the first n documents (0 = all)', '0')
    .option('--max <n>', 'errors listed', '30')
    .action(async (file: string, opts: { json?: boolean; limit: string; max: string }) => {
      const limit = parseCount(opts.limit, '--limit');
      const max = parseCount(opts.max, '--max');
      const [{ evalConll, readConll, SCORED_TYPES }, { list, PRF_HEADER, prfRow, table }] = await Promise.all([
        import('../../eval/conll.js'),
        import('../../eval/report.js'),
      ]);
      const docs = await readConll(file);
      const started = performance.now();
      const report = evalConll(docs, { limit, maxErrors: max });
      const seconds = (performance.now() - started) / 1000;
      if (opts.json) {
        io.out(`${JSON.stringify({ file, seconds, ...report })}\n`);
      } else {
        let out = `${file}: ${report.documents} documents, ${report.tokens} tokens, ${seconds.toFixed(1)} s (${Math.round(report.tokens / seconds)} tokens/s)\n\n`;
        out += table([
          PRF_HEADER,
          ...SCORED_TYPES.map((t) => prfRow(t, report.byType[t])),
          prfRow('micro', report.micro),
        ]);
        out += `\npredictions on gold MISC spans (not counted): ${report.ignoredMisc}; mentions not aligned to CoNLL tokens: ${report.misaligned}\n`;
        out += list(
          'first errors',
          report.errors.map((e) => `doc ${e.doc}: "${e.text}" gold ${e.gold ?? '-'} predicted ${e.predicted ?? '-'}`),
          max,
        );
        io.out(out);
      }
      setExit(0);
    });

  evalCmd
    .command('conll04')
    .description('relations (Work_For, Live_In, Located_In, OrgBased_In, Kill) on a CoNLL04 file in SpERT JSON format')
    .argument('<file>', 'CoNLL04 file (e.g. ../shared/data/conll04/dev.json)')
    .option('--json', 'print one JSON object')
    .option('--limit <n>', 'only the first n sentences (0 = all)', '0')
    .option('--max <n>', 'misses and false positives listed', '30')
    .option('--rules', 'also print precision per rule for each family')
    .option('--entities', 'also list the gold entities not covered by a node of the right kind, with the reason')
    .action(
      async (
        file: string,
        opts: { json?: boolean; limit: string; max: string; rules?: boolean; entities?: boolean },
      ) => {
        const limit = parseCount(opts.limit, '--limit');
        const max = parseCount(opts.max, '--max');
        const [
          { CONLL04_ENTITY_TYPES, CONLL04_FAMILIES, COVERAGE_OUTCOMES, evalConll04, readConll04 },
          { calibration, calibrationTable, perRuleTables },
          { list, PRF_HEADER, prfRow, table },
        ] = await Promise.all([
          import('../../eval/conll04.js'),
          import('../../eval/relations.js'),
          import('../../eval/report.js'),
        ]);
        const sentences = await readConll04(file);
        const report = evalConll04(sentences, { limit });
        if (opts.json) {
          const { judged, misses, falsePositives, entityMisses, ...summary } = report;
          io.out(
            `${JSON.stringify({ file, ...summary, calibration: calibration(judged), misses: misses.slice(0, max), falsePositives: falsePositives.slice(0, max), entityMisses: entityMisses.slice(0, max) })}\n`,
          );
        } else {
          let out = `${file}: ${report.sentences} sentences\n\n`;
          out += table([
            PRF_HEADER,
            ...CONLL04_FAMILIES.map((f) => prfRow(f, report.families[f])),
            prfRow('micro', report.micro),
          ]);
          const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
          const coverageRows = CONLL04_ENTITY_TYPES.map((t) => {
            const c = report.coverage[t];
            const gold = COVERAGE_OUTCOMES.reduce((n, o) => n + c[o], 0);
            return [t, gold, share(c.covered, gold), ...COVERAGE_OUTCOMES.map((o) => c[o])];
          });
          out += `\ngold entities covered by a node of the right kind\n${table([
            ['type', 'gold', 'share', ...COVERAGE_OUTCOMES],
            ...coverageRows,
          ])}`;
          out += `\nrelation calibration (right/predicted and precision per confidence band)\n${calibrationTable(report.judged, CONLL04_FAMILIES)}`;
          if (opts.rules) out += perRuleTables(report.judged, CONLL04_FAMILIES);
          out += list('missed relations', report.misses, max);
          out += list('false-positive relations', report.falsePositives, max);
          if (opts.entities) out += list('gold entities not covered', report.entityMisses, max);
          io.out(out);
        }
        setExit(0);
      },
    );

  evalCmd
    .command('dwie')
    .description('entity clusters (person, organization, location) and relations on a DWIE file in DocRED format')
    .argument('<file>', 'DWIE file (e.g. ../shared/data/dwie/dev.json)')
    .option('--json', 'print one JSON object')
    .option('--limit <n>', 'only the first n documents (0 = all)', '0')
    .option('--max <n>', 'misses and false positives listed', '30')
    .option('--rules', 'also print relation precision per rule and per confidence band (calibration)')
    .action(async (file: string, opts: { json?: boolean; limit: string; max: string; rules?: boolean }) => {
      const limit = parseCount(opts.limit, '--limit');
      const max = parseCount(opts.max, '--max');
      const [
        { evalDwie, readDwie },
        { calibration, calibrationTable, DWIE_FAMILIES, evalDwieRelations, perRule, relationDiagnostics },
        { list, PRF_HEADER, prfRow, table },
      ] = await Promise.all([
        import('../../eval/dwie.js'),
        import('../../eval/relations.js'),
        import('../../eval/report.js'),
      ]);
      const docs = await readDwie(file);
      const used = limit ? docs.slice(0, limit) : docs;
      // One extraction per document serves both the entity and the relation scores.
      const extractions = new Map<DwieDocument, Extraction>();
      const entities = evalDwie(used, { onExtraction: (doc, x) => extractions.set(doc, x) });
      const byTitle = new Map([...extractions].map(([d, x]) => [d.title, x]));
      const relations = evalDwieRelations(
        used,
        (_text, title) => byTitle.get(title) ?? { entities: [], relations: [] },
      );
      if (opts.json) {
        const summary = relations
          ? { speaksFor: relations.speaksFor, affiliation: relations.affiliation, families: relations.families }
          : null;
        const diagnostics =
          relations && opts.rules
            ? { calibration: calibration(relations.judged), perRule: perRule(relations.judged) }
            : {};
        io.out(`${JSON.stringify({ file, entities, relations: summary, ...diagnostics })}\n`);
      } else {
        let out = `${file}: ${entities.documents} documents, ${entities.entities.clusters} gold clusters\n\n`;
        const rows = [PRF_HEADER, prfRow('entities', entities.entities)];
        if (relations) rows.push(...DWIE_FAMILIES.map((f) => prfRow(f, relations.families[f])));
        out += `${table(rows)}\n`;
        out += `${table([['recall by type', 'clusters', 'covered', 'recall'], ...Object.entries(entities.recallByType).map(([t, r]) => [t, r.clusters, r.found, r.recall.toFixed(3)])])}\n`;
        out += list('missed clusters', entities.misses, max);
        out += list('junk entities (no gold cluster)', entities.junk, max);
        out += list('duplicate entities (a cluster claimed by another node)', entities.duplicates, max);
        out += list('entities of the wrong kind', entities.wrongKind, max);
        if (relations)
          out += `\nrelation calibration (right/predicted and precision per confidence band)\n${calibrationTable(relations.judged, DWIE_FAMILIES)}`;
        if (relations && opts.rules) out += relationDiagnostics(relations);
        io.out(out);
      }
      setExit(0);
    });
}
