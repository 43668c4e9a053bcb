import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../cli/command.js';
import { runProgram } from '../cli/program.js';
import { ConfigurationError } from '../common/errors.js';
import { createRecordingLogger } from '../common/logger.js';
import { ImageWorkspace } from '../../test/helpers/image-builder.js';
import { describeShared, sharedPath } from '../../test/helpers/shared.js';
import { describeUnless, itUnless } from '../../test/helpers/skip.js';
import { startTestStore, type TestStore } from '../store/testing/in-process.js';
import { runOscapCheck, unpackImage } from './check.js';
import { parseOsRelease, remapCpe, selectContent, SSG_CONTENT_DIR } from './oscap.js';
import { parseXccdfResults } from './xccdf.js';

const isRoot = process.getuid?.() === 0;
const hasOscap = (() => {
  try {
    execFileSync('oscap', ['--version'], { stdio: 'ignore' });
    return existsSync('/usr/bin/oscap-chroot');
  } catch {
    return false;
  }
})();
const hasSsg = existsSync(join(SSG_CONTENT_DIR, 'ssg-debian11-ds.xml'));

describe('unpacking an image root file system', () => {
  const ws = new ImageWorkspace();
  let work: string;
  afterAll(() => {
    ws.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it('builds the squashed tree with modes and links, and refuses escapes, device nodes and bad hardlinks', async () => {
    work = mkdtempSync(join(tmpdir(), 'portcullis-unpack-'));
    const canary = join(work, 'canary');
    mkdirSync(canary);
    const img = ws.write(
      {
        layers: [
          {
            files: [
              { path: 'etc/', type: 'dir', mode: 0o755 },
              { path: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\n' },
              { path: 'etc/shadow', content: 'root:*:19000::::::\n', mode: 0o640, gid: 42 },
              { path: 'usr/bin/su', content: 'ELF-su', mode: 0o4755 },
              { path: 'usr/bin/su2', type: 'hardlink', target: 'usr/bin/su' },
              { path: 'a', content: 'v1' },
              { path: 'gone', content: 'bye' },
              { path: 'escape', type: 'symlink', target: canary },
              { path: 'up', type: 'symlink', target: '../../../../../..' },
              { path: 'dev/null', type: 'char', mode: 0o666 },
              { path: 'pipe', type: 'fifo' },
              { path: 'badlink', type: 'hardlink', target: 'etc' },
              { path: 'ro/', type: 'dir', mode: 0o555 },
              { path: 'ro/inside', content: 'in a read-only dir' },
            ],
          },
          {
            files: [
              { path: 'escape/pwned', content: 'x' },
              { path: 'up/tmp/pwned2', content: 'x' },
              { path: 'a', content: 'v2' },
              { path: 'gone', whiteout: true },
              { path: 'zz/target', content: 'linked' },
              { path: 'aa-link', type: 'hardlink', target: 'zz/target' },
            ],
          },
        ],
      },
      'oci-dir',
    );
    const { root, unpacked } = await unpackImage(img.ref, work, { env: {}, logger: createRecordingLogger() }, createRecordingLogger());
    expect(readFileSync(join(root, 'etc/os-release'), 'utf8')).toBe('ID=debian\nVERSION_ID="12"\n');
    expect(readFileSync(join(root, 'a'), 'utf8')).toBe('v2');
    expect(existsSync(join(root, 'gone'))).toBe(false);
    expect(statSync(join(root, 'usr/bin/su')).mode & 0o7777).toBe(0o4755);
    expect(statSync(join(root, 'etc/shadow')).mode & 0o777).toBe(0o640);
    if (isRoot) expect(statSync(join(root, 'etc/shadow')).gid).toBe(42);
    expect(statSync(join(root, 'usr/bin/su2')).ino).toBe(statSync(join(root, 'usr/bin/su')).ino);
    expect(readFileSync(join(root, 'aa-link'), 'utf8')).toBe('linked');
    expect(statSync(join(root, 'ro')).mode & 0o777).toBe(0o555);
    expect(readFileSync(join(root, 'ro/inside'), 'utf8')).toBe('in a read-only dir');
    // Symlinks are created as they are, and nothing is written through them.
    expect(lstatSync(join(root, 'escape')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(root, 'escape'))).toBe(canary);
    expect(existsSync(join(canary, 'pwned'))).toBe(false);
    expect(existsSync('/tmp/pwned2')).toBe(false);
    expect(existsSync(join(root, 'dev/null'))).toBe(false);
    expect(existsSync(join(root, 'pipe'))).toBe(false);
    const reasons = Object.fromEntries(unpacked.skipped.map((s) => [s.path, s.reason]));
    expect(reasons).toMatchObject({
      '/escape/pwned': 'under /escape, a symlink',
      '/up/tmp/pwned2': 'under /up, a symlink',
      '/dev/null': 'char device or FIFO: not created',
      '/pipe': 'fifo device or FIFO: not created',
      '/badlink': 'hardlink to /etc, which is not an unpacked regular file',
    });
    // The staging files are gone: only the tree is left.
    expect(existsSync(join(work, 'staging'))).toBe(false);
  });
});

const xccdf = (results: string[], extra = '') => `<?xml version="1.0"?>
<Benchmark xmlns="http://checklists.nist.gov/xccdf/1.2" id="xccdf_test_benchmark_T"><version>1.2.3</version>
<Group id="g"><Rule id="r0" severity="high"><title>Rule zero</title></Rule></Group>
<TestResult id="xccdf_test_testresult_T" start-time="2026-11-29T10:00:00+00:00" end-time="2026-11-29T10:00:05+00:00">
<profile idref="xccdf_test_profile_p"/>${extra}
${results.map((r, i) => `<rule-result idref="r${i}" role="full" time="t"><result>${r}</result></rule-result>`).join('\n')}
</TestResult></Benchmark>`;

describe('XCCDF results', () => {
  it('fails when a rule failed, naming it with its title and severity', () => {
    const s = parseXccdfResults(xccdf(['fail', 'pass', 'notselected']));
    expect(s).toMatchObject({ result: 'fail', benchmark: { id: 'xccdf_test_benchmark_T', version: '1.2.3' }, profile: 'xccdf_test_profile_p', startTime: '2026-11-29T10:00:00+00:00' });
    expect(s.counts).toMatchObject({ pass: 1, fail: 1, notselected: 1 });
    expect(s.failed).toEqual([{ id: 'r0', result: 'fail', severity: 'high', title: 'Rule zero' }]);
  });

  it('passes only when every applicable rule passed', () => {
    expect(parseXccdfResults(xccdf(['pass', 'notapplicable', 'notselected'])).result).toBe('pass');
    expect(parseXccdfResults(xccdf(['pass', 'error'])).result).toBe('error');
  });

  it('calls nothing applicable an error, not a pass', () => {
    const s = parseXccdfResults(xccdf(['notapplicable', 'notapplicable', 'notselected']));
    expect(s.result).toBe('error');
    expect(s.reason).toBe('nothing was checked: 2 rule(s) not applicable, 0 not checked');
  });

  it('refuses what is not XCCDF results', () => {
    expect(() => parseXccdfResults('<html><body/></html>')).toThrow(ConfigurationError);
  });

  it('reads os-release', () => {
    expect(parseOsRelease('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n')).toEqual({ id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)' });
    expect(parseOsRelease('NAME=x\n')).toBeUndefined();
  });
});

describeUnless(hasSsg ? undefined : 'ssg-debian is not installed', 'SCAP content selection', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'portcullis-ssg-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('uses the exact content when there is one', () => {
    expect(selectContent({ id: 'debian', versionId: '11' }, work)).toEqual({ datastream: join(SSG_CONTENT_DIR, 'ssg-debian11-ds.xml') });
  });

  it('maps Debian 12 onto the Debian 11 content, remapping its CPE check, and says so', () => {
    const c = selectContent({ id: 'debian', versionId: '12' }, work);
    expect(c.datastream).toBe(join(SSG_CONTENT_DIR, 'ssg-debian11-ds.xml'));
    expect(c.mapping).toMatchObject({ image: 'debian 12', content: 'ssg-debian11', cpe: 'cpe:/o:debian:debian_linux:11', remappedTo: 'oval:ssg-installed_OS_is_debian:def:1' });
    const dict = readFileSync(c.cpeDictionary!, 'utf8');
    expect(dict).toMatch(/<cpe-dict:cpe-item name="cpe:\/o:debian:debian_linux:11">[\s\S]*?>oval:ssg-installed_OS_is_debian:def:1</);
    expect(dict).not.toContain('oval:ssg-installed_OS_is_debian11:def:1');
    expect(existsSync(join(work, 'ssg-debian11-cpe-oval.xml'))).toBe(true);
  });

  it('refuses an OS without content, and a remap to a definition that does not exist', () => {
    expect(() => selectContent({ id: 'alpine', versionId: '3.20.3' }, work)).toThrow(/no SCAP Security Guide content for alpine 3.20.3/);
    expect(() => selectContent(undefined, work)).toThrow(/no \/etc\/os-release/);
    expect(() => remapCpe(SSG_CONTENT_DIR, 'debian11', 'cpe:/o:debian:debian_linux:11', 'oval:nope:def:1', work)).toThrow(/no OVAL definition oval:nope:def:1/);
  });
});

const realRunBlocker = hasOscap && hasSsg && isRoot ? undefined : 'needs root, openscap-utils and ssg-debian';
describeShared('OpenSCAP on the shared Debian 12 image minbase', () => {
  const minbase = `oci-dir:${sharedPath('fixtures/images/debian-fixtures.oci')}:minbase`;
  let store: TestStore;
  let out: string;
  beforeAll(async () => {
    store = await startTestStore();
    out = mkdtempSync(join(tmpdir(), 'portcullis-oscap-out-'));
  });
  afterAll(async () => {
    await store.close();
    rmSync(out, { recursive: true, force: true });
  });

  itUnless(realRunBlocker, 'runs oscap-chroot with the remapped content, STOPs on failed rules and pushes the check', async () => {
    const lines: string[] = [];
    const ctx: CliContext = { logger: createRecordingLogger(), out: (s) => void lines.push(s), stdin: process.stdin, env: { PORTCULLIS_STORE_URL: store.url, PORTCULLIS_STORE_TOKEN: store.tokens.push }, outcome: 'go' };
    await runProgram(['compliance', 'oscap', minbase, '--profile', 'xccdf_org.ssgproject.content_profile_standard', '--output-dir', join(out, 'cli'), '--namespace', 'ci'], ctx);
    expect(ctx.outcome).toBe('stop');
    const summary = JSON.parse(lines.join('')) as Record<string, unknown> & { counts: Record<string, number>; image: { digest: string }; failed: unknown[] };
    expect(summary).toMatchObject({
      result: 'fail',
      oscapExitCode: 2,
      profile: 'xccdf_org.ssgproject.content_profile_standard',
      datastream: { benchmark: 'xccdf_org.ssgproject.content_benchmark_DEBIAN-11', version: '0.1.65' },
      contentMapping: { image: 'debian 12', content: 'ssg-debian11' },
      image: { digest: 'sha256:ef6f84d012922a087a2b9433cecee15a16ae0d799cbc178519cfc8b7f2bbefe2' },
    });
    expect(summary.counts).toMatchObject({ pass: 22, fail: 21, notapplicable: 1 });
    expect(summary.failed).toHaveLength(21);
    for (const f of ['oscap-results.xml', 'oscap-results-arf.xml', 'oscap-report.html', 'oscap-summary.json']) expect(existsSync(join(out, 'cli', f))).toBe(true);

    const list = (await (await fetch(`${store.url}/v2/runtime-compliance?image_digest=${summary.image.digest}`, { headers: { authorization: `Bearer ${store.tokens.read}` } })).json()) as { result: string; namespace: string; compliance_file_ids: Record<string, string> }[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ result: 'fail', namespace: 'ci' });
    const report = await fetch(`${store.url}/v2/runtime-compliance/result/${list[0]!.compliance_file_ids.report_file}`, { headers: { authorization: `Bearer ${store.tokens.read}` } });
    expect(report.headers.get('content-type')).toBe('text/html');
    expect(await report.text()).toContain('OpenSCAP Evaluation Report');
  });

  itUnless(realRunBlocker, 'without the CPE remap every rule is notapplicable, which is an error, not a pass', async () => {
    const summary = await runOscapCheck({
      ref: minbase,
      profile: 'xccdf_org.ssgproject.content_profile_standard',
      datastream: join(SSG_CONTENT_DIR, 'ssg-debian11-ds.xml'),
      outDir: join(out, 'plain'),
      source: { env: {}, logger: createRecordingLogger() },
      logger: createRecordingLogger(),
    });
    expect(summary.oscapExitCode).toBe(0);
    expect(summary.contentMapping).toBeUndefined();
    expect(summary.counts).toMatchObject({ pass: 0, fail: 0, notapplicable: 44 });
    expect(summary.result).toBe('error');
    expect(summary.reason).toBe('nothing was checked: 44 rule(s) not applicable, 0 not checked');
    writeFileSync(join(out, 'done'), '');
  });
});
