/**
 * Builds a DocAnalysis from text with bracket-annotated entities, so rules can be developed and tested without the
 * entity stage: "[German|state|Germany] Chancellor [Olaf Scholz|person] said ...". The third field, when given, is the
 * entity's label (several surfaces can share one entity); sentences end at . ! ? followed by a space (not after an initial).
 */
import { nodeKey } from '../../contract/keys.js';
import type { DocAnalysis, Entity, EntityKind, EntityMention, RoleFact, Sentence } from '../types.js';
import { ENTITY_KINDS } from '../types.js';

const BRACKET = /\[([^\]|]+)\|([a-z]+)(?:\|([^\]|]+))?\]/g;

export function annotatedDoc(annotated: string, roles: Record<string, RoleFact[]> = {}): DocAnalysis {
  let text = '';
  let last = 0;
  const raw: Array<{ start: number; end: number; surface: string; kind: EntityKind; label: string }> = [];
  for (const m of annotated.matchAll(BRACKET)) {
    const [whole, surface = '', kind = '', label] = m;
    if (!(ENTITY_KINDS as readonly string[]).includes(kind)) throw new Error(`unknown kind ${kind} in ${whole}`);
    text += annotated.slice(last, m.index);
    raw.push({
      start: text.length,
      end: text.length + surface.length,
      surface,
      kind: kind as EntityKind,
      label: label ?? surface,
    });
    text += surface;
    last = m.index + whole.length;
  }
  text += annotated.slice(last);

  const sentences: Sentence[] = [];
  const boundary = /(?<!(?:^|[\s.])\p{L})[.!?]["”’]?(?=\s+|$)/gu; // not after an initial ("U.S.")
  let sStart = 0;
  const pushSentence = (end: number) => {
    const slice = text.slice(sStart, end);
    const lead = slice.length - slice.trimStart().length;
    const start = sStart + lead;
    if (end > start) {
      const tokens = [...text.slice(start, end).matchAll(/\S+/g)].map((t) => ({
        text: t[0],
        start: start + t.index,
        end: start + t.index + t[0].length,
      }));
      sentences.push({ start, end, tokens });
    }
    sStart = end;
  };
  for (const b of text.matchAll(boundary)) {
    const end = b.index + b[0].length;
    // Abbreviations inside an entity ("U.S.") do not end a sentence.
    if (raw.some((r) => r.start < end && end < r.end)) continue;
    pushSentence(end);
  }
  pushSentence(text.length);

  const entities = new Map<string, Entity>();
  const mentions: EntityMention[] = [];
  for (const r of raw) {
    const id = nodeKey(r.kind, r.label);
    const entity = entities.get(id) ?? { id, label: r.label, kind: r.kind, aliases: [] };
    if (r.surface !== entity.label && !entity.aliases.includes(r.surface)) entity.aliases.push(r.surface);
    entities.set(id, entity);
    const sentence = Math.max(
      0,
      sentences.findIndex((s) => s.start <= r.start && r.start < s.end),
    );
    const tokens = sentences[sentence]?.tokens ?? [];
    const tokenStart = Math.max(
      0,
      tokens.findIndex((t) => t.end > r.start),
    );
    const tokenEnd = Math.max(
      tokenStart + 1,
      tokens.findIndex((t) => t.start >= r.end) === -1 ? tokens.length : tokens.findIndex((t) => t.start >= r.end),
    );
    const facts = roles[r.surface];
    mentions.push({
      entityId: id,
      start: r.start,
      end: r.end,
      sentence,
      tokenStart,
      tokenEnd,
      text: r.surface,
      rule: 'test:annotated',
      ...(facts ? { roles: facts } : {}),
    });
  }
  mentions.sort((a, b) => a.start - b.start);
  return { text, sentences, entities, mentions };
}
