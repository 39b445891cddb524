/** One-line messages for a graph file that breaks the contract: where the problem is, and what it is. */
import type { z } from 'zod';

type Path = ReadonlyArray<PropertyKey>;

/** Turns a zod path into a place a reader can find: "node 3 ('person:x')" plus the field inside it. */
export function place(path: Path, data: unknown): { where: string | null; field: string } {
  const [head, index, ...rest] = path;
  if ((head === 'nodes' || head === 'edges') && typeof index === 'number') {
    const list = (data as Record<string, unknown>)[head];
    const item = Array.isArray(list) ? (list[index] as { key?: unknown } | undefined) : undefined;
    const key = typeof item?.key === 'string' ? ` (${showKey(item.key)})` : '';
    return { where: `${head === 'nodes' ? 'node' : 'edge'} ${index}${key}`, field: dotted(rest) };
  }
  return { where: path.length ? dotted(path) : null, field: '' };
}

function dotted(path: Path): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out;
}

export function describeIssue(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'never') return issue.message;
      return input === undefined
        ? `missing (expected ${issue.expected})`
        : `expected ${issue.expected}, got ${show(input)}`;
    case 'invalid_value':
      return input === undefined
        ? `missing (expected ${issue.values.map((v) => show(v)).join(' | ')})`
        : `${show(input)} is not allowed (expected ${issue.values.map((v) => show(v)).join(' | ')})`;
    case 'too_big':
      return `${show(input)} is above the maximum ${String(issue.maximum)}`;
    case 'too_small':
      return typeof input === 'string' || Array.isArray(input)
        ? 'must not be empty'
        : `${show(input)} is below the minimum ${String(issue.minimum)}`;
    case 'invalid_format':
      return `${show(input)} ${issue.message}`;
    default:
      return issue.message;
  }
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A value as it may appear in a one-line message: short, quoted, no newlines. */
export function show(value: unknown, max = 60): string {
  if (typeof value === 'string') {
    const flat = value.replace(/\s+/g, ' ');
    return `'${flat.length > max ? `${flat.slice(0, max - 3)}...` : flat}'`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return typeName(value);
}

/** Keys are how a reader finds the place: shown whole (up to a sane length). */
export function showKey(key: string): string {
  return show(key, 300);
}
