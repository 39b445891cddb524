/** The word lists the rules read, compiled once into sets (data/lexicon.json, data/roles.json). */
import { knowledgeFile } from '../../knowledge/loader.js';
import type { Unit } from './units.js';

const lexiconData = knowledgeFile('relations/lexicon');
const rolesData = knowledgeFile('relations/roles');

type ListName = Exclude<keyof typeof lexiconData, 'source'>;

const sets = new Map<ListName, ReadonlySet<string>>();
export function words(name: ListName): ReadonlySet<string> {
  let s = sets.get(name);
  if (!s) {
    s = new Set(lexiconData[name]);
    sets.set(name, s);
  }
  return s;
}

export type RoleClass =
  | 'head-of-state'
  | 'head-of-government'
  | 'minister'
  | 'spokesperson'
  | 'official'
  | 'leader'
  | 'member'
  | 'staff'
  | 'player';

const heads = new Map<string, RoleClass>(Object.entries(rolesData.heads) as Array<[string, RoleClass]>);
const maxHeadWords = Math.max(...[...heads.keys()].map((k) => k.split(' ').length));
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set(rolesData.modifiers);
/** Nouns of bodies a title after them is held in ("federation president"): never a state's title. */
export const BODY_NOUNS: ReadonlySet<string> = new Set(rolesData.bodyNouns);
const titleBodies = new Map<string, readonly string[]>(Object.entries(rolesData.titleBodies));

/** The names of the body a title is held in, when the title names it ("MEP": the European Parliament). */
export function bodiesNamedByTitle(title: string): readonly string[] {
  return titleBodies.get(title.toLowerCase()) ?? [];
}

/** Roles that let a person speak for the state they hold them in. */
export const STATE_VOICE: ReadonlySet<RoleClass> = new Set([
  'head-of-state',
  'head-of-government',
  'minister',
  'spokesperson',
  'official',
  'leader',
]);
/** Roles that let a person speak for an organisation (besides belonging to it). */
export const ORG_VOICE: ReadonlySet<RoleClass> = new Set([
  'spokesperson',
  'leader',
  'head-of-state',
  'head-of-government',
]);

export interface RoleMatch {
  cls: RoleClass;
  /** Index of the first unit of the head phrase. */
  from: number;
  /** Index after the last unit of the head phrase. */
  to: number;
}

function wordAt(units: readonly Unit[], i: number): string | undefined {
  const u = units[i];
  return u && u.kind === 'word' ? u.w : undefined;
}

/** The longest role head ending at unit `end - 1` ("Secretary of State", "Foreign Minister" -> 'minister'). */
export function roleEndingAt(units: readonly Unit[], end: number): RoleMatch | undefined {
  for (let n = Math.min(maxHeadWords, end); n >= 1; n--) {
    const parts: string[] = [];
    for (let i = end - n; i < end; i++) {
      const w = wordAt(units, i);
      if (w === undefined) break;
      parts.push(w);
    }
    if (parts.length !== n) continue;
    const cls = heads.get(parts.join(' '));
    if (cls) return { cls, from: end - n, to: end };
  }
  return undefined;
}

/** The longest role head starting at unit `start`. */
export function roleStartingAt(units: readonly Unit[], start: number): RoleMatch | undefined {
  for (let n = maxHeadWords; n >= 1; n--) {
    const parts: string[] = [];
    for (let i = start; i < start + n; i++) {
      const w = wordAt(units, i);
      if (w === undefined) break;
      parts.push(w);
    }
    if (parts.length !== n) continue;
    const cls = heads.get(parts.join(' '));
    if (cls) return { cls, from: start, to: start + n };
  }
  return undefined;
}

/** Classifies a free-standing title ("Foreign Minister", "Security Council Secretary") by its last words. */
export function classifyTitle(title: string): RoleClass | undefined {
  const ws = title
    .toLowerCase()
    .replace(/[’]/g, "'")
    .split(/\s+/)
    .filter((w) => w.length > 0);
  for (let n = Math.min(maxHeadWords, ws.length); n >= 1; n--) {
    const cls = heads.get(ws.slice(ws.length - n).join(' '));
    if (cls) return cls;
  }
  for (let n = Math.min(maxHeadWords, ws.length); n >= 1; n--) {
    const cls = heads.get(ws.slice(0, n).join(' '));
    if (cls) return cls;
  }
  return undefined;
}
