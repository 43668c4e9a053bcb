/**
 * Reading JSON that comes from outside (an image, a VEX document, an OSV record, a policy, an SBOM) safely:
 * - `parseJson` refuses text nested deeper than a bound before parsing it, so that no later walk of the value can
 *   recurse past the stack (the depth is measured by a flat scan of the text, without recursion);
 * - `shapeChecker` compiles a JSON Schema once (ajv) into a check whose failure is one line naming the field by
 *   its JSON pointer (`/layers/0 must be object`), so that a malformed document is a clear error, never a crash.
 *
 * The errors are ConfigurationErrors unless the caller names another class (ImageError for what an image holds).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { ConfigurationError } from './errors.js';

/** The nesting bound used when the caller does not choose one: far above any real document, far below the stack. */
export const DEFAULT_MAX_JSON_DEPTH = 512;

/** A constructor of the error to throw: ConfigurationError (the default), ImageError, or another kind. */
export type ErrorClass = new (message: string, options?: { cause?: unknown }) => Error;

export interface ParseJsonOptions {
  /** How to name the input in messages (`manifest.json`, `vex.json`, `all.zip!GHSA-….json`). */
  what: string;
  /** The deepest nesting of arrays and objects allowed; DEFAULT_MAX_JSON_DEPTH when omitted. */
  maxDepth?: number;
  /** The error class to throw; ConfigurationError when omitted. */
  errorClass?: ErrorClass;
}

/**
 * The deepest nesting of arrays and objects in JSON text, measured by one flat pass that skips strings (with their
 * escapes). It stops as soon as `stopAbove` is passed and answers that depth, so a huge document costs little.
 * The text need not be valid JSON: the count is what a parser would reach before finding the error.
 */
export function jsonDepth(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return max;
}

/**
 * The deepest nesting of arrays and objects in a parsed JSON value (0 for a scalar), walked with a stack of its own
 * (no recursion), stopping as soon as `stopAbove` is passed. For the value of valid JSON text this is the nesting
 * the text has (jsonDepth), unless a repeated key replaced a deeper value, measured on a few
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
      const child = (v as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') {
        containers.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return max;
}

/**
 * JSON.parse with a depth guard: text nested deeper than `maxDepth` is refused before it is parsed, with a
 * one-line error; so is text that is not JSON. A Buffer is read as UTF-8 (a leading byte-order mark is dropped).
 */
export function parseJson(input: string | Buffer, options: ParseJsonOptions): unknown {
  const Err = options.errorClass ?? ConfigurationError;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_JSON_DEPTH;
  let text = typeof input === 'string' ? input : input.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const depth = jsonDepth(text, maxDepth);
  if (depth > maxDepth) throw new Err(`${options.what} is nested too deeply (more than ${maxDepth} levels of arrays and objects)`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Err(`${options.what} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

/** A compiled shape check: answers undefined when the value fits, else the first problem as `<pointer> <message>`. */
export type ShapeCheck = (value: unknown) => string | undefined;

let ajv: Ajv | undefined;

/**
 * Compiles a JSON Schema (draft-07) once into a ShapeCheck. Schemas describe only what Portcullis reads and leave
 * other fields open (OCI and OSV documents carry extensions). Call it at module level or cache the result: each
 * call compiles.
 */
export function shapeChecker(schema: Record<string, unknown>): ShapeCheck {
  ajv ??= new Ajv({ allErrors: false, strict: true, allowUnionTypes: true, validateSchema: false });
  let validate: ValidateFunction | undefined;
  return (value) => {
    validate ??= ajv!.compile(schema);
    if (validate(value)) return undefined;
    return describeShapeError(validate.errors?.[0]);
  };
}

/** Checks a value against a compiled shape and throws a one-line error naming the field when it does not fit. */
export function assertShape(check: ShapeCheck, value: unknown, what: string, errorClass: ErrorClass = ConfigurationError): void {
  const problem = check(value);
  if (problem !== undefined) throw new errorClass(`${what} is malformed: ${problem}`);
}

function describeShapeError(e: ErrorObject | undefined): string {
  if (!e) return 'does not match its schema';
  const where = e.instancePath === '' ? '(top level)' : e.instancePath;
  if (e.keyword === 'required') return `${where} must have the field "${(e.params as { missingProperty: string }).missingProperty}"`;
  if (e.keyword === 'enum') return `${where} must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
  return `${where} ${e.message ?? 'is invalid'}`;
}
