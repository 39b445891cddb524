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
  // Title-case headlines: noun phrases cannot be told from names.
  {
    cause: 'title-case headline',
    text: '[Valdoria|state] Rejects Easing Fishing Rules\n[Valdoria|state] held a vote.',
    edge: 'Valdoria opposes Easing Fishing Rules',
  },
  {
    cause: 'lower-case headline still read',
    text: '[Tom Berg|person] praises the fishing reform',
    edge: 'Tom Berg supports fishing reform',
    yes: true,
  },
  // "called for NP to be VERBed": the stance is toward what should happen to NP.
  {
    cause: 'subject of a passive infinitive',
    text: '[Lena Moro|person] is calling for the night curfew in the port to be lifted.',
    edge: 'Lena Moro supports night curfew',
  },
  {
    cause: 'plain call for a topic',
    text: '[Lena Moro|person] is calling for a night curfew.',
    edge: 'Lena Moro supports night curfew',
    yes: true,
  },
  // Reported belief is not the holder's stated stance.
  {
    cause: 'reported belief',
    text: '[Tom Berg|person] said he believed [Valdoria|state] wants to build a [rail link|topic].',
    edge: 'Valdoria supports rail link',
  },
  {
    cause: 'holder in apposition',
    text: 'The head of the [Ifo|organisation] institute, [Lena Moro|person], criticised the tax deal.',
    edge: 'Lena Moro opposes tax deal',
    yes: true,
  },
  {
    cause: 'holder before a head noun',
    text: 'The ruling [Lark|organisation] party emphatically rejected the fuel levy.',
    edge: 'Lark opposes fuel levy',
    yes: true,
  },
  {
    cause: 'holder before a place',
    text: 'The [Supreme Court|organisation] in [Valdor|place] demanded tighter rules.',
    edge: 'Supreme Court supports tighter rules',
    yes: true,
  },
  {
    cause: 'coordinated holders with modifiers',
    text: 'The liberal [Lark|organisation] party and the green [Fern Alliance|organisation] both opposed the fuel levy.',
    edge: 'Lark opposes fuel levy',
    yes: true,
  },
  {
    cause: 'passive holder with modifiers',
    text: 'The bill was backed by the right-wing populist [Lark Party|organisation].',
    edge: 'Lark Party supports bill',
    yes: true,
  },
  {
    cause: 'passive spearheaded by',
    text: 'A boycott call spearheaded by the [Valdor Church|organisation] won the day.',
    edge: 'Valdor Church supports boycott call',
    yes: true,
  },
  {
    cause: 'rejecting criticism of a topic is support',
    text: '[Lark|organisation] rejected criticism of the tax reform.',
    edge: 'Lark supports tax reform',
    yes: true,
  },
  {
    cause: 'topic already named by the entity stage',
    text: '[Lark|organisation] rejected criticism of the [tax reform|topic].',
    edge: 'Lark supports tax reform',
    yes: true,
  },
  {
    cause: 'name as modifier of a noun',
    text: '[Tom Berg|person] also offered financial backing to the [Nordline|organisation] pipeline.',
    edge: 'Tom Berg supports Nordline',
    yes: true,
  },
  {
    cause: 'a clause after the verb is no target',
    text: '[Valdoria|state] demands that [Ostland|state] must open its border.',
    edge: 'Valdoria supports Ostland',
  },
  // Coreference: a pronoun subject holds the stance of the person who was the subject before.
  {
    cause: 'pronoun holder of a topic stance',
    text: '[Mara Lind|person] opposes the fuel levy. She favours a carbon tax on flights.',
    edge: 'Mara Lind supports carbon tax on flights',
    yes: true,
  },
  // A bare "the agreement" after "the compromise": one topic.
  {
    cause: 'bare agreement noun refers back',
    text: '[Lark|organisation] welcomed the tax compromise. [Tom Berg|person] criticised the agreement.',
    edge: 'Tom Berg opposes tax compromise',
    yes: true,
  },
  // Refusing to sign or ratify is opposing; refusing to back is still a negated support.
  {
    cause: 'refused to sign',
    text: "[Valdoria|state]'s president, [Ivo Rask|person], had refused to sign the media bill into law.",
    edge: 'Ivo Rask opposes media bill',
    yes: true,
  },
  {
    cause: 'refused to back stays negated',
    text: '[Ivo Rask|person] refused to back the media bill.',
    edge: 'Ivo Rask supports media bill',
  },
];

describe('stance dev-set fixes', () => {
  it.each(ROWS)('$cause: $text', ({ text, edge, yes }) => {
    expect(confident(text).includes(edge), confident(text).join('; ')).toBe(!!yes);
  });
});
