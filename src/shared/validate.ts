/**
 * Checks for the three kinds of input a person writes by hand: environment variables, the feeds
 * file and show packs. Each check returns the value (converted where asked) or records what is
 * wrong, with the path to it, so one error can name every bad field.
 *
 * Why not a schema library: these are the only three shapes the bot validates, and the library
 * they were written with held about 3 MiB of resident memory (its source, compiled code and
 * schema objects) for the life of every bot process (docs/decisions/0007).
 */

/** Where in the input a problem is: ["feeds", 2, "url"]. */
export type Path = readonly (string | number)[];

export interface Issue {
  path: Path;
  message: string;
}

const INVALID: unique symbol = Symbol('invalid');
type Invalid = typeof INVALID;

/** Checks one value: returns it, possibly converted, or records issues and returns INVALID. */
export type Check<T> = (value: unknown, path: Path, issues: Issue[]) => T | Invalid;

/** The type a check produces. */
export type Checked<C> = C extends Check<infer T> ? T : never;

function reject(issues: Issue[], path: Path, message: string): Invalid {
  issues.push({ path, message });
  return INVALID;
}

/** "feeds[2].url", the way the person editing the file reads it; `whole` names the top level. */
export function describePath(path: Path, whole: string): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${key}`;
  return out || whole;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export function validate<T>(check: Check<T>, value: unknown): Outcome<T> {
  const issues: Issue[] = [];
  const result = check(value, [], issues);
  return result === INVALID || issues.length > 0 ? { ok: false, issues } : { ok: true, value: result };
}

/** A rule on an already well-typed value: the words of what is wrong, or undefined when it holds. */
export type Rule<T> = (value: T) => string | undefined;

function applyRules<T>(value: T, rules: readonly Rule<T>[], path: Path, issues: Issue[]): T | Invalid {
  for (const rule of rules) {
    const message = rule(value);
    if (message !== undefined) return reject(issues, path, message);
  }
  return value;
}

export interface TextOptions {
  /** Trim surrounding white space before the other rules, and return the trimmed text. */
  trim?: boolean;
  rules?: readonly Rule<string>[];
}

export function text(options: TextOptions = {}): Check<string> {
  return (value, path, issues) => {
    if (typeof value !== 'string') return reject(issues, path, 'expected string');
    return applyRules(options.trim ? value.trim() : value, options.rules ?? [], path, issues);
  };
}

export const nonEmpty = (message = 'must not be empty'): Rule<string> => (v) => (v.length > 0 ? undefined : message);
export const maxLength = (max: number): Rule<string> => (v) => (v.length <= max ? undefined : `must be at most ${max} characters`);
export const matches = (pattern: RegExp, message: string): Rule<string> => (v) => (pattern.test(v) ? undefined : message);

/** An absolute http or https URL. */
export const httpUrl = (message: string): Rule<string> => (v) => {
  try {
    return /^https?:$/.test(new URL(v).protocol) ? undefined : message;
  } catch {
    return message;
  }
};

export interface NumberOptions {
  integer?: boolean;
  min?: number;
}

export function number(options: NumberOptions = {}): Check<number> {
  return (value, path, issues) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return reject(issues, path, 'expected number');
    if (options.integer && !Number.isInteger(value)) return reject(issues, path, 'expected a whole number');
    if (options.min !== undefined && value < options.min) return reject(issues, path, `must be at least ${options.min}`);
    return value;
  };
}

/** One of a fixed set of strings. */
export function oneOf<const T extends string>(values: readonly T[], message = `expected one of ${values.join(', ')}`): Check<T> {
  return (value, path, issues) => {
    return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : reject(issues, path, message);
  };
}

export function list<T>(item: Check<T>, options: { min?: number } = {}): Check<T[]> {
  return (value, path, issues) => {
    if (!Array.isArray(value)) return reject(issues, path, 'expected array');
    if (options.min !== undefined && value.length < options.min) return reject(issues, path, `must have at least ${options.min} ${options.min === 1 ? 'entry' : 'entries'}`);
    const out: T[] = [];
    let ok = true;
    value.forEach((entry: unknown, i) => {
      const checked = item(entry, [...path, i], issues);
      if (checked === INVALID) ok = false;
      else out.push(checked);
    });
    return ok ? out : INVALID;
  };
}

/** Absent (undefined) is allowed and stays undefined. */
export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, path, issues) => (value === undefined ? undefined : check(value, path, issues));
}

/** Absent (undefined) becomes `fallback`. */
export function withDefault<T>(check: Check<T>, fallback: T): Check<T> {
  return (value, path, issues) => (value === undefined ? fallback : check(value, path, issues));
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path, issues) => (value === null ? null : check(value, path, issues));
}

/** Converts a value that passed `check`: "600" → 600. */
export function convert<T, U>(check: Check<T>, change: (value: T) => U, rules: readonly Rule<U>[] = []): Check<U> {
  return (value, path, issues) => {
    const checked = check(value, path, issues);
    return checked === INVALID ? INVALID : applyRules(change(checked), rules, path, issues);
  };
}

/** A report of a problem found by a whole-value rule, at a path below the value's own. */
export type Report = (at: Path, message: string) => void;

/** Rules across fields ("a person is required for cast"), run once the fields themselves are good. */
export function crossCheck<T>(check: Check<T>, rule: (value: T, report: Report) => void): Check<T> {
  return (value, path, issues) => {
    const checked = check(value, path, issues);
    if (checked === INVALID) return INVALID;
    let ok = true;
    rule(checked, (at, message) => {
      issues.push({ path: [...path, ...at], message });
      ok = false;
    });
    return ok ? checked : INVALID;
  };
}

type Shape = Record<string, Check<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Checked<S[K]> ? K : never }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The type `record(shape)` produces: keys whose check allows undefined are optional. */
export type RecordOf<S extends Shape> = Simplify<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Checked<S[K]> } & { [K in OptionalKeys<S>]?: Checked<S[K]> }
>;

export interface RecordOptions {
  /** Refuse keys the shape does not name (a typo in a hand-written file); otherwise they are dropped. */
  strict?: boolean;
}

export function record<S extends Shape>(shape: S, options: RecordOptions = {}): Check<RecordOf<S>> {
  return (value, path, issues) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return reject(issues, path, 'expected object');
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    let ok = true;
    for (const [key, check] of Object.entries(shape)) {
      const checked = check(input[key], [...path, key], issues);
      if (checked === INVALID) ok = false;
      else if (checked !== undefined) out[key] = checked;
    }
    if (options.strict) {
      for (const key of Object.keys(input)) {
        if (Object.hasOwn(shape, key)) continue;
        issues.push({ path: [...path, key], message: 'is not a field this file has' });
        ok = false;
      }
    }
    return ok ? (out as RecordOf<S>) : INVALID;
  };
}
