/** Provisional entity stage (compromise); the entities issue replaces it with the tagger, gazetteers and resolution. */
import nlp from 'compromise';
import { nodeKey } from '../graph/keys.js';
import type { DocAnalysis, Entity, EntityKind, EntityMention, Sentence } from './types.js';

export function analyse(text: string): DocAnalysis {
  const doc = nlp(text);
  const sentences: Sentence[] = [];
  const json = doc.json({ offset: true, terms: { offset: true } }) as Array<{
    offset: { start: number; length: number };
    terms: Array<{ text: string; offset: { start: number; length: number } }>;
  }>;
  for (const s of json) {
    sentences.push({
      start: s.offset.start,
      end: s.offset.start + s.offset.length,
      tokens: s.terms.map((t) => ({ text: t.text, start: t.offset.start, end: t.offset.start + t.offset.length })),
    });
  }
  const entities = new Map<string, Entity>();
  const mentions: EntityMention[] = [];
  const add = (view: { json(o: object): unknown }, kind: EntityKind, rule: string) => {
    for (const m of view.json({ offset: true }) as Array<{ text: string; offset: { start: number; length: number } }>) {
      const label = m.text.replace(/[\s.,;:'"’]+$/u, '').trim();
      if (!label) continue;
      const id = nodeKey(kind, label);
      if (!entities.has(id)) entities.set(id, { id, label, kind, aliases: [] });
      const start = m.offset.start;
      const sentence = Math.max(0, sentences.findIndex((s) => s.start <= start && start < s.end));
      mentions.push({ entityId: id, start, end: start + label.length, sentence, tokenStart: 0, tokenEnd: 0, text: label, rule });
    }
  };
  add(doc.people(), 'person', 'compromise:people');
  add(doc.places(), 'place', 'compromise:places');
  add(doc.organizations(), 'organisation', 'compromise:organizations');
  mentions.sort((a, b) => a.start - b.start);
  return { text, sentences, entities, mentions };
}
