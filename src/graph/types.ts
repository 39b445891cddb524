/** The newsgraph/1 file contract, as TypeScript types. The zod schema in ./schema.ts checks files against it. */
import type { MultiDirectedGraph } from 'graphology';
import type { EntityKind } from '../extract/types.js';

export const SCHEMA = 'newsgraph/1';

export interface ArticleRecord {
  id: string;
  title: string | null;
  source: string | null;
  published: string | null;
  url: string | null;
  file: string;
}

export interface GraphAttributes {
  schema: typeof SCHEMA;
  createdWith: string;
  articles: ArticleRecord[];
}

export interface MentionExample {
  article: string;
  start: number;
  end: number;
  text: string;
}

export interface NodeAttributes {
  label: string;
  kind: EntityKind;
  aliases: string[];
  /** Number of mentions over all articles. */
  mentions: number;
  /** Ids of the articles that mention it, sorted. */
  articles: string[];
  /** The rules and models that recognised it: why the node exists. */
  rules: string[];
  /** The first mentions (up to a few per article) with offsets into the article's original text. */
  examples: MentionExample[];
  /** States: ISO 3166-1 alpha-2 and alpha-3 codes (from world-countries), for joining with other data. */
  iso?: string;
  iso3?: string;
  /** Layout positions, when a layout has been run. */
  x?: number;
  y?: number;
}

export interface EdgeEvidence {
  article: string;
  /** The sentence exactly as it stands in the article's original text. */
  sentence: string;
  start: number;
  end: number;
  rule: string;
  qualifiers?: Record<string, string>;
}

export interface EdgeAttributes {
  relation: string;
  /** Same as relation: what sigma and Gephi show on the edge. */
  label: string;
  /** Number of supporting statements. */
  weight: number;
  confidence: number;
  evidence: EdgeEvidence[];
  rules: string[];
}

export type NewsGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
