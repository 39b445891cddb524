/**
 * Corrections made in the viewer (merge two entities, fix a kind), exported as a JSON file in the corrections
 * format the build reads: { merge: [{from, into}], aliases: [{entity, add}], kind: [{entity, kind}], drop: [],
 * distinct: [[a, b]] }. The viewer records them; the next build applies them.
 */
export interface CorrectionsFile {
  merge: Array<{ from: string; into: string }>;
  aliases: Array<{ entity: string; add: string[] }>;
  kind: Array<{ entity: string; kind: string }>;
  drop: string[];
  distinct: Array<[string, string]>;
}

export class Corrections {
  private readonly merges = new Map<string, string>();
  private readonly kinds = new Map<string, string>();

  merge(from: string, into: string): void {
    if (from === into) return;
    this.merges.set(from, into);
  }

  setKind(entity: string, kind: string): void {
    this.kinds.set(entity, kind);
  }

  get count(): number {
    return this.merges.size + this.kinds.size;
  }

  toJson(): CorrectionsFile {
    return {
      merge: [...this.merges].map(([from, into]) => ({ from, into })),
      aliases: [],
      kind: [...this.kinds].map(([entity, kind]) => ({ entity, kind })),
      drop: [],
      distinct: [],
    };
  }
}
