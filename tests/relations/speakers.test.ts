import { describe, expect, it } from 'vitest';
import { articleContext } from '../../src/extract/relations/context.js';
import { sentenceSpeakers } from '../../src/extract/relations/speakers.js';
import { annotatedDoc } from '../../src/extract/relations/testing.js';

function speakers(text: string): Array<string | undefined> {
  const doc = annotatedDoc(text);
  return sentenceSpeakers(articleContext(doc)).map((id) => (id ? doc.entities.get(id)?.label : undefined));
}

describe('sentence speakers', () => {
  it.each([
    ['"We will not move," [Ana Lima|person] said.', ['Ana Lima']],
    ['"We will not move," said [Ana Lima|person].', ['Ana Lima']],
    ['[Ana Lima|person] has announced a plan.', ['Ana Lima']],
    ['The plan fails, according to [Ana Lima|person].', ['Ana Lima']],
    ['[Ana Lima|person] arrived. "We are ready," the minister said.', [undefined, 'Ana Lima']],
    ['[Ana Lima|person] arrived. Talks went on, according to the official.', [undefined, 'Ana Lima']],
    ['The weather was fine.', [undefined]],
  ])('%s', (text, expected) => {
    expect(speakers(text)).toEqual(expected);
  });

  it('does not take a name inside the quotation for the anaphoric speaker', () => {
    const text = '[Ana Lima|person] arrived. "We back [Rui Costa|person] fully," the official said.';
    expect(speakers(text)).toEqual([undefined, 'Ana Lima']);
  });
});
