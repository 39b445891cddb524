import { describe, expect, it } from 'vitest';
import type { ExtractedRelation, Extraction } from '../../src/extract/types.js';
import { addExtraction, buildGraph, combineConfidence, createGraph } from '../../src/graph/build.js';
import { parseGraphData } from '../../src/graph/validate.js';

const entity = (id: string, label: string, kind: 'person' | 'state' | 'place') => ({
  id,
  label,
  kind,
  aliases: [],
  rules: ['r'],
  mentions: [{ start: 0, end: label.length, text: label }],
});

function extraction(id: string, relations: ExtractedRelation[]): Extraction {
  return {
    articleId: id,
    file: `${id}.txt`,
    article: { title: null, source: null, published: null, url: null },
    entities: [
      entity('place:lyon', 'Lyon', 'place'),
      entity('state:france', 'France', 'state'),
      entity('person:ada', 'Ada', 'person'),
    ],
    relations,
  };
}

const rel = (
  relation: string,
  confidence: number,
  basis?: 'text' | 'knowledge',
  qualifiers?: Record<string, string>,
  former?: boolean,
): ExtractedRelation => ({
  source: relation === 'located-in' ? 'place:lyon' : 'person:ada',
  target: 'state:france',
  relation,
  confidence,
  rules: [basis === 'knowledge' ? 'knowledge:cities' : 'rule:x'],
  evidence: [{ start: 0, end: 4, text: 'Lyon' }],
  ...(basis ? { basis } : {}),
  ...(qualifiers ? { qualifiers } : {}),
  ...(former ? { former } : {}),
});

describe('edge confidence and basis in the graph', () => {
  it('stores confidences rounded to three decimals, also after merging statements', () => {
    const g = buildGraph([
      extraction('a', [rel('speaks-for', 0.7999999999999999)]),
      extraction('b', [rel('speaks-for', 0.3333333)]),
    ]);
    const c = g.getEdgeAttribute(g.edges()[0]!, 'confidence');
    expect(c).toBe(0.867);
    expect(combineConfidence(0.1, 0.2)).toBe(0.28);
    const single = buildGraph([extraction('a', [rel('speaks-for', 0.7999999999999999)])]);
    expect(single.getEdgeAttribute(single.edges()[0]!, 'confidence')).toBe(0.8);
  });

  it('always writes a basis: text by default, knowledge only while no sentence states the edge', () => {
    const g = createGraph();
    addExtraction(g, extraction('a', [rel('located-in', 0.9, 'knowledge'), rel('speaks-for', 0.8)]));
    const edge = (relation: string) => g.edges().find((e) => g.getEdgeAttribute(e, 'relation') === relation)!;
    expect(g.getEdgeAttribute(edge('located-in'), 'basis')).toBe('knowledge');
    expect(g.getEdgeAttribute(edge('speaks-for'), 'basis')).toBe('text');
    addExtraction(g, extraction('b', [rel('located-in', 0.9, 'text')]));
    expect(g.getEdgeAttribute(edge('located-in'), 'basis')).toBe('text');
  });

  it('keeps qualifiers on the edge, and former as a boolean on the edge and on its statements', () => {
    const g = buildGraph([extraction('a', [rel('speaks-for', 0.8, 'text', { issue: 'tariffs' }, true)])]);
    const edge = g.edges()[0]!;
    expect(g.getEdgeAttribute(edge, 'qualifiers')).toEqual({ issue: 'tariffs' });
    expect(g.getEdgeAttribute(edge, 'former')).toBe(true);
    expect(g.getEdgeAttribute(edge, 'evidence').map((e) => e.former)).toEqual([true]);
    expect(() => parseGraphData(g.export(), null)).not.toThrow();
  });

  it('a role stated as current in any article makes the edge current; its former statements stay marked', () => {
    const g = buildGraph([
      extraction('a', [rel('speaks-for', 0.8, 'text', undefined, true)]),
      extraction('b', [rel('speaks-for', 0.8)]),
    ]);
    const edge = g.edges()[0]!;
    expect(g.getEdgeAttribute(edge, 'former')).toBeUndefined();
    expect(g.getEdgeAttribute(edge, 'evidence').map((e) => e.former === true)).toEqual([true, false]);
    const current = buildGraph([extraction('b', [rel('speaks-for', 0.8)])]);
    expect(current.getEdgeAttribute(current.edges()[0]!, 'former')).toBeUndefined();
  });

  it("reads files that held former as the qualifier string 'true' as former: true", () => {
    const g = buildGraph([extraction('a', [rel('speaks-for', 0.8, 'text', { former: 'true', issue: 'x' })])]);
    const data = JSON.parse(JSON.stringify(g.export())) as {
      edges: Array<{ attributes: Record<string, unknown> & { evidence: Array<Record<string, unknown>> } }>;
    };
    const read = parseGraphData(data, null).edges[0]!.attributes!;
    expect(read.former).toBe(true);
    expect(read.qualifiers).toEqual({ issue: 'x' });
    expect(read.evidence[0]!.former).toBe(true);
    expect(read.evidence[0]!.qualifiers).toEqual({ issue: 'x' });
    // Only the qualifier: no qualifiers are left; the zod path (an invalid-looking value elsewhere) agrees.
    const only = buildGraph([extraction('a', [rel('speaks-for', 0.8, 'text', { former: 'true' })])]);
    const onlyRead = parseGraphData(JSON.parse(JSON.stringify(only.export())), null).edges[0]!.attributes!;
    expect(onlyRead.former).toBe(true);
    expect(onlyRead.qualifiers).toBeUndefined();
    data.edges[0]!.attributes.former = 'yes';
    expect(() => parseGraphData(data, null)).toThrow(/former/);
  });

  it('reads files written before basis existed, and refuses an unknown basis', () => {
    const g = buildGraph([extraction('a', [rel('speaks-for', 0.8)])]);
    const data = g.export() as unknown as { edges: Array<{ attributes: Record<string, unknown> }> };
    delete data.edges[0]!.attributes.basis;
    expect(() => parseGraphData(JSON.parse(JSON.stringify(data)), null)).not.toThrow();
    data.edges[0]!.attributes.basis = 'rumour';
    expect(() => parseGraphData(JSON.parse(JSON.stringify(data)), null)).toThrow(/basis/);
  });
});

describe('statements under a modality in the graph', () => {
  const HYPO = { modality: 'hypothetical' };
  it.each([
    // [statements in article order as [confidence, hypothetical?], edge confidence, edge modality]
    [
      [
        [0.35, true],
        [0.35, true],
        [0.3, true],
      ],
      0.35,
      'hypothetical',
    ],
    [
      [
        [0.35, true],
        [0.8, false],
      ],
      0.8,
      undefined,
    ],
    [
      [
        [0.8, false],
        [0.35, true],
      ],
      0.8,
      undefined,
    ],
    [
      [
        [0.8, false],
        [0.35, true],
        [0.5, false],
      ],
      0.9,
      undefined,
    ],
  ] as Array<[Array<[number, boolean]>, number, string | undefined]>)(
    '%j -> %d %s',
    (statements, confidence, modality) => {
      const g = buildGraph(
        statements.map(([c, hypo], i) =>
          extraction(`a${i}`, [rel('supports', c, 'text', hypo ? { ...HYPO, issue: 'x' } : undefined)]),
        ),
      );
      const a = g.getEdgeAttributes(g.edges()[0]!);
      expect(a.confidence).toBe(confidence);
      expect(a.qualifiers?.modality).toBe(modality);
      // Repeating a hypothesis never makes it a confident edge (users filter at 0.5).
      if (modality) expect(a.confidence).toBeLessThan(0.5);
    },
  );
});
