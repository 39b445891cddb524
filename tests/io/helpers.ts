/** Shared test helpers for the export tests: fixtures, temp folders, well-formedness. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';
import { parseGraph } from '../../src/graph/file.js';
import type { NewsGraph } from '../../src/graph/types.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURE = join(REPO_ROOT, 'tests', 'fixtures', 'graphs', 'europe-support.json');

export function loadFixture(file = FIXTURE): NewsGraph {
  return parseGraph(readFileSync(file, 'utf8'), file);
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'newsgraph-io-'));
}

/** Checks that a document is well-formed XML by libxml2's parser (xmllint in WebAssembly); returns its complaints. */
export async function xmlSyntaxErrors(xml: string): Promise<string[]> {
  // xmllint-wasm wants a schema or a normalisation; reformatting parses the whole document, which is the check.
  const result = await validateXML({
    xml: { fileName: 'document.xml', contents: xml },
    normalization: 'format',
    maxMemoryPages: 16_384,
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}

export { captureIO } from '../helpers/cli.js';
