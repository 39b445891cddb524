/**
 * Step 3 of the pair pipeline: decision. Patterns as data (data/pair-patterns.json) read a pair's features: the
 * kinds of the two ends, the units between them and around them, and required or forbidden signals. A pattern that
 * matches decides a relation, its direction and its base confidence; checks that need knowledge (is the second place
 * larger than the first? is the organisation an international body?) refuse implausible readings.
 */
import { knowledgeFile } from '../../../knowledge/loader.js';
import { knowledge } from '../../entities/knowledge.js';
import { classifyTitle } from '../lexicon.js';
import type { ArticleContext, Rule } from '../rule.js';
import { bodyLabelOf } from './bodies.js';
import { hasSignal, type PairFeatures } from './features.js';
import { cityOf, countryOf, placeCountries, placeCountry, regionCountry } from './places.js';

const patternData = knowledgeFile('relations/pair-patterns');

interface PatternSpec {
  name: string;
  relation: string;
  from: 'first' | 'second';
  kinds: [string[], string[]];
  between: string;
  before?: string;
  notBefore?: string;
  after?: string;
  notAfter?: string;
  notBetween?: string;
  requires?: string[];
  /** Signals that refuse the reading ("in Chinese" names a language, not a place). */
  forbids?: string[];
  check?: 'containment' | 'notBody';
  confidence: number;
  reason: string;
  examples: Rule['examples'];
}

interface CompiledPattern extends PatternSpec {
  re: { between: RegExp; before?: RegExp; notBefore?: RegExp; after?: RegExp; notAfter?: RegExp; notBetween?: RegExp };
}

const PATTERNS: CompiledPattern[] = (patternData.patterns as PatternSpec[]).map((p) => ({
  ...p,
  re: {
    between: new RegExp(`^(?:${p.between})$`),
    ...(p.before ? { before: new RegExp(`(?:^|\\s)(?:${p.before})$`) } : {}),
    ...(p.notBefore ? { notBefore: new RegExp(`(?:^|\\s)(?:${p.notBefore})$`) } : {}),
    ...(p.after ? { after: new RegExp(`^(?:${p.after})`) } : {}),
    ...(p.notAfter ? { notAfter: new RegExp(`^(?:${p.notAfter})`) } : {}),
    ...(p.notBetween ? { notBetween: new RegExp(p.notBetween) } : {}),
  },
}));

/** The patterns as rules (name, reason, confidence, examples) for the rule table and the table-driven tests. */
export const PAIR_RULES: readonly Rule[] = PATTERNS.map((p) => ({
  name: `pair:${p.name}`,
  reason: p.reason,
  confidence: p.confidence,
  examples: p.examples,
}));

export interface PairDecision {
  source: string;
  target: string;
  relation: string;
  confidence: number;
  rule: string;
}

/** The country code of a place or state entity, by its names. */
function countryOfEntity(ctx: ArticleContext, id: string): string | undefined {
  const e = ctx.doc.entities.get(id);
  if (!e) return undefined;
  for (const n of [e.label, ...e.aliases]) {
    const code = e.kind === 'state' ? countryOf(n) : placeCountry(n);
    if (code) return code;
  }
  return undefined;
}

/** Every country a place or state entity may lie in, by its names ("Cordoba": Argentina, Spain, Mexico). */
function countriesOfEntity(ctx: ArticleContext, id: string): readonly string[] {
  const e = ctx.doc.entities.get(id);
  if (!e) return [];
  for (const n of [e.label, ...e.aliases]) {
    const codes = e.kind === 'state' ? [countryOf(n)].filter((c): c is string => c !== undefined) : placeCountries(n);
    if (codes.length) return codes;
  }
  return [];
}

/** The inner place may lie in `country`: it is unknown, or one of the places of its name lies there. */
function mayLieIn(ctx: ArticleContext, inner: string, country: string | undefined): boolean {
  const codes = countriesOfEntity(ctx, inner);
  return codes.length === 0 || (country !== undefined && codes.includes(country));
}

/**
 * "A , B" and "A in B" read as A inside B only when that is plausible: B is a state or a region and A, where known,
 * lies in B's country; two cities ("Paris , London") are a list, not a containment.
 */
function containmentPlausible(ctx: ArticleContext, inner: string, outer: string): boolean {
  const o = ctx.doc.entities.get(outer);
  const i = ctx.doc.entities.get(inner);
  if (!o || !i) return false;
  // A name several countries share ("Cordoba , Spain", "Cordoba , Argentina") may lie in any of them.
  if (o.kind === 'state') return mayLieIn(ctx, inner, countryOfEntity(ctx, outer));
  if (i.kind === 'state') return false;
  const outerRegion = regionCountry(o.label);
  if (outerRegion) return mayLieIn(ctx, inner, outerRegion);
  // Two known cities are a list ("Paris , London"); an unknown outer place ("Darke County") may contain the inner one.
  const outerCity = cityOf(o.label);
  if (outerCity) return !cityOf(i.label) && mayLieIn(ctx, inner, outerCity.country);
  return true;
}

/**
 * An organisation can be given a seat by a pattern unless it is an international body (its members are states, not
 * a seat) or its own name already names a place ("New York Stock Exchange", a mis-cut "London UTC").
 */
function plausibleSeat(ctx: ArticleContext, org: string): boolean {
  const label = ctx.doc.entities.get(org)?.label ?? '';
  if (bodyLabelOf(label) !== undefined) return false;
  const words = label.split(/\s+/);
  for (let n = 1; n <= Math.min(2, words.length); n++) {
    for (let i = 0; i + n <= words.length; i++) {
      const name = words.slice(i, i + n).join(' ');
      // A short word alone ("La", "Le", "Al") is an article or particle of the name far more often than a region's
      // abbreviation ("La." for Louisiana): "La Stampa" names no place.
      if (n === 1 && name.length < 4) continue;
      if (placeCountry(name)) return false;
    }
  }
  return true;
}

let partyLabels: ReadonlySet<string> | undefined;

/**
 * "Leeds Green MEP X", "Glasgow SNP councillor X": stacked modifiers before a name. A place before a party that is
 * followed by a title and a person is the person's seat or constituency, not the party's.
 */
function partyBeforeTitledPerson(f: PairFeatures, ctx: ArticleContext): boolean {
  const title = /^((?:(?!<)\S+ ){1,3})<person>/.exec(f.after)?.[1];
  if (title === undefined || classifyTitle(title.trim()) === undefined) return false;
  partyLabels ??= new Set(knowledge().parties.map((p) => p.label));
  return partyLabels.has(ctx.doc.entities.get(f.second.entityId)?.label ?? '');
}

/**
 * Decides a pair by the patterns. A pattern that reads the pair's construction (its kinds, its words between and the
 * words it needs around them) but refuses it for what an end is or what follows it (a check, `notAfter`) vetoes its
 * relation in that direction: `vetoed` collects `relation|source|target`, so that the trained scorer does not
 * propose what a rule has read and refused ("the United Nations of Norway", "of Chile's port").
 */
export function decidePair(f: PairFeatures, ctx: ArticleContext, vetoed?: Set<string>): PairDecision[] {
  const out: PairDecision[] = [];
  for (const p of PATTERNS) {
    if (!p.kinds[0].includes(f.first.entityKind) || !p.kinds[1].includes(f.second.entityKind)) continue;
    if (!p.re.between.test(f.between)) continue;
    if (p.re.before && !p.re.before.test(f.before)) continue;
    if (p.re.after && !p.re.after.test(f.after)) continue;
    if (p.requires && !p.requires.every((s) => hasSignal(f, s))) continue;
    const [source, target] =
      p.from === 'first' ? [f.first.entityId, f.second.entityId] : [f.second.entityId, f.first.entityId];
    // Only refusals about what the ends are or where they stand vetoes the scorer (an international body as a seat,
    // a containment the data denies, "of Chile's port"); the words a pattern declines around its reading ("allegedly",
    // "convicted of") make its own reading unsure, not the pair's relation false: those pairs stay open to the scorer.
    if (p.re.notBetween?.test(f.between) || p.re.notBefore?.test(f.before)) continue;
    if (p.forbids?.some((s) => hasSignal(f, s))) continue;
    const refused =
      p.re.notAfter?.test(f.after) ||
      (p.check === 'containment' && !containmentPlausible(ctx, source, target)) ||
      (p.check === 'notBody' && !plausibleSeat(ctx, source)) ||
      (p.check === 'notBody' && source === f.second.entityId && partyBeforeTitledPerson(f, ctx));
    if (refused) {
      vetoed?.add(`${p.relation}|${source}|${target}`);
      continue;
    }
    out.push({ source, target, relation: p.relation, confidence: p.confidence, rule: `pair:${p.name}` });
  }
  return out;
}
