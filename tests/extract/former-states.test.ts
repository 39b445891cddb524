/**
 * States that no longer exist are states (data/former-states.json), named by their names, short forms and demonyms;
 * their old capitals stay with the current state. Sentences written for this test.
 */
import { describe, expect, it } from 'vitest';
import { plainArticle } from '../../src/eval/plain-article.js';
import { extractArticle } from '../../src/extract/index.js';

function entities(text: string) {
  const x = extractArticle(plainArticle('former', text));
  return x.entities.map((e) => ({ label: e.label, kind: e.kind, texts: e.mentions.map((m) => m.text) }));
}

describe('former states', () => {
  it.each([
    ['The Soviet Union sent grain to Cuba in 1962.', 'Soviet Union'],
    ['Trade with the USSR grew slowly after the treaty.', 'Soviet Union'],
    ['Czechoslovakia split into two states in 1993.', 'Czechoslovakia'],
    ['Athletes from the German Democratic Republic won nine medals.', 'East Germany'],
    ['A dissident Soviet historian wrote the account.', 'Soviet Union'],
  ])('%s -> %s is a state', (text, label) => {
    expect(entities(text).find((e) => e.label === label)?.kind).toBe('state');
  });

  it('leaves a former capital with the current state', () => {
    const found = entities('The talks in Moscow ended without a deal.');
    expect(found.find((e) => e.label === 'Soviet Union')).toBeUndefined();
    expect(found.find((e) => e.texts.includes('Moscow'))?.label).not.toBe('Soviet Union');
  });
});
