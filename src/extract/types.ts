/** The data the extractor passes between its stages and hands to the graph builder. */
import type { EntityKind } from '../contract/kinds.js';
import type { Span } from '../contract/span.js';
import type { ArticleMeta } from '../ingest/types.js';

// Entity kinds and spans belong to the shared contract (src/contract); the extractor's types name them as before.
// A Span inside the extractor refers to Article.text; in an Extraction, to Article.original.
export { ENTITY_KINDS, type EntityKind } from '../contract/kinds.js';
export type { Span } from '../contract/span.js';

export interface Token extends Span {
  text: string;
}

export interface Sentence extends Span {
  tokens: Token[];
}

/** A role or title held by a person, seen in the text ("Foreign Minister", "Security Council Secretary"). */
export interface RoleFact {
  title: string;
  /** The entity the role is held in or for, when the text names it ("Russian" -> state:russia). */
  of: string | null;
  span: Span;
}

/** One mention of an entity in Article.text, after recognition and resolution. */
export interface EntityMention extends Span {
  entityId: string;
  sentence: number;
  /** Token range [tokenStart, tokenEnd) within the sentence. */
  tokenStart: number;
  tokenEnd: number;
  text: string;
  /** The model or rule that found this mention, e.g. 'ner:perceptron', 'gazetteer:countries', 'rule:demonym'. */
  rule: string;
  /** Roles stated next to this mention ("French President Emmanuel Macron" -> President of state:france). */
  roles?: RoleFact[];
}

export interface Entity {
  /** Stable node key: `${kind}:${slug}`, e.g. 'state:russia', 'person:jane-doe'. */
  id: string;
  label: string;
  kind: EntityKind;
  /** Every other surface form seen for this entity (never the label itself). */
  aliases: string[];
  /** States: ISO 3166-1 alpha-2 and alpha-3 codes, so that graphs join with other data. */
  iso?: string;
  iso3?: string;
}

/** An article after entity recognition and resolution: what the relation extractor reads. */
export interface DocAnalysis {
  text: string;
  sentences: Sentence[];
  entities: Map<string, Entity>;
  /** Sorted by start offset. */
  mentions: EntityMention[];
}

/** A relation found by a rule, in Article.text offsets. */
export interface RelationCandidate {
  source: string;
  target: string;
  /** kebab-case: 'speaks-for', 'member-of', 'part-of', 'supports', 'opposes', ... */
  relation: string;
  confidence: number;
  rule: string;
  /** Index into DocAnalysis.sentences. */
  sentence: number;
  qualifiers?: Record<string, string>;
  /** Read through coreference: the sentence that names the antecedent, a second piece of evidence. */
  antecedent?: number;
  /** The sentence states the role as past ("former", "ex-", "then-", "until 2003"). */
  former?: boolean;
  /** 'text' (default): read in the sentence; 'knowledge': from a shipped data file, the sentence mentions both ends. */
  basis?: RelationBasis;
}

/** Why an edge exists: read in the text, or known from a data file (gazetteers, memberships) about ends the text names. */
export type RelationBasis = 'text' | 'knowledge';

/** A mention as reported to users: offsets into the original file text, `text` === original.slice(start, end). */
export interface Mention extends Span {
  text: string;
}

export interface ExtractedEntity extends Entity {
  mentions: Mention[];
  /** Rules and models that produced the mentions, e.g. ['ner:perceptron', 'rule:demonym']. */
  rules: string[];
}

export interface EvidenceSpan extends Span {
  /** The sentence as it stands in the original text: original.slice(start, end). */
  text: string;
}

export interface ExtractedRelation {
  source: string;
  target: string;
  relation: string;
  confidence: number;
  rules: string[];
  evidence: EvidenceSpan[];
  qualifiers?: Record<string, string>;
  /** Every statement of the edge states the role as past; one that states it plainly makes the edge current. */
  former?: boolean;
  /** 'text' unless every statement of the edge comes from knowledge (absent in extractions cached before issue 14). */
  basis?: RelationBasis;
}

/** The result of extracting one article; JSON-serialisable (crosses worker threads, lives in the cache). */
export interface Extraction {
  articleId: string;
  file: string;
  article: ArticleMeta;
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
  /** MinHash signature of the article's text (src/extract/minhash.ts): finds copies of one story. */
  signature?: string;
}
