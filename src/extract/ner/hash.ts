/**
 * 32-bit hashing for the tagger's features. Strings are hashed once per token (FNV-1a); feature keys are then
 * built by mixing integers, so the hot loop never concatenates strings.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** Continues an FNV-1a hash with one more code unit (used for prefix/suffix hashes in one pass). */
export function hashStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME) >>> 0;
}

export const HASH_SEED = FNV_OFFSET;

/** murmur3 finaliser: spreads bits so that mixed keys are well distributed. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Feature key from a template id and one value. Never 0 (0 marks an empty slot in the weight table). */
export function key1(template: number, a: number): number {
  const h = fmix(Math.imul(template + 1, 0x9e3779b1) ^ a);
  return h === 0 ? 1 : h;
}

/** Feature key from a template id and two values. */
export function key2(template: number, a: number, b: number): number {
  const h = fmix(Math.imul(fmix(Math.imul(template + 1, 0x9e3779b1) ^ a), 0x27d4eb2f) ^ b);
  return h === 0 ? 1 : h;
}

/** Feature key from a template id and three values. */
export function key3(template: number, a: number, b: number, c: number): number {
  const h = fmix(
    Math.imul(fmix(Math.imul(fmix(Math.imul(template + 1, 0x9e3779b1) ^ a), 0x27d4eb2f) ^ b), 0x165667b1) ^ c,
  );
  return h === 0 ? 1 : h;
}
