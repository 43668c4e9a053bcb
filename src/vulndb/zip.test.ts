// Hostile zips on import (issue 16 §2): a corrupt archive is "corrupt archive: …", never a RangeError; an entry's
// inflated size is capped whatever its header declares; a bad entry or record is skipped and counted. The zip
// layout (local header, central directory, end record) is PKWARE's APPNOTE.TXT, sections 4.3.7, 4.3.12, 4.3.16.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../common/errors.js';
import { createRecordingLogger } from '../common/logger.js';
import { ZipError, ZipReader } from '../common/zip.js';
import { scanLocal } from './providers/local.js';
import { updateDatabase } from './update.js';
import { CorruptArchiveError, iterateJsonEntries, MAX_ZIP_ENTRY_BYTES } from './zip.js';

interface Entry {
  name: string;
  /** The bytes as stored (already deflated when `method` is 8). */
  body: Buffer;
  method: 0 | 8;
  /** The uncompressed size the headers declare. */
  size: number;
}

const deflated = (name: string, text: string): Entry => ({ name, body: deflateRawSync(Buffer.from(text)), method: 8, size: Buffer.byteLength(text) });

function makeZip(entries: Entry[]): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const n = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.body.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.body.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, n, e.body);
    centrals.push(central, n);
    offset += 30 + n.length + e.body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, eocd]);
}

/** `bytes` zero bytes, deflated as a stream (the whole never sits in memory): ~1 KB per MB. */
async function deflatedZeros(bytes: number): Promise<Buffer> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const chunk = Buffer.alloc(1 << 20);
  for (let left = bytes; left > 0; left -= chunk.length) if (!z.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await new Promise((r) => z.once('drain', r));
  await new Promise((r) => z.end(r));
  return Buffer.concat(out);
}

const record = (id: string, extra: Record<string, unknown> = {}) => JSON.stringify({ id, modified: '2024-01-01T00:00:00Z', ...extra });

describe('corrupt zips', () => {
  const good = makeZip([deflated('A-1.json', record('A-1'))]);

  it('a central directory entry cut short is "corrupt archive", not a RangeError', () => {
    // Point the end record at a central directory whose entry claims a name longer than the archive.
    const bad = Buffer.from(good);
    const cdStart = bad.readUInt32LE(bad.length - 6);
    bad.writeUInt16LE(0xffff, cdStart + 28);
    expect(() => new ZipReader(bad)).toThrow(ZipError);
    expect(() => new ZipReader(bad)).toThrow(/^corrupt archive: central directory entry 0 runs past the end of the archive$/);
    expect(() => iterateJsonEntries(bad, 'x.zip').next()).toThrow(CorruptArchiveError);
    expect(() => iterateJsonEntries(bad, 'x.zip').next()).toThrow(/^x\.zip: corrupt archive: /);
  });

  it('every truncation and every flipped byte of a small zip is a ZipError or a skipped entry, never another error', () => {
    const zip = makeZip([deflated('A-1.json', record('A-1')), deflated('B-2.json', record('B-2', { summary: 'x'.repeat(300) }))]);
    let runs = 0;
    const tryAll = (data: Buffer): void => {
      runs++;
      try {
        for (const e of iterateJsonEntries(data, 'z')) expect(typeof (e.text ?? e.skipped)).toBe('string');
      } catch (error) {
        expect(error).toBeInstanceOf(CorruptArchiveError);
      }
    };
    for (let n = 0; n < zip.length; n++) tryAll(zip.subarray(0, n));
    for (let i = 0; i < zip.length; i++) for (const v of [0x00, 0xff, zip[i]! ^ 0x01]) {
      const m = Buffer.from(zip);
      m[i] = v;
      tryAll(m);
    }
    expect(runs).toBeGreaterThan(3 * zip.length);
  });
});

describe('inflated size is capped whatever the header declares', () => {
  it('a small zip inflating to 400 MB is skipped at the cap, headers honest or lying', async () => {
    const body = await deflatedZeros(400 << 20);
    expect(body.length).toBeLessThan(1 << 20);
    for (const size of [400 << 20, 100]) {
      const zip = makeZip([{ name: 'BOMB.json', body, method: 8, size }, deflated('A-1.json', record('A-1'))]);
      const got = [...iterateJsonEntries(zip, 'all.zip')];
      expect(got[0]).toEqual({ name: 'BOMB.json', skipped: `unreadable zip entry: BOMB.json: ${size > MAX_ZIP_ENTRY_BYTES ? `${size} bytes, over the ${MAX_ZIP_ENTRY_BYTES}-byte limit` : `inflates to more than the ${MAX_ZIP_ENTRY_BYTES}-byte limit`}` });
      expect(got[1]).toEqual({ name: 'A-1.json', text: record('A-1') });
    }
  }, 30_000);

  it('an entry that inflates to another size than it declares is skipped', () => {
    const e = deflated('A-1.json', record('A-1'));
    const got = [...iterateJsonEntries(makeZip([{ ...e, size: e.size + 5 }]), 'all.zip')];
    expect(got[0]!.skipped).toMatch(/inflates to \d+ bytes, not the \d+ its header declares/);
  });
});

describe('db import skips bad records and counts them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-zip-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the good records of an all.zip holding malformed, deep, and unreadable ones', () => {
    const file = join(dir, 'all.zip');
    writeFileSync(
      file,
      makeZip([
        deflated('GOOD-1.json', record('GOOD-1', { affected: [{ package: { ecosystem: 'PyPI', name: 'x' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] }] })),
        deflated('NULL-EVENT.json', record('NULL-EVENT', { affected: [{ package: { ecosystem: 'PyPI', name: 'x' }, ranges: [{ type: 'ECOSYSTEM', events: [null] }] }] })),
        deflated('NUMBER-NAME.json', record('NUMBER-NAME', { affected: [{ package: { ecosystem: 'PyPI', name: 7 } }] })),
        deflated('DEEP.json', `{"id":"DEEP","modified":"x","database_specific":${'['.repeat(10_000)}${']'.repeat(10_000)}}`),
        deflated('BROKEN.json', '{"id":'),
        { name: 'CORRUPT.json', body: Buffer.from('not deflate data at all'), method: 8, size: 40 },
        deflated('GOOD-2.json', record('GOOD-2')),
      ]),
    );
    const scan = scanLocal(file);
    expect(scan.osv.map((r) => r.id)).toEqual(['GOOD-1', 'GOOD-2']);
    const reasons = Object.fromEntries(scan.skipped.map((s) => [s.where.split('!')[1], s.reason]));
    expect(reasons).toEqual({
      'NULL-EVENT.json': `${file}!NULL-EVENT.json: NULL-EVENT is malformed: /affected/0/ranges/0/events/0 must be object`,
      'NUMBER-NAME.json': `${file}!NUMBER-NAME.json: NUMBER-NAME is malformed: /affected/0/package/name must be string`,
      'DEEP.json': 'unreadable JSON: the record is nested too deeply (more than 512 levels of arrays and objects)',
      'BROKEN.json': expect.stringMatching(/^unreadable JSON: the record is not valid JSON: /),
      'CORRUPT.json': expect.stringMatching(/^unreadable zip entry: CORRUPT\.json: cannot inflate: /),
    });
  });

  it('db update imports the good records, warns about the bad ones and counts them in its summary', async () => {
    const file = join(dir, 'mixed.zip');
    writeFileSync(file, makeZip([deflated('GOOD-1.json', record('GOOD-1')), deflated('BAD-1.json', record('BAD-1', { aliases: 'CVE-1' }))]));
    const logger = createRecordingLogger();
    const result = await updateDatabase({ cacheDir: join(dir, 'cache'), logger, requests: [{ provider: 'osv-local', options: { path: file } }] });
    expect(result.batches.map((b) => [b.records, b.skipped])).toEqual([[1, 1]]);
    const warnings = logger.lines.filter((l) => l.level === 'warning').map((l) => l.message);
    expect(warnings).toEqual([expect.stringMatching(/: skipped 1 bad record\(s\), e\.g\. .*mixed\.zip!BAD-1\.json: .*BAD-1 is malformed: \/aliases must be array$/)]);
  });

  it('a corrupt all.zip is a ConfigurationError saying "corrupt archive"', () => {
    const file = join(dir, 'bad.zip');
    const zip = makeZip([deflated('A-1.json', record('A-1'))]);
    writeFileSync(file, zip.subarray(0, zip.length - 30));
    expect(() => scanLocal(file)).toThrow(ConfigurationError);
    writeFileSync(file, Buffer.concat([zip.subarray(0, 10), zip.subarray(zip.length - 22)]));
    expect(() => scanLocal(file)).toThrow(/corrupt archive|not a zip archive/);
  });
});
