/**
 * Triple patterns as typed on the command line: "? supports China", "Russia member-of ?", "Jane Doe ? ?".
 * Names may span several words, so the pattern is split at its relation token: a relation the graph has, or
 * '?', or failing both any kebab-case word, chosen so that source and target are both non-empty. Names can also
 * be double-quoted ('"Jane Doe" ? ?'). A relation may be written with spaces ("member of" for member-of); a
 * relation at either end leaves the missing side open ("Jane Doe supports" = "Jane Doe supports ?"). A query
 * that is just a name (parseQuery) asks for everything about that entity.
 */
import { UsageError } from '../errors.js';
import { editDistance } from './names.js';

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
  const text = tokens
    .map((t) => t.text)
    .join(' ')
    .trim();
  return text === '?' && !tokens[0]?.quoted ? null : text;
}

/** A side is well-formed when it is a lone '?' or a name without stray '?' words. */
function wellFormed(tokens: Token[]): boolean {
  if (!tokens.length) return false;
  if (tokens.length === 1) return true;
  return tokens.every((t) => t.quoted || t.text !== '?');
}

/** Joins runs of plain words that spell a known relation with spaces ("member of") into one token. */
function joinSpacedRelations(tokens: Token[], known: ReadonlySet<string>): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let joined: Token | null = null;
    for (let length = 3; length >= 2 && !joined; length--) {
      const run = tokens.slice(i, i + length);
      if (run.length < length || run.some((t) => t.quoted || t.text === '?')) continue;
      const text = run.map((t) => t.text.toLowerCase()).join('-');
      if (known.has(text)) {
        joined = { text, quoted: false };
        i += length - 1;
      }
    }
    out.push(joined ?? tokens[i]!);
  }
  return out;
}

/** A side that names an entity: no '?' and no relation among its plain words. */
function isNameSide(tokens: Token[], known: ReadonlySet<string>): boolean {
  return tokens.length > 0 && tokens.every((t) => t.quoted || (t.text !== '?' && !known.has(t.text.toLowerCase())));
}

export type ParsedQuery = ({ kind: 'pattern' } & ParsedPattern) | { kind: 'entity'; name: string };

/**
 * A query as typed: a pattern, or just a name ("Jane Doe": everything about her, both directions). `isName` says
 * whether a text names an entity of the graph. Words that are neither a pattern nor a known name are taken as a
 * name, so the answer is "no entity named ..." with the nearest names rather than a lecture on patterns.
 */
export function parseQuery(
  text: string,
  knownRelations: readonly string[],
  isName: (name: string) => boolean,
): ParsedQuery {
  const known = new Set(knownRelations.map((r) => r.toLowerCase()));
  const tokens = joinSpacedRelations(tokenize(text), known);
  const whole = tokens
    .map((t) => t.text)
    .join(' ')
    .trim();
  // A name that contains a relation's word ("Supports Group") is still a name when the graph has it.
  if (tokens.every((t) => t.quoted || t.text !== '?') && isName(whole)) return { kind: 'entity', name: whole };
  if (isNameSide(tokens, known)) {
    if (isName(whole)) return { kind: 'entity', name: whole };
    // Fewer than three words cannot be a pattern: a name the graph lacks.
    if (tokens.length < 3) return { kind: 'entity', name: whole };
    // Words without a relation the graph has, or one it nearly has, are an unknown name, not a pattern.
    let parsed: ParsedPattern;
    try {
      parsed = parsePattern(text, knownRelations);
    } catch {
      return { kind: 'entity', name: whole };
    }
    if (
      parsed.relation === null ||
      known.has(parsed.relation) ||
      closestRelations(parsed.relation, knownRelations).length
    )
      return { kind: 'pattern', ...parsed };
    return { kind: 'entity', name: whole };
  }
  return { kind: 'pattern', ...parsePattern(text, knownRelations) };
}

export function parsePattern(pattern: string, knownRelations: readonly string[]): ParsedPattern {
  const known = new Set(knownRelations.map((r) => r.toLowerCase()));
  const tokens = joinSpacedRelations(tokenize(pattern), known);
  const usage = `a pattern is SOURCE RELATION TARGET with ? for any part, e.g. "? supports China" (got '${pattern}')`;
  // A relation at one end: the other side is open ("Jane Doe supports", "member-of NATO").
  const last = tokens.at(-1);
  if (
    tokens.length >= 2 &&
    last &&
    !last.quoted &&
    known.has(last.text.toLowerCase()) &&
    isNameSide(tokens.slice(0, -1), known)
  ) {
    return { source: side(tokens.slice(0, -1)), relation: last.text.toLowerCase(), target: null };
  }
  const first = tokens[0];
  if (
    tokens.length >= 2 &&
    first &&
    !first.quoted &&
    known.has(first.text.toLowerCase()) &&
    isNameSide(tokens.slice(1), known)
  ) {
    return { source: null, relation: first.text.toLowerCase(), target: side(tokens.slice(1)) };
  }
  if (tokens.length < 3) throw new UsageError(usage);
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
        KEBAB.test(token.text) &&
        ((index === 1 && tokens[0]!.text === '?') || (index === tokens.length - 2 && tokens.at(-1)!.text === '?')),
    ) ??
    // A misspelt relation between two names: "Jane Doe suports Acme" (answered with the closest relations).
    candidates.find(
      ({ token }) =>
        KEBAB.test(token.text.toLowerCase()) &&
        closestRelations(token.text, knownRelations).some((r) => editDistance(r, token.text.toLowerCase()) <= 2),
    ) ??
    (tokens.length === 3 ? candidates[0] : undefined);
  if (!pick) throw new UsageError(usage);
  const relation = pick.token.text === '?' ? null : pick.token.text.toLowerCase();
  return { source: side(tokens.slice(0, pick.index)), relation, target: side(tokens.slice(pick.index + 1)) };
}

/**
 * The relations a mistyped one probably means: spelled within a couple of edits ("suports"), or containing it
 * as a word ("member" -> "member-of"), or the same words joined differently ("member of" -> "member-of").
 */
export function closestRelations(relation: string, known: readonly string[], limit = 3): string[] {
  const asked = relation
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const scored = known
    .map((name) => {
      const distance = editDistance(asked, name, 3);
      const sharesWord = name.split('-').includes(asked) || asked.split('-').includes(name);
      const score =
        name === asked
          ? -1
          : sharesWord
            ? 0
            : distance <= Math.max(1, Math.floor(name.length / 4))
              ? distance
              : Infinity;
      return { name, score };
    })
    .filter((s) => s.score !== Infinity)
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.name);
}
