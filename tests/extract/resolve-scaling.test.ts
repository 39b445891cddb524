/**
 * Entity resolution must stay linear in the number of mentions: a long document (or a 1 MB "sentence" without
 * punctuation) used to take quadratic time because every mention was compared with every other one. The work is
 * the number of built-in operations (map and set lookups, string and array methods) the resolver performs, counted
 * by a test helper around resolveDrafts, not the clock, so the test is deterministic.
 */
import { describe, expect, it, vi } from 'vitest';
import { analyse } from '../../src/extract/analyse.js';
import type * as Resolve from '../../src/extract/entities/resolve.js';
import type { NerSpan } from '../../src/extract/ner/index.js';

/** Operations counted inside resolveDrafts during the last analyse call. */
const resolution = vi.hoisted(() => ({ work: 0 }));

vi.mock('../../src/extract/entities/resolve.js', async (importOriginal) => {
  const original = await importOriginal<typeof Resolve>();
  const { countOperations: count } = await import('../helpers/operations.js');
  return {
    ...original,
    resolveDrafts: (...args: Parameters<typeof original.resolveDrafts>) => {
      const { result, operations } = count(() => original.resolveDrafts(...args));
      resolution.work += operations;
      return result;
    },
  };
});

// Invented names (no real people), combined so that the document holds many distinct names, not one repeated.
const FIRST = ['Ana', 'Boris', 'Clara', 'Dmitri', 'Elif', 'Farid', 'Greta', 'Hugo'];
const SURNAME_HEADS = ['Vel', 'Kor', 'Tam', 'Lis', 'Brun', 'Oss'];
const SURNAME_TAILS = ['ando', 'ek', 'strom', 'ova', 'ini', 'ard'];
const SURNAMES = SURNAME_HEADS.flatMap((h) => SURNAME_TAILS.map((t) => h + t));
const TOWNS = ['Arvik', 'Belmora', 'Castellon', 'Dunmere', 'Esterby', 'Falkeno'];
const BODIES = ['Fisheries', 'Harbour', 'Mining', 'Railway', 'Water', 'Grain'];

/** Article-like text of `paragraphs` paragraphs; paragraph k uses names derived from k. */
function article(paragraphs: number): string {
  const out: string[] = [];
  for (let k = 0; k < paragraphs; k++) {
    const first = FIRST[k % FIRST.length]!;
    const surname = SURNAMES[(k * 5) % SURNAMES.length]!;
    const town = TOWNS[k % TOWNS.length]!;
    const body = BODIES[(k >> 1) % BODIES.length]!;
    const acronym = `N${body[0]}A`;
    out.push(
      `${first} ${surname} of the National ${body} Authority (${acronym}) spoke in ${town} Bay on Monday.`,
      `${surname} said the ${acronym} would meet again in ${town} next week.`,
      `The ${body} Authority did not comment, and ${first} left for ${town} Bay.`,
    );
  }
  return out.join(' ');
}

/** A stand-in tagger that marks the invented names (the stage under test is resolution, not the model). */
function tag(sentences: string[][]): NerSpan[][] {
  return sentences.map((tokens) => {
    const spans: NerSpan[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const next = tokens[i + 1] ?? '';
      if (FIRST.includes(t) && SURNAMES.includes(next)) {
        spans.push({ start: i, end: i + 2, label: 'PER', score: 1 });
        i++;
      } else if (SURNAMES.includes(t) || FIRST.includes(t))
        spans.push({ start: i, end: i + 1, label: 'PER', score: 1 });
      else if (TOWNS.includes(t)) spans.push({ start: i, end: next === 'Bay' ? i + 2 : i + 1, label: 'LOC', score: 1 });
      else if (t === 'National' || (BODIES.includes(t) && next === 'Authority')) {
        const end = tokens.indexOf('Authority', i) + 1;
        spans.push({ start: i, end, label: 'ORG', score: 1 });
        i = end - 1;
      } else if (/^N[A-Z]A$/.test(t)) spans.push({ start: i, end: i + 1, label: 'ORG', score: 1 });
    }
    return spans;
  });
}

function resolve(paragraphs: number) {
  resolution.work = 0;
  const doc = analyse(article(paragraphs), { tag });
  return { doc, work: resolution.work };
}

function labelsOf(doc: ReturnType<typeof analyse>, text: string): string[] {
  return [...new Set(doc.mentions.filter((m) => m.text === text).map((m) => doc.entities.get(m.entityId)!.label))];
}

describe('entity resolution scales linearly', () => {
  it('still resolves short forms in a long document', () => {
    const { doc } = resolve(8);
    // Paragraph 0: "Ana Velando", the NFA, Arvik Bay.
    expect(labelsOf(doc, 'Velando')).toEqual(['Ana Velando']);
    expect(labelsOf(doc, 'NFA')).toEqual(['National Fisheries Authority']);
    expect(labelsOf(doc, 'Fisheries Authority')).toEqual(['National Fisheries Authority']);
    expect(labelsOf(doc, 'Arvik')).toEqual(['Arvik Bay']);
  });

  it.each([
    [100, 400],
    [200, 800],
  ])('four times the mentions (%i -> %i paragraphs) cost at most five times the work', (small, large) => {
    const a = resolve(small);
    const b = resolve(large);
    expect(b.doc.mentions.length).toBeGreaterThan(3.5 * a.doc.mentions.length);
    expect(a.work).toBeGreaterThan(a.doc.mentions.length);
    // Linear work plus a logarithmic factor for the binary searches; pairwise comparison would give about 16x.
    expect(b.work).toBeLessThan(5 * a.work);
  });
});
