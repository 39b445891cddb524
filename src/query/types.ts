/** The shapes the query API returns: plain data, ready for JSON. */
import type { EntityKind } from '../extract/types.js';
import type { EdgeEvidence } from '../graph/types.js';

export interface EntityRef {
  id: string;
  label: string;
}

export interface EntityInfo extends EntityRef {
  kind: EntityKind;
  aliases: string[];
  mentions: number;
  articles: string[];
}

/** One piece of evidence with the article it comes from. */
export interface EvidenceItem extends EdgeEvidence {
  title: string | null;
  source: string | null;
  published: string | null;
  url: string | null;
}

export interface RelationRow {
  /** The edge key in the graph file. */
  edge: string;
  source: EntityRef;
  relation: string;
  target: EntityRef;
  confidence: number;
  weight: number;
  /** The statements exactly as the graph file holds them (GraphQuery.evidence adds the articles' details). */
  evidence: EdgeEvidence[];
  /** 'text' when articles state it, 'knowledge' when it comes from the data files (a missing basis is 'text'). */
  basis: Basis;
  /** Present (true) when every statement gives the role as past ("former president"). */
  former?: true;
  /** How the stance was stated when not as a plain fact: 'hypothetical' (modal, conditional, questioned, reported). */
  modality?: string;
  /** How many different articles the statements come from. */
  articles: number;
  /** In an answer about one entity (GraphQuery.about): 'out' when that entity is the source. */
  direction?: 'out' | 'in';
}

export type Basis = 'text' | 'knowledge';

/** One entity a name may stand for, with what ranks it: mentions and relations. */
export interface NameCandidate extends EntityRef {
  kind: EntityKind;
  mentions: number;
  /** Edges in either direction. */
  relations: number;
  /** How the name matched: the entity's label, one of its aliases, or the end of a person's label (a surname). */
  match: 'label' | 'alias' | 'surname';
}

/** What a name was taken to mean. */
export interface NameResolution {
  name: string;
  /** The entity chosen. */
  chosen: NameCandidate;
  /** Every entity the name matched, the chosen one first, then by mentions + relations. */
  candidates: NameCandidate[];
  /** The entities a query uses: the chosen one, or with `exact` every exact label (else alias) match. */
  ids: string[];
}

export interface NameOptions {
  /** Only exact label matches (else alias matches), all of them; no surname matching, no choosing. */
  exact?: boolean;
}

/** Options for GraphQuery.about: everything stated about one entity. */
export interface AboutOptions extends NameOptions {
  minConfidence?: number;
  from?: string;
  to?: string;
  basis?: Basis;
  /** Only current facts, as RelationPattern.current. */
  current?: boolean;
}

/** A relation pattern: every part optional; names resolve through labels and aliases. */
export interface RelationPattern {
  source?: string;
  relation?: string;
  target?: string;
  /** Keep edges with confidence >= this. */
  minConfidence?: number;
  /** Keep edges stated in an article published on or after this date (YYYY-MM-DD); evidence outside is dropped. */
  from?: string;
  /** ... and on or before this date. */
  to?: string;
  /** Keep edges of this basis ('text' or 'knowledge'); an edge without a basis counts as 'text'. */
  basis?: Basis;
  /** Names match exactly (label, else alias) and stand for every such entity; see NameOptions. */
  exact?: boolean;
  /**
   * Only current facts: drop edges that every statement gives as a past role (former: true) and, from the others,
   * the statements that do.
   */
  current?: boolean;
}

export type Direction = 'out' | 'in' | 'both';

export interface NeighbourOptions {
  relation?: string;
  direction?: Direction;
  kind?: EntityKind;
}

export interface Neighbour {
  entity: EntityRef & { kind: EntityKind };
  relation: string;
  /** 'out' when the asked entity is the source of the edge. */
  direction: 'out' | 'in';
  edge: string;
  confidence: number;
}

export interface PathHop {
  from: EntityRef;
  to: EntityRef;
  /** Every edge joining the two, in either direction. */
  edges: {
    edge: string;
    relation: string;
    direction: 'forward' | 'backward';
    confidence: number;
    sentence: string | null;
  }[];
}

export interface PathResult {
  nodes: EntityRef[];
  hops: PathHop[];
}

export interface RankedEntity extends EntityRef {
  kind: EntityKind;
  score: number;
}

export interface Community {
  id: number;
  size: number;
  /** The members with the highest degree first. */
  members: EntityRef[];
}

export interface GraphStats {
  nodes: number;
  edges: number;
  articles: number;
  /** Articles with a usable publication date. */
  datedArticles: number;
  byKind: Record<string, number>;
  byRelation: Record<string, number>;
  topByDegree: RankedEntity[];
  topByPagerank: RankedEntity[];
  communities: { count: number; modularity: number; largest: Community[] };
}
