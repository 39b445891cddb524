/**
 * Hand-made graphs for the viewer tests, in the newsgraph/1 file format. Realistic content with known relations
 * (the extractor is improved concurrently, so tests that need specific relations use these, not its output).
 * Sentence offsets are computed from each article's text, so every span agrees with its quoted sentence.
 */

interface Article {
  id: string;
  title: string;
  source: string;
  published: string;
  sentences: string[];
}

interface Entity {
  key: string;
  label: string;
  kind: 'person' | 'state' | 'organisation' | 'topic' | 'place';
  aliases?: string[];
}

interface Statement {
  source: string;
  relation: string;
  target: string;
  confidence: number;
  /** [article id, sentence index] */
  evidence: Array<[string, number]>;
}

const ARTICLES: Article[] = [
  {
    id: 'arctic-council.txt',
    title: 'Arctic states meet as Moscow warns over NATO expansion',
    source: 'Nordic Wire',
    published: '2023-03-02T09:30:00Z',
    sentences: [
      'Russian Foreign Minister Sergei Lavrov said on Thursday that Moscow would answer any NATO deployment in Finland.',
      'Finland formally joined NATO on Tuesday, doubling the alliance’s land border with Russia.',
      'NATO Secretary General Jens Stoltenberg welcomed Finland as the 31st member of the alliance.',
      'The Kremlin criticised Finland for abandoning decades of neutrality.',
    ],
  },
  {
    id: 'berlin-sanctions.txt',
    title: 'Berlin backs tougher EU sanctions on Russian gas',
    source: 'Rhine Post',
    published: '2023-04-04T14:00:00Z',
    sentences: [
      'German Foreign Minister Annalena Baerbock said Germany supports a tenth package of European Union sanctions.',
      'The European Union imposed new sanctions on Russia over the war in Ukraine, targeting gas revenues.',
      'Germany, a member of the European Union and of NATO, pledged further air-defence systems to Ukraine.',
      'Moscow condemned the measures, and Lavrov accused Berlin of waging an economic war against Russia.',
    ],
  },
  {
    id: 'washington-brief.txt',
    title: 'Washington and Berlin align on Ukraine aid',
    source: 'Capitol Ledger',
    published: '2023-05-10T18:45:00Z',
    sentences: [
      'Secretary of State Antony Blinken said the United States supports Ukraine for as long as it takes.',
      'The United States, a founding member of NATO, will host the alliance’s summit next year.',
      'Blinken met Baerbock in Washington to coordinate military aid to Ukraine.',
      'Russia opposes the enlargement of NATO, Lavrov repeated in a statement.',
    ],
  },
];

const ENTITIES: Entity[] = [
  { key: 'state:russia', label: 'Russia', kind: 'state', aliases: ['Russian Federation', 'Moscow', 'Kremlin'] },
  { key: 'state:finland', label: 'Finland', kind: 'state' },
  { key: 'state:germany', label: 'Germany', kind: 'state', aliases: ['Berlin'] },
  { key: 'state:ukraine', label: 'Ukraine', kind: 'state' },
  { key: 'state:united-states', label: 'United States', kind: 'state', aliases: ['Washington', 'US'] },
  {
    key: 'organisation:nato',
    label: 'NATO',
    kind: 'organisation',
    aliases: ['North Atlantic Treaty Organization', 'alliance'],
  },
  { key: 'organisation:european-union', label: 'European Union', kind: 'organisation', aliases: ['EU'] },
  { key: 'person:sergei-lavrov', label: 'Sergei Lavrov', kind: 'person', aliases: ['Lavrov'] },
  { key: 'person:jens-stoltenberg', label: 'Jens Stoltenberg', kind: 'person', aliases: ['Stoltenberg'] },
  { key: 'person:annalena-baerbock', label: 'Annalena Baerbock', kind: 'person', aliases: ['Baerbock'] },
  { key: 'person:antony-blinken', label: 'Antony Blinken', kind: 'person', aliases: ['Blinken'] },
  { key: 'topic:sanctions', label: 'sanctions', kind: 'topic' },
  { key: 'topic:neutrality', label: 'neutrality', kind: 'topic' },
  { key: 'place:baltic-sea', label: 'Baltic Sea', kind: 'place' },
];

const STATEMENTS: Statement[] = [
  {
    source: 'person:sergei-lavrov',
    relation: 'speaks-for',
    target: 'state:russia',
    confidence: 0.92,
    evidence: [
      ['arctic-council.txt', 0],
      ['berlin-sanctions.txt', 3],
      ['washington-brief.txt', 3],
    ],
  },
  {
    source: 'person:jens-stoltenberg',
    relation: 'leader-of',
    target: 'organisation:nato',
    confidence: 0.88,
    evidence: [['arctic-council.txt', 2]],
  },
  {
    source: 'state:finland',
    relation: 'member-of',
    target: 'organisation:nato',
    confidence: 0.9,
    evidence: [
      ['arctic-council.txt', 1],
      ['arctic-council.txt', 2],
    ],
  },
  {
    source: 'state:russia',
    relation: 'criticises',
    target: 'state:finland',
    confidence: 0.71,
    evidence: [['arctic-council.txt', 3]],
  },
  {
    source: 'state:russia',
    relation: 'opposes',
    target: 'state:finland',
    confidence: 0.45,
    evidence: [['arctic-council.txt', 0]],
  },
  {
    source: 'person:annalena-baerbock',
    relation: 'speaks-for',
    target: 'state:germany',
    confidence: 0.9,
    evidence: [['berlin-sanctions.txt', 0]],
  },
  {
    source: 'state:germany',
    relation: 'supports',
    target: 'topic:sanctions',
    confidence: 0.8,
    evidence: [['berlin-sanctions.txt', 0]],
  },
  {
    source: 'organisation:european-union',
    relation: 'sanctions',
    target: 'state:russia',
    confidence: 0.86,
    evidence: [['berlin-sanctions.txt', 1]],
  },
  {
    source: 'state:germany',
    relation: 'member-of',
    target: 'organisation:european-union',
    confidence: 0.84,
    evidence: [['berlin-sanctions.txt', 2]],
  },
  {
    source: 'state:germany',
    relation: 'member-of',
    target: 'organisation:nato',
    confidence: 0.84,
    evidence: [['berlin-sanctions.txt', 2]],
  },
  {
    source: 'state:germany',
    relation: 'supports',
    target: 'state:ukraine',
    confidence: 0.78,
    evidence: [['berlin-sanctions.txt', 2]],
  },
  {
    source: 'state:russia',
    relation: 'criticises',
    target: 'state:germany',
    confidence: 0.74,
    evidence: [['berlin-sanctions.txt', 3]],
  },
  {
    source: 'state:germany',
    relation: 'opposes',
    target: 'state:russia',
    confidence: 0.35,
    evidence: [['berlin-sanctions.txt', 0]],
  },
  {
    source: 'person:antony-blinken',
    relation: 'speaks-for',
    target: 'state:united-states',
    confidence: 0.9,
    evidence: [['washington-brief.txt', 0]],
  },
  {
    source: 'state:united-states',
    relation: 'supports',
    target: 'state:ukraine',
    confidence: 0.87,
    evidence: [['washington-brief.txt', 0]],
  },
  {
    source: 'state:united-states',
    relation: 'member-of',
    target: 'organisation:nato',
    confidence: 0.83,
    evidence: [['washington-brief.txt', 1]],
  },
  {
    source: 'person:antony-blinken',
    relation: 'meets',
    target: 'person:annalena-baerbock',
    confidence: 0.8,
    evidence: [['washington-brief.txt', 2]],
  },
  {
    source: 'state:russia',
    relation: 'opposes',
    target: 'organisation:nato',
    confidence: 0.82,
    evidence: [
      ['washington-brief.txt', 3],
      ['arctic-council.txt', 0],
    ],
  },
];

export interface GraphJson {
  options: { type: 'directed'; multi: true; allowSelfLoops: false };
  attributes: { schema: 'newsgraph/1'; createdWith: string; articles: Array<Record<string, string | null>> };
  nodes: Array<{ key: string; attributes: Record<string, unknown> }>;
  edges: Array<{ key: string; source: string; target: string; attributes: Record<string, unknown> }>;
}

function sentenceSpans(article: Article): Array<{ start: number; end: number; text: string }> {
  let offset = article.title.length + 2; // title line and a blank line come first
  return article.sentences.map((text) => {
    const span = { start: offset, end: offset + text.length, text };
    offset = span.end + 1;
    return span;
  });
}

function mentions(entity: Entity, article: Article): number {
  const names = [entity.label, ...(entity.aliases ?? [])];
  return article.sentences.reduce((sum, sentence) => sum + names.filter((name) => sentence.includes(name)).length, 0);
}

/** The diplomacy fixture: 14 entities of five kinds, 18 relations with parallel and reciprocal pairs, 3 dated articles. */
export function diplomacyGraph(): GraphJson {
  const spans = new Map(ARTICLES.map((article) => [article.id, sentenceSpans(article)]));
  return {
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    attributes: {
      schema: 'newsgraph/1',
      createdWith: 'newsgraph test fixture',
      articles: ARTICLES.map((a) => ({
        id: a.id,
        title: a.title,
        source: a.source,
        published: a.published,
        url: null,
        file: `articles/${a.id}`,
      })),
    },
    nodes: ENTITIES.map((entity) => {
      const articles = ARTICLES.filter((article) => mentions(entity, article) > 0);
      return {
        key: entity.key,
        attributes: {
          label: entity.label,
          kind: entity.kind,
          aliases: entity.aliases ?? [],
          mentions: Math.max(
            1,
            ARTICLES.reduce((sum, article) => sum + mentions(entity, article), 0),
          ),
          articles: articles.map((article) => article.id),
          rules: ['fixture'],
          examples: [],
        },
      };
    }),
    edges: STATEMENTS.map((statement) => ({
      key: `${statement.source}|${statement.relation}|${statement.target}`,
      source: statement.source,
      target: statement.target,
      attributes: {
        relation: statement.relation,
        label: statement.relation,
        weight: statement.evidence.length,
        confidence: statement.confidence,
        evidence: statement.evidence.map(([article, index]) => {
          const span = spans.get(article)?.[index];
          if (!span) throw new Error(`fixture: no sentence ${index} in ${article}`);
          return { article, sentence: span.text, start: span.start, end: span.end, rule: 'fixture' };
        }),
        rules: ['fixture'],
      },
    })),
  };
}

/** Labels, aliases, titles and evidence that carry markup: all of it must show as text and run nothing. */
export const MARKUP_LABEL = '<img src=x onerror="window.__xss=1">Evil Corp';
export const MARKUP_SENTENCE =
  '<script>window.__xss=2</script> Evil Corp <b onmouseover="window.__xss=3">funds</b> the Ministry.';

export function markupGraph(): GraphJson {
  const graph = diplomacyGraph();
  graph.attributes.articles.push({
    id: 'markup.html',
    title: '<svg onload="window.__xss=4">Leaked memo</svg>',
    source: '<iframe src="javascript:window.__xss=5">',
    published: '2023-06-01',
    url: 'javascript:window.__xss=6',
    file: 'articles/markup.html',
  });
  graph.nodes.push(
    {
      key: 'organisation:evil-corp',
      attributes: {
        label: MARKUP_LABEL,
        kind: 'organisation',
        aliases: ['<b>Evil</b>'],
        mentions: 2,
        articles: ['markup.html'],
        rules: ['fixture'],
        examples: [],
      },
    },
    {
      key: 'organisation:ministry',
      attributes: {
        label: 'Ministry <i>of</i> Truth',
        kind: 'organisation',
        aliases: [],
        mentions: 1,
        articles: ['markup.html'],
        rules: ['fixture'],
        examples: [],
      },
    },
  );
  graph.edges.push({
    key: 'organisation:evil-corp|supports|organisation:ministry',
    source: 'organisation:evil-corp',
    target: 'organisation:ministry',
    attributes: {
      relation: 'supports',
      label: 'supports',
      weight: 1,
      confidence: 0.7,
      evidence: [
        {
          article: 'markup.html',
          sentence: MARKUP_SENTENCE,
          start: 10,
          end: 10 + MARKUP_SENTENCE.length,
          rule: '<u>fixture</u>',
        },
      ],
      rules: ['fixture'],
    },
  });
  return graph;
}
