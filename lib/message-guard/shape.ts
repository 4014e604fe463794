/**
 * Small run-time checks of plain JSON data: what arrives in a message is whatever
 * its sender serialised, and TypeScript's types vanish at build time. Each check
 * returns the value typed, or throws a ShapeError naming where in the payload the
 * value was wrong, what it was and what was expected. Objects are strict: a field
 * the protocol does not have is an error, not something to ignore.
 */

export class ShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShapeError';
  }
}

/** A check of the value at `path` (e.g. `data.image.base64`). */
export type Check<T> = (value: unknown, path: string) => T;

/** The type a check lets through. */
export type Checked<C> = C extends Check<infer T> ? T : never;

function fail(path: string, expected: string, value: unknown): never {
  throw new ShapeError(`Expected ${expected} at ${path} but received ${describe(value)}.`);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  if (typeof value === 'object') return `an object with ${Object.keys(value).slice(0, 6).join(', ') || 'no fields'}`;
  return `${typeof value} ${String(value)}`;
}

/**
 * A string of at most `max` characters, matching `pattern` if given.
 * @example str({ max: 64, pattern: /^[\w-]+$/ })('job-1', 'data.jobId') // 'job-1'
 */
export function str(options: { max: number; min?: number; pattern?: RegExp; what?: string }): Check<string> {
  const what = options.what ?? `a string of ${options.min ?? 0}–${options.max} characters`;
  return (value, path) => {
    if (typeof value !== 'string' || value.length > options.max || value.length < (options.min ?? 0)) fail(path, what, value);
    if (options.pattern && !options.pattern.test(value)) fail(path, what, value);
    return value;
  };
}

/**
 * A finite number in [min, max].
 * @example num({ min: 0, max: 1 })(0.5, 'data.fraction') // 0.5
 */
export function num(options: { min: number; max: number; integer?: boolean }): Check<number> {
  const what = `${options.integer ? 'an integer' : 'a number'} in [${options.min}, ${options.max}]`;
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < options.min || value > options.max) fail(path, what, value);
    if (options.integer && !Number.isInteger(value)) fail(path, what, value);
    return value;
  };
}

/**
 * One of the given strings.
 * @example oneOf(['upper', 'lower', 'dress'] as const)('dress', 'data.categoryHint') // 'dress'
 */
export function oneOf<T extends string>(values: readonly T[]): Check<T> {
  return (value, path) => (values.includes(value as T) ? (value as T) : fail(path, `one of ${values.join(', ')}`, value));
}

/**
 * The check, or nothing at all (a field left out).
 * @example optional(num({ min: 0, max: 1 }))(undefined, 'data.fit.ease') // undefined
 */
export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, path) => (value === undefined ? undefined : check(value, path));
}

/**
 * The check, or null.
 * @example nullable(str({ max: 10 }))(null, 'data.chart') // null
 */
export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path) => (value === null ? null : check(value, path));
}

/**
 * An array of at most `max` items, each passing `check`.
 * @example arrayOf(num({ min: 0, max: 9 }), { max: 3 })([1, 2], 'data.list') // [1, 2]
 */
export function arrayOf<T>(check: Check<T>, options: { max: number; min?: number }): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value) || value.length > options.max || value.length < (options.min ?? 0)) {
      fail(path, `an array of ${options.min ?? 0}–${options.max} items`, value);
    }
    return value.map((item, i) => check(item, `${path}[${i}]`));
  };
}

/**
 * The first check that passes; the error names every alternative.
 * @example either(num({ min: 0, max: 9 }), str({ max: 3 }))('ab', 'x') // 'ab'
 */
export function either<A, B>(a: Check<A>, b: Check<B>, what: string): Check<A | B> {
  return (value, path) => {
    try {
      return a(value, path);
    } catch {
      try {
        return b(value, path);
      } catch {
        return fail(path, what, value);
      }
    }
  };
}

/**
 * A plain object with exactly these fields (optional ones may be left out); any other field fails.
 * @example strict({ jobId: str({ max: 64 }) })({ jobId: 'j' }, 'data') // { jobId: 'j' }
 */
export function strict<S extends Record<string, Check<unknown>>>(shape: S): Check<{ [K in keyof S]: Checked<S[K]> }> {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) {
      fail(path, `an object with ${Object.keys(shape).join(', ') || 'no fields'}`, value);
    }
    const record = value as Record<string, unknown>;
    const extra = Object.keys(record).filter((k) => !Object.hasOwn(shape, k));
    if (extra.length) throw new ShapeError(`Expected only ${Object.keys(shape).join(', ') || 'no fields'} at ${path} but it also has ${extra.join(', ')}.`);
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const v = check(record[key], `${path}.${key}`);
      if (v !== undefined) out[key] = v;
    }
    return out as { [K in keyof S]: Checked<S[K]> };
  };
}

/**
 * A record whose keys are some of `keys` and whose values pass `check`.
 * @example partialRecord(['chest', 'waist'] as const, num({ min: 0, max: 500 }))({ chest: 90 }, 'm') // { chest: 90 }
 */
export function partialRecord<K extends string, T>(keys: readonly K[], check: Check<T>): Check<Partial<Record<K, T>>> {
  const shape = Object.fromEntries(keys.map((k) => [k, optional(check)])) as Record<string, Check<unknown>>;
  return strict(shape) as unknown as Check<Partial<Record<K, T>>>;
}

/** No payload at all (a message without data). */
export const nothing: Check<undefined> = (value, path) => (value === undefined ? undefined : fail(path, 'no data', value));
