import { ZipError, ZipReader } from '../common/zip.js';

/** A zip archive that cannot be read (truncated, corrupt, not a zip). */
export class CorruptArchiveError extends Error {
  override name = 'CorruptArchiveError';
}

/**
 * The largest inflated entry read from a data zip, whatever its header declares. The largest record in osv.dev's
 * buckets is well under 2 MiB; an entry over this is skipped (a 400 KB zip cannot make the import hold 400 MB).
 */
export const MAX_ZIP_ENTRY_BYTES = 16 * 1024 * 1024;

export type JsonEntry = { name: string; text: string; skipped?: undefined } | { name: string; text?: undefined; skipped: string };

/**
 * Reads the `.json` entries of a zip held in memory (osv.dev's `all.zip` is flat, one record per entry), one at
 * a time, in central-directory order, as text, with the shared zip reader (node:zlib inflates: fast on many small
 * entries). An entry that cannot be read (over `maxEntryBytes`, corrupt data, a size other than the declared one)
 * is yielded with the reason it is skipped; a central directory that cannot be read is a CorruptArchiveError.
 */
export function* iterateJsonEntries(data: Uint8Array, where: string, maxEntryBytes = MAX_ZIP_ENTRY_BYTES): Generator<JsonEntry> {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let zip: ZipReader;
  try {
    zip = new ZipReader(buf);
  } catch (error) {
    if (error instanceof ZipError) throw new CorruptArchiveError(`${where}: corrupt archive: ${error.message}`, { cause: error });
    throw error;
  }
  for (const entry of zip.entries) {
    if (!entry.name.endsWith('.json')) continue;
    let bytes: Buffer;
    try {
      bytes = zip.read(entry, maxEntryBytes);
      if (bytes.length !== entry.size) throw new ZipError(`${entry.name} inflates to ${bytes.length} bytes, not the ${entry.size} its header declares`);
    } catch (error) {
      if (!(error instanceof ZipError)) throw error;
      yield { name: entry.name, skipped: `unreadable zip entry: ${error.message}` };
      continue;
    }
    yield { name: entry.name, text: bytes.toString('utf8') };
  }
}

/** Every readable `.json` entry of a zip, as text (entries that cannot be read are left out). */
export function readJsonEntries(data: Uint8Array, where: string): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const e of iterateJsonEntries(data, where)) if (e.skipped === undefined) out.push({ name: e.name, text: e.text });
  return out;
}
