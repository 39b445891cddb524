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

/** Edges the basis/qualifiers tests change; every other fixture edge has neither (a file older than both). */
export const KNOWLEDGE_EDGE = 'state:spain|member-of|organisation:european-union';
export const TEXT_EDGE = 'state:germany|member-of|organisation:nato';
export const QUALIFIED_EDGE = 'person:emmanuel-macron|speaks-for|state:france';
/** Text a writer must quote or escape: quotes, a comma, a semicolon, '<', '&', a newline, a leading '='. */
export const QUALIFIERS = { issue: '=a "hard", <tricky>; & odd\nissue' };

/** The fixture with one knowledge edge, one explicit text edge and one qualified edge (also a former role). */
export function loadFixtureWithBasis(): NewsGraph {
  const graph = loadFixture();
  graph.setEdgeAttribute(KNOWLEDGE_EDGE, 'basis', 'knowledge');
  graph.setEdgeAttribute(TEXT_EDGE, 'basis', 'text');
  graph.setEdgeAttribute(QUALIFIED_EDGE, 'qualifiers', { ...QUALIFIERS });
  graph.setEdgeAttribute(QUALIFIED_EDGE, 'former', true);
  return graph;
}
