/**
 * The shared contract, part 3: deterministic node keys. The extractor names entities by the key they will have in the
 * graph, so the same entity gets the same key on any machine and graphs merge cleanly.
 */
import type { EntityKind } from './kinds.js';

/** 'Jane Doe-Smith' -> 'jane-doe-smith'; diacritics folded, punctuation dropped, apostrophes removed. */
function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

export function nodeKey(kind: EntityKind, label: string): string {
  return `${kind}:${slugify(label) || 'unnamed'}`;
}
