/** The benchmark's one table: rows of measured values, printed as Markdown. Other bench modules return BenchRow[]. */

export interface BenchRow {
  /** The part of the benchmark: 'extraction', 'build', 'graph 50k', 'viewer'. */
  section: string;
  measure: string;
  value: string;
  /** The target from the issue and whether it is met, or a note on what was measured. */
  target?: string;
}

export function markdownTable(rows: readonly BenchRow[]): string {
  const header = ['section', 'measure', 'value', 'target / note'];
  const cells = rows.map((r) => [r.section, r.measure, r.value, r.target ?? ''].map((c) => c.replace(/\|/g, '\\|')));
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...cells.map((c) => `| ${c.join(' | ')} |`),
  ];
  return `${lines.join('\n')}\n`;
}

/** "met" / "NOT met" against a target, for the target column. */
export function verdict(ok: boolean, target: string): string {
  return `${target}: ${ok ? 'met' : 'NOT met'}`;
}

export function fmt(value: number, digits = 1): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
