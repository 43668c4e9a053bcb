import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../test/helpers/shared.js';
import { viewFromDirectory } from '../../image/directory.js';
import { silentLogger } from '../../common/logger.js';
import { BUILDINFO_MAGIC, GoBuildInfoSink, MODINFO_END, MODINFO_START, parseGoBinary, parseModinfo, type GoSinkResult } from './buildinfo.js';
import { goBinaryCataloger, goPackages, goPurl, isCandidateExecutable } from './cataloger.js';
import { readExecutable } from './exec-format.js';

const BIN = (suffix: string): string => sharedPath('fixtures/catalogers/golang/osv-scalibr', `binary_with_module_replacement-${suffix}`);
const TARGETS = ['linux-amd64', 'linux-arm64', 'windows-amd64', 'darwin-arm64'] as const;

function stream(data: Buffer, chunk: number): GoSinkResult {
  const sink = new GoBuildInfoSink();
  for (let i = 0; i < data.length; i += chunk) sink.write(data.subarray(i, i + chunk));
  return sink.end();
}

/**
 * A minimal little-endian ELF64 holding the pre-1.18 pointer form: `.rodata` with the strings, `.data` with two Go
 * string headers, and `.go.buildinfo` with the magic and two pointers to them.
 */
function oldFormatElf(goVersion: string, modinfo: string): Buffer {
  const rodataAddr = 0x400000;
  const dataAddr = 0x500000;
  const biAddr = 0x600000;
  const mod = Buffer.concat([MODINFO_START, Buffer.from(modinfo), MODINFO_END]);
  const rodata = Buffer.concat([Buffer.from(goVersion), mod]);
  const data = Buffer.alloc(32);
  data.writeBigUInt64LE(BigInt(rodataAddr), 0);
  data.writeBigUInt64LE(BigInt(goVersion.length), 8);
  data.writeBigUInt64LE(BigInt(rodataAddr + goVersion.length), 16);
  data.writeBigUInt64LE(BigInt(mod.length), 24);
  const bi = Buffer.alloc(32);
  BUILDINFO_MAGIC.copy(bi, 0);
  bi[14] = 8;
  bi[15] = 0;
  bi.writeBigUInt64LE(BigInt(dataAddr), 16);
  bi.writeBigUInt64LE(BigInt(dataAddr + 16), 24);
  const shstr = Buffer.from('\0.rodata\0.data\0.go.buildinfo\0.shstrtab\0');
  const header = Buffer.alloc(64);
  const bodies = [rodata, data, bi, shstr];
  const offsets: number[] = [];
  let off = 64;
  for (const b of bodies) {
    offsets.push(off);
    off += b.length;
  }
  const shoff = off;
  header.write('\x7fELF', 0, 'latin1');
  header[4] = 2;
  header[5] = 1;
  header.writeBigUInt64LE(BigInt(shoff), 0x28);
  header.writeUInt16LE(64, 0x3a);
  header.writeUInt16LE(5, 0x3c);
  header.writeUInt16LE(4, 0x3e);
  const sh = Buffer.alloc(64 * 5);
  const names = [1, 9, 15, 29];
  const addrs = [rodataAddr, dataAddr, biAddr, 0];
  bodies.forEach((b, i) => {
    const o = 64 * (i + 1);
    sh.writeUInt32LE(names[i]!, o);
    sh.writeUInt32LE(i === 3 ? 3 : 1, o + 4);
    sh.writeBigUInt64LE(BigInt(addrs[i]!), o + 0x10);
    sh.writeBigUInt64LE(BigInt(offsets[i]!), o + 0x18);
    sh.writeBigUInt64LE(BigInt(b.length), o + 0x20);
  });
  return Buffer.concat([header, ...bodies, sh]);
}

describe('go build info: selection, modinfo, old pointer format', () => {
  it('selects executables of a linked size, and Windows binaries by name', () => {
    expect(isCandidateExecutable('/usr/bin/x', { type: 'file', mode: 0o755, size: 5000 })).toBe(true);
    expect(isCandidateExecutable('/usr/bin/x', { type: 'file', mode: 0o644, size: 5000 })).toBe(false);
    expect(isCandidateExecutable('/app/x.exe', { type: 'file', mode: 0o644, size: 5000 })).toBe(true);
    expect(isCandidateExecutable('/usr/bin/x', { type: 'symlink', mode: 0o777, size: 5000 })).toBe(false);
    expect(isCandidateExecutable('/usr/bin/x', { type: 'file', mode: 0o755, size: 100 })).toBe(false);
  });
  it('parses modinfo lines with replacements and settings', () => {
    const info = parseModinfo('path\tex/cmd\nmod\tex\t(devel)\t\ndep\ta.b/c\tv1.0.0\th1:x=\n=>\t../local\t\t\nbuild\tGOARCH=amd64\n', 'go1.21.1');
    expect(info).toMatchObject({ goVersion: 'go1.21.1', path: 'ex/cmd', main: { path: 'ex', version: '(devel)' }, settings: { GOARCH: 'amd64' } });
    expect(info.deps[0]).toMatchObject({ path: 'a.b/c', version: 'v1.0.0', replace: { path: '../local', version: '' } });
    const pkgs = goPackages(undefined, '/bin/x', info);
    expect(pkgs.map((p) => `${p.name}@${p.version}`)).toEqual(['ex@(devel)', 'a.b/c@', 'stdlib@go1.21.1']);
  });
  it('reads the pre-1.18 pointer form through the ELF section table, and by its markers while streaming', () => {
    const modinfo = 'path\tex.com/tool\nmod\tex.com/tool\tv1.2.3\th1:m=\ndep\tgithub.com/pkg/errors\tv0.9.1\th1:e=\n';
    const elf = oldFormatElf('go1.16.15', modinfo);
    expect(readExecutable(elf)?.sections.map((s) => s.name)).toEqual(['', '.rodata', '.data', '.go.buildinfo', '.shstrtab']);
    const full = parseGoBinary(elf)!;
    expect(full.goVersion).toBe('go1.16.15');
    expect(full.main).toMatchObject({ path: 'ex.com/tool', version: 'v1.2.3' });
    expect(full.deps).toEqual([{ path: 'github.com/pkg/errors', version: 'v0.9.1', sum: 'h1:e=' }]);
    for (const chunk of [7, 64, 100000]) {
      const streamed = stream(elf, chunk);
      expect(streamed.format).toBe('elf');
      expect(streamed.info?.deps).toEqual(full.deps);
      expect(streamed.info?.goVersion).toBe(''); // not recoverable without random access
    }
  });
  it('ignores non-binaries and non-Go binaries; a truncated header is an error', () => {
    expect(stream(Buffer.from('#!/bin/sh\necho hi\n'.repeat(100)), 50)).toEqual({});
    expect(stream(Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\0', 'latin1'), Buffer.alloc(5000)]), 1000)).toEqual({ format: 'elf' });
    const truncated = Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\0', 'latin1'), Buffer.alloc(100), BUILDINFO_MAGIC, Buffer.from([8, 2, 0])]);
    expect(stream(truncated, 1000).error).toMatch(/truncated/);
  });
  it('golang purls keep the module path as namespace', () => {
    expect(goPurl('github.com/anchore/archiver/v3', 'v3.5.2')).toBe('pkg:golang/github.com/anchore/archiver/v3@v3.5.2');
  });
});

describeShared('go binaries from osv-scalibr (EXPECTED.md): ELF amd64/arm64, PE, Mach-O', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'go-bin-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  for (const t of TARGETS) {
    it(`${t}: whole-file and streamed parses agree`, () => {
      const data = readFileSync(BIN(t));
      const info = parseGoBinary(data)!;
      expect(info.goVersion).toBe('go1.22.0');
      expect(info.main).toMatchObject({ path: 'binary_with_module_replacement', version: '(devel)' });
      expect(info.deps).toEqual([
        {
          path: 'golang.org/x/xerrors',
          version: 'v0.0.0-20220907171357-04be3eba64a2',
          replace: { path: 'github.com/golang/xerrors', version: 'v0.0.0-20220907171357-04be3eba64a2', sum: 'h1:Wpqq3XyrlysiTYqXPoaibAPvTMmnbHE42soloZAxtZY=' },
        },
      ]);
      // the native build has cgo; the cross-compiled ones do not
      expect(info.settings.CGO_ENABLED).toBe(t === 'linux-amd64' ? '1' : '0');
      expect(info.settings['-buildmode']).toBe('exe');
      for (const chunk of [65536, 9973]) expect(stream(data, chunk).info).toEqual(info);
    });
  }

  it('the cataloger streams executables and reports main module, replaced dependency and stdlib', async () => {
    for (const t of TARGETS) {
      copyFileSync(BIN(t), join(tmp, t));
      chmodSync(join(tmp, t), t.startsWith('windows') ? 0o644 : 0o755);
    }
    copyFileSync(BIN('windows-amd64'), join(tmp, 'tool.exe'));
    const view = await viewFromDirectory(tmp, { requests: goBinaryCataloger.requests });
    // streamed, not buffered
    expect(view.read('/linux-amd64').ok).toBe(false);
    const r = await goBinaryCataloger.catalog({ view, logger: silentLogger });
    expect(r.unknowns).toEqual([]);
    const byPath = (p: string) => r.packages.filter((x) => x.locations[0]!.path === p).map((x) => x.purl);
    const expected = [
      'pkg:golang/binary_with_module_replacement@%28devel%29',
      'pkg:golang/github.com/golang/xerrors@v0.0.0-20220907171357-04be3eba64a2',
      'pkg:golang/stdlib@go1.22.0',
    ];
    for (const t of ['linux-amd64', 'linux-arm64', 'darwin-arm64', 'tool.exe']) expect(byPath(`/${t}`)).toEqual(expected);
    // not executable and not named .exe: not a candidate
    expect(byPath('/windows-amd64')).toEqual([]);
    expect(r.packages.find((p) => p.name === 'github.com/golang/xerrors')?.metadata?.replaces).toBe(
      'golang.org/x/xerrors@v0.0.0-20220907171357-04be3eba64a2',
    );
  });
});
