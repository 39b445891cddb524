/** Copies of one story (identical files, wire copy with light edits, another outlet's host) count once. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/build.js';
import { extract } from '../../src/extract/index.js';
import { isNearDuplicate, similarity, textSignature } from '../../src/extract/minhash.js';
import { addExtraction, buildGraph, createGraph } from '../../src/graph/build.js';
import { parseGraph, serializeGraph } from '../../src/graph/file.js';
import { captureIO } from '../helpers/cli.js';
import { articleHtml, OTHER_STORY, page, STORY, startServer, type TestServer } from './server.js';

const text = STORY.join('\n\n');
/** The same wire story as another outlet runs it: its own headline, house punctuation, a line added, one dropped. */
const edited = [
  'Portugal and Ghana open shipping talks',
  STORY[0]!.replace('on Monday', 'on Monday,').replace(', Marta', ' Marta'),
  STORY[1]!.replace('said', 'said that'),
  STORY[2]!,
  'Additional reporting by our Lisbon correspondent.',
].join('\n\n');

describe('MinHash signatures', () => {
  it('rate copies of one story high and different stories low', () => {
    const a = textSignature(text) as string;
    expect(similarity(a, textSignature(text) as string)).toBe(1);
    expect(similarity(a, textSignature(edited) as string)).toBeGreaterThanOrEqual(0.5);
    expect(isNearDuplicate(a, textSignature(edited) as string)).toBe(true);
    expect(similarity(a, textSignature(OTHER_STORY.join('\n\n')) as string)).toBeLessThan(0.2);
    expect(isNearDuplicate(a, textSignature(OTHER_STORY.join('\n\n')) as string)).toBe(false);
    // Short texts are grouped only when identical.
    expect(isNearDuplicate(textSignature('Talks resume.') as string, textSignature('Talks resume.') as string)).toBe(
      true,
    );
    expect(
      isNearDuplicate(
        textSignature('Talks resume in Lisbon today') as string,
        textSignature('Talks resume in Lisbon tomorrow') as string,
      ),
    ).toBe(false);
    expect(textSignature('  ... ')).toBeNull();
  });
});

describe('groups in the graph', () => {
  it('identical texts: both articles listed with their group, evidence from both, weight and confidence of one', () => {
    const [one] = extract(text, { id: 'desk/a.txt', file: 'desk/a.txt' });
    const [two] = extract(text, { id: 'desk/b.txt', file: 'desk/b.txt' });
    const single = buildGraph([one!]);
    const both = buildGraph([one!, two!]);
    expect(both.getAttribute('articles').map((a) => [a.id, a.file, a.group])).toEqual([
      ['desk/a.txt', 'desk/a.txt', 'desk/a.txt'],
      ['desk/b.txt', 'desk/b.txt', 'desk/a.txt'],
    ]);
    expect(single.size).toBeGreaterThan(0);
    single.forEachEdge((key, attrs) => {
      const grouped = both.getEdgeAttributes(key);
      expect(grouped.weight).toBe(attrs.weight);
      expect(grouped.confidence).toBe(attrs.confidence);
      expect(grouped.evidence.map((e) => e.article)).toEqual([
        ...attrs.evidence.map(() => 'desk/a.txt'),
        ...attrs.evidence.map(() => 'desk/b.txt'),
      ]);
    });
  });

  it('a different story still adds weight, and groups survive a save and load (a later --into round)', () => {
    const [one] = extract(text, { id: 'a' });
    const [copy] = extract(edited, { id: 'b' });
    const [other] = extract(`${STORY[1]} Officials in Accra said the same about the European Commission.`, { id: 'c' });
    const graph = buildGraph([one!]);
    const reloaded = parseGraph(serializeGraph(graph));
    expect(addExtraction(reloaded, copy!)).toBe(true);
    expect(addExtraction(reloaded, other!)).toBe(true);
    expect(reloaded.getAttribute('articles').map((a) => a.group ?? null)).toEqual(['a', 'a', null]);
    const fresh = createGraph();
    for (const x of [one!, copy!, other!]) addExtraction(fresh, x);
    expect(serializeGraph(reloaded)).toBe(serializeGraph(fresh));
    const supports = [...reloaded.edges()]
      .map((k) => reloaded.getEdgeAttributes(k))
      .find((e) => e.evidence.some((v) => v.article === 'c'));
    if (supports) {
      const articles = supports.evidence.map((e) => e.article);
      // The copy's evidence is listed but not counted: weight counts the story once and the other article once.
      expect(supports.weight).toBe(articles.filter((a) => a !== 'b').length);
    }
  });

  it('two identical files in a folder are one story (build lists both files)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-dup-'));
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'a.txt'), text);
    writeFileSync(join(dir, 'in', 'b.txt'), text);
    const out = join(dir, 'g.json');
    await buildCorpus({ inputs: [join(dir, 'in')], out, cache: false, jobs: 1, io: captureIO() });
    const graph = JSON.parse(readFileSync(out, 'utf8')) as {
      attributes: { articles: Array<{ id: string; group?: string }> };
      edges: Array<{ attributes: { weight: number; evidence: unknown[] } }>;
    };
    expect(graph.attributes.articles.map((a) => [a.id, a.group])).toEqual([
      ['a.txt', 'a.txt'],
      ['b.txt', 'a.txt'],
    ]);
    for (const edge of graph.edges) expect(edge.attributes.evidence.length).toBe(2 * edge.attributes.weight);
  });
});

describe('syndication on the web', () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('a copy under another host name (with a canonical link to the original) is grouped, and every outlet is evidence', async () => {
    const server = await startServer({
      '/world/talks': page(articleHtml('Harbour talks', STORY, { site: 'Example Daily' })),
    });
    servers.push(server);
    const original = `${server.origin}/world/talks`;
    // The syndicating outlet is reached as localhost: another host name, the same test server.
    const copyUrl = `http://localhost:${server.port}/wire/portugal-ghana-talks`;
    server.routes.set(
      '/wire/portugal-ghana-talks',
      page(
        articleHtml('Portugal and Ghana open shipping talks', edited.split('\n\n').slice(1), {
          site: 'Wire Times',
          canonical: original,
        }),
      ),
    );
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-syn-'));
    const out = join(dir, 'g.json');
    const io = captureIO();
    const summary = await buildCorpus({
      inputs: [original, copyUrl],
      out,
      cache: false,
      jobs: 1,
      fetch: { delayMs: 0 },
      io,
    });
    expect(summary.articles, io.stderr).toBe(2);
    const graph = JSON.parse(readFileSync(out, 'utf8')) as {
      attributes: { articles: Array<{ id: string; source: string | null; group?: string }> };
      edges: Array<{ attributes: { weight: number; evidence: Array<{ article: string }> } }>;
    };
    // The copy keeps its own id (another outlet), and records the group.
    expect(graph.attributes.articles.map((a) => [a.id, a.group])).toEqual([
      [original, original],
      [copyUrl, original],
    ]);
    const shared = graph.edges.filter((e) => new Set(e.attributes.evidence.map((v) => v.article)).size === 2);
    expect(shared.length).toBeGreaterThan(0);
    for (const edge of shared)
      expect(edge.attributes.weight).toBe(edge.attributes.evidence.filter((v) => v.article === original).length);
  });
});
