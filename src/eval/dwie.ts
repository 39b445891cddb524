/**
 * DWIE entity evaluation (DocRED format). Per document, gold entities are the vertexSet clusters typed person,
 * organization or location. Each predicted node of a scored kind (person; organisation; state or place as location;
 * topics are not scored) is counted once:
 * - a true positive when it claims a cluster of its own kind that no node claimed before: clusters named exactly
 *   like its label first (over all nodes), then those its aliases or mention texts name. Further clusters of its
 *   kind that it also names are covered, not counted twice;
 * - a false positive when it names no cluster (junk), only clusters already claimed (a duplicate node), or a
 *   scored cluster of another kind (wrong kind);
 * - not counted when it names only clusters of unscored types (misc, event, other, ...).
 * A false negative is a scored cluster that no node of its kind names. Precision: tp / (tp + fp); recall:
 * tp / (tp + fn); names compare after normalisation (`normaliseName`).
 */
import { InputError } from '../errors.js';
import { extractArticle } from '../extract/index.js';
import type { ExtractedEntity, Extraction } from '../extract/types.js';
import { normaliseName, type Prf, toPrf } from './match.js';
import { plainArticle } from './plain-article.js';
import { readJsonFile } from './read-json.js';

interface DwieMention {
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

const DWIE_TYPES = ['type::person', 'type::organization', 'type::location'] as const;
type DwieType = (typeof DWIE_TYPES)[number];
const SHORT: Record<DwieType, string> = {
  'type::person': 'person',
  'type::organization': 'organization',
  'type::location': 'location',
};

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
    const joined =
      (t === '-' && isWord(tokens[i - 1]) && isCapitalisedWord(tokens[i + 1])) ||
      (tokens[i - 1] === '-' && isWord(tokens[i - 2]) && isCapitalisedWord(t));
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

/** Why a predicted node is a false positive. */
type DwieFalsePositiveReason = 'junk' | 'duplicate' | 'wrong kind';

interface DwieFalsePositive {
  label: string;
  kind: string;
  reason: DwieFalsePositiveReason;
  /** For a duplicate: the label of the node that claimed the cluster; for a wrong kind: the cluster's type. */
  other?: string;
}

export interface DwieDocResult {
  tp: number;
  fp: number;
  fn: number;
  /** Recall counts per cluster type: clusters, and clusters covered by a node of their kind. */
  byType: Record<string, { clusters: number; found: number }>;
  misses: string[];
  falsePositives: DwieFalsePositive[];
}

type ScoredKind = (typeof SHORT)[DwieType];

/** The DWIE type a node kind is scored as; undefined for topics. */
function scoredKindOf(kind: string): ScoredKind | undefined {
  if (kind === 'person') return 'person';
  if (kind === 'organisation') return 'organization';
  if (kind === 'state' || kind === 'place') return 'location';
  return undefined;
}

type ScoredEntity = Pick<ExtractedEntity, 'id' | 'label' | 'kind' | 'aliases' | 'mentions'>;

/** Scores one document's predicted entities against its clusters (the definition at the top of this file). */
export function scoreDwieEntities(doc: DwieDocument, entities: readonly ScoredEntity[]): DwieDocResult {
  const clusters = doc.vertexSet.map((cluster) => {
    const type = cluster[0]?.type ?? '';
    const kind = (DWIE_TYPES as readonly string[]).includes(type) ? SHORT[type as DwieType] : undefined;
    return {
      name: cluster[0]?.name ?? '',
      type,
      kind,
      names: new Set(cluster.map((m) => normaliseName(m.name)).filter(Boolean)),
    };
  });
  const nodes = entities
    .map((e) => ({
      e,
      kind: scoredKindOf(e.kind),
      label: normaliseName(e.label),
      names: new Set([e.label, ...e.aliases, ...e.mentions.map((m) => m.text)].map(normaliseName).filter(Boolean)),
    }))
    .filter((n): n is typeof n & { kind: ScoredKind } => n.kind !== undefined);
  const names = (n: (typeof nodes)[number], c: (typeof clusters)[number]) => [...n.names].some((x) => c.names.has(x));
  const claimedBy = new Map<number, (typeof nodes)[number]>();
  const claimant = new Set<(typeof nodes)[number]>();
  // Pass 1: clusters named exactly like a node's label; pass 2: clusters any other name of the node matches.
  for (const pass of [1, 2] as const) {
    for (const n of nodes) {
      if (claimant.has(n)) continue;
      const ci = clusters.findIndex(
        (c, i) => c.kind === n.kind && !claimedBy.has(i) && (pass === 1 ? c.names.has(n.label) : names(n, c)),
      );
      if (ci < 0) continue;
      claimedBy.set(ci, n);
      claimant.add(n);
    }
  }
  const falsePositives: DwieFalsePositive[] = [];
  for (const n of nodes) {
    if (claimant.has(n)) continue;
    const same = clusters.findIndex((c) => c.kind === n.kind && names(n, c));
    const base = { label: n.e.label, kind: n.e.kind };
    if (same >= 0) {
      falsePositives.push({ ...base, reason: 'duplicate', other: claimedBy.get(same)?.e.label ?? '' });
      continue;
    }
    const other = clusters.find((c) => c.kind !== undefined && names(n, c));
    if (other) falsePositives.push({ ...base, reason: 'wrong kind', other: other.kind });
    else if (!clusters.some((c) => names(n, c))) falsePositives.push({ ...base, reason: 'junk' });
    // Otherwise the node names only clusters of unscored types: not counted.
  }
  const byType: DwieDocResult['byType'] = {};
  const misses: string[] = [];
  let fn = 0;
  clusters.forEach((c, ci) => {
    if (c.kind === undefined) return;
    const row = (byType[c.kind] ??= { clusters: 0, found: 0 });
    row.clusters++;
    if (claimedBy.has(ci) || nodes.some((n) => n.kind === c.kind && names(n, c))) row.found++;
    else {
      fn++;
      misses.push(`${c.name} (${c.kind})`);
    }
  });
  return { tp: claimant.size, fp: falsePositives.length, fn, byType, misses, falsePositives };
}

export interface DwieReport {
  documents: number;
  /** tp: nodes that claimed a cluster; fp: junk, duplicate and wrong-kind nodes; fn: clusters no node covers. */
  entities: Prf & { clusters: number; found: number };
  recallByType: Record<string, { clusters: number; found: number; recall: number }>;
  misses: string[];
  /** "title: label (kind)" per false positive, by reason. */
  junk: string[];
  duplicates: string[];
  wrongKind: string[];
}

/** Runs the extractor on each document and scores its entities. */
export function evalDwie(
  docs: readonly DwieDocument[],
  options: { limit?: number; onExtraction?: (doc: DwieDocument, extraction: Extraction) => void } = {},
): DwieReport {
  const list = options.limit ? docs.slice(0, options.limit) : docs;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const byType: Record<string, { clusters: number; found: number }> = {};
  const misses: string[] = [];
  const junk: string[] = [];
  const duplicates: string[] = [];
  const wrongKind: string[] = [];
  for (const doc of list) {
    const text = dwieDocumentText(doc);
    const article = plainArticle(doc.title, text);
    const extraction = extractArticle(article);
    options.onExtraction?.(doc, extraction);
    const result = scoreDwieEntities(doc, extraction.entities);
    tp += result.tp;
    fp += result.fp;
    fn += result.fn;
    for (const [type, row] of Object.entries(result.byType)) {
      const total = (byType[type] ??= { clusters: 0, found: 0 });
      total.clusters += row.clusters;
      total.found += row.found;
    }
    misses.push(...result.misses.map((m) => `${doc.title}: ${m}`));
    for (const f of result.falsePositives) {
      const line = `${doc.title}: ${f.label} (${f.kind})`;
      if (f.reason === 'junk') junk.push(line);
      else if (f.reason === 'duplicate') duplicates.push(`${line}, cluster claimed by ${f.other}`);
      else wrongKind.push(`${line}, gold ${f.other}`);
    }
  }
  const clusters = Object.values(byType).reduce((n, r) => n + r.clusters, 0);
  const found = Object.values(byType).reduce((n, r) => n + r.found, 0);
  const recallByType = Object.fromEntries(
    Object.entries(byType).map(([t, r]) => [t, { ...r, recall: r.clusters ? r.found / r.clusters : 0 }]),
  );
  return {
    documents: list.length,
    entities: { ...toPrf(tp, fp, fn), clusters, found },
    recallByType,
    misses,
    junk,
    duplicates,
    wrongKind,
  };
}

export async function readDwie(file: string): Promise<DwieDocument[]> {
  const data = await readJsonFile(file);
  if (
    !Array.isArray(data) ||
    data.some(
      (d) =>
        typeof d !== 'object' ||
        d === null ||
        !Array.isArray((d as DwieDocument).sents) ||
        !Array.isArray((d as DwieDocument).vertexSet),
    )
  ) {
    throw new InputError(file, 'expected a DocRED-style array of documents with sents and vertexSet');
  }
  return data as DwieDocument[];
}
