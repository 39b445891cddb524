/** International bodies and their member states (data/state-memberships.json), looked up by any of their names. */
import { knowledgeFile } from '../../../knowledge/loader.js';
import { COUNTRIES, normaliseName } from '../states.js';

const membershipData = knowledgeFile('relations/state-memberships');

interface Body {
  label: string;
  members: ReadonlySet<string>;
  source: string;
}

let index: Map<string, Body> | undefined;

function load(): Map<string, Body> {
  if (index) return index;
  index = new Map();
  for (const b of membershipData.bodies) {
    const members =
      b.members === '*un'
        ? COUNTRIES.filter((c) => (c as { unMember?: boolean }).unMember).map((c) => c.cca2)
        : b.members === '*africa'
          ? COUNTRIES.filter(
              (c) => (c as { region?: string }).region === 'Africa' && (c as { independent?: boolean }).independent,
            ).map((c) => c.cca2)
          : (b.members as string[]);
    // A body of nearly every UN member names its exceptions ("except") and its members outside the UN ("also").
    const { except = [], also = [] } = b as { except?: string[]; also?: string[] };
    const set = new Set([...members, ...also]);
    for (const code of except) set.delete(code);
    const body: Body = { label: b.label, members: set, source: b.source };
    for (const n of b.names) index.set(n.length <= 4 ? `=${n.replace(/\./g, '')}` : normaliseName(n), body);
  }
  return index;
}

/** The body a name denotes: short names (EU, UN, AU) only as written in capitals, long names case-insensitively. */
export function bodyByName(name: string): Body | undefined {
  const i = load();
  const compact = name.replace(/^the\s+/i, '').replace(/\./g, '');
  return i.get(`=${compact}`) ?? i.get(normaliseName(name));
}

export function bodyLabelOf(name: string): string | undefined {
  return bodyByName(name)?.label;
}
