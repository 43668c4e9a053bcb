/**
 * The outcomes of a run are kept apart, and each error says whose fault it is:
 * - a user mistake (bad reference, unreadable policy, bad flag) is a ConfigurationError with a precise one-line message;
 * - an image that is not what it says (missing, corrupt, truncated, a digest mismatch) is an ImageError, a kind of
 *   ConfigurationError (the input the user gave is bad);
 * - a remote service (a registry, the OSV bucket or another feed, the store, GitHub, the Docker daemon) that failed or
 *   refused is a RemoteError: its own kind, neither a ConfigurationError nor an ImageError;
 * - STOP and WARN are values, never thrown;
 * - anything else that is thrown is an internal fault.
 */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The image could not be read: missing, corrupt, truncated, a digest mismatch. */
export class ImageError extends ConfigurationError {
  override name = 'ImageError';
}

/** A remote service (registry, daemon, data feed, store, GitHub) failed or refused. `status` is the HTTP status when there was one. */
export class RemoteError extends Error {
  override name = 'RemoteError';
  readonly status: number | undefined;
  constructor(message: string, options?: { cause?: unknown; status?: number }) {
    super(message, options);
    this.status = options?.status;
  }
}

/** Whose fault an error is. */
export type ErrorKind = 'configuration' | 'image' | 'remote' | 'internal';

export function errorKindOf(error: unknown): ErrorKind {
  if (error instanceof RemoteError) return 'remote';
  if (error instanceof ImageError) return 'image';
  if (error instanceof ConfigurationError) return 'configuration';
  return 'internal';
}

/** The words that start an error's line on stderr and in a CI conclusion: `configuration error`, `remote error`, … */
export const ERROR_PREFIXES: Readonly<Record<ErrorKind, string>> = Object.freeze({
  configuration: 'configuration error',
  image: 'image error',
  remote: 'remote error',
  internal: 'internal error',
});

/** An error the user can act on (their input, their image, a remote service), as opposed to a bug. */
export function isExpectedError(error: unknown): error is ConfigurationError | RemoteError {
  return error instanceof ConfigurationError || error instanceof RemoteError;
}

export function getErrorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export function wrapError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}

/** Throws the signal's reason if it was aborted. Long loops call this between units of work. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('Aborted');
}
