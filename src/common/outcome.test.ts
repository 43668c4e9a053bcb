import { describe, expect, it } from 'vitest';
import { ConfigurationError, ERROR_PREFIXES, errorKindOf, ImageError, isExpectedError, RemoteError } from './errors.js';
import { EXIT_CODES, exitCodeOf, isErrorOutcome, outcomeOfError } from './outcome.js';

describe('errors say whose fault they are', () => {
  it('a RemoteError is its own kind, neither a ConfigurationError nor an ImageError', () => {
    const remote = new RemoteError('registry answered HTTP 503', { status: 503 });
    expect(remote).not.toBeInstanceOf(ConfigurationError);
    expect(remote).not.toBeInstanceOf(ImageError);
    expect(isExpectedError(remote)).toBe(true);
    expect(isExpectedError(new TypeError('x'))).toBe(false);
  });

  it.each([
    [new ConfigurationError('bad flag'), 'configuration', 'configuration-error', 'configuration error'],
    [new ImageError('truncated layer'), 'image', 'configuration-error', 'image error'],
    [new RemoteError('HTTP 503'), 'remote', 'remote-error', 'remote error'],
    [new TypeError('undefined is not a function'), 'internal', 'internal-error', 'internal error'],
    ['a thrown string', 'internal', 'internal-error', 'internal error'],
  ] as const)('%s: kind %s, outcome %s, prefix "%s"', (error, kind, outcome, prefix) => {
    expect(errorKindOf(error)).toBe(kind);
    expect(outcomeOfError(error)).toBe(outcome);
    expect(ERROR_PREFIXES[kind]).toBe(prefix);
  });

  it('one exit-code table: every error outcome is 3', () => {
    expect(EXIT_CODES).toEqual({ go: 0, stop: 1, warn: 2, 'configuration-error': 3, 'remote-error': 3, 'internal-error': 3 });
    expect(exitCodeOf('remote-error')).toBe(3);
    expect(Object.keys(EXIT_CODES).filter((o) => isErrorOutcome(o as keyof typeof EXIT_CODES))).toEqual(['configuration-error', 'remote-error', 'internal-error']);
  });
});
