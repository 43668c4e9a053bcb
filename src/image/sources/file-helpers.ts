import { createReadStream, existsSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { ImageError } from '../../common/errors.js';

/** Stats a user-given path, turning "missing" and "wrong kind" into clear image errors. */
export async function statInput(path: string, want: 'file' | 'dir', what: string): Promise<Stats> {
  let st: Stats;
  try {
    st = await stat(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new ImageError(code === 'ENOENT' ? `${what} ${path} does not exist` : `cannot read ${what} ${path}: ${(e as Error).message}`, { cause: e });
  }
  if (want === 'file' && !st.isFile()) throw new ImageError(`${what} ${path} is not a file`);
  if (want === 'dir' && !st.isDirectory()) throw new ImageError(`${what} ${path} is not a directory (an OCI layout is a directory with index.json and oci-layout)`);
  return st;
}

export function fileStream(path: string, start?: number, end?: number): Readable {
  return createReadStream(path, { highWaterMark: 256 * 1024, ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) });
}

export const pathExists = (p: string): boolean => existsSync(p);
