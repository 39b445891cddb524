/**
 * Triple patterns as typed on the command line: "? supports China", "Russia member-of ?", "Jane Doe ? ?".
 * Names may span several words, so the pattern is split at its relation token: a relation the graph has, or
 * '?', or failing both any kebab-case word, chosen so that source and target are both non-empty. Names can also
 * be double-quoted ('"Jane Doe" ? ?').
 */
import { UsageError } from '../errors.js';

export interface ParsedPattern {
  /** null = any. */
  source: string | null;
  relation: string | null;
  target: string | null;
}

interface Token {
  text: string;
  quoted: boolean;
}

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (const match of pattern.matchAll(re)) {
    if (match[1] !== undefined) tokens.push({ text: match[1].trim(), quoted: true });
    else if (match[2] !== undefined) tokens.push({ text: match[2], quoted: false });
  }
  return tokens;
}

const KEBAB = /^[a-z]+(?:-[a-z]+)*$/;

function side(tokens: Token[]): string | null {
  const text = tokens.map((t) => t.text).join(' ').trim();
  return text === '?' && !tokens[0]?.quoted ? null : text;
}

/** A side is well-formed when it is a lone '?' or a name without stray '?' words. */
function wellFormed(tokens: Token[]): boolean {
  if (!tokens.length) return false;
  if (tokens.length === 1) return true;
  return tokens.every((t) => t.quoted || t.text !== '?');
}

export function parsePattern(pattern: string, knownRelations: readonly string[]): ParsedPattern {
  const tokens = tokenize(pattern);
  const usage = `a pattern is SOURCE RELATION TARGET with ? for any part, e.g. "? supports China" (got '${pattern}')`;
  if (tokens.length < 3) throw new UsageError(usage);
  const known = new Set(knownRelations.map((r) => r.toLowerCase()));
  const candidates = tokens
    .map((token, index) => ({ token, index }))
    .filter(({ index }) => index > 0 && index < tokens.length - 1)
    .filter(({ index }) => wellFormed(tokens.slice(0, index)) && wellFormed(tokens.slice(index + 1)))
    .filter(({ token }) => !token.quoted);
  const pick =
    candidates.find(({ token }) => known.has(token.text.toLowerCase())) ??
    candidates.find(({ token }) => token.text === '?') ??
    candidates.find(({ token }) => KEBAB.test(token.text.toLowerCase()) && token.text.includes('-')) ??
    // A relation the graph lacks, next to a '?' side: "? criticises Jane Doe" (answered with the known relations).
    candidates.find(
      ({ token, index }) =>
        KEBAB.test(token.text) && ((index === 1 && tokens[0]!.text === '?') || (index === tokens.length - 2 && tokens.at(-1)!.text === '?')),
    ) ??
    (tokens.length === 3 ? candidates[0] : undefined);
  if (!pick) throw new UsageError(usage);
  const relation = pick.token.text === '?' ? null : pick.token.text.toLowerCase();
  return { source: side(tokens.slice(0, pick.index)), relation, target: side(tokens.slice(pick.index + 1)) };
}
