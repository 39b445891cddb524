/**
 * A sentence as a flat run of units: entity mentions (one unit each, however many tokens they cover) and the words
 * and punctuation between them. Rules read units, so they do not depend on how the entity stage tokenised, and each
 * rule scans a sentence in linear time.
 */
import type { DocAnalysis, EntityKind, EntityMention } from '../types.js';

interface WordUnit {
  kind: 'word';
  /** Lowercased, curly quotes folded to straight ones. */
  w: string;
  raw: string;
  start: number;
  end: number;
}

export interface EntityUnit {
  kind: 'entity';
  entityId: string;
  entityKind: EntityKind;
  mention: EntityMention;
  start: number;
  end: number;
}

export type Unit = WordUnit | EntityUnit;

export interface SentenceUnits {
  index: number;
  start: number;
  end: number;
  units: Unit[];
}

const WORD = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*\.?|['’]s\b|n['’]t\b|\S/gu;

function fold(word: string): string {
  return word
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[“”„«»]/g, '"');
}

function pushWords(text: string, from: number, to: number, out: Unit[]): void {
  if (to <= from) return;
  const slice = text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    let raw = m[0];
    // A trailing full stop belongs to the word only for abbreviations such as "U.S." or "Dr.".
    if (
      raw.length > 1 &&
      raw.endsWith('.') &&
      !/^(?:\p{L}\.)+$|^(?:dr|mr|mrs|ms|st|gen|sen|rep|gov|prof|lt|col|sgt|capt)\.$/iu.test(raw)
    ) {
      raw = raw.slice(0, -1);
    }
    const start = from + m.index;
    out.push({ kind: 'word', w: fold(raw), raw, start, end: start + raw.length });
    if (raw.length < m[0].length)
      out.push({ kind: 'word', w: '.', raw: '.', start: start + raw.length, end: start + m[0].length });
  }
}

/** Splits every sentence of the document into units. Linear in the text and the number of mentions. */
export function sentenceUnits(doc: DocAnalysis): SentenceUnits[] {
  const out: SentenceUnits[] = [];
  let mi = 0;
  const mentions = doc.mentions;
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si]!;
    const units: Unit[] = [];
    let cursor = s.start;
    while (mi < mentions.length && mentions[mi]!.start < s.start) mi++;
    while (mi < mentions.length && mentions[mi]!.start < s.end) {
      const m = mentions[mi++]!;
      const entity = doc.entities.get(m.entityId);
      if (!entity || m.start < cursor || m.end > s.end) continue; // overlapping or straddling mention: keep the first
      pushWords(doc.text, cursor, m.start, units);
      units.push({
        kind: 'entity',
        entityId: m.entityId,
        entityKind: entity.kind,
        mention: m,
        start: m.start,
        end: m.end,
      });
      cursor = m.end;
    }
    pushWords(doc.text, cursor, s.end, units);
    out.push({ index: si, start: s.start, end: s.end, units });
  }
  return out;
}

export function isEntity(u: Unit | undefined, ...kinds: EntityKind[]): u is EntityUnit {
  return u !== undefined && u.kind === 'entity' && (kinds.length === 0 || kinds.includes(u.entityKind));
}

export const POSSESSIVE = new Set(["'s", "'"]);
