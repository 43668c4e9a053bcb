/**
 * Anchore Engine's own gate, bundle and allowlist tests, ported: each case names the file it comes from in
 * github.com/anchore/anchore-engine (commit f5ffac25, the archived 1.x line), abbreviated as
 *   UNIT = tests/unit/anchore_engine/services/policy_engine/engine/policy
 *   INTEG = tests/integration/services/policy_engine/engine/policy/gates
 *   GATES = anchore_engine/services/policy_engine/engine/policy/gates (where a text is stated in the gate itself).
 * Fixtures follow the shape of Anchore's (package names, licences, Dockerfiles); the expected messages are
 * Anchore's, byte for byte, since allowlists match their md5 trigger ids. Deliberate differences are in
 * policies/README.md ("Where Portcullis differs from Anchore on purpose").
 */
import { describe, expect, it } from 'vitest';
import type { Distro, Package } from '../model/index.js';
import { checkBundle } from './bundle.js';
import type { ParamSpec } from './gate.js';
import { checkParamValue } from './params.js';
import type { PackageFeed } from './context.js';
import { evaluatePolicy, md5TriggerId } from './evaluate.js';
import { selects } from './match.js';
import { ANCHORE_SECRET_SEARCH, DEFAULT_SECRET_REGEXES } from './gates/content-scan.js';
import { anchoreVulnerabilityId, vulnerabilityTriggerId } from './gates/vulnerabilities/vulnerabilities.js';
import { bundleOf, context, evalRule, finding, image, NOW, pkg, viewOf } from './test-support.js';

const msgs = (e: { findings: { message: string }[] }) => e.findings.map((f) => f.message);

describe('licenses (UNIT/gates/test_licenses.py)', () => {
  // Anchore's fixture: two Debian packages with their copyright names, space-separated in one licence field.
  const deb = (name: string, names: string) => pkg(name, '1', { licenses: ['(SPDX form, not matched)'], declaredLicenses: names.split(' ') });
  const packages = [
    deb('git', 'GPL-2 LGPL-2.1+ EDL-1.0 GPL-2+ Expat BSD-2-clause GPL-1+ ISC mingw-runtime Boost dlmalloc Apache-2.0 LGPL-2+'),
    deb('gnupg', 'GPL-3+ permissive LGPL-2.1+ Expat LGPL-3+ RFC-Reference TinySCHEME BSD-3-clause'),
  ];
  const run = (trigger: string, licenses: string) => msgs(evalRule('licenses', trigger, { licenses }, context({ packages })));

  it.each([
    ['BSD-2-clause', 'LICFULLMATCH Packages are installed that have blacklisted licenses: git(BSD-2-clause)'],
    ['BSD-2-clause,Boost', 'LICFULLMATCH Packages are installed that have blacklisted licenses: git(BSD-2-clause), git(Boost)'],
    ['BSD-3-clause,Boost', 'LICFULLMATCH Packages are installed that have blacklisted licenses: git(Boost), gnupg(BSD-3-clause)'],
    ['LGPL-2.1+', 'LICFULLMATCH Packages are installed that have blacklisted licenses: git(LGPL-2.1+), gnupg(LGPL-2.1+)'],
  ])('blacklist_exact_match %s', (licenses, want) => {
    expect(run('blacklist_exact_match', licenses)).toEqual([want]);
  });

  it('blacklist_exact_match no-match does not fire', () => {
    expect(run('blacklist_exact_match', 'no-match')).toEqual([]);
  });

  it.each([
    ['RFC', ['LICSUBMATCH Packages are installed that have blacklisted licenses: gnupg(RFC-Reference)']],
    ['LGPL', ['LICSUBMATCH Packages are installed that have blacklisted licenses: git(LGPL-2.1+), git(LGPL-2+), gnupg(LGPL-2.1+), gnupg(LGPL-3+)']],
    ['GNU', []],
  ])('blacklist_partial_match %s', (licenses, want) => {
    expect(run('blacklist_partial_match', licenses)).toEqual(want);
  });

  it('a Debian name is not rewritten to SPDX before matching; SPDX matching is the match_spdx extension', () => {
    const bash = pkg('bash', '5.2', { licenses: ['GPL-3.0-or-later'], declaredLicenses: ['GPL-3+'] });
    const exact = (licenses: string, extra: Record<string, string> = {}) => msgs(evalRule('licenses', 'blacklist_exact_match', { licenses, ...extra }, context({ packages: [bash] })));
    expect(exact('GPL-3+')).toEqual(['LICFULLMATCH Packages are installed that have blacklisted licenses: bash(GPL-3+)']);
    expect(exact('GPL-3.0-or-later')).toEqual([]);
    expect(exact('GPL-3.0-or-later', { match_spdx: 'true' })).toEqual(['LICFULLMATCH Packages are installed that have blacklisted licenses: bash(GPL-3.0-or-later)']);
  });
});

describe('metadata/attribute (UNIT/gates/test_image_metadata.py)', () => {
  // Anchore's image: 141455360 bytes in 5 layers, debian 10, amd64, no os in its docker data.
  const layers = [141455360 - 4, 1, 1, 1, 1].map((size, index) => ({ index, digest: `sha256:${String(index).repeat(64)}`, diffId: `sha256:${String(index).repeat(64)}`, mediaType: 'tar', size }));
  const img = image({ layers, platform: { os: '', architecture: 'amd64' } });
  img.config.os = '';
  const debian10: Distro = { id: 'debian', versionId: '10', idLike: ['debian'] };
  const run = (params: Record<string, string>) => msgs(evalRule('metadata', 'attribute', params, context({ image: img, distro: debian10 })));

  it.each([
    [{ attribute: 'size', check: '>', value: '0' }, "Attribute check for attribute: 'size' check: '>' check_value: '0' matched image value: '141455360'"],
    [{ attribute: 'size', check: '<', value: '100000000' }, undefined],
    [{ attribute: 'architecture', check: 'like', value: 'amd64' }, "Attribute check for attribute: 'architecture' check: 'like' check_value: 'amd64' matched image value: 'amd64'"],
    [{ attribute: 'architecture', check: 'not_like', value: 'amd64' }, undefined],
    [{ attribute: 'os_type', check: 'not_exists', value: '' }, "Attribute check for attribute: 'os_type' check: 'not_exists' check_value: '' matched image value: 'None'"],
    [{ attribute: 'distro', check: 'in', value: 'debian,centos' }, "Attribute check for attribute: 'distro' check: 'in' check_value: 'debian,centos' matched image value: 'debian'"],
    [{ attribute: 'distro', check: 'not_in', value: 'debian,centos' }, undefined],
    [{ attribute: 'distro_version', check: '=', value: '10' }, "Attribute check for attribute: 'distro_version' check: '=' check_value: '10' matched image value: '10'"],
    [{ attribute: 'distro_version', check: '!=', value: '10' }, undefined],
    [{ attribute: 'like_distro', check: 'exists', value: '' }, "Attribute check for attribute: 'like_distro' check: 'exists' check_value: '' matched image value: 'debian'"],
    [{ attribute: 'layer_count', check: '>=', value: '5' }, "Attribute check for attribute: 'layer_count' check: '>=' check_value: '5' matched image value: '5'"],
    [{ attribute: 'layer_count', check: '>', value: '5' }, undefined],
  ])('%j', (params, want) => {
    expect(run(params)).toEqual(want === undefined ? [] : [want]);
  });

  it.each([
    { attribute: 'foo', check: '>', value: '200' },
    { attribute: 'size', check: '!', value: '200' },
    { attribute: 'size', check: '!=', value: 'test' },
  ])('rejects the invalid rule %j', (params) => {
    expect(checkBundle({ id: 'b', version: '1_0', policies: [{ id: 'p', version: '1_0', rules: [{ id: 'r', gate: 'metadata', trigger: 'attribute', action: 'STOP', params: Object.entries(params).map(([name, value]) => ({ name, value })) }] }], mappings: [] }).problems).not.toEqual([]);
  });

  it('distro_version is os-release VERSION_ID, not the /etc/debian_version point release Portcullis matches with', () => {
    const bookworm: Distro = { id: 'debian', versionId: '12.7', releaseVersionId: '12' };
    expect(msgs(evalRule('metadata', 'attribute', { attribute: 'distro_version', check: '=', value: '12' }, context({ distro: bookworm })))).toEqual([
      "Attribute check for attribute: 'distro_version' check: '=' check_value: '12' matched image value: '12'",
    ]);
  });

  it('a size check value is shown in bytes, as Anchore converts it before comparing (GATES/image_metadata.py)', () => {
    expect(run({ attribute: 'size', check: '>', value: '1kb' })).toEqual(["Attribute check for attribute: 'size' check: '>' check_value: '1024' matched image value: '141455360'"]);
  });
});

describe('dockerfile (UNIT/gates/test_dockerfile.py)', () => {
  const DOCKERFILE = 'FROM ubuntu:18.04\nUSER admin\nCOPY . /app\nRUN make /app\nCMD python /app/app.py\nEXPOSE 3000\n';
  const actual = context({ dockerfile: { text: DOCKERFILE } });
  const noDockerfile = context({ image: image({ history: ['/bin/sh -c #(nop) ADD file:abc in / ', '/bin/sh -c make'] }) });
  const run = (trigger: string, params: Record<string, string>, ctx = actual) => msgs(evalRule('dockerfile', trigger, params, ctx));

  it('no_dockerfile_provided fires only without the actual Dockerfile', () => {
    expect(run('no_dockerfile_provided', {})).toEqual([]);
    expect(run('no_dockerfile_provided', {}, noDockerfile)).toEqual(['Image was not analyzed with an actual Dockerfile']);
  });

  it.each([
    [{ users: 'testUser,admin', type: 'blacklist' }, ['User admin found as effective user, which is explicity not allowed']],
    [{ users: 'testUser', type: 'blacklist' }, []],
    [{ users: 'admin', type: 'whitelist' }, []],
    [{ users: 'admin', type: 'blacklist' }, ['User admin found as effective user, which is explicity not allowed']],
  ])('effective_user %j', (params, want) => {
    expect(run('effective_user', params)).toEqual(want);
  });

  it.each([
    [{ ports: '2800,3000', type: 'blacklist' }, ['Dockerfile exposes port (3000) which is in policy file DENIEDPORTS list']],
    [{ ports: '2800', type: 'blacklist' }, []],
    [{ ports: '3000', type: 'whitelist' }, []],
    [{ ports: '2800,3001', type: 'whitelist' }, ['Dockerfile exposes port (3000) which is not in policy file ALLOWEDPORTS list']],
  ])('exposed_ports %j', (params, want) => {
    expect(run('exposed_ports', params)).toEqual(want);
  });

  it.each([
    [{ instruction: 'COPY', check: '=', value: '. /app' }, ["Dockerfile directive 'COPY' check '=' matched against '. /app' for line '. /app'"]],
    [{ instruction: 'COPY', check: '!=', value: '. /app' }, []],
    [{ instruction: 'COPY', check: 'exists' }, ["Dockerfile directive 'COPY' check 'exists' matched against '' for line '. /app'"]],
    [{ instruction: 'VOLUME', check: 'not_exists' }, ["Dockerfile directive 'VOLUME' not found, matching condition 'not_exists' check"]],
    [{ instruction: 'COPY', check: 'not_exists' }, []],
    [{ instruction: 'COPY', check: 'like', value: '. /' }, ["Dockerfile directive 'COPY' check 'like' matched against '. /' for line '. /app'"]],
    [{ instruction: 'COPY', check: 'like', value: '. /usr/local/bin' }, []],
    [{ instruction: 'COPY', check: 'not_like', value: '. /usr' }, ["Dockerfile directive 'COPY' check 'not_like' matched against '. /usr' for line '. /app'"]],
    [{ instruction: 'COPY', check: 'not_like', value: '. /app' }, []],
  ])('instruction %j', (params, want) => {
    expect(run('instruction', params)).toEqual(want);
  });

  it('actual_dockerfile_only skips a Dockerfile that is not the actual one', () => {
    expect(run('instruction', { actual_dockerfile_only: 'true', instruction: 'COPY', check: 'exists' }, noDockerfile)).toEqual([]);
    expect(run('exposed_ports', { actual_dockerfile_only: 'true', ports: '3000', type: 'blacklist' }, noDockerfile)).toEqual([]);
  });

  it('an instruction rule with check "=" and no value loads and never fires (GATES/dockerfile.py InstructionCheckTrigger)', () => {
    const rule = { id: 'r', gate: 'dockerfile', trigger: 'instruction', action: 'STOP', params: [{ name: 'instruction', value: 'COPY' }, { name: 'check', value: '=' }] };
    expect(checkBundle({ id: 'b', version: '1_0', policies: [{ id: 'p', version: '1_0', rules: [rule] }], mappings: [] }).problems).toEqual([]);
    const e = evalRule('dockerfile', 'instruction', { instruction: 'COPY', check: '=' }, actual);
    expect(e.findings).toEqual([]);
    expect(e.evaluation_problems).toEqual([expect.objectContaining({ problem_type: 'missing_param' })]);
  });

  it('without a Dockerfile the guessed one starts with FROM scratch (anchore_engine/util/docker.py _infer_dockerfile)', () => {
    expect(run('instruction', { instruction: 'FROM', check: '=', value: 'scratch' }, noDockerfile)).toEqual(["Dockerfile directive 'FROM' check '=' matched against 'scratch' for line 'scratch'"]);
    expect(run('instruction', { instruction: 'FROM', check: 'not_exists' }, noDockerfile)).toEqual([]);
  });

  it('continued lines are joined as prepare_context joins them: stripped, backslash dropped (GATES/dockerfile.py)', () => {
    const ctx = context({ dockerfile: { text: 'FROM x\nRUN apt-get update \\\n    && apt-get install -y curl\n' } });
    expect(run('instruction', { instruction: 'RUN', check: 'exists' }, ctx)).toEqual(["Dockerfile directive 'RUN' check 'exists' matched against '' for line 'apt-get update && apt-get install -y curl'"]);
  });

  it('ports keep /tcp and /udp as the EXPOSE line writes them (GATES/dockerfile.py ExposedPortsTrigger)', () => {
    const ctx = context({ dockerfile: { text: 'FROM x\nEXPOSE 22/tcp 53/udp 8080\n' } });
    expect(run('exposed_ports', { ports: '22,53,8080', type: 'blacklist' }, ctx)).toEqual([
      'Dockerfile exposes port (22/tcp) which is in policy file DENIEDPORTS list',
      'Dockerfile exposes port (53/udp) which is in policy file DENIEDPORTS list',
      'Dockerfile exposes port (8080) which is in policy file DENIEDPORTS list',
    ]);
    expect(run('exposed_ports', { ports: '8080', type: 'whitelist' }, ctx)).toEqual([
      'Dockerfile exposes port (22/tcp) which is not in policy file ALLOWEDPORTS list',
      'Dockerfile exposes port (53/udp) which is not in policy file ALLOWEDPORTS list',
    ]);
    // A guessed Dockerfile's EXPOSE comes from the history or the config's ExposedPorts keys (`22/tcp`).
    const guessed = context({ image: image({ history: ['/bin/sh -c make'], cfg: { ExposedPorts: { '22/tcp': {} } } }) });
    expect(run('exposed_ports', { ports: '22', type: 'blacklist' }, guessed)).toEqual(['Dockerfile exposes port (22/tcp) which is in policy file DENIEDPORTS list']);
  });
});

describe('dockerfile (INTEG/test_dockerfile.py)', () => {
  const run = (trigger: string, params: Record<string, string>, text: string) => msgs(evalRule('dockerfile', trigger, params, context({ dockerfile: { text } })));
  const INSTALL = 'RUN apt-get install blah1 balh2 blah2 testuser1\n';

  it('exposed_ports on "EXPOSE 8000"', () => {
    const df = 'FROM library/centos\nRUN sudo apt-get install\nEXPOSE 8000\nVOLUME /var/log\nCMD echo helloworld\n';
    expect(run('exposed_ports', { ports: '8000', type: 'whitelist' }, df)).toHaveLength(0);
    expect(run('exposed_ports', { ports: '80', type: 'whitelist' }, df)).toHaveLength(1);
    expect(run('exposed_ports', { ports: '80,8000', type: 'blacklist' }, df)).toHaveLength(1);
  });

  it.each([
    ['COPY', 'exists', undefined, 'COPY /root /rootcmd\n', 1],
    ['COPY', 'exists', undefined, 'RUN echo hello\n', 0],
    ['COPY', 'not_exists', undefined, 'COPY /root /rootcmd\n', 0],
    ['COPY', 'not_exists', undefined, 'RUN echo "root hello copy 123"\n', 1],
    ['RUN', '=', 'yum update -y', 'RUN yum update -y\nENV abs\nCMD echo hi\n', 1],
    ['RUN', '!=', 'testvalue', 'RUN yum update -y\nENV abs\nCMD echo hi\n', 1],
    ['USER', 'like', 'testuser.*', `${INSTALL}USER testuser123\nRUN echo hi\nUSER root\n`, 1],
    ['USER', 'like', 'testuser.*', `${INSTALL}USER test_user\nRUN echo hi\nUSER root\n`, 0],
    ['USER', 'not_like', 'testuser.*', `${INSTALL}RUN echo hi\nUSER root\n`, 1],
    ['USER', 'not_like', 'testuser.*', `${INSTALL}RUN echo hi\nUSER testuser\n`, 0],
    ['USER', 'in', 'testuser,someuser', `${INSTALL}RUN echo hi\nUSER testuser\n`, 1],
    ['USER', 'in', 'root,someuser', `${INSTALL}RUN echo hi\nUSER testuser\n`, 0],
    ['USER', 'not_in', 'root', `${INSTALL}RUN echo hi\nUSER testuser\n`, 1],
    ['USER', 'not_in', 'root,testuser', `${INSTALL}RUN echo hi\nUSER testuser\n`, 0],
  ])('instruction %s %s %s fires %#', (instruction, check, value, df, n) => {
    expect(run('instruction', { instruction, check, ...(value === undefined ? {} : { value }) }, df)).toHaveLength(n);
  });

  it.each([
    ['root', 'whitelist', `${INSTALL}RUN echo hi\nUSER testuser\n`, 1],
    ['testuser', 'whitelist', `${INSTALL}RUN echo hi\nUSER testuser\n`, 0],
    ['testuser', 'whitelist', `USER testuser\n${INSTALL}RUN echo hi\nUSER root\n`, 1],
    ['root', 'blacklist', `${INSTALL}RUN echo hi\nUSER testuser\n`, 0],
    ['testuser', 'blacklist', `${INSTALL}RUN echo hi\nUSER testuser\n`, 1],
    ['testuser', 'blacklist', `USER testuser\n${INSTALL}RUN echo hi\nUSER root\n`, 0],
    ['testuser, nginx', 'blacklist', `USER testuser\n${INSTALL}RUN echo hi\nUSER root\n`, 0],
    ['nginx', 'blacklist', `USER testuser\n${INSTALL}RUN echo hi\nUSER nginx\n`, 1],
    ['user1', 'whitelist', `USER [testuser]\n${INSTALL}RUN echo hi`, 1],
    ['user1', 'whitelist', `USER testuser\n${INSTALL}RUN echo hi`, 1],
    ['user1', 'whitelist', `USER user1\n${INSTALL}RUN echo hi`, 0],
    ['user1', 'whitelist', `USER [user1]\n${INSTALL}RUN echo hi`, 0],
  ])('effective_user users=%s type=%s fires %#', (users, type, df, n) => {
    expect(run('effective_user', { users, type }, df)).toHaveLength(n);
  });

  it('USER [name] is the user name without brackets', () => {
    expect(run('effective_user', { users: 'user1', type: 'whitelist' }, 'USER [testuser]\n')).toEqual(['User testuser found as effective user, which is not on the allowed list']);
  });
});

describe('ruby_gems and npms (UNIT/gates/test_gems.py, test_npms.py)', () => {
  const feedOf = (data: Record<string, [string, string[]]>): PackageFeed => ({ latest: (n) => data[n]?.[0], versions: (n) => data[n]?.[1] });
  const gemFeed = feedOf({
    rails: ['6.0.3.4', ['1.0.0', '2.0.1', '3.0.2', '6.0.3.4']],
    nokogiri: ['1.4.4.1', ['1.0.5', '1.0.6', '1.2.7', '1.4.4.1']],
    builder: ['3.2.4', ['1.1.0', '1.2.3', '1.2.4', '2.0.0', '2.1.1', '2.1.2', '3.2.4']],
  });
  const gems: Package[] = [pkg('rails', '6.0.3.4', { type: 'gem' }), pkg('nokogiri', '1.0.5', { type: 'gem' }), pkg('builder', '3.3.rc1', { type: 'gem' }), pkg('unoffical_test', '3.0', { type: 'gem' })];
  const gem = (trigger: string, params: Record<string, string> = {}) => new Set(msgs(evalRule('ruby_gems', trigger, params, context({ packages: gems, feeds: { gem: gemFeed } }))));
  const npmFeed = feedOf({
    yarn: ['1.22.10', ['0.1.0', '0.3', '0.5.2', '1.22.10']],
    jsonparse: ['1.3.1', ['0.0.5', '0.0.4', '0.0.6', '1.1.0', '1.3.1']],
    ini: ['1.3.5', ['1.3.0', '1.3.5', '1.2.0', '1.2.1']],
  });
  const npms: Package[] = [pkg('yarn', '1.22.10', { type: 'npm' }), pkg('jsonparse', '1.1.0', { type: 'npm' }), pkg('ini', '1.0.0', { type: 'npm' }), pkg('unofficial-test', '1.3.1', { type: 'npm' })];
  const npm = (trigger: string, params: Record<string, string> = {}) => new Set(msgs(evalRule('npms', trigger, params, context({ packages: npms, feeds: { npm: npmFeed } }))));

  it('gem feed triggers', () => {
    expect(gem('newer_version_found_in_feed')).toEqual(
      new Set(['Package (nokogiri) version (1.0.5) installed but is not the latest version (1.4.4.1)', 'Package (builder) version (3.3.rc1) installed but is not the latest version (3.2.4)']),
    );
    expect(gem('not_found_in_feed')).toEqual(new Set(['GEMNOTOFFICIAL Package (unoffical_test) in container but not in official GEM feed.']));
    expect(gem('version_not_found_in_feed')).toEqual(
      new Set(["GEMBADVERSION Package (builder) version (3.3.rc1) installed but version is not in the official feed for this package (['1.1.0', '1.2.3', '1.2.4', '2.0.0', '2.1.1', '2.1.2', '3.2.4'])"]),
    );
  });

  it.each([
    [{ name: 'rails' }, ['Gem Package is blacklisted: rails']],
    [{ name: 'test-not-present' }, []],
    [{ name: 'rails', version: '6.0.3.4' }, ['Gem Package is blacklisted: rails-6.0.3.4']],
    [{ name: 'rails', version: '5.0.1' }, []],
  ])('gem blacklist %j', (params, want) => {
    expect(gem('blacklist', params)).toEqual(new Set(want));
  });

  it('npm feed triggers', () => {
    expect(npm('newer_version_in_feed')).toEqual(
      new Set(['NPMNOTLATEST Package (jsonparse) version (1.1.0) installed but is not the latest version (1.3.1)', 'NPMNOTLATEST Package (ini) version (1.0.0) installed but is not the latest version (1.3.5)']),
    );
    expect(npm('unknown_in_feeds')).toEqual(new Set(['NPMNOTOFFICIAL Package (unofficial-test) in container but not in official NPM feed.']));
    expect(npm('version_not_in_feeds')).toEqual(new Set(["NPMBADVERSION Package (ini) version (1.0.0) installed but version is not in the official feed for this package (['1.3.0', '1.3.5', '1.2.0', '1.2.1'])"]));
  });

  it.each([
    [{ name: 'yarn' }, ['NPM Package is blacklisted: yarn']],
    [{ name: 'no-match' }, []],
    [{ name: 'ini', version: '1.0.0' }, ['NPM Package is blacklisted: ini-1.0.0']],
    [{ name: 'ini', version: '2.3.2' }, []],
  ])('npm blacklisted_name_version %j', (params, want) => {
    expect(npm('blacklisted_name_version', params)).toEqual(new Set(want));
  });
});

describe('vulnerabilities (UNIT/gates/test_vulnerabilities.py)', () => {
  it('stale_feed_data and vulnerability_data_unavailable messages', () => {
    const old = context({ vulnData: { namespace: 'debian:10', distroDataAvailable: false, lastSync: new Date(NOW.getTime() - 2 * 86_400_000) } });
    expect(msgs(evalRule('vulnerabilities', 'stale_feed_data', { max_days_since_sync: '1' }, old))).toEqual(['The vulnerability feed for this image distro is older than MAXAGE (1) days']);
    expect(msgs(evalRule('vulnerabilities', 'vulnerability_data_unavailable', {}, old))).toEqual(['Distro-specific feed data not found for distro namespace: debian:10. Cannot perform CVE scan OS/distro packages']);
  });

  it.each([
    ['CVE-2020-13529', 'false', true],
    ['CVE-2020-13579', 'false', false],
    ['CVE-2020-13529', 'true', true],
    ['CVE-2020-15719', 'true', false],
    ['CVE-2020-13529, CVE-2020-13579', 'false', true],
    ['CVE-2020-13525, CVE-2004-0975', 'false', false],
  ])('blacklist %s vendor_only=%s fires: %s', (vulnerability_ids, vendor_only, fires) => {
    const findings = [finding('CVE-2020-13529', 'systemd'), finding('CVE-2020-15719', 'openldap', { fix: { state: 'wont-fix', versions: [] } })];
    const out = msgs(evalRule('vulnerabilities', 'blacklist', { vulnerability_ids, vendor_only }, context({ findings })));
    expect(out).toHaveLength(fires ? 1 : 0);
    for (const m of out) expect(m).toMatch(/^Blacklisted vulnerabilities detected: \[(('CVE-\d{4}-\d{4,}')(, )?)+]$/);
  });

  it("score and age parts of the package message are Anchore's: space-separated name=value, Python floats (GATES/vulnerabilities.py)", () => {
    const f = finding('CVE-2023-0001', 'openssl', { severity: 'High', nvdCvss: [{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 9.8 }], published: '2025-01-10T00:00:00Z' });
    const m = msgs(evalRule('vulnerabilities', 'package', { package_type: 'all', cvss_v3_base_score: '7', cvss_v3_impact_score: '5', max_days_since_creation: '30' }, context({ findings: [f] })))[0];
    expect(m).toBe('HIGH Vulnerability found in os package type (dpkg) - openssl (cvss_v3_base_score=9.8 cvss_v3_impact_score=5.9)(max_days_since_creation=2025-01-10)(CVE-2023-0001 - https://security-tracker.debian.org/tracker/CVE-2023-0001)');
  });

  it('a GitHub advisory keeps its GHSA id in the trigger id and message of a language package, as grype reports it', () => {
    const lodash = finding('CVE-2021-23337', 'lodash', {
      aliases: ['GHSA-35jh-r3h4-6jhm'],
      packageType: 'npm',
      locations: [{ path: '/app/node_modules/lodash/package.json' }],
      references: ['https://github.com/advisories/GHSA-35jh-r3h4-6jhm'],
      severity: 'High',
    });
    expect(anchoreVulnerabilityId(lodash)).toBe('GHSA-35jh-r3h4-6jhm');
    const e = evalRule('vulnerabilities', 'package', { package_type: 'all' }, context({ findings: [lodash, finding('CVE-2023-0002', 'curl', { aliases: ['GHSA-aaaa-bbbb-cccc'] })] }));
    expect(e.findings.map((f) => f.trigger_id)).toEqual(['GHSA-35jh-r3h4-6jhm+lodash', 'CVE-2023-0002+curl']);
    expect(e.findings[0]!.message).toBe('HIGH Vulnerability found in non-os package type (npm) - /app/node_modules/lodash/package.json (GHSA-35jh-r3h4-6jhm - https://github.com/advisories/GHSA-35jh-r3h4-6jhm)');
    expect(vulnerabilityTriggerId(lodash)).toBe('GHSA-35jh-r3h4-6jhm+lodash');
  });
});

describe('passwd_file, retrieved_files, always: texts the gates state (GATES/passwd_file.py, retrieved_files.py, always.py)', () => {
  it('content_not_available and always', async () => {
    const files = await viewOf({ '/etc/hostname': 'x\n' });
    expect(msgs(evalRule('passwd_file', 'content_not_available', {}, context({ files })))).toEqual(['Cannot locate /etc/passwd in image stored files archive: check analyzer settings.']);
    // UNIT/gates/test_retrieved_files.py
    expect(msgs(evalRule('retrieved_files', 'content_not_available', { path: '/etc/httpd.conf' }, context({ files })))).toEqual(['Cannot locate file in the image analysis']);
    // UNIT/gates/test_always.py
    expect(evalRule('always', 'always', {}, context()).findings.map((f) => [f.message, f.trigger_id])).toEqual([['Unconditional trigger match', 'always']]);
  });

  it('blacklist_usernames (UNIT/gates/test_passwd_file.py)', async () => {
    const rule = { gate: 'passwd_file', trigger: 'blacklist_usernames', params: { user_names: 'adm,bin' } };
    const files = await viewOf({ '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/usr/bin/false\nadm:x:22:22:adm:/var/adm:/usr/bin/false\n' }, bundleOf([rule]));
    expect(new Set(msgs(evalRule('passwd_file', 'blacklist_usernames', { user_names: 'adm,bin' }, context({ files }))))).toEqual(
      new Set(["Blacklisted user 'bin' found in image's /etc/passwd: pentry=bin:x:1:1:bin:/bin:/usr/bin/false", "Blacklisted user 'adm' found in image's /etc/passwd: pentry=adm:x:22:22:adm:/var/adm:/usr/bin/false"]),
    );
  });
});

describe('secret_scans: the regex text of the default analyzer config (anchore_engine/conf/analyzer_config.yaml)', () => {
  it('every default secret name quotes its analyzer_config.yaml entry', () => {
    expect(Object.keys(ANCHORE_SECRET_SEARCH)).toEqual(DEFAULT_SECRET_REGEXES.map((r) => r.name));
    expect(`AWS_ACCESS_KEY=${ANCHORE_SECRET_SEARCH.AWS_ACCESS_KEY}`).toBe('AWS_ACCESS_KEY=(?i).*aws_access_key_id( *=+ *).*(?<![A-Z0-9])[A-Z0-9]{20}(?![A-Z0-9]).*');
    expect(`DOCKER_AUTH=${ANCHORE_SECRET_SEARCH.DOCKER_AUTH}`).toBe('DOCKER_AUTH=(?i).*"auth": *".+"');
  });
});

describe('allowlists (policy/bundles.py ExecutableWhitelistItem, anchore_engine/util/matcher.py)', () => {
  const findings = [finding('CVE-2015-5180', 'libc6', { severity: 'High' }), finding('CVE-2016-2779', 'util-linux', { severity: 'High' })];
  const withItems = (items: { id: string; gate: string; trigger_id: string }[]) => {
    const b = bundleOf([{ gate: 'vulnerabilities', trigger: 'package', params: { package_type: 'all' } }], { whitelists: [{ id: 'wl', name: 'WL', version: '1_0', items }] });
    b.mappings[0]!.allowlist_ids = ['wl'];
    return evaluatePolicy(b, context({ findings }), { tag: 'docker.io/library/app:1.0' });
  };

  it('a bare CVE id matches no <vuln>+<package> trigger id, as Anchore Engine matches ids exactly or by wildcard', () => {
    const e = withItems([{ id: 'bare', gate: 'vulnerabilities', trigger_id: 'CVE-2015-5180' }]);
    expect(e.findings.map((f) => f.action)).toEqual(['stop', 'stop']);
    expect(e.evaluation_problems.map((p) => p.problem_type)).toEqual(['allowlist_item_unmatched']);
  });

  it('CVE+* and regexp: items match; the gate must be the same', () => {
    expect(withItems([{ id: 'w', gate: 'VULNERABILITIES', trigger_id: 'CVE-2015-5180+*' }]).findings.map((f) => f.action)).toEqual(['go', 'stop']);
    expect(withItems([{ id: 'r', gate: 'vulnerabilities', trigger_id: 'regexp:^CVE-2016-.*' }]).findings.map((f) => f.action)).toEqual(['stop', 'go']);
    expect(withItems([{ id: 'g', gate: 'packages', trigger_id: '*' }]).findings.map((f) => f.action)).toEqual(['stop', 'stop']);
  });

  it("md5 trigger ids are Anchore's md5(gate + trigger + message) (policy/gate.py TriggerMatch)", () => {
    const e = evalRule('dockerfile', 'no_dockerfile_provided', {}, context());
    expect(e.findings[0]!.trigger_id).toBe(md5TriggerId('dockerfile', 'no_dockerfile_provided', 'Image was not analyzed with an actual Dockerfile'));
  });
});

describe("Anchore's all-rules test bundle loads (tests/functional/artifacts/bundle-with-all-rules-2020-08-20.json)", () => {
  // One rule per gate/trigger, params as that bundle writes them (regexes that do not compile, unknown names).
  const RULES: [string, string, string, Record<string, string>][] = [
    ['dockerfile', 'no_dockerfile_provided', 'GO', {}],
    ['dockerfile', 'instruction', 'GO', { instruction: 'CMD', check: 'exists', value: 'from' }],
    ['dockerfile', 'exposed_ports', 'GO', { ports: '443', type: 'whitelist' }],
    ['dockerfile', 'effective_user', 'GO', { users: 'docker', type: 'whitelist' }],
    ['files', 'suid_or_guid_set', 'GO', {}],
    ['files', 'name_match', 'GO', { regex: '*\\.pem' }],
    ['files', 'content_regex_match', 'GO', { regex_name: '*' }],
    ['files', 'attribute_match', 'GO', { filename: '/etc/httpd.conf' }],
    ['licenses', 'blacklist_partial_match', 'GO', { licenses: 'BSD' }],
    ['licenses', 'blacklist_exact_match', 'GO', { licenses: 'BSD-2' }],
    ['malware', 'scans', 'WARN', {}],
    ['metadata', 'attribute', 'GO', { attribute: 'os_type', check: '>', value: '31' }],
    ['npms', 'version_not_in_feeds', 'WARN', {}],
    ['npms', 'unknown_in_feeds', 'WARN', {}],
    ['npms', 'newer_version_in_feed', 'WARN', {}],
    ['npms', 'feed_data_unavailable', 'GO', {}],
    ['npms', 'blacklisted_name_version', 'GO', { name: 'ffff', version: '111111' }],
    ['packages', 'verify', 'GO', { only_packages: 'dfsafasdfasdfasdf', only_directories: 'fdafa', check: 'missing' }],
    ['packages', 'required_package', 'WARN', { name: 'asdfasdf', version: 'fddas', version_match_type: 'minimum' }],
    ['packages', 'blacklist', 'GO', { name: 'sadf', version: '1111111' }],
    ['passwd_file', 'content_not_available', 'GO', {}],
    ['passwd_file', 'blacklist_usernames', 'GO', { user_names: 'asdfdasf' }],
    ['passwd_file', 'blacklist_userids', 'GO', { user_ids: '8930145' }],
    ['passwd_file', 'blacklist_shells', 'GO', { shells: '/bin/zsh' }],
    ['passwd_file', 'blacklist_groupids', 'GO', { group_ids: '3124' }],
    ['passwd_file', 'blacklist_full_entry', 'GO', { entry: 'test' }],
    ['retrieved_files', 'content_regex', 'WARN', { path: '/etc/httpd.conf', check: 'no_match', regex: '.*SSLEnabled.*' }],
    ['retrieved_files', 'content_not_available', 'WARN', { path: '/etc/httpd.conf' }],
    ['ruby_gems', 'version_not_found_in_feed', 'WARN', {}],
    ['ruby_gems', 'not_found_in_feed', 'WARN', {}],
    ['ruby_gems', 'newer_version_found_in_feed', 'WARN', {}],
    ['ruby_gems', 'feed_data_unavailable', 'WARN', {}],
    ['ruby_gems', 'blacklist', 'WARN', { name: 'ruby-test', version: '0.2.9' }],
    ['vulnerabilities', 'vulnerability_data_unavailable', 'WARN', {}],
    ['vulnerabilities', 'stale_feed_data', 'WARN', { max_days_since_sync: '100' }],
    ['vulnerabilities', 'package', 'WARN', { package_type: 'all' }],
    ['vulnerabilities', 'blacklist', 'WARN', { vulnerability_ids: 'CVE-2019-1234', vendor_only: 'false' }],
    ['secret_scans', 'content_regex_checks', 'GO', { content_regex_name: 'test-regex', filename_regex: '.*', match_type: 'found' }],
  ];
  const doc = {
    id: 'all-rules',
    version: '1_0',
    name: 'all rules',
    policies: [{ id: 'p', version: '1_0', name: 'p', rules: RULES.map(([gate, trigger, action, params], i) => ({ id: `r${i}`, gate, trigger, action, params: Object.entries(params).map(([name, value]) => ({ name, value })) })) }],
    whitelists: [],
    mappings: [{ id: 'm', name: 'all', registry: '*', repository: '*', image: { type: 'tag', value: '*' }, policy_ids: ['p'], whitelist_ids: [] }],
  };

  it('validates with no problem', () => {
    expect(checkBundle(doc).problems).toEqual([]);
  });

  it('evaluates: the regex that does not compile is an evaluation problem of its rule, not a load error', async () => {
    const bundle = checkBundle(doc).bundle!;
    const files = await viewOf({ '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\n', '/srv/key.pem': 'k' }, bundle);
    const e = evaluatePolicy(bundle, context({ files, image: image({ history: ['/bin/sh -c make'] }) }), { tag: 'docker.io/library/app:1.0' });
    expect(e.evaluation_problems).toEqual(expect.arrayContaining([expect.objectContaining({ problem_type: 'trigger_evaluation_error', details: expect.stringContaining('files/name_match') })]));
    expect(e.evaluation_problems).toEqual(expect.arrayContaining([expect.objectContaining({ problem_type: 'unknown_regex_name', details: expect.stringContaining('test-regex') })]));
    expect(e.final_action).toBe('warn');
  });
});

describe('mapping rules (UNIT/test_mapping_rules.py)', () => {
  const rule = (type: 'tag' | 'digest' | 'id', value: string, registry = '*', repository = '*') => ({ id: 'm', name: 'm', registry, repository, image: { type, value } });
  const at = (tag: string, digest = 'sha256:123abc') => ({ tag, digest, imageId: '0' });

  it.each([
    [rule('tag', '*'), at('docker.io/nginx:latest'), true],
    [rule('tag', '*'), at('*/*:*'), true],
    [rule('tag', 'latest'), at('*/*:*'), false],
    [rule('tag', '*', 'gcr.io'), at('docker.io/nginx:latest'), false],
    [rule('tag', '*', '*', 'mysql'), at('docker.io/nginx:latest'), false],
    [rule('tag', 'latest', 'docker.io', 'mysql'), at('docker.io/mysql:alpine'), false],
    [rule('tag', '*-dev'), at('docker.io/nginx:1.8-dev'), true],
    [rule('tag', '*', 'docker.io'), at('docker.io/nginx:latest'), true],
    [rule('tag', '*', 'docker.io', 'nginx'), at('docker.io/nginx:latest'), true],
    [rule('tag', '*', 'docker.io', 'library/nginx'), at('docker.io/nginx:latest'), false],
    [rule('tag', 'latest', 'docker.io', 'library/nginx'), at('docker.io/library/nginx:latest'), true],
    [rule('digest', 'sha256:123abc'), at('docker.io/nginx:latest'), true],
    [rule('digest', 'sha256:123abc', 'gcr.io'), at('docker.io/nginx:latest'), false],
    [rule('digest', 'sha256:123abc', '*', 'mysql'), at('docker.io/nginx:latest'), false],
    [rule('digest', 'sha256:123abc', '*', 'mysql'), at('*/*:*'), false],
    [rule('digest', 'sha256:123abc'), at('docker.io/nginx:latest', 'sha256:123abd'), false],
    [rule('digest', 'sha256:123abc'), at('*/*:*'), true],
    [rule('digest', 'sha256:123abd'), at('*/*:*'), false],
    [rule('id', '0'), at('docker.io/nginx:latest'), true],
    [rule('id', '0', 'gcr.io'), at('docker.io/nginx:latest'), false],
    [rule('id', '0', '*', 'mysql'), at('*/*:*'), false],
    [rule('id', '1'), at('docker.io/nginx:latest', 'sha256:123abd'), false],
  ])('%j selects %j: %s', (r, target, want) => {
    expect(selects(r, target)).toBe(want);
  });
});

describe('param validators (UNIT/test_parameters.py)', () => {
  const valid = (type: ParamSpec['type'], value: string, allowed?: string[]) => checkParamValue({ name: 'p', description: '', type, required: false, ...(allowed ? { allowed } : {}) }, value, {}) === undefined;

  it.each([
    ['True', true],
    ['False', true],
    ['true', true],
    ['TRUE', true],
    ['FALSE', true],
    ['false', true],
    ['blah', false],
    ['1.0', false],
    ['1', false],
  ])('BooleanStringValidator %s → %s', (value, want) => {
    expect(valid('boolean', value)).toBe(want);
  });

  it.each([
    ['1,2,3', true],
    [' 1, 2, 3 ', true],
    ['1', true],
    ['a', false],
    ['1,2,c', false],
    ['1,,2', false],
  ])('CommaDelimitedNumberListValidator %j → %s', (value, want) => {
    expect(valid('integer-list', value)).toBe(want);
  });

  it.each([
    ['a,b,c', true],
    ['aa,,bb', false],
    [',a', false],
    ['a,', false],
  ])('CommaDelimitedStringListValidator %j → %s', (value, want) => {
    expect(valid('string-list', value)).toBe(want);
  });

  it.each([
    ['1', true],
    ['1,2,3', false],
    ['a,b,c', false],
    ['a', false],
    ['1,2,c', false],
  ])('IntegerValidator %j → %s', (value, want) => {
    expect(valid('integer', value)).toBe(want);
  });

  it.each([
    ['value1', true],
    ['value2', true],
    ['3', false],
    ['value1,value2', false],
  ])('EnumValidator %j → %s', (value, want) => {
    expect(valid('enum', value, ['value1', 'value2'])).toBe(want);
  });

  it('TypeValidator("string") accepts the empty string', () => {
    expect(valid('string', '')).toBe(true);
  });
});

describe('secret_scans and retrieved_files on files (UNIT/gates/test_secrets.py, test_retrieved_files.py)', () => {
  const AWS = 'AWS_ACCESS_KEY=(?i).*aws_access_key_id( *=+ *).*(?<![A-Z0-9])[A-Z0-9]{20}(?![A-Z0-9]).*';
  const PRIV = 'PRIV_KEY=(?i)-+BEGIN(.*)PRIVATE KEY-+';
  const FILES = {
    '/fake_aws_key': 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n',
    '/fake_private_key': `-----BEGIN RSA PRIVATE KEY-----\n${'MIIEowIBAAKCAQEA'.repeat(4)}\n-----END RSA PRIVATE KEY-----\n`,
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\n',
  };
  const secrets = async (params: Record<string, string>) => {
    const b = bundleOf([{ gate: 'secret_scans', trigger: 'content_regex_checks', params }]);
    return new Set(msgs(evaluatePolicy(b, context({ files: await viewOf(FILES, b) }), { tag: 'docker.io/library/app:1.0' })));
  };

  it.each([
    [{ content_regex_name: 'AWS_ACCESS_KEY' }, [`Secret content search analyzer found regexp match in container: file=/fake_aws_key regexp=${AWS}`]],
    [{ content_regex_name: 'test' }, []],
    [{ filename_regex: '/fake*' }, [`Secret content search analyzer found regexp match in container: file=/fake_aws_key regexp=${AWS}`, `Secret content search analyzer found regexp match in container: file=/fake_private_key regexp=${PRIV}`]],
    [{ filename_regex: '/fake_test*' }, []],
    [{ filename_regex: '/fake_test*', match_type: 'notfound' }, ['Secret content search analyzer did not find regexp match in container: filename_regex=/fake_test* content_regex_name=all']],
    [{ content_regex_name: 'AWS_ACCESS_KEY', match_type: 'found' }, [`Secret content search analyzer found regexp match in container: file=/fake_aws_key regexp=${AWS}`]],
    [{ filename_regex: '/fake*', content_regex_name: 'AWS_ACCESS_KEY' }, [`Secret content search analyzer found regexp match in container: file=/fake_aws_key regexp=${AWS}`]],
  ])('content_regex_checks %j', async (params, want) => {
    expect(await secrets(params)).toEqual(new Set(want));
  });

  it.each([
    [{ path: '/test/path' }, ['Cannot locate file in the image analysis']],
    [{ path: '/etc/passwd' }, []],
  ])('retrieved_files content_not_available %j', async (params, want) => {
    const b = bundleOf([{ gate: 'retrieved_files', trigger: 'content_not_available', params }]);
    expect(msgs(evaluatePolicy(b, context({ files: await viewOf(FILES, b) }), { tag: 'x:1' }))).toEqual(want);
  });

  it.each([
    [{ path: '/etc/passwd', check: 'match', regex: '.*bash' }, ["Content regex '.*bash' check 'match' found in retrieved file '/etc/passwd'"]],
    [{ path: '/etc/passwd', check: 'match', regex: '.*zsh' }, []],
    [{ path: '/etc/passwd', check: 'no_match', regex: '.*bash' }, []],
  ])('retrieved_files content_regex %j', async (params, want) => {
    const b = bundleOf([{ gate: 'retrieved_files', trigger: 'content_regex', params, id: 'rule-1' }]);
    const e = evaluatePolicy(b, context({ files: await viewOf(FILES, b) }), { tag: 'x:1' });
    expect(msgs(e)).toEqual(want);
    for (const f of e.findings) expect(f.trigger_id).toBe('rule-1+file:///etc/passwd');
  });
});

describe('packages (INTEG/test_packages.py)', () => {
  // Anchore's image "debian9-slim-custom": debian:9-slim with its analysis hand-edited so that tzdata's
  // README.Debian is gone and its copyright changed (digest and mode); the slim image lacks tzdata's changelogs.
  const tz = '/usr/share/doc/tzdata';
  const packages: Package[] = [
    pkg('libc6', '2.24-11+deb9u4'),
    pkg('tzdata', '2018e-0+deb9u1', { metadata: { files: [`${tz}/copyright`, `${tz}/README.Debian`, `${tz}/changelog.gz`, `${tz}/changelog.Debian.gz`, '/usr/share/zoneinfo/UTC'] } }),
    pkg('zlib1g', '1:1.2.8.dfsg-5', { metadata: { files: ['/lib/x86_64-linux-gnu/libz.so.1', '/usr/share/doc/zlib1g/changelog.gz', '/usr/share/doc/zlib1g/changelog.Debian.gz', '/usr/share/doc/zlib1g/copyright'] } }),
    pkg('util-linux', '2.29.2-1+deb9u1', { metadata: { files: ['/bin/more', '/usr/share/doc/util-linux/changelog.Debian.gz'] } }),
  ];
  const filesOnDisk = { [`${tz.slice(1)}/copyright`]: 'edited', 'usr/share/zoneinfo/UTC': 'TZif', 'lib/x86_64-linux-gnu/libz.so.1': 'ELF', 'usr/share/doc/zlib1g/copyright': 'c', 'bin/more': 'ELF' };
  const run = async (trigger: string, params: Record<string, string>) => evalRule('packages', trigger, params, context({ packages, files: await viewOf(filesOnDisk) }));

  it.each([
    [{ name: 'libc6', version: '2.24-11+deb9u4' }, ['Package is blacklisted: libc6-2.24-11+deb9u4']],
    [{ name: 'libc6', version: '2.24-10+deb9u4' }, []],
    [{ name: 'libc6' }, ['Package is blacklisted: libc6']],
    [{ name: 'libc-not-real' }, []],
  ])('test_blacklist %j', async (params, want) => {
    expect(msgs(await run('blacklist', params))).toEqual(want);
  });

  it.each([
    [{ name: 'libc6', version: '2.24-11+deb9u4', version_match_type: 'exact' }, []],
    [{ name: 'libc6', version: '2.24-10+deb9u4', version_match_type: 'minimum' }, []],
    [{ name: 'libc6', version: '2.24-10+deb9u4' }, ['Required input package (libc6) is present (2.24-11+deb9u4), but not at the version specified in policy (libc6)']],
    [{ name: 'libc6', version: '2.24-10+deb9u4', version_match_type: 'exact' }, ['Required input package (libc6) is present (2.24-11+deb9u4), but not at the version specified in policy (libc6)']],
    [{ name: 'libc6', version: '2.24-15+deb9u4', version_match_type: 'minimum' }, ['Required min-version input package (libc6) is present (2.24-11+deb9u4), but is lower version than what is specified in policy (2.24-15+deb9u4)']],
    [{ name: 'libc-not-installed' }, ['Required input package (libc-not-installed) is not present in container image']],
    [{ name: 'libc-not-installed', version: '1.1.0', version_match_type: 'exact' }, ['Required input package (libc-not-installed,1.1.0) is not present in container image']],
    [{ name: 'libc-not-installed', version: '1.1.0', version_match_type: 'minimum' }, ['Required input package (libc-not-installed,1.1.0) is not present in container image']],
  ])('test_pkg_required %j', async (params, want) => {
    expect(msgs(await run('required_package', params))).toEqual(want);
  });

  it('required_package minimum at exactly the installed version does not fire (GATES/packages.py skips an equal fullversion)', async () => {
    expect(msgs(await run('required_package', { name: 'libc6', version: '2.24-11+deb9u4', version_match_type: 'minimum' }))).toEqual([]);
  });

  const missing = (name: string, path: string) => `VERIFY check against package db for package '${name}' failed on entry '${path}' with status: 'missing'`;

  it('test_verifytrigger: default params and check=missing fire for missing entries, with Anchore\'s message', async () => {
    const all = await run('verify', {});
    expect(msgs(all).length).toBeGreaterThan(0);
    expect(msgs(all).filter((m) => m.includes("'missing'")).length).toBeGreaterThan(0);
    // Anchore also fires "changed" here (tzdata's copyright); Portcullis has no file digests and says so.
    expect(all.evaluation_problems.map((p) => p.problem_type)).toEqual(['verify_changed_unsupported']);
    const onlyMissing = await run('verify', { check: 'missing' });
    expect(msgs(onlyMissing)).toEqual(msgs(all));
    expect(onlyMissing.evaluation_problems).toEqual([]);
  });

  it('test_verifytrigger: only_directories with a trailing slash and check=changed cannot fire here, and says so', async () => {
    const e = await run('verify', { only_directories: `${tz}/`, check: 'changed' });
    expect(e.findings).toEqual([]); // Anchore: 1 ("changed" on tzdata's copyright)
    expect(e.evaluation_problems.map((p) => p.problem_type)).toEqual(['verify_changed_unsupported']);
  });

  it.each([
    // Anchore asserts 4 for tzdata: these 3 "missing" and 1 "changed" Portcullis cannot detect.
    ['tzdata', [missing('tzdata', `${tz}/README.Debian`), missing('tzdata', `${tz}/changelog.gz`), missing('tzdata', `${tz}/changelog.Debian.gz`)]],
    ['zlib1g', [missing('zlib1g', '/usr/share/doc/zlib1g/changelog.gz'), missing('zlib1g', '/usr/share/doc/zlib1g/changelog.Debian.gz')]],
    ['util-linux', [missing('util-linux', '/usr/share/doc/util-linux/changelog.Debian.gz')]],
    ['findutil-notfound', []],
  ])('test_verifytrigger only_packages=%s', async (only, want) => {
    expect(msgs(await run('verify', { only_packages: only, check: 'missing' }))).toEqual(want);
  });

  it('blacklist version of an rpm or apk matches Anchore\'s version column, without the release (anchore_engine/services/policy_engine/engine/loaders.py)', () => {
    const rpmApk = [pkg('openssl', '1:1.0.2k-19.el7', { type: 'rpm' }), pkg('musl', '1.2.3-r0', { type: 'apk' })];
    const bl = (name: string, version: string) => msgs(evalRule('packages', 'blacklist', { name, version }, context({ packages: rpmApk })));
    expect(bl('openssl', '1.0.2k')).toEqual(['Package is blacklisted: openssl-1.0.2k']);
    expect(bl('openssl', '1:1.0.2k-19.el7')).toEqual(['Package is blacklisted: openssl-1:1.0.2k-19.el7']);
    expect(bl('openssl', '1.0.2')).toEqual([]);
    expect(bl('musl', '1.2.3')).toEqual(['Package is blacklisted: musl-1.2.3']);
    expect(bl('musl', '1.2.3-r0')).toEqual(['Package is blacklisted: musl-1.2.3-r0']);
  });
});
