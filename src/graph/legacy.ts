/**
 * Reading files written by older versions: attributes whose form changed are brought to today's form on load, so
 * that the rest of the code knows only one. Defensive about shape, as the viewer runs it before the contract check.
 */

type Attributes = { qualifiers?: unknown; former?: unknown; evidence?: unknown };

/** `qualifiers: {former: 'true'}` (before former was a boolean attribute) becomes `former: true`. */
function upgradeFormer(attributes: Attributes): void {
  const qualifiers = attributes.qualifiers;
  if (typeof qualifiers !== 'object' || qualifiers === null || !('former' in qualifiers)) return;
  const { former, ...rest } = qualifiers as Record<string, unknown>;
  if (former === 'true' || former === true) attributes.former = true;
  if (Object.keys(rest).length) attributes.qualifiers = rest;
  else delete attributes.qualifiers;
}

/** Upgrades the edges of a parsed graph file in place (see upgradeFormer) and returns it. */
export function upgradeLegacyEdges<T>(data: T): T {
  if (typeof data !== 'object' || data === null) return data;
  const edges = (data as { edges?: unknown }).edges;
  if (!Array.isArray(edges)) return data;
  for (const edge of edges as Array<{ attributes?: Attributes } | null>) {
    const attributes = edge?.attributes;
    if (typeof attributes !== 'object' || attributes === null) continue;
    upgradeFormer(attributes);
    if (Array.isArray(attributes.evidence))
      for (const e of attributes.evidence as unknown[]) if (typeof e === 'object' && e !== null) upgradeFormer(e);
  }
  return data;
}
