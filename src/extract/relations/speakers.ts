/**
 * Who says a sentence: "X said", "said X", "the official said", "according to X", "he added". Anaphoric speakers
 * ("the official", "he") are resolved to the person mentioned last before them, which is how news prose chains
 * quotes. Linear: each sentence is scanned once, carrying the last person forward.
 */
import { words } from './lexicon.js';
import type { ArticleContext } from './rule.js';
import type { Unit } from './units.js';

const AUX = words('aux');
const NOMINAL_HEADS = words('nominalHeads');

/** Speaker person id of each sentence (undefined when none is found). */
export function sentenceSpeakers(ctx: ArticleContext): Array<string | undefined> {
  const speech = words('speechVerbs');
  const out: Array<string | undefined> = [];
  let lastPerson: string | undefined;
  for (const s of ctx.sentences) {
    const units = s.units;
    let speaker: string | undefined;
    // lastBefore[i]: the last person mentioned before unit i (this sentence, else earlier ones), so lookups are O(1).
    const lastBefore: Array<string | undefined> = [];
    // Persons named inside a quotation are what the speaker talks about, not candidate speakers.
    let running = lastPerson;
    let inQuote = false;
    for (const u of units) {
      lastBefore.push(running);
      if (u.kind === 'word' && u.w === '"') inQuote = !inQuote;
      else if (u.kind === 'entity' && u.entityKind === 'person' && !inQuote) running = u.entityId;
    }
    const personBefore = (i: number): string | undefined => (i < lastBefore.length ? lastBefore[i] : running);
    for (let i = 0; i < units.length && !speaker; i++) {
      const u = units[i]!;
      const isSpeech = u.kind === 'word' && speech.has(u.w);
      const isAccording =
        u.kind === 'word' &&
        u.w === 'according' &&
        (units[i + 1] as Unit | undefined)?.kind === 'word' &&
        (units[i + 1] as { w: string }).w === 'to';
      if (!isSpeech && !isAccording) continue;
      if (isAccording) {
        const a = units[i + 2];
        const b = units[i + 3];
        if (a?.kind === 'entity' && a.entityKind === 'person') speaker = a.entityId;
        else if (a?.kind === 'word' && a.w === 'the' && b?.kind === 'word' && NOMINAL_HEADS.has(b.w))
          speaker = personBefore(i);
        continue;
      }
      // "X (has) said"
      let k = i - 1;
      while (k >= 0 && units[k]!.kind === 'word' && AUX.has((units[k] as { w: string }).w)) k--;
      const left = units[k];
      if (left?.kind === 'entity' && left.entityKind === 'person') {
        speaker = left.entityId;
        continue;
      }
      if (left?.kind === 'word' && NOMINAL_HEADS.has(left.w)) {
        speaker = personBefore(k);
        continue;
      }
      // "said X", "said the official"
      const right = units[i + 1];
      if (right?.kind === 'entity' && right.entityKind === 'person') speaker = right.entityId;
      else if (
        right?.kind === 'word' &&
        right.w === 'the' &&
        units[i + 2]?.kind === 'word' &&
        NOMINAL_HEADS.has((units[i + 2] as { w: string }).w)
      )
        speaker = personBefore(i);
    }
    out.push(speaker);
    lastPerson = running;
  }
  return out;
}
