import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsoleLogger } from './logger.js';

afterEach(() => vi.restoreAllMocks());

describe('createConsoleLogger', () => {
  it('removes URL credentials from every line it writes to stderr', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const logger = createConsoleLogger({ debug: true });
    logger.warning('push to store failed: POST https://ci:s3cret@store.example/v2/evaluations: HTTP 503');
    logger.debug('GET http://tok@mirror.example/npm/all.zip: retry 1/3');
    expect(written).toEqual([
      'warning: push to store failed: POST https://store.example/v2/evaluations: HTTP 503\n',
      'debug: GET http://mirror.example/npm/all.zip: retry 1/3\n',
    ]);
  });
});
