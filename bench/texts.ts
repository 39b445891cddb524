/**
 * Real news text for benchmarks and corpus tests, read at run time from ../shared/data (never copied into the repo):
 * the seed article(s), the 98 DWIE dev articles rebuilt from their token lists, and the 216 CoNLL-2003 dev documents
 * (Reuters, 1996). Token lists are joined back into running text with the usual spacing rules of English print.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RealText {
  /** Where it came from: 'seed/…', 'dwie/…', 'conll/…'. */
  name: string;
  text: string;
}

const NO_SPACE_BEFORE = new Set([
  ',',
  '.',
  ';',
  ':',
  '!',
  '?',
  ')',
  ']',
  '}',
  '”',
  '’',
  "'",
  '%',
  "'s",
  '’s',
  "n't",
  'n’t',
  '...',
]);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '“', '$', '#']);

/** Joins tokens into text: "Mzoudi ’s lawyers , he said ." -> "Mzoudi’s lawyers, he said." A '\n' token breaks a line. */
export function detokenize(tokens: readonly string[]): string {
  let text = '';
  let glue = false;
  let straightQuoteOpen = false;
  for (const token of tokens) {
    if (token === '\n') {
      text = `${text.trimEnd()}\n`;
      glue = true;
      continue;
    }
    let noSpace =
      glue ||
      text === '' ||
      NO_SPACE_BEFORE.has(token) ||
      token.startsWith('’') ||
      (token.startsWith("'") && token.length <= 3);
    if (token === '"') {
      noSpace = straightQuoteOpen || glue || text === '';
      straightQuoteOpen = !straightQuoteOpen;
      text += noSpace ? token : ` ${token}`;
      glue = straightQuoteOpen;
      continue;
    }
    text += noSpace ? token : ` ${token}`;
    glue = NO_SPACE_AFTER.has(token);
  }
  return text.trim();
}

export function sharedDataDir(repoRoot: string): string {
  return join(repoRoot, '..', 'shared', 'data');
}

function loadDwieDev(dataDir: string): RealText[] {
  const docs = JSON.parse(readFileSync(join(dataDir, 'dwie', 'dev.json'), 'utf8')) as Array<{
    title: string;
    sents: string[][];
  }>;
  return docs.map((doc) => ({ name: `dwie/${doc.title}`, text: `${doc.sents.map(detokenize).join('\n')}\n` }));
}

/** CoNLL-2003 documents: sentences one per line (the headline and dateline come first, as on the wire). */
function loadConllDocs(dataDir: string, split: 'dev' | 'train' = 'dev'): RealText[] {
  const lines = readFileSync(join(dataDir, 'conll2003', `${split}.txt`), 'utf8').split('\n');
  const docs: RealText[] = [];
  let sentences: string[] = [];
  let tokens: string[] = [];
  const endSentence = () => {
    if (tokens.length) sentences.push(detokenize(tokens));
    tokens = [];
  };
  const endDoc = () => {
    endSentence();
    if (sentences.length) docs.push({ name: `conll-${split}/${docs.length + 1}`, text: `${sentences.join('\n')}\n` });
    sentences = [];
  };
  for (const line of lines) {
    if (line.startsWith('-DOCSTART-')) endDoc();
    else if (line.trim() === '') endSentence();
    else tokens.push(line.split(' ')[0] ?? '');
  }
  endDoc();
  return docs;
}

function loadSeeds(repoRoot: string): RealText[] {
  const dir = join(repoRoot, 'seeds');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name: `seed/${name}`, text: readFileSync(join(dir, name), 'utf8') }));
}

/** Every real text the benchmark uses, in a fixed order. */
export function loadRealTexts(repoRoot: string): RealText[] {
  const data = sharedDataDir(repoRoot);
  return [...loadSeeds(repoRoot), ...loadDwieDev(data), ...loadConllDocs(data, 'dev')];
}

/** Words as the benchmark counts them, the same for every extractor measured: runs of letters or digits. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
