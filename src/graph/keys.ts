/** Deterministic keys: the same entity or relation gets the same key on any machine, so graphs merge cleanly. */
import type { EntityKind } from '../extract/types.js';

/** 'Jane Doe-Smith' -> 'jane-doe-smith'; diacritics folded, punctuation dropped, apostrophes removed. */
export function slugify(name: string): string {
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

export function edgeKey(source: string, relation: string, target: string): string {
  return `${source}|${relation}|${target}`;
}
