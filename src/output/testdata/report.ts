/**
 * A realistic synthetic ScanReport for the golden tests: the dockerfile-app image (buildah-layers), with deb and npm
 * packages, findings of every severity, fired policy triggers (STOP, WARN, allowlisted), unknowns and Dockerfile
 * origins as `mapLayersToDockerfile` computes them for that image.
 */

import type { Finding, LayerInfo, Package, ScanReport } from '../../model/index.js';
import { VERSION } from '../../version-info.js';

const LAYERS: [digest: string, diffId: string, size: number, hist: number, createdBy: string][] = [
  ['sha256:b103b421e7b505fd8a997af3c82c1429cc0b94aaa1656195cb760b0b5655f928', 'sha256:919a673fbd63fab94f748306633e093ce5a8bbd2662b10429483d8231ac8d2b1', 51109609, 0, 'debootstrap --variant=minbase bookworm http://debian-mirror.invalid/debian (apt cache & lists cleaned)'],
  ['sha256:a9e73c61ecb2cd46cbbab93314527a4ea46b2df676b9401ed95e84cf01ba82e0', 'sha256:1a7066e6f5ec9e88046abd85fd8b9abac968b10d66c77c40c2cda16d8de8146d', 21434274, 6, '|2 APP_VERSION=1.4.2 DEBIAN_FRONTEND=noninteractive /bin/sh -c apt-get update  && apt-get install -y --no-install-recommends       ca-certificates       openssl       curl       python3  && apt-get clean  && rm -rf /var/lib/apt/lists/*'],
  ['sha256:a754f88806490f625fe8421a6148f651a1ee1ebad1bf1f90bf26acc5125c7e0b', 'sha256:4adda70d87f7d4366b6ba0c3bc3f0b7ac401772609c88c8486034a21a4d0b71c', 1170, 7, '|2 APP_VERSION=1.4.2 DEBIAN_FRONTEND=noninteractive /bin/sh -c groupadd --system --gid 10001 app  && useradd --system --uid 10001 --gid app --home-dir /srv/app --shell /usr/sbin/nologin app'],
  ['sha256:b59d07b7d224f57ea1928e459b4ab660ed18502591a6af65d596257b96072e9a', 'sha256:6d8552c72690df62e954970f99c240396c344ea7aa6d8c7fd85366f29854eef3', 6656, 9, '/bin/sh -c #(nop) COPY multi:5c6138824c01e62251589f7f367678fed381e107db1388632fad5ddab1a89540 in ./ '],
  ['sha256:fe2787f474d2d0ec9edbac2606cbd2c7d56f05cd26b8a0f3fe79be8c23df7f17', 'sha256:1d69394dc58c236c23e54d192bec9768db153e8e545bc4745435dc42f10e1718', 859984, 10, '|2 APP_VERSION=1.4.2 DEBIAN_FRONTEND=noninteractive /bin/sh -c npm ci --omit=dev  && npm cache clean --force'],
  ['sha256:aeeb7560e56a74c6f9259803ce9faaf4ef83a838fd90b2a4be89ab71c519e3c7', 'sha256:c32a122bbe81a4fae59a324f937525a53d15c33c56513d60570397b5981ef56f', 7329, 11, '/bin/sh -c #(nop) COPY dir:f00020fd333b3db6b5097f7f03e93d7ea01dda075e863aa6773f25922e67fdaf in . '],
];

const layers: LayerInfo[] = LAYERS.map(([digest, diffId, size, hist, createdBy], index) => ({
  index,
  digest,
  diffId,
  mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
  size,
  history: { created: '2026-11-22T11:09:57Z', created_by: createdBy },
  historyIndex: hist,
}));

const prov = (layerIndex: number) => ({
  layerIndex,
  layerDigest: LAYERS[layerIndex]![0],
  diffId: LAYERS[layerIndex]![1],
  historyIndex: LAYERS[layerIndex]![3],
  createdBy: LAYERS[layerIndex]![4],
});

function deb(name: string, version: string, layer: number, licenses: string[], source?: string): Package {
  return {
    id: `deb:${name}@${version}`,
    type: 'deb',
    name,
    version,
    purl: `pkg:deb/debian/${name}@${encodeURIComponent(version)}?arch=amd64&distro=debian-12`,
    licenses,
    locations: [{ path: '/var/lib/dpkg/status', provenance: prov(layer) }],
    foundBy: 'dpkg/status',
    ...(source ? { source: { name: source, version } } : {}),
    arch: 'amd64',
  };
}

function npm(name: string, version: string, path: string, licenses: string[]): Package {
  return {
    id: `npm:${name}@${version}:${path}`,
    type: 'npm',
    name,
    version,
    purl: `pkg:npm/${name}@${version}`,
    licenses,
    locations: [{ path, provenance: prov(4) }],
    foundBy: 'npm/installed',
  };
}

export const packages: Package[] = [
  deb('libc6', '2.36-9+deb12u14', 0, ['LGPL-2.1-or-later', 'GPL-2.0-or-later'], 'glibc'),
  deb('libssl3', '3.0.20-1~deb12u2', 1, ['Apache-2.0'], 'openssl'),
  deb('openssl', '3.0.20-1~deb12u2', 1, ['Apache-2.0']),
  deb('curl', '7.88.1-10+deb12u15', 1, ['curl']),
  deb('libcurl4', '7.88.1-10+deb12u15', 1, ['curl'], 'curl'),
  deb('tar', '1.34+dfsg-1.2+deb12u1', 0, ['GPL-3.0-or-later', 'Custom: see /usr/share/common-licenses']),
  npm('express', '4.16.0', '/srv/app/node_modules/express/package.json', ['MIT']),
  npm('lodash', '4.17.15', '/srv/app/node_modules/lodash/package.json', ['MIT']),
  npm('minimist', '1.2.0', '/srv/app/node_modules/minimist/package.json', ['MIT']),
  npm('qs', '6.5.1', '/srv/app/node_modules/qs/package.json', ['BSD-3-Clause']),
];

const pkg = (name: string) => packages.find((p) => p.name === name)!;

function finding(id: string, name: string, severity: Finding['severity'], extra: Partial<Finding>): Finding {
  const p = pkg(name);
  return {
    id,
    aliases: [],
    packageId: p.id,
    packageName: p.name,
    packageType: p.type,
    installedVersion: p.version,
    purl: p.purl,
    locations: p.locations,
    fix: { state: 'unknown', versions: [] },
    severity,
    cvss: [],
    nvdCvss: [],
    severitySource: 'none',
    references: [],
    dataSource: p.type === 'deb' ? 'osv:Debian' : 'osv:npm',
    matchedBy: p.type === 'deb' ? `distro:debian:12 via source ${p.source?.name ?? p.name}` : 'ecosystem:npm',
    ...extra,
  };
}

export const findings: Finding[] = [
  finding('CVE-2021-44906', 'minimist', 'Critical', {
    aliases: ['GHSA-xvch-5gv4-984h'],
    fix: { state: 'fixed', versions: ['1.2.6'] },
    cvss: [{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 9.8, source: 'osv:npm' }],
    nvdCvss: [{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 9.8, source: 'nvd@nist.gov', type: 'Primary' }],
    severitySource: 'vendor:osv:npm',
    epss: { score: 0.00731, percentile: 0.71, date: '2026-11-21' },
    summary: 'Prototype Pollution in minimist',
    references: ['https://nvd.nist.gov/vuln/detail/CVE-2021-44906', 'https://github.com/advisories/GHSA-xvch-5gv4-984h'],
    published: '2022-03-17T16:15:00Z',
  }),
  finding('CVE-2021-23337', 'lodash', 'High', {
    aliases: ['GHSA-35jh-r3h4-6jhm'],
    fix: { state: 'fixed', versions: ['4.17.21'] },
    cvss: [{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H', baseScore: 7.2, source: 'nvd' }],
    summary: 'Command Injection in lodash',
    references: ['https://github.com/advisories/GHSA-35jh-r3h4-6jhm'],
  }),
  finding('CVE-2023-38545', 'curl', 'High', {
    fix: { state: 'not-fixed', versions: [] },
    severitySource: 'vendor:osv:Debian',
    kev: { dateAdded: '2026-01-15', dueDate: '2026-02-05', knownRansomwareCampaignUse: 'Unknown' },
    epss: { score: 0.2634, percentile: 0.96, date: '2026-11-21' },
    cvss: [{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 9.8, source: 'nvd' }],
    summary: 'SOCKS5 heap buffer overflow | with "quotes" & <angles>',
    references: ['https://curl.se/docs/CVE-2023-38545.html'],
  }),
  finding('CVE-2023-38545', 'libcurl4', 'High', {
    fix: { state: 'not-fixed', versions: [] },
    cvss: [{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 9.8, source: 'nvd' }],
    summary: 'SOCKS5 heap buffer overflow | with "quotes" & <angles>',
    references: ['https://curl.se/docs/CVE-2023-38545.html'],
  }),
  finding('CVE-2022-24999', 'qs', 'High', {
    aliases: ['GHSA-hrpp-h998-j3pp'],
    fix: { state: 'fixed', versions: ['6.5.3'] },
    cvss: [{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', baseScore: 7.5 }],
    summary: 'qs vulnerable to Prototype Pollution',
  }),
  finding('CVE-2024-29041', 'express', 'Medium', {
    aliases: ['GHSA-rv95-896h-c2vc'],
    fix: { state: 'fixed', versions: ['4.19.2'] },
    cvss: [{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N', baseScore: 6.1 }],
    summary: 'Express.js Open Redirect in malformed URLs',
  }),
  finding('CVE-2024-13176', 'libssl3', 'Low', {
    fix: { state: 'wont-fix', versions: [] },
    cvss: [{ version: '3.1', vector: 'CVSS:3.1/AV:L/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N', baseScore: 4.1 }],
    summary: 'Timing side-channel in ECDSA signature computation',
  }),
  finding('CVE-2005-2541', 'tar', 'Negligible', { summary: 'Tar does not warn when extracting setuid files' }),
  finding('CVE-2019-1010022', 'libc6', 'Unknown', { summary: 'glibc stack guard protection bypass (disputed)' }),
];

export function sampleReport(): ScanReport {
  return {
    schemaVersion: '1',
    tool: { name: 'portcullis', version: VERSION },
    createdAt: '2026-11-23T08:30:00.000Z',
    image: {
      reference: 'oci-dir:fixtures/debian-fixtures.oci:dockerfile-app-buildah-layers',
      source: 'oci-dir',
      manifestDigest: 'sha256:ed4f088a9f65ecc114bab26ff29326e69b2e4391470441d136c77e7a4beb8264',
      manifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
      configDigest: 'sha256:ae2e9d5a7066a5ac5a365bc914b2d3a6656e91094bf03972992a26f6766c20bd',
      platform: { os: 'linux', architecture: 'amd64' },
      layers,
      config: {
        architecture: 'amd64',
        os: 'linux',
        created: '2026-11-22T11:10:03Z',
        config: { User: 'app', Cmd: ['node', 'server.js'], WorkingDir: '/srv/app', ExposedPorts: { '8080/tcp': {} } },
        rootfs: { type: 'layers', diff_ids: LAYERS.map((l) => l[1]) },
        history: [],
      },
      repoTags: ['localhost/fixtures/dockerfile-app:1.4.2'],
      repoDigests: [],
    },
    distro: { id: 'debian', versionId: '12', versionCodename: 'bookworm', prettyName: 'Debian GNU/Linux 12 (bookworm)' },
    packages,
    findings,
    unknowns: [
      { stage: 'catalog/npm', reason: 'package.json is not valid JSON', path: '/srv/app/node_modules/broken/package.json', layerDigest: LAYERS[4]![0], packageDatabase: 'npm' },
      { stage: 'image', reason: 'symlink loop', path: '/etc/alternatives/loop' },
    ],
    plugins: [
      { id: 'dpkg/status', version: 1, status: 'succeeded' },
      { id: 'npm/installed', version: 1, status: 'partial', reason: '1 package.json could not be read' },
    ],
    vulnerabilityData: { sources: [{ id: 'osv:Debian', fetchedAt: '2026-11-22T06:00:00Z', records: 41234 }, { id: 'osv:npm', fetchedAt: '2026-11-22T06:00:00Z', records: 18012 }], ageDays: 1, stale: false, offline: false, gaps: [{ kind: 'no-ecosystem-data', message: 'no vulnerability data for PyPI: 2 packages not checked', ecosystem: 'PyPI', packages: 2 }] },
    policy: {
      bundle_id: 'portcullis-default',
      bundle_name: 'Portcullis default bundle',
      final_action: 'stop',
      final_action_reason: 'policy_evaluation',
      image_mapped_to_rule: true,
      findings: [
        {
          trigger_id: 'CVE-2021-44906+minimist',
          gate: 'vulnerabilities',
          trigger: 'package',
          message: 'CRITICAL Vulnerability found in non-os package type (npm) - /srv/app/node_modules/minimist/package.json (fixed in: 1.2.6)(CVE-2021-44906 - https://nvd.nist.gov/vuln/detail/CVE-2021-44906)',
          action: 'stop',
          rule_action: 'stop',
          policy_id: 'default',
          rule_id: 'rule-vuln-critical',
          recommendation: 'Upgrade minimist to 1.2.6 or later.',
          allowlisted: false,
          location: { path: '/srv/app/node_modules/minimist/package.json' },
        },
        {
          trigger_id: 'a1b2c3',
          gate: 'dockerfile',
          trigger: 'instruction',
          message: 'Dockerfile directive \'HEALTHCHECK\' not found, matching condition \'not_exists\' check',
          action: 'warn',
          rule_action: 'warn',
          policy_id: 'default',
          rule_id: 'rule-healthcheck',
          recommendation: 'Add a HEALTHCHECK instruction.',
          allowlisted: false,
        },
        {
          trigger_id: 'd4e5f6',
          gate: 'dockerfile',
          trigger: 'effective_user',
          message: 'User app found as effective user, which is not on the allowed list',
          action: 'warn',
          rule_action: 'warn',
          policy_id: 'default',
          rule_id: 'rule-user',
          recommendation: '',
          allowlisted: false,
          location: { path: 'Dockerfile', line: 34 },
        },
        {
          trigger_id: 'CVE-2023-38545+curl',
          gate: 'vulnerabilities',
          trigger: 'package',
          message: 'HIGH Vulnerability found in os package type (dpkg) - curl (CVE-2023-38545 - https://curl.se/docs/CVE-2023-38545.html)',
          action: 'go',
          rule_action: 'stop',
          policy_id: 'default',
          rule_id: 'rule-vuln-high',
          recommendation: '',
          allowlisted: true,
          allowlist_match: { id: 'al-1', name: 'accepted until 2027-01-31', matched_rule_id: 'al-rule-1' },
        },
      ],
      evaluation_problems: [],
      evaluation_time: '2026-11-23T08:30:01.000Z',
    },
    dockerfile: {
      path: 'fixtures/dockerfile-app/Dockerfile',
      origins: [
        { layerIndex: 0, line: 3, instruction: 'FROM localhost/fixtures/debian-minbase:bookworm', base: true },
        { layerIndex: 1, line: 14, instruction: 'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates openssl curl python3 && apt-get clean && rm -rf /var/lib/apt/lists/*' },
        { layerIndex: 2, line: 23, instruction: 'RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --home-dir /srv/app --shell /usr/sbin/nologin app' },
        { layerIndex: 3, line: 28, instruction: 'COPY package.json package-lock.json ./' },
        { layerIndex: 4, line: 29, instruction: 'RUN npm ci --omit=dev && npm cache clean --force' },
        { layerIndex: 5, line: 32, instruction: 'COPY . .' },
      ],
    },
    decision: 'STOP',
  };
}
