/**
 * DWIE entity evaluation (DocRED format). Per document, gold entities are the vertexSet clusters typed person,
 * organization or location. A predicted entity (person, organisation, state or place; topics are not scored)
 * matches a cluster when one of its names (label, aliases, mention texts) equals one of the cluster's mention names
 * after normalisation. Each cluster is claimed by one predicted entity (exact label matches first); a predicted
 * entity that matches only clusters claimed by others is a false positive (a second entity for the same cluster),
 * one matching nothing is a false positive, and one matching only clusters of other types (a demonym cluster typed
 * "other") is not counted. Recall: claimed clusters / gold clusters; precision: entities that claimed a cluster /
 * counted entities.
 */
import { InputError } from '../errors.js';
import { extractArticle } from '../extract/index.js';
import type { ExtractedEntity, Extraction } from '../extract/types.js';
import { identityMap } from '../ingest/offsets.js';
import type { Article } from '../ingest/types.js';
import { normaliseName, toPrf, type Prf } from './match.js';
import { readJsonFile } from './read-json.js';

export interface DwieMention {
  name: string;
  type: string;
  pos: [number, number];
  sent_id: number;
}

export interface DwieDocument {
  title: string;
  sents: string[][];
  vertexSet: DwieMention[][];
  labels: Array<{ h: number; t: number; r: string }>;
}

export const DWIE_TYPES = ['type::person', 'type::organization', 'type::location'] as const;
type DwieType = (typeof DWIE_TYPES)[number];
const SHORT: Record<DwieType, string> = { 'type::person': 'person', 'type::organization': 'organization', 'type::location': 'location' };

/**
 * A DWIE document's text: tokens joined by single spaces; the corpus's "\n" tokens become line breaks. DWIE's
 * tokenizer split hyphenated words into three tokens; a hyphen between a word and a capitalised word is joined
 * back as it was written ("Frank-Walter", "North Rhine-Westphalia", "al-Assad"), since those are parts of names
 * whose cluster names keep the hyphen.
 */
export function dwieDocumentText(doc: DwieDocument): string {
  const tokens = doc.sents.flat();
  let text = '';
  tokens.forEach((t, i) => {
    const joined = (t === '-' && isWord(tokens[i - 1]) && isCapitalisedWord(tokens[i + 1])) || (tokens[i - 1] === '-' && isWord(tokens[i - 2]) && isCapitalisedWord(t));
    if (text.length > 0 && !joined) text += t === '\n' ? '' : ' ';
    text += t;
  });
  return text;
}

function isWord(t: string | undefined): boolean {
  return t !== undefined && /^\p{L}[\p{L}.]*$/u.test(t);
}

function isCapitalisedWord(t: string | undefined): boolean {
  return t !== undefined && /^\p{Lu}\p{L}*$/u.test(t);
}

export interface DwieDocResult {
  tp: number;
  fp: number;
  fn: number;
  /** Recall counts per cluster type. */
  byType: Record<string, { clusters: number; found: number }>;
  misses: string[];
  falsePositives: string[];
}

/** Scores one document's predicted entities against its clusters. */
export function scoreDwieEntities(doc: DwieDocument, entities: readonly Pick<ExtractedEntity, 'id' | 'label' | 'kind' | 'aliases' | 'mentions'>[]): DwieDocResult {
  const counted = new Map<number, Set<string>>();
  const others = new Map<number, Set<string>>();
  doc.vertexSet.forEach((cluster, ci) => {
    const type = cluster[0]?.type ?? '';
    const names = new Set(cluster.map((m) => normaliseName(m.name)).filter(Boolean));
    if ((DWIE_TYPES as readonly string[]).includes(type)) counted.set(ci, names);
    else others.set(ci, names);
  });
  const predicted = entities.filter((e) => e.kind !== 'topic');
  const namesOf = (e: (typeof predicted)[number]) => new Set([e.label, ...e.aliases, ...e.mentions.map((m) => m.text)].map(normaliseName).filter(Boolean));
  const claimedBy = new Map<number, string>();
  const claimed = new Set<string>();
  // Pass 1: clusters named exactly like an entity's label; pass 2: any other shared name.
  for (const pass of [1, 2] as const) {
    for (const e of predicted) {
      const names = pass === 1 ? new Set([normaliseName(e.label)]) : namesOf(e);
      for (const [ci, clusterNames] of counted) {
        if (claimedBy.has(ci)) continue;
        for (const n of names) {
          if (clusterNames.has(n)) {
            claimedBy.set(ci, e.id);
            claimed.add(e.id);
            break;
          }
        }
      }
    }
  }
  let fp = 0;
  const falsePositives: string[] = [];
  for (const e of predicted) {
    if (claimed.has(e.id)) continue;
    const names = namesOf(e);
    const hitsCounted = [...counted.values()].some((c) => [...names].some((n) => c.has(n)));
    const hitsOther = [...others.values()].some((c) => [...names].some((n) => c.has(n)));
    if (!hitsCounted && hitsOther) continue;
    fp++;
    falsePositives.push(`${e.label} (${e.kind}${hitsCounted ? ', second entity for a cluster' : ''})`);
  }
  const byType: DwieDocResult['byType'] = {};
  const misses: string[] = [];
  for (const [ci] of counted) {
    const type = SHORT[doc.vertexSet[ci]![0]!.type as DwieType];
    const row = (byType[type] ??= { clusters: 0, found: 0 });
    row.clusters++;
    if (claimedBy.has(ci)) row.found++;
    else misses.push(`${doc.vertexSet[ci]![0]!.name} (${type})`);
  }
  return { tp: claimed.size, fp, fn: counted.size - claimedBy.size, byType, misses, falsePositives };
}

export interface DwieReport {
  documents: number;
  /** Precision over predicted entities, recall over clusters. */
  entities: Prf & { clusters: number; found: number };
  recallByType: Record<string, { clusters: number; found: number; recall: number }>;
  misses: string[];
  falsePositives: string[];
}

/** Runs the extractor on each document and scores its entities. */
export function evalDwie(docs: readonly DwieDocument[], options: { limit?: number; onExtraction?: (doc: DwieDocument, extraction: Extraction) => void } = {}): DwieReport {
  const list = options.limit ? docs.slice(0, options.limit) : docs;
  let predictedRight = 0;
  let fp = 0;
  let clusters = 0;
  let found = 0;
  const byType: Record<string, { clusters: number; found: number }> = {};
  const misses: string[] = [];
  const falsePositives: string[] = [];
  for (const doc of list) {
    const text = dwieDocumentText(doc);
    const article: Article = { id: doc.title, file: doc.title, original: text, text, map: identityMap(text.length), title: null, source: null, published: null, url: null };
    const extraction = extractArticle(article);
    options.onExtraction?.(doc, extraction);
    const result = scoreDwieEntities(doc, extraction.entities);
    predictedRight += result.tp;
    fp += result.fp;
    for (const [type, row] of Object.entries(result.byType)) {
      const total = (byType[type] ??= { clusters: 0, found: 0 });
      total.clusters += row.clusters;
      total.found += row.found;
      clusters += row.clusters;
      found += row.found;
    }
    misses.push(...result.misses.map((m) => `${doc.title}: ${m}`));
    falsePositives.push(...result.falsePositives.map((m) => `${doc.title}: ${m}`));
  }
  const precision = predictedRight + fp === 0 ? 0 : predictedRight / (predictedRight + fp);
  const recall = clusters === 0 ? 0 : found / clusters;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const recallByType = Object.fromEntries(Object.entries(byType).map(([t, r]) => [t, { ...r, recall: r.clusters ? r.found / r.clusters : 0 }]));
  return {
    documents: list.length,
    entities: { ...toPrf(predictedRight, fp, clusters - found), precision, recall, f1, clusters, found },
    recallByType,
    misses,
    falsePositives,
  };
}

export async function readDwie(file: string): Promise<DwieDocument[]> {
  const data = await readJsonFile(file);
  if (!Array.isArray(data) || data.some((d) => typeof d !== 'object' || d === null || !Array.isArray((d as DwieDocument).sents) || !Array.isArray((d as DwieDocument).vertexSet))) {
    throw new InputError(file, 'expected a DocRED-style array of documents with sents and vertexSet');
  }
  return data as DwieDocument[];
}
