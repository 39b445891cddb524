/**
 * Step 3b of the pair pipeline: a trained scorer over candidate pairs, for the pairs the patterns do not decide.
 * One logistic-regression model per family (works-for, lives-in, located-in, based-in, kills) over sparse features
 * of the ordered pair: the kinds of both ends, their order and distance, the words between (bag, first, last and the
 * exact sequence when short), the words around, punctuation, possessive and apposition shapes, demonyms and the
 * patterns' own decisions. Trained by scripts/train-relations.ts (`npm run train:relations`) on CoNLL04 train; the
 * weights live in data/pair-scorer.json. Deterministic: a dot product and a logistic, no randomness at run time.
 * Every edge it proposes names the model and the features that weighed most for it.
 */
import type { RelationCandidate } from '../../types.js';
import modelData from '../data/pair-scorer.json' with { type: 'json' };
import { roleEndingAt, roleStartingAt, words } from '../lexicon.js';
import type { ArticleContext, Emitter } from '../rule.js';
import type { EntityUnit, Unit } from '../units.js';
import type { PairCandidate } from './candidates.js';
import type { PairDecision } from './decide.js';
import { hasSignal, type PairFeatures } from './features.js';

export interface ScorerFamily {
  relation: string;
  sourceKinds: string[];
  targetKinds: string[];
  /** Probability at or above which the model proposes an edge (chosen by cross-validation on the training set). */
  threshold: number;
  /** Per kind of the target end, where it differs (a person's state is judged apart from their town). */
  thresholdByTarget?: Record<string, number>;
  bias: number;
  weights: Record<string, number>;
}

export interface ScorerModel {
  source: string;
  families: Record<string, ScorerFamily>;
}

export const SCORER_RULE = 'model:pair-scorer';

/** How many of the heaviest positive features an edge's rule names. */
const TOP_FEATURES = 3;
/** Words after the first person read for a death that makes them the victim ("X , who died", "X has died"). */
const VICTIM_WINDOW = 3;
/** Pairs further apart than this (in units) are not scored: the model has seen few such positives. */
const MAX_DISTANCE = 12;

/** A unit as a feature token: entities as their kind, numbers as '#' ("X , 58 , a professor"). */
function tok(u: Unit): string {
  if (u.kind === 'entity') return `<${u.entityKind}>`;
  return /^\d[\d,.]*$/.test(u.w) ? '#' : u.w;
}

function bucket(d: number): string {
  if (d <= 3) return String(d);
  if (d <= 5) return '4-5';
  if (d <= 8) return '6-8';
  return '9+';
}

/** Word classes whose members say what a pair's relation is about, by class rather than by the one word. */
const CUE_CLASSES = [
  ['kill', 'scorerKillCues'],
  ['birth', 'scorerBirthCues'],
  ['home', 'scorerHomeCues'],
  ['work', 'scorerWorkCues'],
  ['org', 'scorerOrgHeads'],
] as const;
/** Words read before the first mention and after the second for cue classes. */
const CUE_WINDOW = 3;

/**
 * Cue classes and where they stand: between the ends (b), just before the first (p), just after the second (a),
 * or elsewhere in the sentence (s: "X was found shot; police arrested Y").
 */
function cueFeatures(units: readonly Unit[], first: number, second: number): string[] {
  const out = new Set<string>();
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.kind === 'entity') continue;
    const w = u.w.toLowerCase();
    const pos =
      i > first && i < second
        ? 'b'
        : i < first && i >= first - CUE_WINDOW
          ? 'p'
          : i > second && i <= second + CUE_WINDOW
            ? 'a'
            : 's';
    for (const [cls, list] of CUE_CLASSES) if (words(list).has(w)) out.add(`${cls}${pos}`);
  }
  return [...out];
}

/**
 * The features of one ordered reading of a pair: `sourceFirst` says whether the source is the first mention. Names
 * are short strings with a prefix per template, so the model file reads as text.
 */
export function pairFeatureNames(
  pair: PairCandidate,
  f: PairFeatures,
  sourceFirst: boolean,
  decided: readonly PairDecision[],
): string[] {
  const units = pair.sentence.units;
  const src: EntityUnit = sourceFirst ? f.first : f.second;
  const tgt: EntityUnit = sourceFirst ? f.second : f.first;
  const dist = pair.second - pair.first - 1;
  const order = sourceFirst ? 'st' : 'ts';
  const out = [
    `k=${src.entityKind}>${tgt.entityKind}`,
    `o=${order}`,
    `d=${bucket(dist)}`,
    `od=${order}${bucket(dist)}`,
  ];
  const between: string[] = [];
  let entities = 0;
  for (let i = pair.first + 1; i < pair.second; i++) {
    const u = units[i]!;
    between.push(tok(u));
    if (u.kind === 'entity') entities++;
  }
  out.push(`ne=${Math.min(entities, 3)}`);
  // Is each end the nearest of its kind to the other? Relations mostly join neighbours ("X of A , B").
  let srcKindBetween = false;
  let tgtKindBetween = false;
  for (let i = pair.first + 1; i < pair.second; i++) {
    const u = units[i]!;
    if (u.kind !== 'entity') continue;
    if (u.entityKind === src.entityKind) srcKindBetween = true;
    if (u.entityKind === tgt.entityKind) tgtKindBetween = true;
  }
  out.push(`near=${order}${srcKindBetween ? 'n' : 'y'}${tgtKindBetween ? 'n' : 'y'}`);
  // Role heads between the ends or just before the first ("a professor of", "Gov."), by class.
  for (let i = pair.first + 1; i < pair.second; i++) {
    const role = roleStartingAt(units, i);
    if (role) out.push(`role=${order}${role.cls}`, `role=${role.cls}`);
  }
  const preRole = roleEndingAt(units, pair.first);
  if (preRole) out.push(`prerole=${order}${preRole.cls}`);
  for (const w of new Set(between)) out.push(`bw=${w}`, `obw=${order}${w}`);
  if (between.length > 0) {
    out.push(`b1=${order}${between[0]}`, `bL=${order}${between[between.length - 1]}`);
    if (between.length >= 2) out.push(`b12=${order}${between[0]} ${between[1]}`);
  }
  if (between.length <= 4)
    out.push(`bs=${order}${between.join(' ')}`, `kbs=${tgt.entityKind}${order}${between.join(' ')}`);
  if (between.includes('said') || between.includes('says')) out.push('said-between');
  if (between.includes(',')) out.push(`comma-between=${order}`);
  for (const c of cueFeatures(units, pair.first, pair.second)) out.push(`cue=${c}`, `ocue=${order}${c}`);
  const pre1 = units[pair.first - 1];
  const pre2 = units[pair.first - 2];
  const post1 = units[pair.second + 1];
  const post2 = units[pair.second + 2];
  out.push(`p1=${pre1 ? tok(pre1) : '^'}`, `p2=${pre2 ? tok(pre2) : '^'} ${pre1 ? tok(pre1) : '^'}`);
  out.push(`a1=${post1 ? tok(post1) : '$'}`, `a2=${post1 ? tok(post1) : '$'} ${post2 ? tok(post2) : '$'}`);
  // The words of each mention (a title inside "Gov. X", "Co." in an organisation's name).
  // A person's name says nothing about the relation and would only teach the model who was in its training data.
  if (src.entityKind !== 'person') for (const w of src.mention.text.toLowerCase().split(/\s+/)) out.push(`sw=${w}`);
  if (tgt.entityKind !== 'person') for (const w of tgt.mention.text.toLowerCase().split(/\s+/)) out.push(`tw=${w}`);
  if (hasSignal(f, 'first-demonym')) out.push(sourceFirst ? 'src-demonym' : 'tgt-demonym');
  if (hasSignal(f, 'second-demonym')) out.push(sourceFirst ? 'tgt-demonym' : 'src-demonym');
  if (hasSignal(f, 'negated')) out.push('negated');
  for (const d of decided) {
    const same = d.source === src.entityId && d.target === tgt.entityId;
    const reverse = d.source === tgt.entityId && d.target === src.entityId;
    if (same) out.push(`rule=${d.rule}`, `rel=${d.relation}`);
    else if (reverse) out.push(`rrel=${d.relation}`);
  }
  return [...new Set(out)];
}

function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function familyProbability(family: Pick<ScorerFamily, 'bias' | 'weights'>, features: readonly string[]): number {
  let z = family.bias;
  for (const name of features) z += family.weights[name] ?? 0;
  return logistic(z);
}

const MODEL = modelData as ScorerModel;

export interface ScorerProposal {
  source: string;
  target: string;
  relation: string;
  probability: number;
  rule: string;
  sentence: number;
}

/** The heaviest positive features, named on the edge ("bs=st, a", "p1=gov."): why the model proposed it. */
function topFeatures(family: ScorerFamily, features: readonly string[]): string[] {
  return features
    .map((name) => ({ name, w: family.weights[name] ?? 0 }))
    .filter((x) => x.w > 0)
    .sort((a, b) => b.w - a.w || (a.name < b.name ? -1 : 1))
    .slice(0, TOP_FEATURES)
    .map((x) => x.name);
}

/**
 * Cues a reading needs beyond the model's score, for what a linear model over nearby words cannot see: a killing
 * is only read where the sentence speaks of one (two people in "X met Y" share too many features with "X shot Y")
 * and no attempt stands between the two, nor a death right after the first person (then they are the victim); a town
 * after a meeting or a visit is where it took place, not a home,
 * and a place after "officials in" or "residents of" is where those people are, not where a person named elsewhere
 * in the sentence lives or works ("X opposes the plan, officials in Y said"); speaking or appearing at a body is no
 * job there.
 */
function lacksCue(relation: string, pair: PairCandidate, sourceFirst: boolean): boolean {
  const units = pair.sentence.units;
  const targetIndex = sourceFirst ? pair.second : pair.first;
  if (relation === 'kills') {
    const cues = words('scorerKillCues');
    if (!units.some((u) => u.kind !== 'entity' && cues.has(u.w.toLowerCase()))) return true;
    // An attempt, a plan or a charge between the two is not a killing ("X tried to shoot Y", "X is accused of ...").
    const attempts = words('scorerAttemptCues');
    for (let i = pair.first + 1; i < pair.second; i++) {
      const u = units[i]!;
      if (u.kind !== 'entity' && attempts.has(u.w.toLowerCase())) return true;
    }
    // A death told right after the first person makes them the victim ("X died after Y stabbed him"), never the killer.
    if (sourceFirst) {
      const victim = words('scorerVictimCues');
      for (let i = pair.first + 1; i <= Math.min(pair.second - 1, pair.first + VICTIM_WINDOW); i++) {
        const u = units[i]!;
        if (u.kind !== 'entity' && victim.has(u.w.toLowerCase())) return true;
      }
    }
    return false;
  }
  // Speaking, appearing or lecturing at a body is an event there, not a job ("X, a critic who spoke at the Y").
  if (relation === 'works-for') {
    const attend = words('scorerAttendCues');
    const meet = words('meetVerbs');
    for (let i = pair.first + 1; i < pair.second; i++) {
      const u = units[i]!;
      if (u.kind !== 'entity' && (attend.has(u.w.toLowerCase()) || meet.has(u.w.toLowerCase()))) return true;
    }
  }
  // A town after a meeting or a visit is where it took place, not a home ("X of A met Y of B in Osaka").
  if (relation === 'lives-in') {
    const meet = words('meetVerbs');
    const visit = words('visitVerbs');
    for (let i = 0; i < targetIndex; i++) {
      const u = units[i]!;
      if (u.kind !== 'entity' && (meet.has(u.w.toLowerCase()) || visit.has(u.w.toLowerCase()))) return true;
    }
  }
  const prep = units[targetIndex - 1];
  const group = units[targetIndex - 2];
  return (
    prep !== undefined &&
    group !== undefined &&
    prep.kind !== 'entity' &&
    group.kind !== 'entity' &&
    /^(?:in|of|from)$/i.test(prep.w) &&
    words('localGroupNouns').has(group.w.toLowerCase())
  );
}

/** Scores both readings of a pair under every family whose kinds fit; returns the proposals over threshold. */
export function scorePair(
  pair: PairCandidate,
  f: PairFeatures,
  decided: readonly PairDecision[],
  model: ScorerModel = MODEL,
): ScorerProposal[] {
  if (pair.second - pair.first - 1 > MAX_DISTANCE) return [];
  const out: ScorerProposal[] = [];
  for (const sourceFirst of [true, false]) {
    const src = sourceFirst ? f.first : f.second;
    const tgt = sourceFirst ? f.second : f.first;
    let features: string[] | undefined;
    for (const family of Object.values(model.families)) {
      if (!family.sourceKinds.includes(src.entityKind) || !family.targetKinds.includes(tgt.entityKind)) continue;
      features ??= pairFeatureNames(pair, f, sourceFirst, decided);
      const probability = familyProbability(family, features);
      if (probability < (family.thresholdByTarget?.[tgt.entityKind] ?? family.threshold)) continue;
      if (lacksCue(family.relation, pair, sourceFirst)) continue;
      out.push({
        source: src.entityId,
        target: tgt.entityId,
        relation: family.relation,
        probability,
        rule: `${SCORER_RULE}(${topFeatures(family, features).join('; ')})`,
        sentence: pair.sentence.index,
      });
    }
  }
  return out;
}

/**
 * Emits the model's proposals for pairs no rule has linked (in either direction, by any relation): the rules stay
 * the explanation where they read a pair; the model fills in pairs they leave unread. Per pair of ends, the most
 * probable family wins.
 */
export function emitScorerProposals(
  ctx: ArticleContext,
  proposals: readonly ScorerProposal[],
  existing: Iterable<RelationCandidate>,
  emit: Emitter,
): void {
  if (proposals.length === 0) return;
  const linked = new Set<string>();
  for (const c of existing) {
    if (c.basis === 'knowledge') continue;
    linked.add(`${c.source}|${c.target}`);
    linked.add(`${c.target}|${c.source}`);
  }
  const best = new Map<string, ScorerProposal>();
  for (const p of proposals) {
    const key = p.source < p.target ? `${p.source}|${p.target}` : `${p.target}|${p.source}`;
    if (linked.has(key)) continue;
    const prev = best.get(key);
    if (!prev || prev.probability < p.probability) best.set(key, p);
  }
  // Places a rule put inside a larger one in the same sentence ("Miami , Fla."): a home there is in the larger one too.
  const outer = new Map<string, Array<{ target: string; confidence: number }>>();
  for (const c of existing) {
    if (c.relation !== 'located-in' || c.basis === 'knowledge') continue;
    const list = outer.get(`${c.sentence}|${c.source}`) ?? [];
    list.push({ target: c.target, confidence: c.confidence });
    outer.set(`${c.sentence}|${c.source}`, list);
  }
  for (const p of best.values()) {
    if (!ctx.doc.entities.has(p.source) || !ctx.doc.entities.has(p.target)) continue;
    const confidence = Math.round(p.probability * 1000) / 1000;
    emit({ source: p.source, target: p.target, relation: p.relation, confidence, rule: p.rule, sentence: p.sentence });
    if (p.relation !== 'lives-in') continue;
    for (const o of outer.get(`${p.sentence}|${p.target}`) ?? []) {
      if (o.target === p.source) continue;
      emit({
        source: p.source,
        target: o.target,
        relation: p.relation,
        confidence: Math.round((Math.min(p.probability, o.confidence) - 0.05) * 1000) / 1000,
        rule: `${p.rule}+located-in`,
        sentence: p.sentence,
      });
    }
  }
}
