/**
 * Counts the built-in operations a synchronous call performs: lookups in maps and sets, and the string and array
 * methods that name matching uses. The count is a deterministic measure of work for scaling tests (a pairwise
 * comparison of mentions shows as quadratic growth) without timing anything and without counters in production code.
 */

/** The prototypes and methods counted; each call of one of them is one unit of work. */
const COUNTED: Array<[object, string[]]> = [
  [Map.prototype, ['get', 'has', 'set'] satisfies Array<keyof Map<unknown, unknown>>],
  [Set.prototype, ['has', 'add'] satisfies Array<keyof Set<unknown>>],
  [
    String.prototype,
    ['startsWith', 'endsWith', 'includes', 'indexOf', 'split', 'slice', 'toLowerCase', 'replace'] satisfies Array<
      keyof string
    >,
  ],
  [Array.prototype, ['join', 'slice', 'some', 'every', 'includes', 'indexOf'] satisfies Array<keyof unknown[]>],
];

/** Runs `fn` and returns its result with the number of counted operations it performed. */
export function countOperations<T>(fn: () => T): { result: T; operations: number } {
  let operations = 0;
  const saved: Array<[Record<string, unknown>, string, unknown]> = [];
  for (const [proto, names] of COUNTED) {
    const target = proto as Record<string, unknown>;
    for (const name of names) {
      const original = target[name] as (...args: unknown[]) => unknown;
      saved.push([target, name, original]);
      Object.defineProperty(target, name, {
        value: function (this: unknown, ...args: unknown[]) {
          operations++;
          return Reflect.apply(original, this, args);
        },
        writable: true,
        configurable: true,
        enumerable: false,
      });
    }
  }
  try {
    const result = fn();
    return { result, operations };
  } finally {
    for (const [target, name, original] of saved)
      Object.defineProperty(target, name, { value: original, writable: true, configurable: true, enumerable: false });
  }
}
