/**
 * Regression tests for binaries found by `npm run fuzz` (targets go-buildinfo and rust-auditable): a truncated or
 * corrupt header is "not an executable", never a RangeError. The Mach-O universal header layout (fat_header then
 * 20-byte fat_arch entries, big-endian) is Apple's <mach-o/fat.h>; 0xcafebabe is also the Java class file magic.
 */
import { describe, expect, it } from 'vitest';
import { parseAuditableBinary } from '../rust/auditable.js';
import { BUILDINFO_MAGIC, parseGoBinary } from './buildinfo.js';
import { readExecutable } from './exec-format.js';

function fat(narch: number, offset: number, length = 64): Buffer {
  const d = Buffer.alloc(length);
  d.writeUInt32BE(0xcafebabe, 0);
  d.writeUInt32BE(narch, 4);
  d.writeUInt32BE(offset, 16); // fat_arch[0].offset
  return d;
}

describe('executable headers on hostile input', () => {
  it('a universal header whose first slice starts past the end is not an executable', () => {
    const d = fat(1, 0xfffffff0);
    expect(readExecutable(d)).toBeUndefined();
    expect(parseAuditableBinary(d)).toBeUndefined();
  });
  it('a universal header pointing at itself (offset 0) does not recurse', () => {
    expect(readExecutable(fat(1, 0))).toBeUndefined();
  });
  it('a Java class file (0xcafebabe, then its version where the architecture count would be) is not an executable', () => {
    const d = fat(0x00000034, 0x1000); // minor 0, major 52 (Java 8)
    expect(readExecutable(d)).toBeUndefined();
  });
  it('a universal binary holding a truncated thin Mach-O is not an executable', () => {
    const d = fat(1, 48, 80);
    d.writeUInt32BE(0xfeedfacf, 48); // 64-bit big-endian magic with 32 bytes left, ncmds 1, no load command
    d.writeUInt32BE(1, 48 + 16);
    expect(readExecutable(d)).toBeUndefined();
  });
  it('truncated thin Mach-O, ELF and PE headers are not executables', () => {
    const macho = Buffer.alloc(20);
    macho.writeUInt32BE(0xcffaedfe, 0);
    expect(readExecutable(macho)).toBeUndefined();
    const elf = Buffer.alloc(56);
    elf.write('\x7fELF', 0, 'latin1');
    elf[4] = 2; // 64-bit: its header is 64 bytes
    expect(readExecutable(elf)).toBeUndefined();
    const pe = Buffer.alloc(0x60);
    pe.write('MZ', 0, 'latin1');
    pe.writeUInt32LE(0x40, 0x3c);
    pe.writeUInt32LE(0x00004550, 0x40); // "PE\0\0" with the optional header cut short
    expect(readExecutable(pe)).toBeUndefined();
  });
  it('Go build info behind a corrupt universal header is a plain Error naming the problem, not a RangeError', () => {
    const d = Buffer.concat([fat(1, 0xfffffff0), BUILDINFO_MAGIC, Buffer.from([8, 0]), Buffer.alloc(32)]);
    let thrown: unknown;
    try {
      parseGoBinary(d);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).not.toBeInstanceOf(RangeError);
    expect((thrown as Error).message).toBe('Go build info in a file that is not ELF, PE or Mach-O');
  });
});
