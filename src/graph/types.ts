/** The newsgraph/1 file contract, as TypeScript types. The zod schema in ./schema.ts checks files against it. */
import type { MultiDirectedGraph } from 'graphology';
import type { EntityKind } from '../contract/kinds.js';

export const SCHEMA = 'newsgraph/1';

export interface ArticleRecord {
  id: string;
  title: string | null;
  source: string | null;
  published: string | null;
  url: string | null;
  file: string;
  /** MinHash signature of the text: later builds compare new articles against it to find copies of one story. */
  minhash?: string;
  /**
   * Set on every article of a group of copies of one story (identical texts, wire copy in several outlets): the id
   * of the group's first article. Edges list the evidence of every copy but count the story once.
   */
  group?: string;
}

export interface GraphAttributes {
  schema: typeof SCHEMA;
  createdWith: string;
  articles: ArticleRecord[];
  /** Names and keys of entities removed by user corrections (so applying them again changes nothing). */
  dropped?: string[];
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
  /** This statement gives the role as past ("former", "ex-", "then-"). Absent: stated as current. */
  former?: boolean;
}

export interface EdgeAttributes {
  relation: string;
  /** Same as relation: what sigma and Gephi show on the edge. */
  label: string;
  /** Number of supporting statements. */
  weight: number;
  /** Rounded to three decimals when stored, so that thresholds such as 0.8 compare as written. */
  confidence: number;
  evidence: EdgeEvidence[];
  rules: string[];
  /**
   * 'text' when some sentence states the relation; 'knowledge' when it comes only from a shipped data file about two
   * ends the text names. Always written; absent in files written before it existed (read as 'text').
   */
  basis?: 'text' | 'knowledge';
  /** Qualifiers of the statements merged (first value wins): `issue`, `modality`, `trigger`. */
  qualifiers?: Record<string, string>;
  /**
   * true when every statement gives the role as past ("former president"): a fact of the past, never a current one.
   * Absent when some statement gives it as current. Files written before it existed held `qualifiers.former: 'true'`,
   * read as this (src/graph/legacy.ts).
   */
  former?: boolean;
}

export type NewsGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
