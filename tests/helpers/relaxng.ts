/**
 * GEXF validation against the official GEXF 1.3 RelaxNG grammar (schemas/gexf-1.3, committed with its licence),
 * with libxml2's xmllint compiled to WebAssembly (xmllint-wasm): no system xmllint needed.
 */
import { readFileSync } from 'node:fs';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

const SCHEMA_DIR = new URL('../../schemas/gexf-1.3/', import.meta.url);

let grammar: { schema: XMLFileInfo; preload: XMLFileInfo[] } | null = null;

function gexfGrammar(): { schema: XMLFileInfo; preload: XMLFileInfo[] } {
  const file = (fileName: string): XMLFileInfo => ({
    fileName,
    contents: readFileSync(new URL(fileName, SCHEMA_DIR), 'utf8'),
  });
  // gexf.rng includes the two others by relative name: they must sit beside it in xmllint's in-memory file system.
  grammar ??= { schema: file('gexf.rng'), preload: [file('dynamics.rng'), file('viz.rng')] };
  return grammar;
}

/** Validates a GEXF document; returns xmllint's complaints, one per error (empty when the document is valid). */
export async function validateGexf(xml: string): Promise<string[]> {
  const { schema, preload } = gexfGrammar();
  const result = await validateXML({
    xml: { fileName: 'graph.gexf', contents: xml },
    schema,
    preload,
    extension: 'relaxng',
    // Exports of large graphs run to megabytes; the default 32 MiB ceiling is too low for them.
    maxMemoryPages: 16_384,
  });
  if (result.valid) return [];
  const errors = result.errors.map((error) => error.rawMessage);
  return errors.length ? errors : [result.rawOutput.trim() || 'invalid'];
}
