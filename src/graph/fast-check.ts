/**
 * A fast pre-check for graph files: zod allocates a result per value (seconds on a 50,000-node graph), so the
 * contract's zod schema is compiled once into a plain predicate that says yes to a valid file in a fraction of
 * the time. Only a file it refuses goes through zod, which has the last word and words the message.
 */
import type { z } from 'zod';

/**
 * Compiles a zod schema into a plain predicate with the same verdict, for the schema kinds and checks
 * ./schema.ts uses. Anything it does not know compiles to `null`, and validation then falls back to zod alone. A
 * predicate may only be stricter than zod, never looser: tests/robustness/graph-schema.test.ts compares the two
 * on many malformed files.
 */
export function compileFastCheck(schema: z.core.$ZodType): ((value: unknown) => boolean) | null {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  const checks = (def.checks ?? []) as z.core.$ZodCheck[];
  const tests: Array<(value: never) => boolean> = [];
  for (const check of checks) {
    const c = check._zod.def as unknown as Record<string, unknown>;
    if (c.check === 'min_length' && typeof c.minimum === 'number') {
      const min = c.minimum;
      tests.push((v: { length: number }) => v.length >= min);
    } else if (c.check === 'string_format' && c.format === 'regex' && c.pattern instanceof RegExp) {
      const pattern = c.pattern;
      tests.push((v: string) => {
        pattern.lastIndex = 0;
        return pattern.test(v);
      });
    } else if ((c.check === 'greater_than' || c.check === 'less_than') && typeof c.value === 'number') {
      const bound = c.value;
      const inclusive = c.inclusive === true;
      tests.push(
        c.check === 'greater_than'
          ? (v: number) => (inclusive ? v >= bound : v > bound)
          : (v: number) => (inclusive ? v <= bound : v < bound),
      );
    } else return null;
  }
  const passes = (value: unknown) => tests.every((t) => t(value as never));
  switch (def.type) {
    case 'string':
      return (v) => typeof v === 'string' && passes(v);
    case 'boolean':
      return checks.length ? null : (v) => typeof v === 'boolean';
    case 'number': {
      const int = def.format === 'safeint';
      if (def.format !== undefined && !int) return null;
      return (v) => typeof v === 'number' && Number.isFinite(v) && (!int || Number.isSafeInteger(v)) && passes(v);
    }
    case 'enum':
    case 'literal': {
      if (checks.length) return null;
      const values = new Set<unknown>(schema._zod.values ?? []);
      return (v) => values.has(v);
    }
    case 'never':
      return () => false;
    case 'optional':
    case 'nullable': {
      if (checks.length) return null;
      const inner = compileFastCheck(def.innerType as z.core.$ZodType);
      if (!inner) return null;
      return def.type === 'optional' ? (v) => v === undefined || inner(v) : (v) => v === null || inner(v);
    }
    case 'array': {
      if (checks.length) return null;
      const element = compileFastCheck(def.element as z.core.$ZodType);
      if (!element) return null;
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (const item of v) if (!element(item)) return false;
        return true;
      };
    }
    case 'record': {
      const key = compileFastCheck(def.keyType as z.core.$ZodType);
      const value = compileFastCheck(def.valueType as z.core.$ZodType);
      if (!key || !value || checks.length) return null;
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
        for (const [k, x] of Object.entries(v)) if (!key(k) || !value(x)) return false;
        return true;
      };
    }
    case 'object': {
      // Only loose objects: they return the input's keys unchanged, so the input can stand for zod's output.
      const catchall = def.catchall as z.core.$ZodType | undefined;
      if (checks.length || catchall?._zod.def.type !== 'unknown') return null;
      const fields: Array<[string, (value: unknown) => boolean]> = [];
      for (const [name, field] of Object.entries(def.shape as Record<string, z.core.$ZodType>)) {
        const predicate = compileFastCheck(field);
        if (!predicate) return null;
        fields.push([name, predicate]);
      }
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
        const record = v as Record<string, unknown>;
        for (const [name, predicate] of fields) if (!predicate(record[name])) return false;
        return true;
      };
    }
    default:
      return null;
  }
}
