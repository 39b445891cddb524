import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { buildGraph } from '../../src/graph/build.js';
import { ingestString } from '../../src/ingest/index.js';
import { newsArticle, newsCorpus } from './news-corpus.js';

describe('generated news corpus', () => {
  it('is deterministic and has no two articles alike', () => {
    const corpus = newsCorpus(400);
    expect(new Set(corpus.map((a) => a.text)).size).toBe(400);
    expect(newsArticle(123)).toEqual(corpus[123]);
  });

  it('gives the extractor people, states, organisations and relations to find', () => {
    const articles = newsCorpus(12).flatMap((a, i) => ingestString(a.text, `article-${i}.txt`));
    const graph = buildGraph(articles.map((article) => extractArticle(article)));
    const kinds = new Map<string, number>();
    graph.forEachNode((_node, a) => kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1));
    const relations = new Set(graph.mapEdges((_edge, a) => a.relation));
    for (const kind of ['person', 'state', 'organisation', 'place']) expect(kinds.get(kind), kind).toBeGreaterThan(0);
    expect(relations.has('speaks-for')).toBe(true);
  });
});
