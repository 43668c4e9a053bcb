import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { viewFromDirectory } from '../../image/directory.js';
import { silentLogger } from '../../common/logger.js';
import { AuditableSink, parseAuditableBinary, parseAuditableJson } from './auditable.js';
import { rustAuditableCataloger } from './cataloger.js';

// The shared fixtures hold no cargo-auditable binary (syft builds it at test time), so these tests build an ELF
// with a real zlib-compressed `.dep-v0` section, laid out as rustc emits it: data sections, then section headers.
const DEPS = {
  packages: [
    { name: 'hello', version: '0.1.0', source: 'local', dependencies: [1, 2], root: true },
    { name: 'memchr', version: '2.7.4', source: 'crates.io' },
    { name: 'nom', version: '7.1.3', source: 'crates.io', dependencies: [1] },
    { name: 'cc', version: '1.0.83', source: 'crates.io', kind: 'build' },
  ],
};

function elfWithSections(sections: { name: string; data: Buffer }[]): Buffer {
  const names = ['', ...sections.map((s) => s.name), '.shstrtab'];
  const shstr = Buffer.from(`${names.join('\0')}\0`);
  const bodies = [...sections.map((s) => s.data), shstr];
  const header = Buffer.alloc(64);
  header.write('\x7fELF', 0, 'latin1');
  header[4] = 2;
  header[5] = 1;
  let off = 64;
  const offsets = bodies.map((b) => {
    const o = off;
    off += b.length;
    return o;
  });
  header.writeBigUInt64LE(BigInt(off), 0x28);
  header.writeUInt16LE(64, 0x3a);
  header.writeUInt16LE(bodies.length + 1, 0x3c);
  header.writeUInt16LE(bodies.length, 0x3e);
  const sh = Buffer.alloc(64 * (bodies.length + 1));
  let nameOff = 1;
  bodies.forEach((b, i) => {
    const o = 64 * (i + 1);
    sh.writeUInt32LE(nameOff, o);
    nameOff += names[i + 1]!.length + 1;
    sh.writeUInt32LE(i === bodies.length - 1 ? 3 : 1, o + 4);
    sh.writeBigUInt64LE(BigInt(offsets[i]!), o + 0x18);
    sh.writeBigUInt64LE(BigInt(b.length), o + 0x20);
  });
  return Buffer.concat([header, ...bodies, sh]);
}

function auditableBinary(): Buffer {
  // Decoy zlib headers before the real section: other compressed data and random bytes.
  const decoy = Buffer.concat([deflateSync(Buffer.from('not the dependency list'.repeat(20))), randomBytes(200_000)]);
  return elfWithSections([
    { name: '.text', data: decoy },
    { name: '.dep-v0', data: deflateSync(Buffer.from(JSON.stringify(DEPS)), { level: 7 }) },
    { name: '.rodata', data: randomBytes(50_000) },
  ]);
}

function stream(data: Buffer, chunk: number) {
  const sink = new AuditableSink();
  for (let i = 0; i < data.length; i += chunk) sink.write(data.subarray(i, i + chunk));
  return sink.end();
}

describe('rust cargo-auditable', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'rust-aud-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('parses the JSON, defaulting source and kind', () => {
    const crates = parseAuditableJson(JSON.stringify(DEPS));
    expect(crates.map((c) => `${c.name}@${c.version} ${c.kind}${c.root ? ' root' : ''}`)).toEqual([
      'hello@0.1.0 runtime root',
      'memchr@2.7.4 runtime',
      'nom@7.1.3 runtime',
      'cc@1.0.83 build',
    ]);
    expect(() => parseAuditableJson('{}')).toThrow(/packages/);
  });

  it('reads the .dep-v0 section of a whole binary, and the same list while streaming in any chunk size', () => {
    const bin = auditableBinary();
    const whole = parseAuditableBinary(bin)!;
    expect(whole).toHaveLength(4);
    for (const chunk of [1000, 4096, 65536, 1 << 20]) expect(stream(bin, chunk)).toEqual({ format: 'elf', crates: whole });
    expect(parseAuditableBinary(elfWithSections([{ name: '.text', data: randomBytes(1000) }]))).toBeUndefined();
    expect(stream(Buffer.from('#!/bin/sh\n'.repeat(500)), 100)).toEqual({});
  });

  it('a corrupt section is an error, not an exception', () => {
    const good = deflateSync(Buffer.from(JSON.stringify(DEPS)));
    const bad = Buffer.concat([good.subarray(0, 80), Buffer.alloc(40)]);
    const bin = elfWithSections([{ name: '.dep-v0', data: bad }, { name: '.x', data: Buffer.alloc(5000, 0x11) }]);
    const r = stream(bin, 4096);
    expect(r.format).toBe('elf');
    expect(r.crates).toBeUndefined();
    expect(r.error).toMatch(/unreadable cargo-auditable data/);
  });

  it('the cataloger streams executables and emits cargo purls', async () => {
    writeFileSync(join(tmp, 'hello'), auditableBinary(), { mode: 0o755 });
    writeFileSync(join(tmp, 'data.bin'), auditableBinary(), { mode: 0o644 });
    const view = await viewFromDirectory(tmp, { requests: rustAuditableCataloger.requests });
    const r = await rustAuditableCataloger.catalog({ view, logger: silentLogger });
    expect(r.packages.map((p) => `${p.purl} ${p.locations[0]!.path}`)).toEqual([
      'pkg:cargo/hello@0.1.0 /hello',
      'pkg:cargo/memchr@2.7.4 /hello',
      'pkg:cargo/nom@7.1.3 /hello',
      'pkg:cargo/cc@1.0.83 /hello',
    ]);
    expect(r.packages[0]!.metadata?.dependsOn).toEqual(['memchr@2.7.4', 'nom@7.1.3']);
    expect(r.unknowns).toEqual([]);
  });
});
