import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../common/logger.js';
import { describeShared, itShared, sharedPath } from '../../../test/helpers/shared.js';
import type { OsvRecord } from '../osv.js';
import type { FetchContext, SourceBatch } from '../provider.js';
import { chainguardProvider } from './chainguard.js';
import { ALPINE_SECDB, secdbToOsv } from './secdb.js';
import { convertApkSecdb, WOLFI_FEED, wolfiProvider } from './wolfi.js';

const FIX = (...p: string[]): string => sharedPath('vulndata', 'vunnel-provider-fixtures', ...p);
const NOW = new Date('2026-01-01T00:00:00Z');
const ctx = (): FetchContext => ({ logger: silentLogger, previous: new Map(), now: () => NOW });

interface FixedIn {
  Name: string;
  Version: string;
}
function snapshots(dir: string): { name: string; fixedIn: FixedIn[]; severity: string }[] {
  return readdirSync(dir).map((f) => {
    const v = (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { item: { Vulnerability: { Name: string; FixedIn: FixedIn[]; Severity: string } } }).item.Vulnerability;
    return { name: v.Name, fixedIn: v.FixedIn, severity: v.Severity };
  });
}
function fixedOf(records: OsvRecord[], id: string, ecosystem: string, name: string): string[] {
  const r = records.find((x) => x.id === id);
  return (r?.affected ?? [])
    .filter((a) => a.package?.ecosystem === ecosystem && a.package.name === name)
    .flatMap((a) => a.ranges?.flatMap((g) => g.events.map((e) => e.fixed).filter((f): f is string => f !== undefined)) ?? []);
}

const dirs: string[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describeShared('wolfi and chainguard secdb against vunnel snapshots', () => {
  const cases = [
    { feed: 'wolfi', provider: wolfiProvider, ecosystem: 'Wolfi', prefix: 'WOLFI-', snaps: FIX('wolfi', 'snapshots', 'wolfi:rolling') },
    { feed: 'chainguard', provider: chainguardProvider, ecosystem: 'Chainguard', prefix: 'CHAINGUARD-', snaps: FIX('chainguard', 'snapshots', 'secdb', 'chainguard:rolling') },
  ] as const;
  for (const c of cases) {
    it(`${c.feed}: every vunnel FixedIn is an affected entry (version "0" = never affected: none)`, async () => {
      const [batch] = (await c.provider.fetch({ path: FIX(c.feed, 'input', 'secdb', 'security.json') }, ctx())) as [SourceBatch & { notModified: false }];
      expect(batch.kind).toBe('native');
      expect(batch.id).toBe(`${c.feed}:${FIX(c.feed, 'input', 'secdb', 'security.json')}`);
      const snaps = snapshots(c.snaps);
      expect(snaps.length).toBeGreaterThan(5);
      let checked = 0;
      for (const s of snaps) {
        expect(s.severity).toBe('Unknown'); // the secdb carries no severity; neither do the records
        for (const f of s.fixedIn) {
          const fixed = fixedOf(batch.records, `${c.prefix}${s.name}`, c.ecosystem, f.Name);
          if (f.Version === '0') expect(fixed).toEqual([]);
          else expect(fixed, `${s.name} ${f.Name}`).toContain(f.Version);
          checked++;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(snaps.length);
      for (const r of batch.records) {
        expect(r.modified).toMatch(/^\d{4}-\d\d-\d\dT/);
        expect(r.references?.[0]?.url).toBe(`https://images.chainguard.dev/security/${r.upstream![0]!}`);
      }
    });
  }

  it('wolfi: GHSA ids make records too; counts', async () => {
    const [batch] = (await wolfiProvider.fetch({ path: FIX('wolfi', 'input', 'secdb') }, ctx())) as [SourceBatch & { notModified: false }];
    expect(batch.records.length).toBe(53);
    expect(batch.skipped).toEqual([]);
    expect(fixedOf(batch.records, 'WOLFI-CVE-2022-38126', 'Wolfi', 'binutils')).toEqual(['2.39-r1']);
    expect(batch.records.find((r) => r.id === 'WOLFI-GHSA-jq35-85cj-fj4p')).toBeUndefined(); // only under "0"
    const [cg] = (await chainguardProvider.fetch({ path: FIX('chainguard', 'input', 'secdb', 'security.json') }, ctx())) as [SourceBatch & { notModified: false }];
    expect(cg.records.length).toBe(173);
  });

  it("chainguard's OSV records carry the contract's ecosystems (Chainguard, and Wolfi for wolfi packages)", () => {
    const dir = FIX('chainguard', 'input', 'osv');
    const files = readdirSync(dir).filter((f) => f.startsWith('CGA-'));
    expect(files.length).toBe(3);
    let chainguard = 0;
    for (const f of files) {
      const r = JSON.parse(readFileSync(join(dir, f), 'utf8')) as OsvRecord;
      expect(r.affected?.length).toBeGreaterThan(0);
      for (const a of r.affected ?? []) {
        expect(['Chainguard', 'Wolfi']).toContain(a.package?.ecosystem);
        if (a.package?.ecosystem === 'Chainguard') chainguard++;
      }
    }
    expect(chainguard).toBe(7);
  });

  it("Alpine's behaviour is unchanged by the flavour parameter", () => {
    const doc = { distroversion: 'v3.20', packages: [{ pkg: { name: 'openssl', secfixes: { '3.1.4-r1': ['CVE-2023-5678'], '0': ['CVE-2000-0001'] } } }] };
    const out = secdbToOsv([{ doc, where: 'x' }], '2024-01-01T00:00:00Z');
    expect(out).toEqual(secdbToOsv([{ doc, where: 'x' }], '2024-01-01T00:00:00Z', ALPINE_SECDB));
    expect(out.records.map((r) => [r.id, r.affected?.[0]?.package])).toEqual([['ALPINE-CVE-2023-5678', { ecosystem: 'Alpine:v3.20', name: 'openssl', purl: 'pkg:apk/alpine/openssl?arch=source' }]]);
  });
});

describe('apk secdb bad input', () => {
  it('skips a malformed document and an id-less entry, keeps the rest', () => {
    const good = JSON.stringify({ packages: [{ pkg: { name: 'curl', secfixes: { '8.4.0-r0': ['CVE-2023-38545', 'TEMP-1'] } } }, { pkg: { secfixes: {} } }] });
    const out = convertApkSecdb(
      [
        { text: '{"packages": [', where: 'broken.json' },
        { text: '{"nothing": 1}', where: 'other.json' },
        { text: good, where: 'good.json' },
      ],
      '2024-01-01T00:00:00.000Z',
      WOLFI_FEED.flavour,
    );
    expect(out.records.map((r) => r.id)).toEqual(['WOLFI-CVE-2023-38545']);
    expect(out.skipped.map((s) => s.where)).toEqual(['broken.json', 'other.json', 'good.json', 'good.json']);
    expect(out.skipped[0]!.reason).toMatch(/unreadable JSON/);
    expect(out.skipped.map((s) => s.reason)).toContain('a package without a name');
  });

  itShared('GETs the url with validators; modified = Last-Modified; 304 → not modified', async () => {
    const body = readFileSync(FIX('wolfi', 'input', 'secdb', 'security.json'));
    const server = createServer((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { etag: '"v1"', 'last-modified': 'Tue, 02 Jan 2024 03:04:05 GMT' }).end(body);
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/os/security.json`;
    const [b] = (await wolfiProvider.fetch({ url, retries: 0 }, ctx())) as [SourceBatch & { notModified: false }];
    expect(b.notModified).toBe(false);
    expect(b.etag).toBe('"v1"');
    expect(new Set(b.records.map((r) => r.modified))).toEqual(new Set(['2024-01-02T03:04:05.000Z']));
    const [again] = await wolfiProvider.fetch({ url, retries: 0 }, { ...ctx(), previous: new Map([[b.id, b]]) });
    expect(again!.notModified).toBe(true);
  });

  it('a path that does not exist is a ConfigurationError; a folder of bad files yields skips', async () => {
    await expect(wolfiProvider.fetch({ path: '/nonexistent/secdb' }, ctx())).rejects.toThrow(/not found/);
    const d = mkdtempSync(join(tmpdir(), 'portcullis-wolfi-'));
    dirs.push(d);
    writeFileSync(join(d, 'security.json'), 'not json');
    const [b] = (await wolfiProvider.fetch({ path: d }, ctx())) as [SourceBatch & { notModified: false }];
    expect(b.records).toEqual([]);
    expect(b.skipped).toHaveLength(1);
  });
});
