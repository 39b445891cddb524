/**
 * The one palette for entity kinds and relations, shared by the exports (GEXF viz colours) and the viewer,
 * so a node or edge has the same colour in Gephi and in the browser.
 *
 * Kind colours are the Okabe-Ito palette (Okabe & Ito, "Color Universal Design", 2008): distinguishable
 * under the common forms of colour blindness and readable on a light background.
 */
import type { EntityKind } from '../contract/kinds.js';

export const KIND_COLORS: Record<EntityKind, string> = {
  person: '#0072B2', // blue
  state: '#D55E00', // vermillion
  organisation: '#009E73', // bluish green
  place: '#E69F00', // orange
  topic: '#CC79A7', // reddish purple
};

/** Colour for an unknown kind (a graph written by a newer version): neutral grey. */
const FALLBACK_KIND_COLOR = '#7F7F7F';

export function kindColor(kind: string): string {
  return (KIND_COLORS as Record<string, string>)[kind] ?? FALLBACK_KIND_COLOR;
}

/** Colours for the relations the extractor knows; darker than the node colours so edges do not compete with nodes. */
const RELATION_COLORS: Readonly<Record<string, string>> = {
  'speaks-for': '#3B5B92',
  'member-of': '#2E7D5B',
  'part-of': '#5E6B3A',
  supports: '#6A8E23',
  opposes: '#B23A48',
  criticises: '#C0392B',
  meets: '#8E6C8A',
  'located-in': '#9C7A3C',
  'leader-of': '#1F4E79',
  'allied-with': '#4F8A8B',
  sanctions: '#7B2D26',
};

/**
 * Further relations get a stable colour from a hash of the name, chosen among medium-dark hues so any
 * relation reads well on white; the same name gets the same colour on every machine and in every run.
 */
const HASHED_RELATION_COLORS = [
  '#4E79A7',
  '#F28E2B',
  '#59A14F',
  '#B07AA1',
  '#76B7B2',
  '#EDC948',
  '#9C755F',
  '#E15759',
  '#BAB0AC',
  '#FF9DA7',
];

function hashString(text: string): number {
  // FNV-1a, 32-bit: tiny, stable, well spread for short names.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function relationColor(relation: string): string {
  return (
    RELATION_COLORS[relation] ??
    HASHED_RELATION_COLORS[hashString(relation) % HASHED_RELATION_COLORS.length] ??
    '#7F7F7F'
  );
}

/** '#D55E00' -> { r: 213, g: 94, b: 0 }: the form GEXF viz:color wants. */
export function hexToRgb(hex: string): { r: number; g: number; b: number } {
  const value = Number.parseInt(hex.replace(/^#/, ''), 16);
  return { r: (value >> 16) & 0xff, g: (value >> 8) & 0xff, b: value & 0xff };
}
