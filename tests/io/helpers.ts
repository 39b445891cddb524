/** Shared test helpers for the export tests: fixtures, temp folders, schema validation. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseGraph } from '../../src/graph/file.js';
import type { NewsGraph } from '../../src/graph/types.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const GEXF_SCHEMA = join(REPO_ROOT, '..', 'shared', 'schemas', 'gexf-1.3', 'gexf.rng');
export const FIXTURE = join(REPO_ROOT, 'tests', 'fixtures', 'graphs', 'europe-support.json');

export function loadFixture(file = FIXTURE): NewsGraph {
  return parseGraph(readFileSync(file, 'utf8'), file);
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'newsgraph-io-'));
}

/** Validates a GEXF file against the official RelaxNG grammar; returns xmllint's complaint or null. */
export function relaxNgErrors(file: string): string | null {
  try {
    execFileSync('xmllint', ['--noout', '--relaxng', GEXF_SCHEMA, file], { stdio: 'pipe' });
    return null;
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string };
    return e.stderr?.toString() || e.message;
  }
}

export { captureIO } from '../helpers/cli.js';
