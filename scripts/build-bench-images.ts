/**
 * Builds the large real images that bench/big-images.ts measures, as OCI layouts under a cache directory outside
 * the repository (never committed): `npx tsx scripts/build-bench-images.ts [--cache DIR] [--sizes XS,S,M,L]`.
 * Needs root, debootstrap (apt-get install -y debootstrap), chroot, GNU tar, and network access to the Debian archive
 * (the mirror and suite apt is configured with) and to the npm registry.
 *
 * One root file system grows step by step, and each step is one layer (what it added or changed, and a `.wh.`
 * whiteout for what it deleted), as a Dockerfile's RUN lines would leave it:
 *   0 debootstrap --variant=minbase            3 openjdk-17-jre-headless        6 npm tree B (/srv/tools)
 *   1 python3                                  4 npm tree A (/app)              7 apt-get purge of python3 (whiteouts)
 *   2 ruby                                     5 golang-go
 * The sizes are prefixes of that chain: XS = 2 layers, S = 3, M = 5, L = 8. Synthetic images on top of M:
 * M-wh500, M-wh1000, M-wh2000 (one more layer of that many whiteouts, a tenth of them whole directories) and
 * M-300k (one more layer of 300,000 small files).
 *
 * Reproducible: apt packages come from the configured archive (pin it to snapshot.debian.org for byte-identical
 * layers), the npm trees from exact versions resolved as of NPM_BEFORE, tar entries sorted by name with numeric
 * owners and mtimes clamped to SOURCE_DATE_EPOCH, gzip without a name or time. A step whose layer exists is not
 * built again (delete the cache directory to start over).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { writeTar, type TarEntrySpec } from '../test/helpers/image-builder.js';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
export const BENCH_IMAGES_DIR = process.env.PORTCULLIS_BENCH_IMAGES ?? join(homedir(), '.cache', 'portcullis-bench');
const CACHE = opt('--cache') ?? BENCH_IMAGES_DIR;
const SIZES = (opt('--sizes') ?? 'XS,S,M,L').split(',');
const EPOCH = Number(process.env.SOURCE_DATE_EPOCH ?? 1747699200); // 2025-05-20, the snapshot apt here names
const NPM_BEFORE = process.env.NPM_BEFORE ?? '2025-05-20';

const WORK = join(CACHE, 'work');
const ROOTFS = join(WORK, 'rootfs');
const LAYERS = join(WORK, 'layers');
const BLOBS = join(WORK, 'blobs');
const IMAGES = join(CACHE, 'images');

const APT = 'export DEBIAN_FRONTEND=noninteractive; apt-get update -q && apt-get install -y -q --no-install-recommends';
const APT_CLEAN = 'apt-get clean && rm -rf /var/lib/apt/lists/* /var/log/apt /var/log/dpkg.log /var/cache/debconf/*-old';

/** npm trees, exact versions (their dependencies resolved as of NPM_BEFORE). */
const NPM_A = { typescript: '5.8.3', eslint: '9.27.0', webpack: '5.99.8', '@babel/core': '7.27.1', express: '5.1.0', lodash: '4.17.21', 'aws-sdk': '2.1692.0' };
const NPM_B = { 'react-scripts': '5.0.1', jest: '29.7.0', next: '15.3.1', prettier: '3.5.3', 'ts-node': '10.9.2' };

interface Step {
  id: string;
  createdBy: string;
  run: () => void;
}

function sh(script: string, cwd?: string): string {
  return execFileSync('bash', ['-euo', 'pipefail', '-c', script], { cwd, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 30 }).toString();
}

function inChroot(script: string): void {
  sh(`cp -L /etc/resolv.conf ${ROOTFS}/etc/resolv.conf
printf '#!/bin/sh\\nexit 101\\n' > ${ROOTFS}/usr/sbin/policy-rc.d && chmod +x ${ROOTFS}/usr/sbin/policy-rc.d
mountpoint -q ${ROOTFS}/proc || mount -t proc proc ${ROOTFS}/proc
trap 'umount ${ROOTFS}/proc || true' EXIT
chroot ${ROOTFS} /bin/sh -c ${JSON.stringify(`set -e; ${script}`)}
rm -f ${ROOTFS}/usr/sbin/policy-rc.d`);
}

/** The archive and suite apt is configured with (the first `deb` source). */
function aptSource(): { mirror: string; suite: string } {
  const sources = '/etc/apt/sources.list.d/debian.sources';
  if (existsSync(sources)) {
    const text = readFileSync(sources, 'utf8');
    const uri = /^URIs:\s*(\S+)/m.exec(text)?.[1];
    const suite = /^Suites:\s*(\S+)/m.exec(text)?.[1];
    if (uri && suite) return { mirror: uri, suite };
  }
  const line = readFileSync('/etc/apt/sources.list', 'utf8')
    .split('\n')
    .find((l) => /^deb\s/.test(l));
  const m = line && /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/.exec(line);
  if (!m) throw new Error('no Debian source in the apt configuration');
  return { mirror: m[1]!, suite: m[2]! };
}

function npmTree(dir: string, deps: Record<string, string>): void {
  const tmp = join(WORK, `npm-${dir.replace(/\W/g, '_')}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, 'package.json'), JSON.stringify({ name: 'bench-tree', version: '1.0.0', private: true, dependencies: deps }, null, 2));
  sh(`npm install --ignore-scripts --no-audit --no-fund --save-exact --before=${NPM_BEFORE} --registry=https://registry.npmjs.org/ --loglevel=error`, tmp);
  sh(`mkdir -p ${ROOTFS}${dir} && cp -a ${tmp}/. ${ROOTFS}${dir}/ && rm -rf ${tmp}`);
}

const STEPS: Step[] = [
  {
    id: '0-base',
    createdBy: 'debootstrap --variant=minbase',
    run: () => {
      const { mirror, suite } = aptSource();
      sh(`rm -rf ${ROOTFS} && debootstrap --variant=minbase ${suite} ${ROOTFS} ${mirror}`);
      sh(`cd ${ROOTFS} && rm -rf var/cache/apt/archives/*.deb var/lib/apt/lists/* var/log/bootstrap.log debootstrap`);
    },
  },
  { id: '1-python3', createdBy: 'RUN apt-get install python3', run: () => inChroot(`${APT} python3 python3-pip && ${APT_CLEAN}`) },
  { id: '2-ruby', createdBy: 'RUN apt-get install ruby', run: () => inChroot(`${APT} ruby ruby-dev bundler && ${APT_CLEAN}`) },
  { id: '3-jre', createdBy: 'RUN apt-get install openjdk-17-jre-headless', run: () => inChroot(`mkdir -p /usr/share/man/man1 && ${APT} openjdk-17-jre-headless && ${APT_CLEAN}`) },
  { id: '4-npm-a', createdBy: 'COPY node_modules /app', run: () => npmTree('/app', NPM_A) },
  { id: '5-golang', createdBy: 'RUN apt-get install golang-go', run: () => inChroot(`${APT} golang-go gcc libc6-dev && ${APT_CLEAN}`) },
  { id: '6-npm-b', createdBy: 'COPY node_modules /srv/tools', run: () => npmTree('/srv/tools', NPM_B) },
  { id: '7-purge', createdBy: 'RUN apt-get purge python3-pip && npm prune', run: () => inChroot(`apt-get purge -y -q python3-pip python3-setuptools python3-wheel && apt-get autoremove -y -q --purge && ${APT_CLEAN}`) },
];
const SIZE_LAYERS: Record<string, number> = { XS: 2, S: 3, M: 5, L: 8 };

/** Every path of the root file system (relative, sorted), without the kernel's mounts. */
function listRootfs(): string[] {
  return sh(`cd ${ROOTFS} && find . -xdev -mindepth 1 \\( -path ./proc -o -path ./sys -o -path ./dev \\) -prune -o -printf '%P\\n' | LC_ALL=C sort`)
    .split('\n')
    .filter(Boolean);
}

/** Runs a step and writes its layer tar: what changed (ctime after the stamp), and whiteouts for what went. */
function buildStep(step: Step, first: boolean): void {
  const tarPath = join(LAYERS, `${step.id}.tar`);
  if (existsSync(tarPath)) return;
  console.error(`building layer ${step.id}`);
  const before = first ? new Set<string>() : new Set(listRootfs());
  const stamp = join(WORK, 'stamp');
  writeFileSync(stamp, '');
  sh(`sleep 1.1 && touch ${stamp}`);
  step.run();
  const after = listRootfs();
  const afterSet = new Set(after);
  const changed = first ? after : sh(`cd ${ROOTFS} && find . -xdev -mindepth 1 \\( -path ./proc -o -path ./sys -o -path ./dev \\) -prune -o -cnewer ${stamp} -printf '%P\\n' | LC_ALL=C sort`).split('\n').filter(Boolean);
  // One whiteout per deleted path whose parent survives (a deleted directory takes its contents with it).
  const gone = [...before].filter((p) => !afterSet.has(p)).filter((p) => {
    const i = p.lastIndexOf('/');
    return i < 0 || !before.has(p.slice(0, i)) || afterSet.has(p.slice(0, i));
  });
  const list = join(WORK, 'changed.list');
  writeFileSync(list, changed.map((p) => `./${p}`).join('\n') + '\n');
  const partial = `${tarPath}.partial`;
  sh(`tar -C ${ROOTFS} --numeric-owner --no-recursion --mtime=@${EPOCH} --clamp-mtime --format=posix --pax-option=delete=atime,delete=ctime -cf ${partial} -T ${list}`);
  if (gone.length > 0) {
    const whiteouts = writeTar(gone.map((p) => ({ name: whiteoutName(p), content: '', mtime: EPOCH })));
    const wh = `${tarPath}.wh`;
    writeFileSync(wh, whiteouts);
    sh(`tar -Af ${partial} ${wh} && rm ${wh}`);
  }
  sh(`mv ${partial} ${tarPath}`);
  console.error(`  ${changed.length} entries, ${gone.length} whiteouts, ${(statSync(tarPath).size / 1e6).toFixed(0)} MB`);
}

function whiteoutName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? `./.wh.${path}` : `./${path.slice(0, i)}/.wh.${path.slice(i + 1)}`;
}

interface Blob {
  digest: string;
  diffId: string;
  size: number;
}

/** Gzips a layer tar into the blob store (once), returning its digest, diff_id and size. */
async function layerBlob(tarPath: string): Promise<Blob> {
  const meta = `${tarPath}.json`;
  if (existsSync(meta)) return JSON.parse(readFileSync(meta, 'utf8')) as Blob;
  const diff = createHash('sha256');
  await pipeline(createReadStream(tarPath), async function* (source: AsyncIterable<Buffer>) {
    for await (const c of source) diff.update(c);
    yield* [];
  });
  const tmp = join(BLOBS, 'tmp.gz');
  await pipeline(createReadStream(tarPath), createGzip({ level: 6 }), createWriteStream(tmp));
  const digest = createHash('sha256');
  await pipeline(createReadStream(tmp), async function* (source: AsyncIterable<Buffer>) {
    for await (const c of source) digest.update(c);
    yield* [];
  });
  const blob = { digest: `sha256:${digest.digest('hex')}`, diffId: `sha256:${diff.digest('hex')}`, size: statSync(tmp).size };
  sh(`mv ${tmp} ${join(BLOBS, blob.digest.slice(7))}`);
  writeFileSync(meta, JSON.stringify(blob));
  return blob;
}

function writeJsonBlob(layout: string, value: unknown): Blob {
  const bytes = Buffer.from(JSON.stringify(value));
  const hex = createHash('sha256').update(bytes).digest('hex');
  writeFileSync(join(layout, 'blobs/sha256', hex), bytes);
  return { digest: `sha256:${hex}`, diffId: '', size: bytes.length };
}

/** Writes an OCI layout `name.oci` (ref `bench`) of the given layers; blobs are hard links into the store. */
function writeLayout(name: string, layers: { blob: Blob; createdBy: string }[]): void {
  const layout = join(IMAGES, `${name}.oci`);
  rmSync(layout, { recursive: true, force: true });
  mkdirSync(join(layout, 'blobs/sha256'), { recursive: true });
  for (const { blob } of layers) linkSync(join(BLOBS, blob.digest.slice(7)), join(layout, 'blobs/sha256', blob.digest.slice(7)));
  const config = writeJsonBlob(layout, {
    created: new Date(EPOCH * 1000).toISOString(),
    architecture: 'amd64',
    os: 'linux',
    config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['/bin/bash'] },
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.blob.diffId) },
    history: layers.map((l) => ({ created: new Date(EPOCH * 1000).toISOString(), created_by: l.createdBy })),
  });
  const manifest = writeJsonBlob(layout, {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config.digest, size: config.size },
    layers: layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: l.blob.digest, size: l.blob.size })),
  });
  writeFileSync(join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(
    join(layout, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: manifest.digest, size: manifest.size, annotations: { 'org.opencontainers.image.ref.name': 'bench' } }],
    }),
  );
  const total = layers.reduce((n, l) => n + l.blob.size, 0);
  console.error(`wrote ${layout}: ${layers.length} layers, ${(total / 1e6).toFixed(0)} MB of gzip`);
}

/**
 * Whiteouts of `count` paths of M's file system, spread over it in a fixed pseudo-random order: a tenth of them
 * whole package directories (/usr/share/doc/PKG, node_modules/PKG, as `apt-get purge` and `npm prune` leave), the
 * rest files outside those.
 */
function whiteoutLayer(mPaths: { path: string; dir: boolean }[], count: number): TarEntrySpec[] {
  const order = (p: string): string => createHash('sha1').update(p).digest('hex');
  const byOrder = (a: { path: string }, b: { path: string }): number => (order(a.path) < order(b.path) ? -1 : 1);
  const dirs = mPaths.filter((p) => p.dir && /^\/(usr\/share\/doc|app\/node_modules)\/[^/]+$/.test(p.path)).sort(byOrder);
  const files = mPaths.filter((p) => !p.dir).sort(byOrder);
  const picked = new Set(dirs.slice(0, Math.floor(count / 10)).map((d) => d.path));
  for (const f of files) {
    if (picked.size >= count) break;
    if (![...ancestors(f.path)].some((a) => picked.has(a))) picked.add(f.path);
  }
  return [...picked].sort().map((p) => ({ name: whiteoutName(p.slice(1)), content: '', mtime: EPOCH }));
}

function* ancestors(path: string): Generator<string> {
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) yield path.slice(0, i);
}

/** 300,000 small files in 300 directories, as a cache or a vendored tree leaves them. */
function smallFilesLayer(): TarEntrySpec[] {
  const entries: TarEntrySpec[] = [{ name: './data/', type: 'dir', mtime: EPOCH }];
  for (let d = 0; d < 300; d++) {
    entries.push({ name: `./data/d${String(d).padStart(3, '0')}/`, type: 'dir', mtime: EPOCH });
    for (let f = 0; f < 1000; f++) entries.push({ name: `./data/d${String(d).padStart(3, '0')}/file-${String(f).padStart(4, '0')}.txt`, content: `entry ${d}/${f}\n`, mtime: EPOCH });
  }
  return entries;
}

async function main(): Promise<void> {
  for (const d of [WORK, LAYERS, BLOBS, IMAGES]) mkdirSync(d, { recursive: true });
  const maxLayers = Math.max(...SIZES.map((s) => SIZE_LAYERS[s] ?? 0));
  const blobs: { blob: Blob; createdBy: string }[] = [];
  let mPaths: { path: string; dir: boolean }[] | undefined;
  for (const [i, step] of STEPS.slice(0, maxLayers).entries()) {
    buildStep(step, i === 0);
    blobs.push({ blob: await layerBlob(join(LAYERS, `${step.id}.tar`)), createdBy: step.createdBy });
    if (i + 1 === SIZE_LAYERS.M) {
      // M's file system, for the synthetic layers above it.
      const list = join(WORK, 'm-paths.json');
      if (!existsSync(list)) {
        const out = sh(`cd ${ROOTFS} && find . -xdev -mindepth 1 \\( -path ./proc -o -path ./sys -o -path ./dev \\) -prune -o -printf '%y %P\\n' | LC_ALL=C sort -k2`);
        writeFileSync(list, JSON.stringify(out.split('\n').filter(Boolean).map((l) => ({ path: `/${l.slice(2)}`, dir: l[0] === 'd' }))));
      }
      mPaths = JSON.parse(readFileSync(list, 'utf8')) as { path: string; dir: boolean }[];
    }
  }
  for (const size of SIZES) {
    const n = SIZE_LAYERS[size];
    if (n !== undefined && blobs.length >= n) writeLayout(size, blobs.slice(0, n));
  }
  if (mPaths) {
    const m = blobs.slice(0, SIZE_LAYERS.M);
    const synthetic: [string, () => TarEntrySpec[], string][] = [
      ...[500, 1000, 2000].map((n): [string, () => TarEntrySpec[], string] => [`M-wh${n}`, () => whiteoutLayer(mPaths!, n), `RUN rm (${n} whiteouts)`]),
      ['M-300k', smallFilesLayer, 'COPY data /data (300,000 small files)'],
    ];
    for (const [name, entries, createdBy] of synthetic) {
      const tarPath = join(LAYERS, `${name}.tar`);
      if (!existsSync(tarPath)) writeFileSync(tarPath, writeTar(entries()));
      writeLayout(name, [...m, { blob: await layerBlob(tarPath), createdBy }]);
    }
  }
  console.error(`images: ${readdirSync(IMAGES).join(', ')}`);
}

await main();
