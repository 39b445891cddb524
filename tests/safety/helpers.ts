/** Shared helpers for the output-safety tests (issue 18): temp folders, the CLI entry, fixtures, a CSV reader. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { type CapturedIO, captureIO } from '../helpers/cli.js';
import { readCsv } from '../helpers/csv.js';

export const FIXTURE = new URL('../fixtures/graphs/europe-support.json', import.meta.url);

export function tempDir(prefix = 'safety'): string {
  return mkdtempSync(join(tmpdir(), `newsgraph-${prefix}-`));
}

export interface CliRun {
  code: number;
  io: CapturedIO;
}

/** Runs the real CLI entry with `args`. */
export async function cli(...args: string[]): Promise<CliRun> {
  const io = captureIO();
  const code = await main(args, io);
  return { code, io };
}

export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

/** A graph file in the file contract, from the europe-support fixture, with changes applied. */
export interface GraphData {
  attributes: { articles: Array<Record<string, unknown>> } & Record<string, unknown>;
  nodes: Array<{ key: string; attributes: Record<string, unknown> }>;
  edges: Array<{ key?: string; source: string; target: string; attributes: Record<string, unknown> }>;
}

export function fixtureData(): GraphData {
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as GraphData;
}

/** Renames node keys (and the edge ends that name them). */
export function renameNodes(data: GraphData, names: Record<string, string>): GraphData {
  const rename = (key: string) => (Object.hasOwn(names, key) ? names[key]! : key);
  for (const node of data.nodes) node.key = rename(node.key);
  for (const edge of data.edges) {
    edge.source = rename(edge.source);
    edge.target = rename(edge.target);
  }
  return data;
}

export function writeGraph(dir: string, name: string, data: GraphData): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(data));
  return file;
}

/** The rows of a CSV file as records keyed by header. */
export function csvRecords(file: string): Array<Record<string, string>> {
  const [header, ...rows] = readCsv(readFileSync(file, 'utf8'));
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}
