/**
 * The three outcomes of a run are kept apart:
 * - a user mistake (bad reference, unreadable policy, bad flag, an image that is not what it says) is a
 *   ConfigurationError, or one of its subclasses, with a precise one-line message;
 * - STOP and WARN are values, never thrown;
 * - anything else that is thrown is an internal fault.
 */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The image could not be read: missing, corrupt, truncated, a digest mismatch, a registry refusal. */
export class ImageError extends ConfigurationError {
  override name = 'ImageError';
}

/** A remote service (registry, daemon, data feed) failed or refused. `status` is the HTTP status when there was one. */
export class RemoteError extends ImageError {
  override name = 'RemoteError';
  readonly status: number | undefined;
  constructor(message: string, options?: { cause?: unknown; status?: number }) {
    super(message, options);
    this.status = options?.status;
  }
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
