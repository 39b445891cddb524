/**
 * `newsgraph query GRAPH PATTERN [--json] [--min-confidence X] [--from DATE] [--to DATE] [--basis B] [--current]
 * [--exact] [--evidence N]`: relations matching a triple pattern ("? supports China"), or everything about one entity
 * ("Jane Doe"); `newsgraph query GRAPH --path A B`: the shortest chain joining two entities.
 */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { EvidenceItem, RelationRow } from '../../query/types.js';
import { printableLine } from '../../util/printable.js';
import type { CliIO } from '../context.js';

interface QueryFlags {
  json?: boolean;
  minConfidence?: string;
  from?: string;
  to?: string;
  path?: string[];
  limit?: string;
  exact?: boolean;
  basis?: string;
  evidence?: string;
  current?: boolean;
}

function parseConfidence(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1) {
    throw new UsageError(`--min-confidence must be a number from 0 to 1, not '${value}'`);
  }
  return number;
}

function parseCount(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`${flag} must be a whole number of at least 1, not '${value}'`);
  return Number(value);
}

function parseBasis(value: string | undefined): 'text' | 'knowledge' | undefined {
  if (value === undefined) return undefined;
  if (value !== 'text' && value !== 'knowledge')
    throw new UsageError(`--basis must be 'text' or 'knowledge', not '${value}'`);
  return value;
}

/**
 * A row as --json prints it: the first fields as they always were (scripts rely on them), then the new ones:
 * basis, the number of articles, each statement's article (same order as evidence), the direction in an answer
 * about one entity.
 */
function jsonRow(r: RelationRow, items: EvidenceItem[]) {
  return {
    source: r.source,
    relation: r.relation,
    target: r.target,
    confidence: r.confidence,
    weight: r.weight,
    edge: r.edge,
    evidence: r.evidence,
    basis: r.basis,
    ...(r.former ? { former: true } : {}),
    ...(r.modality ? { modality: r.modality } : {}),
    articles: r.articles,
    provenance: items.map((e) => ({
      article: e.article,
      title: e.title,
      source: e.source,
      published: e.published,
      url: e.url,
    })),
    ...(r.direction ? { direction: r.direction } : {}),
  };
}

export function registerQuery(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('query')
    .description(
      'find relations by a pattern with ? wildcards ("? supports China"), everything about one entity ("Jane Doe"), or a path between two',
    )
    .argument('<graph>', 'graph file (newsgraph JSON)')
    .argument('[pattern...]', 'SOURCE RELATION TARGET, each a name (label or alias), a relation, or ?; or just a name')
    .option('--json', 'print a JSON array instead of a table')
    .option('--min-confidence <x>', 'only relations with at least this confidence (0..1)')
    .option('--from <date>', 'only statements from articles published on or after this date (YYYY-MM-DD)')
    .option('--to <date>', 'only statements from articles published on or before this date (YYYY-MM-DD)')
    .option('--basis <basis>', "only relations read in the text ('text') or added from the data files ('knowledge')")
    .option(
      '--current',
      'only current facts: leave out roles stated as past ("former president", "then-", "until 2003")',
    )
    .option('--exact', 'names match labels and aliases exactly, every such entity; no choosing among people by surname')
    .option('--evidence <n>', 'print up to this many sentences under each row of the table')
    .option('--limit <n>', 'print at most this many rows of the table')
    .option('--path <names...>', 'the shortest chain of relations between two entities: --path "A" "B"')
    .addHelpText(
      'after',
      '\nExamples:\n  newsgraph query out/graph.json "? supports Ukraine"\n  newsgraph query out/graph.json "Olaf Scholz"\n' +
        '  newsgraph query out/graph.json "Olaf Scholz ? ?" --json\n  newsgraph query out/graph.json --path "Olaf Scholz" "NATO"\n',
    )
    .action(async (graphFile: string, patternWords: string[], flags: QueryFlags) => {
      const minConfidence = parseConfidence(flags.minConfidence);
      const limit = parseCount(flags.limit, '--limit');
      const evidenceCount = parseCount(flags.evidence, '--evidence');
      const basis = parseBasis(flags.basis);
      const [{ GraphQuery, RelationNotFoundError }, format, { parseQuery }, { parseQueryDate }] = await Promise.all([
        import('../../query/graph-query.js'),
        import('../../query/format.js'),
        import('../../query/pattern.js'),
        import('../../query/dates.js'),
      ]);
      const date = (value: string | undefined, flag: string) => {
        if (value === undefined) return undefined;
        const parsed = parseQueryDate(value);
        if (!parsed) throw new UsageError(`${flag} must be a calendar date like 2024-03-01, not '${value}'`);
        return parsed;
      };
      const from = date(flags.from, '--from');
      const to = date(flags.to, '--to');
      if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
      if (flags.path && patternWords.length) throw new UsageError('--path takes exactly two names: --path "A" "B"');
      if (flags.path && flags.path.length !== 2) throw new UsageError('--path takes exactly two names: --path "A" "B"');
      if (!flags.path && !patternWords.length)
        throw new UsageError('query needs a PATTERN (e.g. "? supports China"), a name, or --path A B');

      const query = await GraphQuery.open(graphFile);
      const exact = Boolean(flags.exact);
      type Resolution = ReturnType<typeof query.resolveName>;
      const ambiguous: Resolution[] = [];
      /** A name as the user meant it: the chosen entity's key (or, with --exact, the name itself), said aloud when it was a choice. */
      const resolve = (name: string): Resolution => {
        const resolution = query.resolveName(name, { exact });
        if (resolution.candidates.length > 1) {
          ambiguous.push(resolution);
          if (!exact)
            io.err(
              `newsgraph: ${format.resolutionNote(resolution)} (a full name or node key picks one; --exact takes exact matches only)\n`,
            );
        }
        if (exact && resolution.candidates.every((c) => c.relations === 0)) {
          // An exact match with nothing to say, when the name would otherwise mean someone who has: never silent.
          const usual = query.resolveName(name).chosen;
          if (usual.relations > 0 && !resolution.ids.includes(usual.id)) {
            io.err(
              `newsgraph: "${format.printable(name)}" exactly is ${resolution.ids.join(', ')}, with no relations; without --exact it means ${format.printable(usual.label)} (${usual.id}; ${usual.relations} relations)\n`,
            );
          }
        }
        return resolution;
      };
      const resolutionJson = () =>
        ambiguous.map((r) => ({
          name: r.name,
          chosen: { id: r.chosen.id, label: r.chosen.label },
          candidates: r.candidates,
        }));

      if (flags.path) {
        const [a, b] = flags.path.map((name) => resolve(name).chosen) as [Resolution['chosen'], Resolution['chosen']];
        const path = query.shortestPath(a.id, b.id);
        if (!path) {
          if (flags.json) io.out('null\n');
          io.err(printableLine(`newsgraph: no path between "${a.label}" and "${b.label}"`));
          setExit(1);
          return;
        }
        io.out(
          flags.json
            ? `${JSON.stringify(ambiguous.length ? { ...path, resolution: resolutionJson() } : path, null, 2)}\n`
            : format.pathText(path),
        );
        return;
      }

      if ((from || to) && query.datedArticles < query.articleCount) {
        if (query.datedArticles === 0) {
          io.err(
            `newsgraph: none of the ${query.articleCount} articles in ${graphFile} has a publication date, so --from/--to match nothing; drop them to query the whole graph\n`,
          );
          if (flags.json) io.out('[]\n');
          setExit(1);
          return;
        }
        const undated = query.articleCount - query.datedArticles;
        io.err(
          `newsgraph: ${undated} of ${query.articleCount} articles have no publication date; --from/--to leave their statements out\n`,
        );
      }
      const filters = {
        ...(minConfidence !== undefined ? { minConfidence } : {}),
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
        ...(basis !== undefined ? { basis } : {}),
        ...(flags.current ? { current: true } : {}),
        exact,
      };
      const parsed = parseQuery(patternWords.join(' '), query.relationNames(), (name) => query.knows(name));
      let rows: ReturnType<typeof query.about>;
      let about: Resolution | null = null;
      if (parsed.kind === 'entity') {
        about = resolve(parsed.name);
        rows = query.about(exact ? parsed.name : about.chosen.id, filters);
      } else {
        const name = (text: string | null) => {
          if (text === null) return undefined;
          const resolution = resolve(text);
          return exact ? text : resolution.chosen.id;
        };
        // The relation is checked before names, so a typo in it is reported first.
        const known = query.relationNames();
        if (parsed.relation !== null && !known.includes(parsed.relation))
          throw new RelationNotFoundError(parsed.relation, known);
        const source = name(parsed.source);
        const target = name(parsed.target);
        rows = query.relations({
          ...(source !== undefined ? { source } : {}),
          ...(parsed.relation !== null ? { relation: parsed.relation } : {}),
          ...(target !== undefined ? { target } : {}),
          ...filters,
        });
      }
      if (flags.json) {
        const resolution = ambiguous.length ? { resolution: resolutionJson() } : {};
        const json = rows.map((r) => ({ ...jsonRow(r, query.evidenceItems(r.evidence)), ...resolution }));
        io.out(`${JSON.stringify(json, null, 2)}\n`);
        return;
      }
      const details = (row: (typeof rows)[number]) => {
        const items = query.evidenceItems(row.evidence);
        return [format.provenanceLine(items), ...(evidenceCount ? format.evidenceLines(items, evidenceCount) : [])];
      };
      const shown = limit !== undefined ? rows.slice(0, limit) : rows;
      io.out(about ? format.aboutText(about.chosen, shown, details) : format.relationTable(shown, details));
      if (shown.length < rows.length) io.out(`(${rows.length - shown.length} more; raise --limit or use --json)\n`);
    });
}
