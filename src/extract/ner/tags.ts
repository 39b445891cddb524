/**
 * BILOU tag set: O, then for each entity type B (begin), I (inside), L (last), U (unit-length).
 * BILOU lets the model learn span boundaries explicitly (Ratinov & Roth 2009 found it better than IOB).
 */
import type { NerLabel } from './types.js';

export const LABELS: readonly NerLabel[] = ['PER', 'ORG', 'LOC', 'MISC'];
export const N_TAGS = 1 + LABELS.length * 4;
const TAG_O = 0;
const POS_B = 0;
const POS_I = 1;
const POS_L = 2;
const POS_U = 3;

function tagOf(label: number, pos: number): number {
  return 1 + label * 4 + pos;
}
function labelOfTag(tag: number): number {
  return tag === TAG_O ? -1 : (tag - 1) >> 2;
}
function posOfTag(tag: number): number {
  return tag === TAG_O ? -1 : (tag - 1) & 3;
}

export const TAG_NAMES: readonly string[] = (() => {
  const names = ['O'];
  for (const l of LABELS) for (const p of ['B', 'I', 'L', 'U']) names.push(`${p}-${l}`);
  return names;
})();

/** allowed[prev * N_TAGS + cur]: BILOU well-formedness. prev = -1 (start) uses startAllowed. */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array(N_TAGS * N_TAGS);
  for (let p = 0; p < N_TAGS; p++) {
    for (let c = 0; c < N_TAGS; c++) {
      const pOpen = p !== TAG_O && (posOfTag(p) === POS_B || posOfTag(p) === POS_I);
      const cCont = c !== TAG_O && (posOfTag(c) === POS_I || posOfTag(c) === POS_L);
      let ok: boolean;
      if (pOpen) ok = cCont && labelOfTag(c) === labelOfTag(p);
      else ok = !cCont;
      a[p * N_TAGS + c] = ok ? 1 : 0;
    }
  }
  return a;
})();

/** For each tag, the previous tags that may precede it (flattened; PREV_START[y]..PREV_START[y+1]). */
export const PREV_START: Int32Array = new Int32Array(N_TAGS + 1);
export const PREV_LIST: Uint8Array = (() => {
  const list: number[] = [];
  for (let c = 0; c < N_TAGS; c++) {
    PREV_START[c] = list.length;
    for (let p = 0; p < N_TAGS; p++) if (ALLOWED[p * N_TAGS + c]) list.push(p);
  }
  PREV_START[N_TAGS] = list.length;
  return Uint8Array.from(list);
})();

export function startAllowed(tag: number): boolean {
  const p = posOfTag(tag);
  return tag === TAG_O || p === POS_B || p === POS_U;
}
export function endAllowed(tag: number): boolean {
  const p = posOfTag(tag);
  return tag === TAG_O || p === POS_L || p === POS_U;
}

export interface LabelledSpan {
  start: number;
  end: number;
  label: number;
}

/** BILOU tag sequence for spans (spans must not overlap). */
export function spansToTags(n: number, spans: readonly LabelledSpan[]): Uint8Array {
  const tags = new Uint8Array(n);
  for (const s of spans) {
    if (s.end - s.start === 1) tags[s.start] = tagOf(s.label, POS_U);
    else {
      tags[s.start] = tagOf(s.label, POS_B);
      for (let i = s.start + 1; i < s.end - 1; i++) tags[i] = tagOf(s.label, POS_I);
      tags[s.end - 1] = tagOf(s.label, POS_L);
    }
  }
  return tags;
}

/** Spans from a (well-formed or not) BILOU sequence; ill-formed pieces are repaired leniently. */
export function tagsToSpans(tags: ArrayLike<number>): LabelledSpan[] {
  const spans: LabelledSpan[] = [];
  let open = -1;
  let openLabel = -1;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i] ?? TAG_O;
    const l = labelOfTag(t);
    const p = posOfTag(t);
    if (open >= 0 && (t === TAG_O || l !== openLabel || p === POS_B || p === POS_U)) {
      spans.push({ start: open, end: i, label: openLabel });
      open = -1;
    }
    if (t === TAG_O) continue;
    if (p === POS_U) spans.push({ start: i, end: i + 1, label: l });
    else if (p === POS_L) {
      spans.push({ start: open >= 0 ? open : i, end: i + 1, label: l });
      open = -1;
    } else if (open < 0) {
      open = i;
      openLabel = l;
    }
  }
  if (open >= 0) spans.push({ start: open, end: tags.length, label: openLabel });
  return spans;
}
