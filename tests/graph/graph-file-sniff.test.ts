/** looksLikeGraphFile: how a build tells its own earlier graph file from an article found in an input folder. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeGraphFile, parseGraph, serializeGraph } from '../../src/graph/file.js';
import { FIXTURE, tempDir } from '../io/helpers.js';

describe('looksLikeGraphFile', () => {
  const dir = tempDir();
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const graph = parseGraph(readFileSync(FIXTURE, 'utf8'), FIXTURE);

  it('recognises a graph file as written, also indented and with a BOM', async () => {
    expect(await looksLikeGraphFile(write('graph.json', serializeGraph(graph)))).toBe(true);
    const indented = JSON.stringify(graph.export(), null, 2);
    expect(await looksLikeGraphFile(write('indented.json', `\uFEFF${indented}`))).toBe(true);
  });

  it('does not take an article, a JSON object of another schema, or a missing file for a graph', async () => {
    const article = { title: 'A minister visits', text: 'The minister of a small state visited the capital.' };
    expect(await looksLikeGraphFile(write('article.json', JSON.stringify(article)))).toBe(false);
    expect(await looksLikeGraphFile(write('article.txt', 'The attributes of the schema "newsgraph/1".'))).toBe(false);
    const other = { options: {}, attributes: { schema: 'othertool/2' }, nodes: [], edges: [] };
    expect(await looksLikeGraphFile(write('other.json', JSON.stringify(other)))).toBe(false);
    expect(await looksLikeGraphFile(join(dir, 'missing.json'))).toBe(false);
  });
});
