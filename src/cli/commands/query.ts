/**
 * `newsgraph query GRAPH PATTERN [--json] [--min-confidence X] [--from DATE] [--to DATE]`: relations matching a
 * triple pattern ("? supports China"); `newsgraph query GRAPH --path A B`: the shortest chain joining two entities.
 */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { CliIO } from '../context.js';
import { printableLine } from '../../util/printable.js';

interface QueryFlags {
  json?: boolean;
  minConfidence?: string;
  from?: string;
  to?: string;
  path?: string[];
  limit?: string;
}

function parseConfidence(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1) {
    throw new UsageError(`--min-confidence must be a number from 0 to 1, not '${value}'`);
  }
  return number;
}

function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--limit must be a whole number of at least 1, not '${value}'`);
  return Number(value);
}

export function registerQuery(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('query')
    .description('find relations by a pattern with ? wildcards, e.g. "? supports China", or a path between two entities')
    .argument('<graph>', 'graph file (newsgraph JSON)')
    .argument('[pattern...]', 'SOURCE RELATION TARGET, each a name (label or alias), a relation, or ?')
    .option('--json', 'print a JSON array instead of a table')
    .option('--min-confidence <x>', 'only relations with at least this confidence (0..1)')
    .option('--from <date>', 'only statements from articles published on or after this date')
    .option('--to <date>', 'only statements from articles published on or before this date')
    .option('--limit <n>', 'print at most this many rows of the table')
    .option('--path <names...>', 'the shortest chain of relations between two entities: --path "A" "B"')
    .addHelpText(
      'after',
      '\nExamples:\n  newsgraph query out/graph.json "? supports Ukraine"\n  newsgraph query out/graph.json "Olaf Scholz ? ?" --json\n' +
        '  newsgraph query out/graph.json --path "Olaf Scholz" "NATO"\n',
    )
    .action(async (graphFile: string, patternWords: string[], flags: QueryFlags) => {
      const minConfidence = parseConfidence(flags.minConfidence);
      const limit = parseLimit(flags.limit);
      const [{ GraphQuery }, { pathText, relationTable }, { parsePattern }] = await Promise.all([
        import('../../query/graph-query.js'),
        import('../../query/format.js'),
        import('../../query/pattern.js'),
      ]);
      if (flags.path) {
        if (flags.path.length !== 2 || patternWords.length) throw new UsageError('--path takes exactly two names: --path "A" "B"');
        const query = await GraphQuery.open(graphFile);
        const [from, to] = flags.path as [string, string];
        const path = query.shortestPath(from, to);
        if (!path) {
          const a = query.findEntity(from).label;
          const b = query.findEntity(to).label;
          if (flags.json) io.out('null\n');
          io.err(printableLine(`newsgraph: no path between "${a}" and "${b}"`));
          setExit(1);
          return;
        }
        io.out(flags.json ? `${JSON.stringify(path, null, 2)}\n` : pathText(path));
        return;
      }
      if (!patternWords.length) throw new UsageError('query needs a PATTERN (e.g. "? supports China") or --path A B');
      const query = await GraphQuery.open(graphFile);
      const parsed = parsePattern(patternWords.join(' '), query.relationNames());
      const rows = query.relations({
        ...(parsed.source !== null ? { source: parsed.source } : {}),
        ...(parsed.relation !== null ? { relation: parsed.relation } : {}),
        ...(parsed.target !== null ? { target: parsed.target } : {}),
        ...(minConfidence !== undefined ? { minConfidence } : {}),
        ...(flags.from !== undefined ? { from: flags.from } : {}),
        ...(flags.to !== undefined ? { to: flags.to } : {}),
      });
      if (flags.json) {
        const json = rows.map((r) => ({ source: r.source, relation: r.relation, target: r.target, confidence: r.confidence, weight: r.weight, edge: r.edge, evidence: r.evidence }));
        io.out(`${JSON.stringify(json, null, 2)}\n`);
        return;
      }
      const shown = limit !== undefined ? rows.slice(0, limit) : rows;
      io.out(relationTable(shown));
      if (shown.length < rows.length) io.out(`(${rows.length - shown.length} more; raise --limit or use --json)\n`);
    });
}
