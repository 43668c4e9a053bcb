import { ZipError, ZipReader } from '../common/zip.js';

/** A zip archive that cannot be read (truncated, corrupt, not a zip). */
export class CorruptArchiveError extends Error {
  override name = 'CorruptArchiveError';
}

/**
 * Reads every `.json` entry of a zip held in memory (osv.dev's `all.zip` is flat, one record per entry), in
 * central-directory order, as text, with the shared zip reader (node:zlib inflates: fast on many small entries).
 */
export function readJsonEntries(data: Uint8Array, where: string): { name: string; text: string }[] {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  try {
    const zip = new ZipReader(buf);
    const out: { name: string; text: string }[] = [];
    for (const entry of zip.entries) {
      if (!entry.name.endsWith('.json')) continue;
      const bytes = zip.read(entry, Math.max(entry.size, 1));
      if (bytes.length !== entry.size) throw new ZipError(`${entry.name} inflates to ${bytes.length} bytes, not ${entry.size}`);
      out.push({ name: entry.name, text: bytes.toString('utf8') });
    }
    return out;
  } catch (error) {
    if (error instanceof ZipError) throw new CorruptArchiveError(`${where}: not a readable zip archive (${error.message})`, { cause: error });
    throw error;
  }
}
