import { createHash } from 'node:crypto';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { RemoteError } from '../../common/errors.js';
import { createRecordingLogger, silentLogger } from '../../common/logger.js';
import { describeShared, sharedPath } from '../../../test/helpers/shared.js';
import { readMetadata, VulnerabilityDatabase } from '../store.js';
import { updateDatabase } from '../update.js';
import type { OsvRecord } from '../osv.js';
import type { SourceBatch, SourceState } from '../provider.js';
import { osvBucketProvider } from './osv-bucket.js';

type Mode = 'ok' | '429-once' | '500' | 'hang' | 'corrupt';

describeShared('osv-bucket provider against a local server in the bucket layout', () => {
  let server: Server;
  let base: string;
  const modes = new Map<string, Mode>();
  const log: { path: string; status: number; ifNoneMatch?: string }[] = [];
  const hanging: ServerResponse[] = [];
  let cacheDir: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const m = /^\/([^/]+)\/all\.zip$/.exec(path);
      const send = (status: number, body?: Buffer, headers: Record<string, string> = {}): void => {
        log.push({ path, status, ...(req.headers['if-none-match'] ? { ifNoneMatch: String(req.headers['if-none-match']) } : {}) });
        res.writeHead(status, headers);
        res.end(body);
      };
      if (!m) return send(404);
      let data: Buffer;
      try {
        data = readFileSync(sharedPath('vulndata/osv', m[1]!, 'all.zip'));
      } catch {
        return send(404);
      }
      const mode = modes.get(m[1]!) ?? 'ok';
      if (mode === 'hang') {
        hanging.push(res);
        return undefined;
      }
      if (mode === '500') return send(500);
      if (mode === '429-once') {
        modes.set(m[1]!, 'ok');
        return send(429, undefined, { 'retry-after': '0' });
      }
      const etag = `"${createHash('sha256').update(data).digest('hex').slice(0, 16)}"`;
      if (req.headers['if-none-match'] === etag) return send(304, undefined, { etag });
      if (mode === 'corrupt') return send(200, data.subarray(0, Math.floor(data.length / 2)), { etag: '"corrupt"' });
      return send(200, data, { etag, 'last-modified': 'Sat, 01 Apr 2023 00:00:00 GMT', 'content-type': 'application/zip' });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const r of hanging) r.destroy();
    await new Promise((r) => server.close(r));
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  });

  beforeEach(() => {
    modes.clear();
    log.length = 0;
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
    cacheDir = mkdtempSync(join(tmpdir(), 'portcullis-bucket-'));
  });

  const update = (ecosystems: string[], extra: Record<string, number> = {}) =>
    updateDatabase({
      cacheDir,
      logger: silentLogger,
      requests: [{ provider: 'osv-bucket', options: { url: base, ecosystems, retries: 2, backoffMs: 1, timeoutMs: 30_000, ...extra } }],
    });

  it('200: fetches only the ecosystems asked for, and stores their validators', async () => {
    const r = await update(['npm', 'PyPI']);
    expect(r.batches).toEqual([
      { id: 'osv-bucket:npm', notModified: false, records: 467, skipped: 0 },
      { id: 'osv-bucket:PyPI', notModified: false, records: 2654, skipped: 0 },
    ]);
    expect(log.map((l) => l.path)).toEqual(['/npm/all.zip', '/PyPI/all.zip']);
    const meta = readMetadata(cacheDir)!;
    expect(meta.segments.map((s) => [s.id, s.records, s.location, !!s.etag, s.lastModified])).toEqual([
      ['osv-bucket:npm', 467, `${base}/npm/all.zip`, true, 'Sat, 01 Apr 2023 00:00:00 GMT'],
      ['osv-bucket:PyPI', 2654, `${base}/PyPI/all.zip`, true, 'Sat, 01 Apr 2023 00:00:00 GMT'],
    ]);
    const db = VulnerabilityDatabase.open(cacheDir);
    expect(db.lookup('npm', 'lodash').map((s) => s.record.id).sort()).toEqual(['x_NSWG-ECO-368', 'x_NSWG-ECO-493', 'x_NSWG-ECO-516']);
    expect(db.lookup('PyPI', 'AIOHTTP').length).toBeGreaterThan(5); // PEP 503 names
    db.close();
  });

  it('304: a second update is conditional, keeps the records and refreshes the fetch time', async () => {
    let clock = Date.parse('2024-01-01T00:00:00Z');
    const now = () => new Date(clock);
    await updateDatabase({ cacheDir, logger: silentLogger, now, requests: [{ provider: 'osv-bucket', options: { url: base, ecosystems: ['npm'] } }] });
    clock += 86_400_000;
    const r = await updateDatabase({ cacheDir, logger: silentLogger, now, requests: [{ provider: 'osv-bucket', options: { url: base, ecosystems: ['npm'] } }] });
    expect(r.batches).toEqual([{ id: 'osv-bucket:npm', notModified: true }]);
    // this server has no modified_id.csv (404): the update falls back to the conditional all.zip
    expect(log.map((l) => l.status)).toEqual([200, 404, 304]);
    expect(log[2]!.ifNoneMatch).toMatch(/^"[0-9a-f]{16}"$/);
    const meta = readMetadata(cacheDir)!;
    expect(meta.segments[0]).toMatchObject({ id: 'osv-bucket:npm', records: 467, fetchedAt: '2024-01-02T00:00:00.000Z' });
    const db = VulnerabilityDatabase.open(cacheDir);
    expect(db.lookup('npm', 'lodash')).toHaveLength(3);
    db.close();
  });

  it('429 then success: retried after the back-off', async () => {
    modes.set('npm', '429-once');
    const r = await update(['npm']);
    expect(r.batches[0]).toMatchObject({ records: 467 });
    expect(log.map((l) => l.status)).toEqual([429, 200]);
  });

  it('500: retried, then fails, and the previous database stays live and says so', async () => {
    await update(['npm']);
    const before = readMetadata(cacheDir)!;
    modes.set('npm', '500');
    log.length = 0;
    const logger = createRecordingLogger();
    const err = await updateDatabase({ cacheDir, logger, requests: [{ provider: 'osv-bucket', options: { url: base, ecosystems: ['npm'], retries: 2, backoffMs: 1 } }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect((err as RemoteError).status).toBe(500);
    expect((err as Error).message).toMatch(/failed after 3 attempt\(s\): HTTP 500; the previous database \(updated .*, 1 source\(s\)\) is kept/);
    // first the incremental index (absent here: 404), then all.zip
    expect(log.map((l) => l.status)).toEqual([404, 500, 500, 500]);
    expect(logger.lines.some((l) => l.level === 'error' && l.message.includes('is kept'))).toBe(true);
    expect(readMetadata(cacheDir)).toEqual(before);
    const db = VulnerabilityDatabase.open(cacheDir);
    expect(db.lookup('npm', 'lodash')).toHaveLength(3);
    db.close();
  });

  it('a time-out counts as a failed attempt; after the retries the update fails', async () => {
    modes.set('Go', 'hang');
    const err = await update(['Go'], { timeoutMs: 150, retries: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect((err as Error).message).toMatch(/failed after 2 attempt\(s\): timed out after 150 ms; there is no previous database/);
    expect(readMetadata(cacheDir)).toBeUndefined();
  });

  it('a corrupt zip fails the update without touching the previous database', async () => {
    await update(['npm']);
    const before = readMetadata(cacheDir)!;
    modes.set('PyPI', 'corrupt');
    const err = await update(['npm', 'PyPI']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect((err as Error).message).toMatch(/PyPI\/all\.zip: corrupt archive: /);
    expect(readMetadata(cacheDir)).toEqual(before);
  });

  it('an ecosystem the bucket does not have is a precise error', async () => {
    const err = await update(['NoSuchEcosystem']).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/HTTP 404 \(is "NoSuchEcosystem" an OSV ecosystem name/);
  });
});

describeShared('osv-bucket incremental updates (modified_id.csv) against the bucket layout on disk', () => {
  let server: Server;
  let base: string;
  const requests: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      requests.push(path);
      try {
        const body = readFileSync(sharedPath('vulndata/osv', path));
        res.writeHead(200).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  const now = (): Date => new Date('2026-12-01T00:00:00Z');
  const full = async (ecosystem: string): Promise<{ state: SourceState; records: OsvRecord[] }> => {
    const [b] = await osvBucketProvider.fetch({ url: base, ecosystems: [ecosystem] }, { logger: silentLogger, previous: new Map(), now });
    if (!b || b.notModified) throw new Error('expected records');
    return { state: b, records: b.records };
  };
  const again = (ecosystem: string, state: SourceState, records: OsvRecord[]): Promise<SourceBatch[]> =>
    osvBucketProvider.fetch({ url: base, ecosystems: [ecosystem] }, { logger: silentLogger, previous: new Map([[state.id, state]]), previousRecords: () => records, now });

  it('fetches only the records modified after the stored high-water mark, keeping the rest', async () => {
    const { state, records } = await full('npm');
    expect(records).toHaveLength(467);
    // the newest `modified` in the bucket's own index
    expect(state.highWater).toBe(readFileSync(sharedPath('vulndata/osv/npm/modified_id.csv'), 'utf8').split(',')[0]);
    requests.length = 0;
    // as if the stored copy predated the two newest records (x_NSWG-ECO-516 2020-07-13, x_NSWG-ECO-519 2020-04-27)
    const older = records.map((r) => (r.id === 'x_NSWG-ECO-516' ? { ...r, summary: 'stale copy' } : r)).filter((r) => r.id !== 'x_NSWG-ECO-519');
    const [b] = await again('npm', { ...state, highWater: '2020-04-26T00:00:00Z' }, older);
    expect(requests.sort()).toEqual(['/npm/modified_id.csv', '/npm/x_NSWG-ECO-516.json', '/npm/x_NSWG-ECO-519.json']);
    if (!b || b.notModified) throw new Error('expected records');
    expect(b.records).toHaveLength(467);
    const fresh = JSON.parse(readFileSync(sharedPath('vulndata/osv/npm/x_NSWG-ECO-516.json'), 'utf8')) as OsvRecord;
    expect(b.records.find((r) => r.id === 'x_NSWG-ECO-516')?.summary).toBe(fresh.summary);
    expect(b.highWater).toBe('2020-07-13T00:00:00Z');

    // nothing newer than the mark: one request, "not modified"
    requests.length = 0;
    const [same] = await again('npm', state, records);
    expect(requests).toEqual(['/npm/modified_id.csv']);
    expect(same?.notModified).toBe(true);
  });

  it('falls back to all.zip when more than 2,000 changed, or a changed record is not in the bucket', async () => {
    const alpine = await full('Alpine');
    requests.length = 0;
    const [a] = await again('Alpine', { ...alpine.state, highWater: '2000-01-01T00:00:00Z' }, []);
    expect(requests).toEqual(['/Alpine/modified_id.csv', '/Alpine/all.zip']);
    expect(a && !a.notModified && a.records.length).toBe(2432);

    // Debian keeps only all.zip: the per-record JSON is missing, so the update falls back to the zip
    const debian = await full('Debian');
    requests.length = 0;
    const newest = debian.state.highWater!;
    const [d] = await again('Debian', { ...debian.state, highWater: new Date(Date.parse(newest) - 1).toISOString() }, debian.records);
    expect(requests[0]).toBe('/Debian/modified_id.csv');
    expect(requests.at(-1)).toBe('/Debian/all.zip');
    expect(d && !d.notModified && d.records.length).toBe(debian.records.length);
  });
});
