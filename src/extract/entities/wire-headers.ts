/**
 * Wire-service source lines (the FBIS style of monitored broadcasts and papers): a document number, the place, the
 * outlet, its language, then the time and date ("XX0102030495 Lisbon Radio Atlantico in Portuguese 1200 GMT 1 Feb
 * 95"). The tagger reads such a line as running text and glues its parts into one name, or glues the headline
 * before it to the number. Here the line is read by its layout: the place the data knows, then the outlet (an
 * organisation), up to "in <language>" or the time; names crossing the document number are dropped.
 */
import type { Token } from '../types.js';
import { gazetteer } from './gazetteer.js';
import { knowledge } from './knowledge.js';
import { draftFromGazetteer, type MentionDraft } from './mentions.js';

/** A monitoring service's document number: two capitals (the bureau) and ten digits (date, time, serial). */
const DOCUMENT_NUMBER = /^[A-Z]{2}\d{10}$/;

/** Where the outlet's name ends: "in <language>", or the clock time ("1700") when no language is given. */
function outletEnd(tokens: readonly Token[], from: number): number {
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k]!.text;
    if (t === 'in' && knowledge().languages.has(tokens[k + 1]?.text ?? '')) return k;
    if (/^\d{4}$/.test(t) || !/^[\p{Lu}\d]/u.test(t)) return k;
  }
  return tokens.length;
}

/** Reads the source line of one sentence, if it has one; returns the sentence's drafts, changed or not. */
export function readWireHeader(sentence: number, tokens: readonly Token[], drafts: MentionDraft[]): MentionDraft[] {
  const at = tokens.findIndex((t) => DOCUMENT_NUMBER.test(t.text));
  if (at < 0) return drafts;
  const texts = tokens.map((t) => t.text);
  const place = gazetteer().longestAt(texts, at + 1);
  const entry = place?.entries.find((e) => /^(city|capital|country|region)$/.test(e.type));
  if (!place || !entry) return drafts;
  const end = outletEnd(tokens, place.end);
  const kept = drafts.filter((d) => d.tokenEnd <= at || d.tokenStart >= end);
  const where = draftFromGazetteer(sentence, tokens, place, entry);
  if (where) kept.push(where);
  if (end > place.end)
    kept.push({
      sentence,
      tokenStart: place.end,
      tokenEnd: end,
      kind: 'organisation',
      rule: 'rule:wire-header',
      canonical: null,
    });
  return kept.sort((a, b) => a.tokenStart - b.tokenStart);
}
