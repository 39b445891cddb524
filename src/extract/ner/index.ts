/**
 * Named-entity tagger API. Provisional implementation (capitalised runs); the entities issue replaces it with
 * a trained model. Input: a document as sentences of tokens; output: spans per sentence.
 */
export type NerLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface NerSpan {
  /** Token range [start, end) within the sentence. */
  start: number;
  end: number;
  label: NerLabel;
  /** Model confidence 0..1, when the model gives one. */
  score: number;
}

/** Tags a whole document at once so the model can use document-level context. */
export function tagDocument(sentences: string[][]): NerSpan[][] {
  return sentences.map((tokens) => {
    const spans: NerSpan[] = [];
    let i = 0;
    while (i < tokens.length) {
      if (/^\p{Lu}/u.test(tokens[i] ?? '') && i > 0) {
        let j = i + 1;
        while (j < tokens.length && /^\p{Lu}/u.test(tokens[j] ?? '')) j++;
        spans.push({ start: i, end: j, label: 'MISC', score: 0.1 });
        i = j;
      } else i++;
    }
    return spans;
  });
}
