/** Defensive reading of untyped JSON (an SBOM from any producer): wrong shapes read as absent, never throw. */

export type JsonObject = Record<string, unknown>;

export function asRecord(v: unknown): JsonObject | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A non-empty string, else undefined. */
export function asString(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

type Compact<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & { [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined> };

/** The object without its undefined fields (for exact optional properties). */
export function compact<T extends object>(o: T): Compact<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Compact<T>;
}

/**
 * The deepest nesting of arrays and objects in a parsed JSON value (0 for a scalar), walked with a stack of its own
 * (no recursion), stopping as soon as `stopAbove` is passed. For the value of valid JSON text this is the nesting
 * the text has (src/common/json.ts jsonDepth), unless a repeated key replaced a deeper value, measured on a few
 * thousand containers instead of every character.
 */
export function jsonValueDepth(value: unknown, stopAbove = Number.POSITIVE_INFINITY): number {
  if (value === null || typeof value !== 'object') return 0;
  const containers: object[] = [value];
  const depths: number[] = [1];
  let max = 0;
  while (containers.length > 0) {
    const v = containers.pop()!;
    const depth = depths.pop()!;
    if (depth > max) {
      max = depth;
      if (max > stopAbove) return max;
    }
    if (Array.isArray(v)) {
      for (const child of v as unknown[]) {
        if (child !== null && typeof child === 'object') {
          containers.push(child);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    // A parsed object's keys are all its own (JSON.parse makes plain objects); `for in` allocates no key list.
    for (const key in v) {
      const child = (v as JsonObject)[key];
      if (child !== null && typeof child === 'object') {
        containers.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return max;
}
