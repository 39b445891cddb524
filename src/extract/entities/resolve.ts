/**
 * Resolution within an article: every mention draft gets the node it refers to.
 * - people: a surname or first name goes to the full name seen (preferably earlier) in the article;
 * - states: country names, official names, abbreviations, demonyms and capitals acting for a state share the
 *   country's common English name (so the node key is the same in every article);
 * - organisations: data labels for known bodies; acronyms defined in the text ("(SCO)") or whose letters spell an
 *   expansion seen in the article go to that expansion; a short form ("the Security Council", "the Foreign
 *   Ministry") goes to the longer name ending with it seen in the article, or to the known body whose parent
 *   organisation is mentioned ("the Security Council" after "UN").
 */
import { nodeKey } from '../../graph/keys.js';
import type { Entity, EntityKind, Sentence } from '../types.js';
import { knowledge } from './knowledge.js';
import type { MentionDraft } from './mentions.js';

export interface ResolvedDraft extends MentionDraft {
  label: string;
  entityId: string;
  /** Surface text of the mention, in Article.text. */
  text: string;
  start: number;
  end: number;
}

/** Trims a leading article and a trailing possessive from a draft's token range. */
export function trimDraft(d: MentionDraft, sentence: Sentence): MentionDraft {
  let s = d.tokenStart;
  let e = d.tokenEnd;
  // Gazetteer names are exact ("The Hague"); elsewhere a leading article is not part of the name.
  while (e - s > 1 && !d.rule.startsWith('gazetteer:') && /^(the|a|an)$/i.test(sentence.tokens[s]!.text)) s++;
  while (e - s > 1 && /^(['’]s?|[.,;:!?"“”‘’])$/.test(sentence.tokens[e - 1]!.text)) e--;
  return s === d.tokenStart && e === d.tokenEnd ? d : { ...d, tokenStart: s, tokenEnd: e };
}

function surface(d: MentionDraft, sentences: Sentence[], text: string): { text: string; start: number; end: number } {
  const tokens = sentences[d.sentence]!.tokens;
  const start = tokens[d.tokenStart]!.start;
  const end = tokens[d.tokenEnd - 1]!.end;
  return { text: text.slice(start, end), start, end };
}

/** Words of a name for matching: curly apostrophes straightened. */
function nameWords(name: string): string[] {
  return name.replace(/’/g, "'").split(/\s+/).filter(Boolean);
}

const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'des', 'du', 'la', 'le', '&']);

/** Initials of a multi-word name, skipping function words: "Shanghai Cooperation Organization" -> "SCO". */
export function initials(name: string): string {
  return nameWords(name)
    .flatMap((w) => w.split('-'))
    .filter((w) => w && !ACRONYM_SKIP.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

function isAcronym(text: string): boolean {
  const letters = text.replace(/\./g, '');
  return letters.length >= 2 && letters.length <= 6 && /^[A-Z][A-Z0-9&]+$/.test(letters);
}

function endsWithWords(longer: string[], shorter: string[]): boolean {
  if (shorter.length >= longer.length) return false;
  const off = longer.length - shorter.length;
  return shorter.every((w, i) => w.toLowerCase() === longer[off + i]!.toLowerCase());
}

/** Resolves drafts (in text order) to labels and entities. */
export function resolveDrafts(drafts: MentionDraft[], sentences: Sentence[], text: string): { resolved: ResolvedDraft[]; entities: Map<string, Entity> } {
  // The mention keeps the span it was found with ("The Hague", "Lord 's"); its label drops a leading article and a
  // trailing possessive or punctuation.
  const items = drafts.map((d) => ({ draft: d, ...surface(d, sentences, text) }));
  const labels: string[] = items.map(({ draft }) => {
    if (draft.canonical) return draft.canonical;
    const own = surface(trimDraft(draft, sentences[draft.sentence]!), sentences, text).text.replace(/’/g, "'");
    return draft.qualifier ? `${draft.qualifier} ${own}` : own;
  });

  resolveAcronymDefinitions(items, sentences, labels);
  resolvePeople(items, labels);
  resolveOrganisations(items, labels);
  resolvePlaces(items, labels);

  const entities = new Map<string, Entity>();
  const resolved: ResolvedDraft[] = [];
  items.forEach((item, i) => {
    const label = labels[i]!;
    const kind: EntityKind = item.draft.kind;
    const id = nodeKey(kind, label);
    let entity = entities.get(id);
    if (!entity) {
      entity = { id, label, kind, aliases: [] };
      entities.set(id, entity);
    }
    const alias = item.text.replace(/\s+/g, ' ');
    if (alias !== entity.label && !entity.aliases.includes(alias)) entity.aliases.push(alias);
    resolved.push({ ...item.draft, label, entityId: id, text: item.text, start: item.start, end: item.end });
  });
  return { resolved, entities };
}

type Item = { draft: MentionDraft; text: string; start: number; end: number };

/** "Shanghai Cooperation Organization (SCO)": the acronym in brackets names the organisation before it. */
function resolveAcronymDefinitions(items: Item[], sentences: Sentence[], labels: string[]): void {
  const defined = new Map<string, string>();
  items.forEach((item, i) => {
    const d = item.draft;
    if (d.kind !== 'organisation' && d.kind !== 'place' && d.kind !== 'state') return;
    const tokens = sentences[d.sentence]!.tokens;
    const open = tokens[d.tokenEnd]?.text;
    const acr = tokens[d.tokenEnd + 1]?.text;
    const close = tokens[d.tokenEnd + 2]?.text;
    if (open === '(' && close === ')' && acr && isAcronym(acr)) defined.set(acr.replace(/\./g, ''), labels[i]!);
  });
  if (defined.size === 0) return;
  items.forEach((item, i) => {
    const key = item.text.replace(/\./g, '');
    const target = defined.get(key);
    if (target && item.draft.tokenEnd - item.draft.tokenStart === 1 && item.draft.canonical === null) {
      labels[i] = target;
      const owner = items.find((_, j) => labels[j] === target);
      if (owner) item.draft = { ...item.draft, kind: owner.draft.kind };
    }
  });
}

/** Surnames and first names go to the full name that contains them. */
function resolvePeople(items: Item[], labels: string[]): void {
  const full: Array<{ index: number; words: string[] }> = [];
  items.forEach((item, i) => {
    if (item.draft.kind === 'person' && nameWords(labels[i]!).length >= 2) full.push({ index: i, words: nameWords(labels[i]!) });
  });
  items.forEach((item, i) => {
    if (item.draft.kind !== 'person') return;
    const words = nameWords(labels[i]!);
    if (words.length >= 2 && !full.some((f) => f.words.length > words.length && containsRun(f.words, words))) return;
    const candidates = full.filter((f) => f.index !== i && f.words.length > words.length && containsRun(f.words, words));
    if (candidates.length === 0) return;
    // The nearest earlier full name, else the first later one ("Xi" in a headline before "Xi Jinping").
    const earlier = candidates.filter((c) => c.index < i);
    const pick = earlier.length ? earlier[earlier.length - 1]! : candidates[0]!;
    labels[i] = labels[pick.index]!;
  });
  // A full name that is itself contained in a longer one ("Jinping" never; "Xi Jinping" in "President Xi Jinping")
  // was handled above; a chain (A -> B -> C) settles because labels of full names only grow.
}

function containsRun(longer: string[], shorter: string[]): boolean {
  if (shorter.length === 0 || shorter.length > longer.length) return false;
  // Surname (last words) or first name (first words) only: "Wang" in "Wang Yi", "Patrushev" in "Nikolai Patrushev".
  const head = shorter.every((w, k) => w === longer[k]);
  const tail = shorter.every((w, k) => w === longer[longer.length - shorter.length + k]);
  return head || tail;
}

/** Acronyms and short forms of organisations go to the longer name seen in the article or known from data. */
function resolveOrganisations(items: Item[], labels: string[]): void {
  const orgIdx = items.map((it, i) => (it.draft.kind === 'organisation' ? i : -1)).filter((i) => i >= 0);
  const known = knowledge().organisations;
  const docOrgLabels = new Set(orgIdx.map((i) => labels[i]!));
  // A body of an organisation counts as a mention of the organisation ("UN Security Council" mentions the UN).
  for (const o of known) if (o.parent && docOrgLabels.has(o.label)) docOrgLabels.add(o.parent);
  for (const i of orgIdx) {
    const label = labels[i]!;
    const words = nameWords(label);
    // An acronym whose letters spell a multi-word organisation of this article.
    if (isAcronym(label) && items[i]!.draft.canonical === null) {
      const key = label.replace(/\./g, '');
      const expansion = orgIdx.map((j) => labels[j]!).find((l) => nameWords(l).length >= 2 && initials(l) === key);
      if (expansion) {
        labels[i] = expansion;
        continue;
      }
    }
    // Names the data knows are already canonical; only names as written can be short forms.
    if (items[i]!.draft.canonical !== null) continue;
    // A short form: the most recently mentioned body it can stand for, among the longer names of this article that
    // end with it ("Turkish Security Council") and the known bodies of an organisation mentioned in the article
    // ("the Security Council" right after "UN" is the UN Security Council).
    // A one-word name may also be the head of a longer one ("Bayern" for "Bayern Munich").
    const longer = orgIdx.filter((j) => j !== i && (endsWithWords(nameWords(labels[j]!), words) || (words.length === 1 && startsWithWord(nameWords(labels[j]!), words[0]!))));
    const bodies = known.filter((o) => o.parent && docOrgLabels.has(o.parent) && o.names.some((n) => endsWithWords(nameWords(n), words)));
    const lastBefore = (pred: (j: number) => boolean) => {
      for (let j = i - 1; j >= 0; j--) if (pred(j)) return j;
      return -1;
    };
    let bestLabel: string | null = null;
    let bestAt = -1;
    const earlierLonger = lastBefore((j) => longer.includes(j));
    if (earlierLonger >= 0) {
      bestLabel = labels[earlierLonger]!;
      bestAt = earlierLonger;
    }
    for (const body of bodies) {
      const at = lastBefore((j) => labels[j] === body.label || labels[j] === body.parent);
      if (at > bestAt) {
        bestLabel = body.label;
        bestAt = at;
      }
    }
    if (bestLabel === null && longer.length > 0) bestLabel = labels[longer[0]!]!;
    if (bestLabel === null && bodies.length === 1) bestLabel = bodies[0]!.label;
    if (bestLabel !== null) labels[i] = bestLabel;
  }
}

function startsWithWord(longer: string[], word: string): boolean {
  return longer.length > 1 && longer[0] === word;
}

/** A one-word place that starts or ends a longer place name of the article ("Gaza" for "Gaza Strip"). */
function resolvePlaces(items: Item[], labels: string[]): void {
  const placeIdx = items.map((it, i) => (it.draft.kind === 'place' ? i : -1)).filter((i) => i >= 0);
  for (const i of placeIdx) {
    if (items[i]!.draft.canonical !== null) continue;
    const words = nameWords(labels[i]!);
    if (words.length !== 1) continue;
    const longer = placeIdx.find((j) => j !== i && nameWords(labels[j]!).length > 1 && (startsWithWord(nameWords(labels[j]!), words[0]!) || endsWithWords(nameWords(labels[j]!), words)));
    if (longer !== undefined) labels[i] = labels[longer]!;
  }
}
