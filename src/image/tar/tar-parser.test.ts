import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paxBody, pseudoRandomBytes, writeChecksum, writeTar, type TarEntrySpec } from '../../../test/helpers/image-builder.js';
import { TarFormatError, TarParser, type TarHeader } from './tar-parser.js';

interface Parsed {
  header: TarHeader;
  data: Buffer;
  ended: boolean;
}

/** Pushes the chunks through a parser; returns every entry with its data, and whether end() was accepted. */
function parse(chunks: readonly Buffer[]): Parsed[] {
  const out: Parsed[] = [];
  const parser = new TarParser((header) => {
    const rec: Parsed = { header, data: Buffer.alloc(0), ended: false };
    out.push(rec);
    const parts: Buffer[] = [];
    return {
      data(chunk) {
        parts.push(Buffer.from(chunk));
      },
      end() {
        rec.data = Buffer.concat(parts);
        rec.ended = true;
      },
    };
  });
  for (const c of chunks) parser.push(c);
  parser.end();
  return out;
}

function parseError(chunks: readonly Buffer[]): TarFormatError {
  try {
    parse(chunks);
  } catch (e) {
    expect(e).toBeInstanceOf(TarFormatError);
    return e as TarFormatError;
  }
  throw new Error('expected a TarFormatError');
}

const summary = (entries: Parsed[]) =>
  entries.map((e) => ({ name: e.header.name, type: e.header.type, size: e.header.size, link: e.header.linkname, data: e.data.toString('latin1') }));

const LONG_DIR = `${'d'.repeat(60)}/${'e'.repeat(60)}`;
const LONG_NAME = `${LONG_DIR}/${'f'.repeat(70)}.txt`; // 196 bytes: fits ustar's prefix + name
const VERY_LONG = `${'x/'.repeat(200)}leaf`; // 404 bytes: needs PAX or GNU

const SMALL: TarEntrySpec[] = [
  { name: 'etc/', type: 'dir', mode: 0o755, mtime: 1_700_000_000 },
  { name: 'etc/os-release', content: 'ID=test\nVERSION_ID=1\n', mode: 0o644, uid: 1000, gid: 100, uname: 'user', gname: 'users' },
  { name: 'bin/sh', type: 'symlink', linkname: 'busybox' },
  { name: 'bin/ash', type: 'hardlink', linkname: 'bin/busybox' },
  { name: 'bin/busybox', content: pseudoRandomBytes(1500), mode: 0o4755 },
  { name: 'dev/null', type: 'char' },
  { name: 'run/fifo', type: 'fifo' },
  { name: 'empty', content: '' },
];

describe('TarParser: ustar basics', () => {
  it('reads every header field and the data of each entry', () => {
    const entries = parse([writeTar(SMALL)]);
    expect(summary(entries).map((e) => [e.name, e.type, e.size, e.link])).toEqual([
      ['etc/', 'dir', 0, ''],
      ['etc/os-release', 'file', 21, ''],
      ['bin/sh', 'symlink', 0, 'busybox'],
      ['bin/ash', 'hardlink', 0, 'bin/busybox'],
      ['bin/busybox', 'file', 1500, ''],
      ['dev/null', 'char', 0, ''],
      ['run/fifo', 'fifo', 0, ''],
      ['empty', 'file', 0, ''],
    ]);
    const osr = entries[1]!.header;
    expect(osr).toMatchObject({ mode: 0o644, uid: 1000, gid: 100, uname: 'user', gname: 'users', typeflag: '0' });
    expect(entries[0]!.header.mtime).toBe(1_700_000_000);
    expect(entries[4]!.header.mode).toBe(0o4755);
    expect(entries[1]!.data.toString()).toBe('ID=test\nVERSION_ID=1\n');
    expect(entries[4]!.data.equals(pseudoRandomBytes(1500))).toBe(true);
    expect(entries.every((e) => e.ended)).toBe(true);
  });

  it('counts entries and reports done after the end marker', () => {
    const parser = new TarParser(() => null);
    parser.push(writeTar(SMALL));
    expect(parser.done).toBe(true);
    expect(parser.entries).toBe(SMALL.length);
  });

  it('joins the ustar prefix and name', () => {
    const tar = writeTar([{ name: LONG_NAME, content: 'x', longNames: 'prefix' }]);
    // The name really is split: the name field alone does not hold it.
    expect(tar.toString('latin1', 0, 100).replace(/\0+$/, '')).not.toBe(LONG_NAME);
    expect(parse([tar])[0]!.header.name).toBe(LONG_NAME);
  });

  it('reads GNU long names and long link names (L and K records)', () => {
    const tar = writeTar([
      { name: VERY_LONG, content: 'gnu', longNames: 'gnu' },
      { name: 'link', type: 'symlink', linkname: VERY_LONG, longNames: 'gnu' },
      { name: 'short-after', content: 'ok' },
    ]);
    expect(summary(parse([tar]))).toEqual([
      { name: VERY_LONG, type: 'file', size: 3, link: '', data: 'gnu' },
      { name: 'link', type: 'symlink', size: 0, link: VERY_LONG, data: '' },
      // The long name applies to one entry only.
      { name: 'short-after', type: 'file', size: 2, link: '', data: 'ok' },
    ]);
  });

  it('reads PAX path, linkpath, mtime, uid and extended attributes', () => {
    const tar = writeTar([
      { name: VERY_LONG, content: 'pax', longNames: 'pax', pax: { mtime: '1700000000.25', uid: '4242', 'SCHILY.xattr.user.k': 'v' } },
      { name: 'l', type: 'symlink', linkname: VERY_LONG, longNames: 'pax' },
      { name: 'plain', content: '' },
    ]);
    const entries = parse([tar]);
    expect(entries[0]!.header).toMatchObject({ name: VERY_LONG, mtime: 1_700_000_000, uid: 4242 });
    expect(entries[0]!.header.pax?.['SCHILY.xattr.user.k']).toBe('v');
    expect(entries[1]!.header.linkname).toBe(VERY_LONG);
    expect(entries[2]!.header.name).toBe('plain');
    expect(entries[2]!.header.pax).toBeUndefined();
  });

  it('takes the size from a PAX record over the header field', () => {
    const content = pseudoRandomBytes(700, 7);
    const tar = writeTar([{ name: 'big', content, headerSize: 0, pax: { size: String(content.length) } }, { name: 'next', content: 'n' }]);
    const entries = parse([tar]);
    expect(entries[0]!.header.size).toBe(700);
    expect(entries[0]!.data.equals(content)).toBe(true);
    expect(entries[1]!.data.toString()).toBe('n');
  });

  it('reads a base-256 size field', () => {
    const content = pseudoRandomBytes(1025, 3);
    const tar = writeTar([{ name: 'b256', content, base256Size: true }, { name: 'after', content: 'z' }]);
    expect(tar[124]).toBe(0x80);
    const entries = parse([tar]);
    expect(entries[0]!.header.size).toBe(1025);
    expect(entries[0]!.data.equals(content)).toBe(true);
    expect(entries[1]!.header.name).toBe('after');
  });

  it('skips data that a non-file entry declares, without handing it to a sink', () => {
    const tar = writeTar([{ name: 'd/', type: 'dir', headerSize: 0 }]);
    // Handcraft a symlink that declares 3 bytes of data, then a regular file.
    const link = writeTar([{ name: 'l', type: 'symlink', linkname: 't' }], { endMarker: false });
    link.write('00000000003\0', 124, 12, 'latin1');
    writeChecksum(link);
    const body = Buffer.concat([link.subarray(0, 512), Buffer.from('abc'), Buffer.alloc(509), writeTar([{ name: 'f', content: 'F' }])]);
    expect(summary(parse([tar.subarray(0, 512), body]))).toEqual([
      { name: 'd/', type: 'dir', size: 0, link: '', data: '' },
      { name: 'l', type: 'symlink', size: 3, link: 't', data: '' },
      { name: 'f', type: 'file', size: 1, link: '', data: 'F' },
    ]);
  });

  it('accepts an archive without its end marker, and ignores bytes after the marker', () => {
    expect(parse([writeTar(SMALL, { endMarker: false })])).toHaveLength(SMALL.length);
    const padded = Buffer.concat([writeTar(SMALL), Buffer.from('trailing junk that a record-size pad might hold')]);
    expect(parse([padded])).toHaveLength(SMALL.length);
  });
});

describe('TarParser: bad input', () => {
  it('refuses a header whose checksum does not match', () => {
    const tar = writeTar(SMALL);
    tar[600] = tar[600]! ^ 0x01; // inside the second header's name (first entry has no data)
    expect(parseError([tar]).message).toBe('not a tar archive, or a corrupt one: header checksum mismatch at byte 512');
  });

  it('refuses text that is not a tar archive', () => {
    const text = Buffer.from('#!/bin/sh\n'.repeat(100));
    expect(parseError([text]).message).toMatch(/^not a tar archive, or a corrupt one: /);
  });

  it('refuses empty input', () => {
    expect(parseError([]).message).toBe('empty input: not a tar archive');
  });

  it('reports an archive truncated inside an entry, with the missing byte count', () => {
    const tar = writeTar([{ name: 'a', content: pseudoRandomBytes(2000) }]);
    expect(parseError([tar.subarray(0, 512 + 1000)]).message).toBe('truncated tar archive: input ended 1000 bytes short of the end of an entry (at byte 1512)');
  });

  it('reports an archive truncated inside a header', () => {
    const tar = writeTar(SMALL);
    expect(parseError([tar.subarray(0, 700)]).message).toBe('truncated tar archive: input ended in the middle of a header (at byte 700)');
  });

  it('reports an archive truncated inside a PAX record', () => {
    const tar = writeTar([{ name: VERY_LONG, content: 'x', longNames: 'pax' }]);
    expect(parseError([tar.subarray(0, 520)]).message).toMatch(/^truncated tar archive: input ended \d+ bytes short of the end of an entry/);
  });

  it('refuses a non-octal number field', () => {
    const tar = writeTar([{ name: 'a', content: 'x' }]);
    tar.write('0000009\0', 100, 8, 'latin1'); // mode
    writeChecksum(tar);
    expect(parseError([tar]).message).toBe('not a tar archive, or a corrupt one: bad octal field');
  });

  it('refuses a corrupt PAX record and an oversized one', () => {
    const bad = writeTar([{ name: 'a', content: 'x', pax: { path: 'pp' } }]);
    expect(bad.toString('latin1', 512, 523)).toBe('11 path=pp\n');
    bad.write('99', 512, 2, 'latin1'); // the record length now runs past the body
    expect(parseError([bad]).message).toBe('corrupt PAX extended header');
    const huge = writeTar([{ name: 'a', pax: { comment: 'c'.repeat((1 << 20) + 10) } }]);
    expect(parseError([huge]).message).toMatch(/^tar extended header of \d+ bytes is too large$/);
  });

  it('writes PAX lengths that count their own digits', () => {
    // 9 + len("9") would be 10: the writer must settle on a self-consistent length.
    for (let n = 1; n < 120; n++) {
      const body = paxBody({ k: 'v'.repeat(n) }).toString();
      expect(Number(body.slice(0, body.indexOf(' ')))).toBe(Buffer.byteLength(body));
    }
  });
});

describe('TarParser: chunk boundaries', () => {
  const archive = writeTar([
    { name: 'etc/', type: 'dir' },
    { name: 'etc/passwd', content: 'root:x:0:0::/root:/bin/sh\n' },
    { name: VERY_LONG, content: pseudoRandomBytes(600, 9), longNames: 'pax' },
    { name: `${VERY_LONG}/gnu`, content: 'g', longNames: 'gnu' },
    { name: LONG_NAME, type: 'symlink', linkname: '../x' },
    { name: 'b256', content: 'abc', base256Size: true },
  ]);
  const whole = summary(parse([archive]));

  it('gives the same entries for a split at every byte', () => {
    expect(whole).toHaveLength(6);
    for (let i = 0; i <= archive.length; i++) {
      expect(summary(parse([archive.subarray(0, i), archive.subarray(i)]))).toEqual(whole);
    }
  });

  it('gives the same entries one byte at a time', () => {
    const bytes: Buffer[] = [];
    for (let i = 0; i < archive.length; i++) bytes.push(archive.subarray(i, i + 1));
    expect(summary(parse(bytes))).toEqual(whole);
  });

  it('gives the same entries for random archives split at random points (property)', () => {
    const entry = fc.record({
      name: fc.stringMatching(/^[a-z0-9._-]{1,12}(\/[a-z0-9._-]{1,12}){0,20}$/),
      kind: fc.constantFrom('file', 'dir', 'symlink', 'hardlink'),
      size: fc.nat({ max: 1500 }),
      seed: fc.integer({ min: 1, max: 1 << 30 }),
      longNames: fc.constantFrom('pax', 'gnu', undefined),
    });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 12 }), (specs, cutSeeds) => {
        const entries: TarEntrySpec[] = specs.map((s) => ({
          name: s.name,
          type: s.kind as TarEntrySpec['type'],
          ...(s.kind === 'file' ? { content: pseudoRandomBytes(s.size, s.seed) } : {}),
          ...(s.kind === 'symlink' || s.kind === 'hardlink' ? { linkname: s.name.split('').reverse().join('') } : {}),
          ...(s.longNames ? { longNames: s.longNames as 'pax' | 'gnu' } : {}),
        }));
        const tar = writeTar(entries);
        const cuts = [...new Set(cutSeeds.map((c) => c % (tar.length + 1)))].sort((a, b) => a - b);
        const chunks: Buffer[] = [];
        let prev = 0;
        for (const c of [...cuts, tar.length]) {
          chunks.push(tar.subarray(prev, c));
          prev = c;
        }
        const parsed = parse(chunks);
        expect(parsed.map((p) => p.header.name)).toEqual(entries.map((e) => e.name));
        parsed.forEach((p, i) => {
          const want = entries[i]!;
          expect(p.header.type).toBe(want.type);
          if (want.type === 'file') expect(p.data.equals(want.content as Buffer)).toBe(true);
          else expect(p.header.linkname).toBe(want.linkname ?? '');
        });
      }),
      { numRuns: 150 },
    );
  });
});
