/**
 * Shared matching rules of `newsgraph eval` (entities here, relations in ./relations.ts reuse them):
 * - names compare case-insensitively after trimming surrounding punctuation and quotes, a possessive 's and a
 *   leading 'the' (`normaliseName`);
 * - a predicted node matches a gold entity when its label or an alias equals the gold name or a gold alias and its
 *   kind is one of the gold kinds; each gold entity is matched by one node, a second node for it is a false positive,
 *   and nodes matching only optional entities are not counted (`matchEntities`).
 */

/** Normalises a name for comparison: "The ‘Kremlin’s" -> "kremlin". */
export function normaliseName(name: string): string {
  return (
    name
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[’‘`´]/g, "'")
      .replace(/\s+/gu, ' ')
      // Text rebuilt from tokens spaces out punctuation ("Washington , D.C."); names are compared as written.
      .replace(/ ([,.;:!?)])/gu, '$1')
      .replace(/([(]) /gu, '$1')
      .trim()
      .replace(/^[\s"'“”«»()[\]{}.,;:!?-]+|[\s"'“”«»()[\]{}.,;:!?-]+$/gu, '')
      .replace(/'s$|'$/u, '')
      .replace(/^the\s+/u, '')
      .trim()
  );
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 from counts (0 when undefined). */
export function toPrf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** A gold entity as in seeds/*.gold.json. */
export interface GoldEntity {
  name: string;
  kinds: string[];
  aliases?: string[];
}

/** What the matcher needs of a predicted node (a graph node or an extracted entity). */
export interface NodeLike {
  id: string;
  label: string;
  kind: string;
  aliases: readonly string[];
}

function nodeNames(node: NodeLike): Set<string> {
  return new Set([node.label, ...node.aliases].map(normaliseName).filter(Boolean));
}

function goldNames(gold: GoldEntity): Set<string> {
  return new Set([gold.name, ...(gold.aliases ?? [])].map(normaliseName).filter(Boolean));
}

/** Whether a node matches a gold entity: a shared name and an allowed kind. */
function nodeMatchesGold(node: NodeLike, gold: GoldEntity): boolean {
  if (!gold.kinds.includes(node.kind)) return false;
  const names = goldNames(gold);
  for (const n of nodeNames(node)) if (names.has(n)) return true;
  return false;
}

export interface EntityMatchReport extends Prf {
  /** Gold name -> id of the node that matched it. */
  matched: Array<{ gold: string; node: string; label: string }>;
  misses: string[];
  falsePositives: Array<{
    node: string;
    label: string;
    kind: string;
    reason: 'no gold entity' | 'second node for a gold entity';
  }>;
  /** Nodes matching only optional entities (not counted). */
  ignored: string[];
}

/**
 * Matches nodes to gold entities. Nodes whose label matches come first (a node named exactly like the gold
 * entity is its best match), then nodes matching by an alias; each gold entity takes the first node that matches it.
 */
export function matchEntities(
  nodes: readonly NodeLike[],
  gold: readonly GoldEntity[],
  optional: readonly GoldEntity[] = [],
): EntityMatchReport {
  const taken = new Map<string, NodeLike>();
  const assigned = new Set<string>();
  const labelFirst = [...nodes].sort((a, b) => labelRank(a, gold) - labelRank(b, gold));
  for (const node of labelFirst) {
    for (const g of gold) {
      if (taken.has(g.name) || !nodeMatchesGold(node, g)) continue;
      taken.set(g.name, node);
      assigned.add(node.id);
      break;
    }
  }
  const falsePositives: EntityMatchReport['falsePositives'] = [];
  const ignored: string[] = [];
  for (const node of nodes) {
    if (assigned.has(node.id)) continue;
    if (gold.some((g) => nodeMatchesGold(node, g))) {
      falsePositives.push({
        node: node.id,
        label: node.label,
        kind: node.kind,
        reason: 'second node for a gold entity',
      });
    } else if (optional.some((g) => nodeMatchesGold(node, g))) {
      ignored.push(node.id);
    } else {
      falsePositives.push({ node: node.id, label: node.label, kind: node.kind, reason: 'no gold entity' });
    }
  }
  const matched = [...taken].map(([g, n]) => ({ gold: g, node: n.id, label: n.label }));
  const misses = gold.filter((g) => !taken.has(g.name)).map((g) => g.name);
  return { ...toPrf(matched.length, falsePositives.length, misses.length), matched, misses, falsePositives, ignored };
}

/** 0: the label is a gold entity's name; 1: it is a gold alias; 2: only an alias of the node matches. */
function labelRank(node: NodeLike, gold: readonly GoldEntity[]): number {
  const label = normaliseName(node.label);
  if (gold.some((g) => g.kinds.includes(node.kind) && normaliseName(g.name) === label)) return 0;
  return gold.some((g) => g.kinds.includes(node.kind) && goldNames(g).has(label)) ? 1 : 2;
}
