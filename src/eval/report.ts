/** Plain-text tables for `newsgraph eval`: aligned columns, figures to three decimals. */
import type { Prf } from './match.js';

export function fixed(n: number): string {
  return n.toFixed(3);
}

/** Renders rows as an aligned table; the first row is the header. */
export function table(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cells = rows.map((r) =>
    r.map((c) => (typeof c === 'number' ? (Number.isInteger(c) ? String(c) : fixed(c)) : c)),
  );
  const widths: number[] = [];
  for (const r of cells)
    r.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, c.length);
    });
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [line(cells[0] ?? [])];
  out.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) out.push(line(r));
  return `${out.join('\n')}\n`;
}

export function prfRow(name: string, p: Prf): Array<string | number> {
  return [name, p.tp, p.fp, p.fn, fixed(p.precision), fixed(p.recall), fixed(p.f1)];
}

export const PRF_HEADER = ['', 'tp', 'fp', 'fn', 'P', 'R', 'F1'];

/** A bulleted list, cut to `max` items with a count of the rest. */
export function list(title: string, items: readonly string[], max: number): string {
  if (items.length === 0) return `${title}: none\n`;
  const shown = items.slice(0, max).map((i) => `  - ${i}`);
  if (items.length > max) shown.push(`  ... and ${items.length - max} more`);
  return `${title} (${items.length}):\n${shown.join('\n')}\n`;
}
