import { describe, expect, it } from 'vitest';
import { ALL_RULES, extractRelations } from '../../src/extract/relations/index.js';
import { annotatedDoc } from '../../src/extract/relations/testing.js';

/** Every rule carries examples it must match; each example's expected edges must come out, by that rule. */
const cases = ALL_RULES.flatMap((rule) => rule.examples.map((ex) => ({ rule: rule.name, ...ex })));

describe('rule examples', () => {
  it('every rule but the entity-stage adapter has an example', () => {
    const without = ALL_RULES.filter((r) => r.examples.length === 0).map((r) => r.name);
    expect(without).toEqual(['role:entity-role-fact']);
  });

  it.each(cases)('$rule: $text', ({ rule, text, expect: expected }) => {
    const doc = annotatedDoc(text);
    const label = (id: string) => doc.entities.get(id)?.label;
    const got = extractRelations(doc).map((c) => ({
      edge: [label(c.source), c.relation, label(c.target)].join(' '),
      rule: c.rule,
    }));
    for (const [s, r, t] of expected) {
      const edge = [s, r, t].join(' ');
      expect(got.filter((g) => g.edge === edge).map((g) => g.rule)).toContain(rule);
    }
  });
});
