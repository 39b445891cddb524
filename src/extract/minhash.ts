/**
 * Near-duplicate detection for articles: MinHash over word 4-shingles (Broder 1997). Wire copy printed by several
 * outlets, with a changed headline, a dropped last paragraph or house-style punctuation, keeps most of its 4-word
 * sequences, so the estimated Jaccard similarity of two copies stays high while two different articles on the same
 * story share almost none. A signature is 128 minimums, each kept as its low 8 bits (b-bit MinHash, Li & König
 * 2010, whose estimate corrects for the 1-in-256 chance agreement): 128 bytes, stored as base64url on the article
 * record so later builds can compare against it. 128 slots estimate a similarity within about ±0.045.
 */
import { seededRandom } from '../util/random.js';

const SLOTS = 128;
const SHINGLE = 4;
/** Estimated Jaccard similarity from which two texts are one story. */
const NEAR_DUPLICATE = 0.45;
/**
 * Texts with fewer shingles than this (about 40 words) are too short to judge by overlap: templated briefs (results,
 * prices) differ in a word or two and are different news. Only identical short texts are grouped.
 */
const MIN_SHINGLES = 40;
/** Locality-sensitive hashing: slots compared two at a time, so a pair at J = 0.45 shares a band with p > 0.999. */
const BAND = 2;

const SEEDS: Uint32Array = (() => {
  const random = seededRandom(0x5eed_1e55);
  return Uint32Array.from({ length: SLOTS }, () => Math.floor(random() * 0x1_0000_0000));
})();

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** murmur3's finaliser: a cheap 32-bit mix, one per slot, standing in for a random permutation. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Words, lower-cased, punctuation and quote styles ignored. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The signature of a text (base64url), or null for a text without words. A short text gets a marked signature. */
export function textSignature(text: string): string | null {
  const tokens = words(text);
  if (tokens.length === 0) return null;
  const shingles = new Set<number>();
  if (tokens.length < SHINGLE) shingles.add(fnv1a(tokens.join(' ')));
  for (let i = 0; i + SHINGLE <= tokens.length; i++) shingles.add(fnv1a(tokens.slice(i, i + SHINGLE).join(' ')));
  const mins = new Uint32Array(SLOTS).fill(0xffffffff);
  for (const h of shingles) {
    for (let s = 0; s < SLOTS; s++) {
      const v = mix(h ^ (SEEDS[s] as number));
      if (v < (mins[s] as number)) mins[s] = v;
    }
  }
  const bytes = Buffer.alloc(SLOTS);
  for (let s = 0; s < SLOTS; s++) bytes[s] = (mins[s] as number) & 0xff;
  // A leading "s" marks a short text, compared only for identity.
  return (shingles.size < MIN_SHINGLES ? 's' : '') + bytes.toString('base64url');
}

function decode(signature: string): Buffer {
  return Buffer.from(signature.replace(/^s/, ''), 'base64url');
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures (0..1). */
export function similarity(a: string, b: string): number {
  const x = decode(a);
  const y = decode(b);
  if (x.length !== y.length || x.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === y[i]) same++;
  // Two different minimums agree in their low 8 bits one time in 256: remove that from the estimate.
  const chance = 1 / 256;
  return Math.max(0, (same / x.length - chance) / (1 - chance));
}

/** Whether two signatures stand for one story: identical, or both long enough and similar enough. */
export function isNearDuplicate(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.startsWith('s') || b.startsWith('s')) return false;
  return similarity(a, b) >= NEAR_DUPLICATE;
}

/** LSH band keys: two signatures that are near-duplicates almost surely share one. */
export function bandKeys(signature: string): string[] {
  if (signature.startsWith('s')) return [signature];
  const bytes = decode(signature);
  const keys: string[] = [];
  for (let b = 0; b < bytes.length; b += BAND) keys.push(`${b}:${bytes.subarray(b, b + BAND).toString('hex')}`);
  return keys;
}
