// biome-ignore-all lint/complexity/noCommaOperator: the table's mutators are one-line (change, return) pairs
// biome-ignore-all lint/suspicious/noAssignInExpressions: likewise
/** Graph files are checked against the newsgraph/1 contract; a malformed one gets one line saying what and where. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import graphology from 'graphology';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { GraphFileError } from '../../src/errors.js';
import type { Extraction } from '../../src/extract/types.js';
import { buildGraph } from '../../src/graph/build.js';
import { compileFastCheck } from '../../src/graph/fast-check.js';
import { loadGraph, parseGraph, serializeGraph } from '../../src/graph/file.js';
import { graphSchema } from '../../src/graph/schema.js';
import type { NewsGraph } from '../../src/graph/types.js';
import { parseGraphData, validateGraphData } from '../../src/graph/validate.js';
import { captureIO, tempDir } from './bad-inputs.js';

const { MultiDirectedGraph } = graphology;

const TEXT = 'France backed the plan on Monday. "It is fair," said Anna Weber of the European Commission.';
const sentence2 = TEXT.indexOf('"It');

/** The fast pre-check the reader compiles from the contract's zod schema, and zod's own verdict to compare it with. */
const fastCheck = compileFastCheck(graphSchema);
const isValidShape = (data: unknown): boolean => fastCheck?.(data) ?? false;
const zodAcceptsShape = (data: unknown): boolean => graphSchema.safeParse(data).success;

/** A small valid graph, made by the real builder from a hand-written extraction. */
function validGraphJson(): string {
  const span = (needle: string) => {
    const start = TEXT.indexOf(needle);
    return { start, end: start + needle.length, text: needle };
  };
  const extraction: Extraction = {
    articleId: 'wire/a1.txt',
    file: 'in/wire/a1.txt',
    article: { title: 'Plan backed', source: 'Example Wire', published: '2025-03-03', url: null },
    entities: [
      {
        id: 'state:france',
        label: 'France',
        kind: 'state',
        aliases: [],
        mentions: [span('France')],
        rules: ['gazetteer:countries'],
      },
      {
        id: 'person:anna-weber',
        label: 'Anna Weber',
        kind: 'person',
        aliases: [],
        mentions: [span('Anna Weber')],
        rules: ['ner'],
      },
      {
        id: 'organisation:european-commission',
        label: 'European Commission',
        kind: 'organisation',
        aliases: [],
        mentions: [span('European Commission')],
        rules: ['ner'],
      },
    ],
    relations: [
      {
        source: 'person:anna-weber',
        target: 'organisation:european-commission',
        relation: 'speaks-for',
        confidence: 0.8,
        rules: ['said-of'],
        evidence: [{ start: sentence2, end: TEXT.length, text: TEXT.slice(sentence2) }],
      },
    ],
  };
  return serializeGraph(buildGraph([extraction]));
}

type Json = Record<string, unknown> & {
  attributes: Record<string, unknown> & { articles: Array<Record<string, unknown>> };
  options: Record<string, unknown>;
  nodes: Array<{ key: string; attributes: Record<string, unknown> }>;
  edges: Array<{
    key?: string;
    source: string;
    target: string;
    attributes: Record<string, unknown> & { evidence: Array<Record<string, unknown>> };
  }>;
};

function validData(): Json {
  return JSON.parse(validGraphJson()) as Json;
}

function message(data: unknown): string {
  try {
    validateGraphData(data, 'g.json');
  } catch (error) {
    expect(error).toBeInstanceOf(GraphFileError);
    const text = (error as GraphFileError).message;
    expect(text).not.toContain('\n');
    return text;
  }
  throw new Error('expected the graph data to be refused');
}

const edgeKey = 'person:anna-weber|speaks-for|organisation:european-commission';

describe('graph file validation', () => {
  it('accepts what the builder writes, and the result imports into graphology', () => {
    const data = parseGraphData(JSON.parse(validGraphJson()), 'g.json');
    const graph: NewsGraph = new MultiDirectedGraph({ allowSelfLoops: false });
    graph.import(data);
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(1);
    expect(parseGraph(validGraphJson(), 'g.json').getNodeAttribute('state:france', 'kind')).toBe('state');
  });

  it('accepts extra attributes other tools add (layout, communities, colours)', () => {
    const data = validData();
    Object.assign(data.nodes[0]!.attributes, { x: 1.5, y: -2, community: 3, color: '#ff0000', size: 4 });
    Object.assign(data.edges[0]!.attributes, { color: '#000' });
    expect(() => validateGraphData(data, 'g.json')).not.toThrow();
  });

  const cases: Array<[string, (d: Json) => unknown, string]> = [
    ['an array', () => [1, 2], 'g.json: not a graph file (found an array, expected a graphology JSON object)'],
    ['a string', () => 'graph', 'g.json: not a graph file (found a string, expected a graphology JSON object)'],
    ['null', () => null, 'g.json: not a graph file (found null, expected a graphology JSON object)'],
    [
      'a foreign JSON object',
      () => ({ name: 'package', version: '1.0.0' }),
      "g.json: attributes.schema: missing; not a newsgraph file (expected 'newsgraph/1')",
    ],
    [
      'a plain graphology export',
      (d) => ({ ...d, attributes: {} }),
      "g.json: attributes.schema: missing; not a newsgraph file (expected 'newsgraph/1')",
    ],
    [
      'another schema version',
      (d) => ((d.attributes.schema = 'newsgraph/2'), d),
      "g.json: attributes.schema: 'newsgraph/2' is not supported (expected 'newsgraph/1')",
    ],
    [
      'missing article list',
      (d) => (delete (d.attributes as Partial<Json['attributes']>).articles, d),
      'g.json: attributes.articles: missing (expected array)',
    ],
    [
      'an article without id',
      (d) => (delete d.attributes.articles[0]!.id, d),
      'g.json: attributes.articles[0].id: missing (expected string)',
    ],
    [
      'duplicate article ids',
      (d) => (d.attributes.articles.push({ ...d.attributes.articles[0]! }), d),
      "g.json: attributes.articles[1]: duplicate article id 'wire/a1.txt'",
    ],
    ['nodes not an array', (d) => ({ ...d, nodes: {} }), 'g.json: nodes: expected array, got an object'],
    [
      'undirected options',
      (d) => ((d.options.type = 'undirected'), d),
      "g.json: options.type: 'undirected' is not allowed (expected 'directed')",
    ],
    ['missing options', (d) => (delete d.options.multi, d), 'g.json: options.multi: missing (expected true)'],
    [
      'a node without attributes',
      (d) => (delete (d.nodes[1] as { attributes?: unknown }).attributes, d),
      "g.json: node 1 ('person:anna-weber'): attributes: missing (expected object)",
    ],
    [
      'a node missing its label',
      (d) => (delete d.nodes[1]!.attributes.label, d),
      "g.json: node 1 ('person:anna-weber'): attributes.label: missing (expected string)",
    ],
    [
      'an empty label',
      (d) => ((d.nodes[1]!.attributes.label = ''), d),
      "g.json: node 1 ('person:anna-weber'): attributes.label: must not be empty",
    ],
    [
      'a bad kind',
      (d) => ((d.nodes[1]!.attributes.kind = 'human'), d),
      "g.json: node 1 ('person:anna-weber'): attributes.kind: 'human' is not allowed (expected 'person' | 'state' | 'organisation' | 'topic' | 'place')",
    ],
    [
      "'type' used for the kind",
      (d) => {
        const attributes = d.nodes[2]!.attributes;
        attributes.type = attributes.kind;
        delete attributes.kind;
        return d;
      },
      "g.json: node 2 ('organisation:european-commission'): attributes.type: not allowed (the entity kind goes in 'kind'; sigma reads 'type' as the name of a renderer) (and 1 more problem)",
    ],
    [
      "'type' on an edge",
      (d) => ((d.edges[0]!.attributes.type = 'arrow'), d),
      `g.json: edge 0 ('${edgeKey}'): attributes.type: not allowed (the relation goes in 'relation'; sigma reads 'type' as the name of a renderer)`,
    ],
    [
      'negative mentions',
      (d) => ((d.nodes[0]!.attributes.mentions = -1), d),
      "g.json: node 0 ('state:france'): attributes.mentions: -1 is below the minimum 0",
    ],
    [
      'fractional mentions',
      (d) => ((d.nodes[0]!.attributes.mentions = 1.5), d),
      "g.json: node 0 ('state:france'): attributes.mentions: expected int, got 1.5",
    ],
    [
      'aliases not a list',
      (d) => ((d.nodes[0]!.attributes.aliases = 'Frankreich'), d),
      "g.json: node 0 ('state:france'): attributes.aliases: expected array, got 'Frankreich'",
    ],
    [
      'duplicate node keys',
      (d) => (d.nodes.push(d.nodes[0]!), d),
      "g.json: node 3 ('state:france'): duplicate node key 'state:france'",
    ],
    [
      'confidence 2',
      (d) => ((d.edges[0]!.attributes.confidence = 2), d),
      `g.json: edge 0 ('${edgeKey}'): attributes.confidence: 2 is above the maximum 1`,
    ],
    [
      'confidence as text',
      (d) => ((d.edges[0]!.attributes.confidence = 'high'), d),
      `g.json: edge 0 ('${edgeKey}'): attributes.confidence: expected number, got 'high'`,
    ],
    [
      'a relation that is not kebab-case',
      (d) => ((d.edges[0]!.attributes.relation = 'Speaks For'), d),
      `g.json: edge 0 ('${edgeKey}'): attributes.relation: 'Speaks For' must be kebab-case`,
    ],
    [
      'an edge to a missing node',
      (d) => ((d.edges[0]!.target = 'state:atlantis'), d),
      `g.json: edge 0 ('${edgeKey}'): target 'state:atlantis' is not a node`,
    ],
    [
      'an edge from a missing node',
      (d) => ((d.edges[0]!.source = 'x'), d),
      `g.json: edge 0 ('${edgeKey}'): source 'x' is not a node`,
    ],
    [
      'a self-loop',
      (d) => ((d.edges[0]!.target = d.edges[0]!.source), d),
      `g.json: edge 0 ('${edgeKey}'): self-loop on 'person:anna-weber' (not allowed)`,
    ],
    [
      'an undirected edge',
      (d) => (Object.assign(d.edges[0]!, { undirected: true }), d),
      `g.json: edge 0 ('${edgeKey}'): undirected: true is not allowed (expected false)`,
    ],
    [
      'duplicate edge keys',
      (d) => (d.edges.push(d.edges[0]!), d),
      `g.json: edge 1 ('${edgeKey}'): duplicate edge key '${edgeKey}'`,
    ],
    [
      'evidence without its sentence',
      (d) => (delete d.edges[0]!.attributes.evidence[0]!.sentence, d),
      `g.json: edge 0 ('${edgeKey}'): attributes.evidence[0].sentence: missing (expected string)`,
    ],
    [
      'a negative offset',
      (d) => ((d.edges[0]!.attributes.evidence[0]!.start = -3), d),
      `g.json: edge 0 ('${edgeKey}'): attributes.evidence[0].start: -3 is below the minimum 0`,
    ],
    [
      'evidence from an unlisted article',
      (d) => ((d.edges[0]!.attributes.evidence[0]!.article = 'other.txt'), d),
      `g.json: edge 0 ('${edgeKey}') evidence[0]: article 'other.txt' is not in attributes.articles`,
    ],
    [
      'evidence whose offsets disagree with its sentence',
      (d) => ((d.edges[0]!.attributes.evidence[0]!.end = TEXT.length + 5), d),
      `g.json: edge 0 ('${edgeKey}') evidence[0]: text is ${TEXT.length - sentence2} characters long but spans ${sentence2}..${TEXT.length + 5} (${TEXT.length + 5 - sentence2})`,
    ],
    [
      'a node example from an unlisted article',
      (d) => (((d.nodes[0]!.attributes.examples as Array<{ article: string }>)[0]!.article = 'nope'), d),
      "g.json: node 0 ('state:france') examples[0]: article 'nope' is not in attributes.articles",
    ],
    [
      'several problems at once',
      (d) => {
        d.nodes[0]!.attributes.kind = 'country';
        d.nodes[1]!.attributes.kind = 'human';
        d.edges[0]!.attributes.confidence = -1;
        return d;
      },
      "g.json: node 0 ('state:france'): attributes.kind: 'country' is not allowed (expected 'person' | 'state' | 'organisation' | 'topic' | 'place') (and 2 more problems)",
    ],
  ];

  it.each(cases)('refuses %s with one line naming the place', (_name, mutate, expected) => {
    expect(message(mutate(validData()))).toBe(expected);
  });

  it('has a fast path compiled from the zod schema that agrees with zod on every table case', () => {
    expect(fastCheck).not.toBeNull();
    expect(isValidShape(validData())).toBe(true);
    for (const [, mutate] of cases) {
      const data = mutate(validData());
      expect(isValidShape(data)).toBe(zodAcceptsShape(data));
    }
  });

  it('has a fast path that agrees with zod on random damage anywhere in the file', () => {
    const base = validData();
    /** Every path to a value in the data, e.g. ['edges', 0, 'attributes', 'confidence']. */
    const paths: Array<Array<string | number>> = [];
    const collect = (value: unknown, path: Array<string | number>) => {
      if (path.length) paths.push(path);
      if (Array.isArray(value)) {
        value.forEach((v, i) => {
          collect(v, [...path, i]);
        });
      } else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) collect(v, [...path, k]);
    };
    collect(base, []);
    const damage = fc.record({
      path: fc.constantFrom(...paths),
      value: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constant(undefined),
        fc.double(),
        fc.integer({ min: -5, max: 5 }),
        fc.constantFrom('person', 'state', '', 'type', 'speaks-for', null, true),
      ),
    });
    fc.assert(
      fc.property(fc.array(damage, { minLength: 1, maxLength: 3 }), (damages) => {
        const data = structuredClone(base) as unknown as Record<string | number, unknown>;
        for (const { path, value } of damages) {
          let parent: unknown = data;
          for (const part of path.slice(0, -1))
            parent =
              parent && typeof parent === 'object' ? (parent as Record<string | number, unknown>)[part] : undefined;
          if (!parent || typeof parent !== 'object') continue;
          const last = path.at(-1) as string | number;
          if (value === undefined) delete (parent as Record<string | number, unknown>)[last];
          else (parent as Record<string | number, unknown>)[last] = value;
        }
        expect(isValidShape(data)).toBe(zodAcceptsShape(data));
      }),
      { numRuns: 3000, seed: 8 },
    );
  });

  it('names the file and says "not JSON" for a file that is not JSON', async () => {
    const dir = tempDir('schema');
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"attributes": {"schema": "newsgraph/1"');
    await expect(loadGraph(file)).rejects.toThrow(new RegExp(`^${file}: not JSON`));
  });

  it('validates a 50,000-node, 100,000-edge graph and finds the one bad edge near its end', () => {
    const articles = [{ id: 'a', title: null, source: null, published: null, url: null, file: 'a.txt' }];
    const nodes = Array.from({ length: 50_000 }, (_, i) => ({
      key: `person:p${i}`,
      attributes: {
        label: `P ${i}`,
        kind: 'person',
        aliases: [],
        mentions: 1,
        articles: ['a'],
        rules: ['ner'],
        examples: [{ article: 'a', start: 0, end: 3, text: 'P 1' }],
      },
    }));
    const edges = Array.from({ length: 100_000 }, (_, i) => ({
      key: `e${i}`,
      source: `person:p${i % 50_000}`,
      target: `person:p${(i * 7 + 1) % 50_000}`,
      attributes: {
        relation: 'meets',
        label: 'meets',
        weight: 1,
        confidence: 0.5,
        rules: ['r'],
        evidence: [{ article: 'a', sentence: 'P met Q.', start: 10, end: 18, rule: 'r' }],
      },
    }));
    const data = {
      options: { type: 'directed', multi: true, allowSelfLoops: false },
      attributes: { schema: 'newsgraph/1', createdWith: 'test', articles },
      nodes,
      edges,
    };
    expect(parseGraphData(data, 'big.json').nodes).toHaveLength(50_000);
    edges[99_998]!.target = 'person:missing';
    expect(message(data)).toBe("g.json: edge 99998 ('e99998'): target 'person:missing' is not a node");
  });

  it('makes `build --into` with a malformed graph exit 1 with one line naming the file and place', async () => {
    const dir = tempDir('schema-cli');
    const graphFile = join(dir, 'old.json');
    const data = validData();
    data.edges[0]!.target = 'state:atlantis';
    writeFileSync(graphFile, JSON.stringify(data));
    const article = join(dir, 'a.txt');
    writeFileSync(article, TEXT);
    const io = captureIO();
    const code = await main(['build', article, '--into', graphFile, '--no-cache', '--jobs', '1'], io);
    expect(code).toBe(1);
    expect(io.stderr).toBe(`newsgraph: ${graphFile}: edge 0 ('${edgeKey}'): target 'state:atlantis' is not a node\n`);
  });
});
