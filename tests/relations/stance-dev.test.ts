/**
 * Stance fixes found on the stance dev set (data/eval/stance): each row is an invented sentence for one general
 * cause. `yes` rows must give the edge at confidence >= 0.5; the others must not.
 */
import { describe, expect, it } from 'vitest';
import { extractRelations } from '../../src/extract/relations/index.js';
import { annotatedDoc } from '../../src/extract/relations/testing.js';

function confident(text: string): string[] {
  const doc = annotatedDoc(text);
  const label = (id: string) => doc.entities.get(id)?.label ?? id;
  return extractRelations(doc)
    .filter((c) => c.confidence >= 0.5)
    .map((c) => `${label(c.source)} ${c.relation} ${label(c.target)}`);
}

const ROWS: Array<{ cause: string; text: string; edge: string; yes?: boolean }> = [
  // The guard reads the clause up to the target only, also for a topic read from plain words.
  {
    cause: 'negation after a topic target',
    text: '[Estonia|state] rejects the fuel levy and says the treasury had no other plans.',
    edge: 'Estonia opposes fuel levy',
    yes: true,
  },
  {
    cause: 'modality after a topic target',
    text: '[Lena Moro|person] opposes the idea of "carbon bonds," which would be shared debt.',
    edge: 'Lena Moro opposes carbon bonds',
    yes: true,
  },
  {
    cause: 'negation before a topic target still drops it',
    text: '[Estonia|state] does not reject the fuel levy.',
    edge: 'Estonia opposes fuel levy',
  },
  // One topic in two wordings is one node: the second wording joins the first.
  {
    cause: 'reworded topic, first wording',
    text: '[Chile|state] praised the loan request. [Chile|state] spoke in favour of the requested loan.',
    edge: 'Chile supports loan request',
    yes: true,
  },
  {
    cause: 'reworded topic, no second node',
    text: '[Chile|state] praised the loan request. [Chile|state] spoke in favour of the requested loan.',
    edge: 'Chile supports requested loan',
  },
];

describe('stance dev-set fixes', () => {
  it.each(ROWS)('$cause: $text', ({ text, edge, yes }) => {
    expect(confident(text).includes(edge), confident(text).join('; ')).toBe(!!yes);
  });
});
