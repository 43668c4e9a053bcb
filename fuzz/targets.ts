/**
 * Every input parser the fuzzer drives: its entry point, its seeds (real files from ../shared and the repository's
 * own fixtures, else a few inline ones), and the errors it is documented to throw. Anything else thrown is a crash.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { YAMLException } from 'js-yaml';
import { ConfigurationError, RemoteError } from '../src/common/errors.js';
import { silentLogger } from '../src/common/logger.js';
import { parseApkDb } from '../src/catalog/apk/parse.js';
import { parseDebianCopyright } from '../src/catalog/dpkg/copyright.js';
import { parseDpkgStatus } from '../src/catalog/dpkg/parse.js';
import { parseOsRelease } from '../src/catalog/distro/detect.js';
import { parseDepsJson } from '../src/catalog/dotnet/deps-json.js';
import { parseGoBinary } from '../src/catalog/golang/buildinfo.js';
import { parseJavaArchive } from '../src/catalog/java/archive.js';
import { parseManifest as parseJarManifest } from '../src/catalog/java/manifest.js';
import { parsePomProperties, parsePomXml } from '../src/catalog/java/pom.js';
import { parsePackageLock, parsePnpmLock, parseYarnLock } from '../src/catalog/npm/lockfiles.js';
import { parsePackageJson } from '../src/catalog/npm/package-json.js';
import { parseComposerInstalled } from '../src/catalog/php/composer-installed.js';
import { parseCoreMetadata, parseRecord } from '../src/catalog/python/metadata.js';
import { readDatabase } from '../src/catalog/rpm/cataloger.js';
import { BdbError, isBerkeleyHash, readBdbHashValues } from '../src/catalog/rpm/bdb.js';
import { readRpmPackage, RpmHeaderError } from '../src/catalog/rpm/header.js';
import { parseRpmManifest } from '../src/catalog/rpm/manifest.js';
import { NdbError, readNdbBlobs } from '../src/catalog/rpm/ndb.js';
import { isSqlite, SqliteError, SqliteFile } from '../src/catalog/rpm/sqlite.js';
import { parseGemspec } from '../src/catalog/ruby/gemspec.js';
import { parseAuditableBinary } from '../src/catalog/rust/auditable.js';
import { ZipError } from '../src/common/zip.js';
import { parseConfig, parseManifest } from '../src/image/manifest.js';
import { loadImage } from '../src/image/open.js';
import { TarFormatError, TarParser } from '../src/image/tar/tar-parser.js';
import { parseOpenVex } from '../src/match/vex.js';
import { loadBundle } from '../src/policy/bundle.js';
import { parseDockerfile } from '../src/policy/gates/dockerfile/parse.js';
import { parseSbom } from '../src/sbom/read.js';
import { parsePurl } from '../src/sbom/purl-parse.js';
import { VERSION_SCHEMES } from '../src/version/list.js';
import type { VersionScheme } from '../src/version/scheme.js';
import { asOsvRecord, OsvFormatError } from '../src/vulndb/osv.js';
import { CorruptArchiveError, readJsonEntries } from '../src/vulndb/zip.js';
import { buildImage, dockerArchiveTar, ociArchiveTar, writeTar, type ImageSpec } from '../test/helpers/image-builder.js';
import { HAS_SHARED, PROJECT_ROOT, sharedPath } from '../test/helpers/shared.js';
import type { InputKind } from './mutate.js';

type ErrorClass = abstract new (...args: never[]) => Error;

export interface FuzzTarget {
  name: string;
  /** What the mutator treats the input as. */
  kind: InputKind;
  seeds(): Buffer[];
  run(input: Buffer, scratch: string): unknown;
  /**
   * Errors this entry point is documented to throw (its callers turn them into an unknown or a one-line error).
   * ConfigurationError (with ImageError and RemoteError) is always allowed.
   */
  documented?: readonly ErrorClass[];
  /** A plain `Error` is what this parser throws for a bad file, and its cataloger records it as an unknown. */
  plainErrorIsUnknown?: boolean;
}

const MAX_SEED_BYTES = 4 << 20;
const MAX_SEEDS = 40;

/** Files under `dir` (recursively) whose path matches, smallest first, at most MAX_SEEDS. */
function files(dir: string, match: (path: string) => boolean, maxBytes = MAX_SEED_BYTES): Buffer[] {
  const found: { path: string; size: number }[] = [];
  const walk = (d: string): void => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(d, n);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && st.size <= maxBytes && match(p)) found.push({ path: p, size: st.size });
    }
  };
  walk(dir);
  found.sort((a, b) => a.size - b.size || (a.path < b.path ? -1 : 1));
  return found.slice(0, MAX_SEEDS).map((f) => readFileSync(f.path));
}

const shared = (dir: string, match: (path: string) => boolean, maxBytes?: number): Buffer[] => (HAS_SHARED ? files(sharedPath(dir), match, maxBytes) : []);
const project = (dir: string, match: (path: string) => boolean): Buffer[] => files(join(PROJECT_ROOT, dir), match);
const inline = (...texts: string[]): Buffer[] => texts.map((t) => Buffer.from(t));
const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
const text = (b: Buffer): string => b.toString('utf8');

/** Small synthetic images from the project's image builder: every entry type, whiteouts, long names. */
function builtImages(): { spec: ImageSpec; kinds: ('docker' | 'docker25' | 'oci')[] }[] {
  const spec = (compression: ImageSpec['compression']): ImageSpec => ({
    compression,
    layers: [
      {
        files: [
          { path: 'etc/', type: 'dir' },
          { path: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\n' },
          { path: 'var/lib/dpkg/status', content: 'Package: bash\nStatus: install ok installed\nVersion: 5.2-1\nArchitecture: amd64\n\n' },
          { path: 'usr/bin/sh', target: 'bash' },
          { path: 'usr/bin/hl', type: 'hardlink', target: 'etc/os-release' },
          { path: `opt/${'long-name/'.repeat(14)}f`, content: 'x', longNames: 'pax' },
        ],
      },
      { files: [{ path: 'etc/os-release', whiteout: true }, { path: 'opt/', opaque: true }, { path: 'srv/a.json', content: '{"a":1}', mode: 0o600, uid: 1000 }] },
    ],
  });
  return [
    { spec: spec('none'), kinds: ['docker', 'docker25', 'oci'] },
    { spec: spec('gzip'), kinds: ['docker', 'oci'] },
  ];
}

let archiveCounter = 0;
async function readArchive(input: Buffer, scratch: string, scheme: 'docker-archive' | 'oci-archive'): Promise<unknown> {
  const file = join(scratch, `image-${process.pid}-${archiveCounter++ % 4}.tar`);
  writeFileSync(file, input);
  const view = await loadImage(`${scheme}:${file}`, {
    env: {},
    logger: silentLogger,
    platform: { os: 'linux', architecture: 'amd64' },
    requests: [{ id: 'fuzz', paths: ['/etc/os-release', '/var/lib/dpkg/status', '/srv/a.json'] }],
  });
  return view.size;
}

function tar(input: Buffer): number {
  let n = 0;
  const parser = new TarParser(() => ({ data: (c) => void (n += c.length), end: () => {} }));
  for (let i = 0; i < input.length; i += 4096) parser.push(input.subarray(i, i + 4096));
  return parser.entries + n;
}

function rpmInner(input: Buffer): number {
  let blobs: Buffer[] = [];
  if (isSqlite(input)) {
    const db = new SqliteFile(input);
    const root = db.tableRoot('Packages');
    if (root !== undefined) for (const row of db.rows(root)) if (Buffer.isBuffer(row.values[1])) blobs.push(row.values[1]);
  } else if (isBerkeleyHash(input)) blobs = readBdbHashValues(input);
  else blobs = readNdbBlobs(input).blobs;
  let n = 0;
  for (const b of blobs) {
    try {
      n += readRpmPackage(b).name.length;
    } catch (e) {
      if (!(e instanceof RpmHeaderError)) throw e;
    }
  }
  return n;
}

const VERSION_FILES: Record<string, string> = {
  dpkg: 'debian',
  rpm: 'redhat',
  apk: 'alpine',
  semver: 'semver',
  pep440: 'pep440',
  maven: 'maven',
  rubygems: 'gem',
  nuget: 'nuget',
  composer: 'composer',
  pub: 'pub',
  cran: 'cran',
  hackage: 'hackage',
  fuzzy: 'debian',
};
const VERSION_INLINE = ['1.0.0 1.0.0-rc.1', '1:2.3-4 2.3-4~bpo', '1.2.3.4 1.2.3.5', '2.0.0a1 2.0.0.post1', '1.0-SNAPSHOT 1.0', '0.9.9-r2 1.0_alpha'];

/** Version comparison: two lines, `a` then `b`. Besides not crashing, compare must be antisymmetric. */
function versionTarget(scheme: VersionScheme): FuzzTarget {
  return {
    name: `version-${scheme.id}`,
    kind: 'text',
    seeds: () => {
      const lines = HAS_SHARED
        ? files(sharedPath('fixtures/versions'), (p) => base(p).startsWith(`${VERSION_FILES[scheme.id] ?? scheme.id}-`) && p.endsWith('.txt'))
            .flatMap((b) => text(b).split('\n'))
            .filter((l) => l && !l.startsWith('#'))
            .slice(0, 400)
        : [];
      const pairs = lines.map((l) => l.replace(/\s+[<>=]+\s+|\s+/, '\n'));
      return [...inline(...VERSION_INLINE.map((p) => p.replace(' ', '\n'))), ...pairs.map((p) => Buffer.from(p))];
    },
    run: (input) => {
      const [a = '', b = ''] = text(input).split('\n');
      if (!scheme.isValid(a) || !scheme.isValid(b)) return scheme.isValid(a);
      const ab = scheme.compare(a, b);
      const ba = scheme.compare(b, a);
      if (ab !== -ba) throw new PropertyViolation(`not antisymmetric: compare(a, b) = ${ab} and compare(b, a) = ${ba}`);
      return ab;
    },
  };
}

/** A broken invariant of a parser's result (reported like a crash). */
export class PropertyViolation extends Error {
  override name = 'PropertyViolation';
}

export const TARGETS: FuzzTarget[] = [
  {
    name: 'tar',
    kind: 'bytes',
    seeds: () => [
      ...builtImages().map(({ spec }) => buildImage(spec).layers[0]!.tar),
      writeTar([{ name: 'a', content: 'x' }, { name: `${'d/'.repeat(80)}f`, content: 'y', longNames: 'gnu' }, { name: 'big', content: 'z', base256Size: true }]),
    ],
    run: (input) => tar(input),
    documented: [TarFormatError],
  },
  {
    name: 'docker-archive',
    kind: 'bytes',
    seeds: () => [
      ...builtImages().flatMap(({ spec, kinds }) => kinds.filter((k) => k !== 'oci').map((k) => dockerArchiveTar(buildImage(spec), k === 'docker' ? 'legacy' : 'docker25'))),
    ],
    run: (input, scratch) => readArchive(input, scratch, 'docker-archive'),
  },
  {
    name: 'oci-archive',
    kind: 'bytes',
    seeds: () => [
      ...builtImages().map(({ spec }) => ociArchiveTar(buildImage(spec))),
      ...builtImages().map(({ spec }) => ociArchiveTar(buildImage({ ...spec, index: { platforms: [{ os: 'linux', architecture: 'amd64' }, { os: 'linux', architecture: 'arm64' }], attestation: true } }), { indexFirst: true })),
    ],
    run: (input, scratch) => readArchive(input, scratch, 'oci-archive'),
  },
  {
    name: 'oci-manifest-index',
    kind: 'json',
    seeds: () => [
      ...builtImages().flatMap(({ spec }) => {
        const b = buildImage({ ...spec, index: { platforms: [{ os: 'linux', architecture: 'amd64' }, { os: 'linux', architecture: 'arm', variant: 'v7' }] } });
        return [...b.blobs.values()].filter((x) => x[0] === 0x7b && x.includes('schemaVersion'));
      }),
      ...shared('fixtures/images/mini/debian-app-mini.oci', (p) => statSync(p).size < 4096, 4096).filter((b) => b.includes('schemaVersion')),
    ],
    run: (input) => {
      const doc = text(input);
      const declared = /"mediaType"\s*:\s*"([^"]*)"/.exec(doc)?.[1];
      return parseManifest(input, declared, 'fuzz manifest');
    },
  },
  {
    name: 'oci-config',
    kind: 'json',
    seeds: () => builtImages().map(({ spec }) => buildImage(spec).configBytes),
    run: (input) => parseConfig(input, 'fuzz config'),
  },
  {
    name: 'dpkg-status',
    kind: 'text',
    seeds: () => [...shared('fixtures/catalogers/debian', (p) => base(p) === 'status' || p.includes('/status.d/')), ...inline('Package: a\nStatus: install ok installed\nVersion: 1:2-3\nDepends: b (>= 1), c | d\n\n')],
    run: (input) => parseDpkgStatus(text(input)),
  },
  {
    name: 'dpkg-copyright',
    kind: 'text',
    seeds: () => shared('fixtures/catalogers/debian', (p) => p.includes('/copyright/')),
    run: (input) => parseDebianCopyright(text(input)),
  },
  {
    name: 'apk-installed',
    kind: 'text',
    seeds: () => [...shared('fixtures/catalogers/alpine', (p) => base(p) === 'installed' || base(p).startsWith('installed')), ...inline('C:Q1abc=\nP:musl\nV:1.2.4-r2\nA:x86_64\nS:1\nI:2\nT:x\nL:MIT\no:musl\nF:lib\nR:ld-musl\n\n')],
    run: (input) => parseApkDb(text(input)),
  },
  {
    name: 'rpm-db',
    kind: 'bytes',
    seeds: () => shared('fixtures/catalogers/redhat', (p) => /\/(Packages|Packages\.db|rpmdb\.sqlite|Packages_epoch)$/.test(p)),
    run: (input) => readDatabase(input),
  },
  {
    name: 'rpm-db-inner',
    kind: 'bytes',
    seeds: () => shared('fixtures/catalogers/redhat', (p) => /\/(Packages|Packages\.db|rpmdb\.sqlite|Packages_epoch)$/.test(p)),
    run: (input) => rpmInner(input),
    documented: [SqliteError, BdbError, NdbError, RpmHeaderError],
  },
  {
    name: 'rpm-manifest',
    kind: 'text',
    seeds: () => shared('fixtures/catalogers/redhat', (p) => base(p).startsWith('container-manifest')),
    run: (input) => parseRpmManifest(text(input)),
  },
  {
    name: 'python-metadata',
    kind: 'text',
    seeds: () => [...shared('fixtures/catalogers/python', (p) => /\/(METADATA|PKG-INFO)$/.test(p) || p.endsWith('.egg-info')), ...inline('Metadata-Version: 2.1\nName: a\nVersion: 1.0\nLicense-Expression: MIT\n\nbody\n')],
    run: (input) => parseCoreMetadata(text(input)),
    plainErrorIsUnknown: true,
  },
  {
    name: 'python-record',
    kind: 'text',
    seeds: () => shared('fixtures/catalogers/python', (p) => base(p) === 'RECORD'),
    run: (input) => parseRecord(text(input)),
    plainErrorIsUnknown: true,
  },
  {
    name: 'npm-package-json',
    kind: 'json',
    seeds: () => [...shared('fixtures/catalogers/javascript', (p) => base(p) === 'package.json'), ...inline('{"name":"a","version":"1.0.0","license":{"type":"MIT"},"author":{"name":"x"}}')],
    run: (input) => parsePackageJson(text(input)),
    plainErrorIsUnknown: true,
    // Not JSON: the cataloger records the JSON.parse message as the file's unknown.
    documented: [SyntaxError],
  },
  {
    name: 'npm-package-lock',
    kind: 'json',
    seeds: () => shared('fixtures/catalogers/javascript', (p) => /\/(package-lock|npm-shrinkwrap)\.json$/.test(p)),
    run: (input) => parsePackageLock(text(input)),
    plainErrorIsUnknown: true,
    // Not JSON: the cataloger records the JSON.parse message as the file's unknown.
    documented: [SyntaxError],
  },
  {
    name: 'npm-yarn-lock',
    kind: 'text',
    seeds: () => shared('fixtures/catalogers/javascript', (p) => base(p) === 'yarn.lock'),
    run: (input) => parseYarnLock(text(input)),
    plainErrorIsUnknown: true,
    // Not YAML: the cataloger records the js-yaml message as the file's unknown.
    documented: [YAMLException],
  },
  {
    name: 'npm-pnpm-lock',
    kind: 'text',
    seeds: () => shared('fixtures/catalogers/javascript', (p) => base(p) === 'pnpm-lock.yaml'),
    run: (input) => parsePnpmLock(text(input)),
    plainErrorIsUnknown: true,
    // Not YAML: the cataloger records the js-yaml message as the file's unknown.
    documented: [YAMLException],
  },
  {
    name: 'go-buildinfo',
    kind: 'bytes',
    seeds: () => shared('fixtures/catalogers/golang', (p) => !/\.(md|go|mod|sum|txt)$/.test(p)),
    run: (input) => parseGoBinary(input),
    plainErrorIsUnknown: true,
  },
  {
    name: 'rust-auditable',
    kind: 'bytes',
    seeds: () => shared('fixtures/catalogers/rust', (p) => !/\.(md|toml|lock)$/.test(p)),
    run: (input) => parseAuditableBinary(input),
    plainErrorIsUnknown: true,
  },
  {
    name: 'java-archive',
    kind: 'bytes',
    seeds: () => shared('fixtures/catalogers/java', (p) => /\.(jar|war|ear|jpi|hpi|zip)$/.test(p), 1 << 20),
    run: (input) => parseJavaArchive(input, '/app/x.jar'),
    documented: [ZipError],
  },
  {
    name: 'java-manifest',
    kind: 'text',
    seeds: () => [...shared('fixtures/catalogers/java', (p) => base(p) === 'MANIFEST.MF' || p.includes('/manifest/')), ...inline('Manifest-Version: 1.0\r\nImplementation-Title: a\r\n b\r\n\r\nName: x\r\nA: 1\r\n')],
    run: (input) => parseJarManifest(text(input)),
    plainErrorIsUnknown: true,
  },
  {
    name: 'java-pom',
    kind: 'text',
    seeds: () => shared('fixtures/catalogers/java', (p) => /pom\.(xml|properties)$/.test(p) || p.includes('/pom/')),
    run: (input) => (input.includes('<') ? parsePomXml(text(input)) : parsePomProperties(text(input))),
    plainErrorIsUnknown: true,
  },
  {
    name: 'dotnet-deps-json',
    kind: 'json',
    seeds: () => shared('fixtures/catalogers/dotnet', (p) => p.endsWith('.deps.json')),
    run: (input) => parseDepsJson(text(input)),
    plainErrorIsUnknown: true,
    // Not JSON: the cataloger records the JSON.parse message as the file's unknown.
    documented: [SyntaxError],
  },
  {
    name: 'php-composer',
    kind: 'json',
    seeds: () => shared('fixtures/catalogers/php', (p) => p.endsWith('.json')),
    run: (input) => parseComposerInstalled(text(input)),
    plainErrorIsUnknown: true,
    // Not JSON: the cataloger records the JSON.parse message as the file's unknown.
    documented: [SyntaxError],
  },
  {
    name: 'ruby-gemspec',
    kind: 'text',
    seeds: () => shared('fixtures/catalogers/ruby', (p) => p.endsWith('.gemspec')),
    run: (input) => parseGemspec(text(input)),
    plainErrorIsUnknown: true,
  },
  {
    name: 'os-release',
    kind: 'text',
    seeds: () => [...shared('fixtures/catalogers/os-release', (p) => /os-release|lsb-release|-release$/.test(p)), ...inline('ID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine"\n')],
    run: (input) => parseOsRelease(text(input)),
  },
  {
    name: 'purl',
    kind: 'text',
    seeds: () => inline('pkg:deb/debian/bash@5.2.15-2%2Bb13?arch=amd64&distro=debian-12', 'pkg:maven/org.a/b@1.0?type=jar#sub/path', 'pkg:npm/%40scope/name@1.0.0', 'pkg:apk/alpine/g%2B%2B@1?upstream=gcc'),
    run: (input) => parsePurl(text(input)),
  },
  {
    name: 'osv-record',
    kind: 'json',
    seeds: () => {
      const local = project('examples/vulndata/osv', (p) => p.endsWith('.json'));
      if (!HAS_SHARED) return local;
      return [...local, ...files(sharedPath('vulndata/osv'), (p) => p.endsWith('all.zip'), 8 << 20).flatMap((z) =>
        readJsonEntries(z, 'seed')
          .slice(0, 15)
          .map((e) => Buffer.from(e.text)),
      )];
    },
    run: (input) => asOsvRecord(JSON.parse(text(input)), 'fuzz.json'),
    documented: [OsvFormatError, SyntaxError],
  },
  {
    name: 'osv-zip',
    kind: 'bytes',
    seeds: () => shared('vulndata/osv', (p) => p.endsWith('all.zip'), 512 << 10),
    run: (input) => readJsonEntries(input, 'all.zip').length,
    documented: [CorruptArchiveError],
  },
  {
    name: 'sbom',
    kind: 'json',
    seeds: () => [
      ...project('src/sbom', (p) => /\.(cdx|spdx)\.json$/.test(p)),
      ...inline(
        '{"bomFormat":"CycloneDX","specVersion":"1.5","metadata":{"component":{"type":"container","name":"app"}},"components":[{"type":"library","name":"lodash","version":"4.17.20","purl":"pkg:npm/lodash@4.17.20","licenses":[{"license":{"id":"MIT"}}]},{"type":"operating-system","name":"debian","version":"12"}]}',
        '{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","name":"x","packages":[{"SPDXID":"SPDXRef-a","name":"bash","versionInfo":"5.2-1","licenseConcluded":"GPL-3.0-or-later","externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:deb/debian/bash@5.2-1?distro=debian-12"}]}],"relationships":[{"spdxElementId":"SPDXRef-DOCUMENT","relationshipType":"DESCRIBES","relatedSpdxElement":"SPDXRef-a"}]}',
        '{"tool":{"name":"portcullis"},"packages":[{"name":"a","version":"1","type":"npm","purl":"pkg:npm/a@1"}]}',
      ),
    ],
    run: (input) => parseSbom(text(input), 'fuzz.sbom'),
  },
  {
    name: 'openvex',
    kind: 'json',
    seeds: () => [
      ...shared('vulndata/vunnel-provider-fixtures', (p) => p.endsWith('.openvex.json')),
      ...inline('{"@context":"https://openvex.dev/ns/v0.2.0","@id":"x","author":"a","timestamp":"2024-01-01T00:00:00Z","statements":[{"vulnerability":{"name":"CVE-2024-1"},"products":[{"@id":"pkg:npm/a@1"}],"status":"not_affected","justification":"component_not_present"}]}'),
    ],
    run: (input) => parseOpenVex(text(input), 'fuzz.vex.json'),
  },
  {
    name: 'policy-bundle',
    kind: 'json',
    seeds: () => [...project('policies', (p) => p.endsWith('.json')), ...project('src/policy/testdata', (p) => /\.(json|ya?ml)$/.test(p)), ...project('test/fixtures/policies', (p) => /\.(json|ya?ml)$/.test(p))],
    run: (input) => loadBundle(text(input), 'fuzz-bundle.json'),
  },
  {
    name: 'dockerfile',
    kind: 'text',
    seeds: () => [...project('examples', (p) => p.endsWith('Dockerfile')), ...shared('fixtures/images/dockerfile-app', (p) => base(p) === 'Dockerfile'), ...inline('FROM a AS b\nRUN x \\\n y\nCOPY --from=b /a /b\nHEALTHCHECK NONE\nUSER 0\n')],
    run: (input) => parseDockerfile(text(input)),
  },
  ...VERSION_SCHEMES.all().map(versionTarget),
  // The harness's own check (fuzz/fuzz.test.ts): a target that hangs on some inputs and crashes on others.
  ...(process.env.PORTCULLIS_FUZZ_SELFTEST === '1'
    ? [
        {
          name: 'selftest',
          kind: 'bytes' as const,
          seeds: () => inline('ok', 'okay', 'hang'),
          run: (input: Buffer) => {
            if (input.includes('hang')) for (;;);
            if (input.length > 3) return (undefined as unknown as { x: number }).x;
            return input.length;
          },
        },
      ]
    : []),
];

/** Whether `error` is what `target` is documented to throw (else it is a crash). */
export function isDocumented(target: Pick<FuzzTarget, 'documented' | 'plainErrorIsUnknown'>, error: unknown): boolean {
  if (error instanceof PropertyViolation) return false;
  if (error instanceof ConfigurationError || error instanceof RemoteError) return true;
  if (target.documented?.some((c) => error instanceof c)) return true;
  return target.plainErrorIsUnknown === true && error instanceof Error && Object.getPrototypeOf(error) === Error.prototype;
}
