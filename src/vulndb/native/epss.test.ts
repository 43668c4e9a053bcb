import { createReadStream, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../test/helpers/shared.js';
import { EpssFormatError, epssRecordOf, parseEpssComment, readEpss } from './epss.js';

const EPSS = (...p: string[]): string => sharedPath('vulndata', 'vunnel-provider-fixtures', 'epss', ...p);

describeShared('FIRST EPSS CSV (vunnel fixtures)', () => {
  it("example-1.csv: every row's score, percentile and date match vunnel's snapshots; gzip or plain, streamed", async () => {
    const dir = EPSS('snapshots', 'example-1');
    const snaps = readdirSync(dir).map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { item: { cve: string; epss: number; percentile: number; date: string } }).item);
    expect(snaps).toHaveLength(5);
    const want = snaps.map((s) => ({ id: s.cve, epss: { score: s.epss, percentile: s.percentile, date: s.date } })).sort((a, b) => a.id.localeCompare(b.id));
    const plain = await readEpss(createReadStream(EPSS('example-1.csv'), { highWaterMark: 16 }), 'example-1.csv');
    expect(plain).toEqual({ records: want, skipped: [], modelVersion: 'v2023.03.01', scoreDate: '2025-02-20' });
    const gz = await readEpss(gzipSync(readFileSync(EPSS('example-1.csv'))), 'example-1.csv.gz');
    expect(gz).toEqual(plain);
  });

  it('invalid-header.csv and missing-date.csv are clear errors', async () => {
    await expect(readEpss(createReadStream(EPSS('invalid-header.csv')), 'invalid-header.csv')).rejects.toThrow(
      new EpssFormatError('invalid-header.csv: line 2 is "invalid,header,format", not the header "cve,epss,percentile"'),
    );
    await expect(readEpss(createReadStream(EPSS('missing-date.csv')), 'missing-date.csv')).rejects.toThrow(
      new EpssFormatError('missing-date.csv: the first line has no score_date ("#model_version:v2023.03.01")'),
    );
  });

  it('a bad row is skipped with its line; CRLF lines are read', async () => {
    const lines = readFileSync(EPSS('example-1.csv'), 'utf8').trimEnd().split('\n');
    lines[3] = 'CVE-1999-0002,high,0.85996';
    lines.push('CVE-2024-1,0.1,0.2', 'CVE-2024-0001,1.5,0.2', 'CVE-2024-0002,0.1');
    const res = await readEpss(Buffer.from(`${lines.join('\r\n')}\r\n`), 'x.csv');
    expect(res.records.map((r) => r.id)).toEqual(['CVE-1999-0001', 'CVE-1999-0003', 'CVE-1999-0004', 'CVE-1999-0005']);
    expect(res.skipped).toEqual([
      { where: 'x.csv:4', reason: 'CVE-1999-0002: epss "high" or percentile "0.85996" is not a number' },
      { where: 'x.csv:8', reason: 'not a CVE id: "CVE-2024-1"' },
      { where: 'x.csv:9', reason: 'CVE-2024-0001: epss 1.5 or percentile 0.2 is not within 0..1' },
      { where: 'x.csv:10', reason: '2 columns, not 3' },
    ]);
  });
});

describe('EPSS header line', () => {
  it('needs the comment line with a score date', () => {
    expect(parseEpssComment('#model_version:v2025.03.14,score_date:2025-06-01T12:55:00Z', 'f')).toEqual({ modelVersion: 'v2025.03.14', scoreDate: '2025-06-01' });
    expect(() => parseEpssComment('cve,epss,percentile', 'f')).toThrow(/f: not an EPSS scores file/);
    expect(() => parseEpssComment('#score_date:yesterday', 'f')).toThrow(/score_date "yesterday" is not a date/);
    expect(epssRecordOf('cve-2021-44228,0.94358,0.99957', '2025-01-01')).toEqual({ id: 'CVE-2021-44228', epss: { score: 0.94358, percentile: 0.99957, date: '2025-01-01' } });
  });

  it('an empty input is an error', async () => {
    await expect(readEpss(Buffer.alloc(0), 'empty.csv')).rejects.toThrow('empty.csv: empty file');
  });
});
