import type { ParamSpec, ParamValue } from './gate.js';

const INTEGER = /^\s*\d+\s*$/;
const FLOAT = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/;
const STRING_LIST = /^\s*[^,]*[^,\s][^,]*(,\s*[^,]*[^,\s][^,]*)*\s*$/;
const INTEGER_LIST = /^\s*\d+\s*(,\s*\d+\s*)*$/;

/** Checks one raw (string) param value against its spec. Returns a problem text, or undefined when valid. */
export function checkParamValue(spec: ParamSpec, value: unknown, rawParams: Readonly<Record<string, string>>): string | undefined {
  if (typeof value !== 'string') return `must be a string (Anchore param values are strings), got ${describeType(value)}`;
  switch (spec.type) {
    case 'string':
      break;
    case 'enum': {
      const allowed = spec.allowed ?? [];
      const ok = spec.caseInsensitive ? allowed.some((a) => a.toLowerCase() === value.toLowerCase()) : allowed.includes(value);
      if (!ok) return `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(value)}`;
      break;
    }
    case 'boolean':
      if (!['true', 'false'].includes(value.toLowerCase())) return `must be "true" or "false", got ${JSON.stringify(value)}`;
      break;
    case 'integer':
      if (!INTEGER.test(value)) return `must be a non-negative integer, got ${JSON.stringify(value)}`;
      break;
    case 'float':
      if (!FLOAT.test(value)) return `must be a number, got ${JSON.stringify(value)}`;
      break;
    case 'string-list':
      if (!STRING_LIST.test(value)) return `must be a comma-separated list of non-empty items, got ${JSON.stringify(value)}`;
      break;
    case 'integer-list':
      if (!INTEGER_LIST.test(value)) return `must be a comma-separated list of integers, got ${JSON.stringify(value)}`;
      break;
  }
  // Regex params are not compiled here: Anchore loads a bundle whose regex does not compile (its own all-rules test
  // bundle has `*\.pem`), and the rule fails when it runs, as an evaluation problem (evaluate.ts runRule).
  return spec.validate?.(value, rawParams);
}

/** Parses a validated raw value. */
export function parseParamValue(spec: ParamSpec, value: string): ParamValue {
  switch (spec.type) {
    case 'boolean':
      return value.toLowerCase() === 'true';
    case 'integer':
      return Number.parseInt(value.trim(), 10);
    case 'float':
      return Number.parseFloat(value.trim());
    case 'string-list':
      return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
    case 'integer-list':
      return value.split(',').map((s) => Number.parseInt(s.trim(), 10));
    case 'enum':
      if (spec.caseInsensitive) return spec.allowed?.find((a) => a.toLowerCase() === value.toLowerCase()) ?? value;
      return value;
    default:
      return value;
  }
}

/** The compile error of a regex (JavaScript syntax, which accepts the common subset of Python's `re`). */
export function regexError(source: string): string | undefined {
  try {
    compileRegex(source);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * Compiles a bundle regex. Python's leading inline flags (`(?i)`, `(?s)`, `(?m)`), common in Anchore bundles, become
 * JavaScript flags. `anchor` wraps the pattern for Python's `re.match` (anchored at the start only).
 */
export function compileRegex(source: string, options: { anchor?: 'start' | 'both' } = {}): RegExp {
  let flags = '';
  let body = source;
  const m = /^\(\?([ims]+)\)/.exec(body);
  if (m) {
    flags = [...new Set(m[1]!.split(''))].join('');
    body = body.slice(m[0].length);
  }
  if (options.anchor === 'start') body = `^(?:${body})`;
  else if (options.anchor === 'both') body = `^(?:${body})$`;
  return new RegExp(body, flags);
}

const cache = new Map<string, RegExp>();

/** Python's `re.match`: anchored at the start only. */
export function reMatch(pattern: string, text: string): boolean {
  let re = cache.get(pattern);
  if (!re) {
    re = compileRegex(pattern, { anchor: 'start' });
    cache.set(pattern, re);
  }
  return re.test(text);
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}
