/**
 * Synthetic container images for tests, with layers declared as data. A small tar writer of our own (ustar, with
 * PAX or GNU records for long names), gzip from node:zlib, zstd from the `zstd` CLI when it is installed. The
 * images are written as an OCI layout, an oci-archive, or a `docker save` archive (legacy or Docker ≥25 layout),
 * with correct digests, diff_ids and history, unless a `corrupt` option breaks something on purpose.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// ---------------------------------------------------------------------------------------------------------------
// Tar writer

export type TarType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo' | 'contiguous' | 'sparse';

export interface TarEntrySpec {
  /** The name exactly as it goes into the archive (no normalisation: `../x` and `/abs` are written as given). */
  name: string;
  type?: TarType;
  content?: string | Buffer;
  linkname?: string;
  mode?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
  uname?: string;
  gname?: string;
  /** How a name (or link name) over 100 bytes is stored. Default: ustar prefix when it fits, else PAX. */
  longNames?: 'pax' | 'gnu' | 'prefix';
  /** Write the size field in base-256 (binary) instead of octal. */
  base256Size?: boolean;
  /** Extra PAX records for this entry (a PAX header is written when there are any). */
  pax?: Record<string, string>;
  /** Size written in the ustar header, when it must differ from the content length (with a PAX `size`). */
  headerSize?: number;
}

const BLOCK = 512;

/** A tar archive, as one buffer. `endMarker: false` omits the two zero blocks. */
export function writeTar(entries: readonly TarEntrySpec[], options: { endMarker?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) parts.push(...tarEntry(e));
  if (options.endMarker !== false) parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

const TYPEFLAG: Record<TarType, string> = {
  file: '0',
  hardlink: '1',
  symlink: '2',
  char: '3',
  block: '4',
  dir: '5',
  fifo: '6',
  contiguous: '7',
  sparse: 'S',
};

function tarEntry(e: TarEntrySpec): Buffer[] {
  const type = e.type ?? 'file';
  const content = typeof e.content === 'string' ? Buffer.from(e.content) : (e.content ?? Buffer.alloc(0));
  const out: Buffer[] = [];
  let name = e.name;
  let prefix = '';
  let linkname = e.linkname ?? '';
  const pax: Record<string, string> = { ...(e.pax ?? {}) };
  const nameBytes = Buffer.byteLength(name);
  if (nameBytes > 100) {
    const mode = e.longNames ?? (splitPrefix(name) ? 'prefix' : 'pax');
    if (mode === 'prefix') {
      const split = splitPrefix(name);
      if (!split) throw new Error(`name cannot be split into a ustar prefix: ${name}`);
      [prefix, name] = split;
    } else if (mode === 'gnu') {
      out.push(...gnuLong('L', e.name));
      name = e.name.slice(0, 100);
    } else {
      pax.path = e.name;
      name = e.name.slice(0, 100);
    }
  }
  if (Buffer.byteLength(linkname) > 100) {
    if (e.longNames === 'gnu') out.push(...gnuLong('K', linkname));
    else pax.linkpath = linkname;
    linkname = linkname.slice(0, 100);
  }
  if (Object.keys(pax).length > 0) {
    const body = paxBody(pax);
    out.push(header({ name: `PaxHeaders/${name.slice(0, 80)}`, typeflag: 'x', size: body.length }), pad(body));
  }
  const dataSize = type === 'file' || type === 'contiguous' || type === 'sparse' ? content.length : 0;
  out.push(
    header({
      name,
      prefix,
      typeflag: TYPEFLAG[type],
      size: e.headerSize ?? dataSize,
      base256Size: e.base256Size,
      mode: e.mode ?? (type === 'dir' ? 0o755 : type === 'symlink' ? 0o777 : 0o644),
      uid: e.uid ?? 0,
      gid: e.gid ?? 0,
      mtime: e.mtime ?? 0,
      linkname,
      uname: e.uname ?? 'root',
      gname: e.gname ?? 'root',
    }),
  );
  if (dataSize > 0) out.push(pad(content));
  return out;
}

function splitPrefix(name: string): [string, string] | null {
  for (let i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
    const pre = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(pre) <= 155 && Buffer.byteLength(rest) <= 100 && rest.length > 0) return [pre, rest];
  }
  return null;
}

function gnuLong(flag: 'L' | 'K', value: string): Buffer[] {
  const body = Buffer.concat([Buffer.from(value), Buffer.alloc(1)]);
  return [header({ name: '././@LongLink', typeflag: flag, size: body.length }), pad(body)];
}

/** PAX records `LEN key=value\n`, where LEN counts the whole record including itself. */
export function paxBody(records: Record<string, string>): Buffer {
  let text = '';
  for (const [k, v] of Object.entries(records)) {
    const rest = ` ${k}=${v}\n`;
    const restLen = Buffer.byteLength(rest);
    let len = restLen + String(restLen).length;
    if (String(len).length !== String(len - restLen).length) len = restLen + String(len).length;
    text += `${len}${rest}`;
  }
  return Buffer.from(text);
}

function pad(data: Buffer): Buffer {
  const rem = data.length % BLOCK;
  return rem === 0 ? data : Buffer.concat([data, Buffer.alloc(BLOCK - rem)]);
}

interface HeaderFields {
  name: string;
  prefix?: string;
  typeflag: string;
  size: number;
  base256Size?: boolean | undefined;
  mode?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
  linkname?: string;
  uname?: string;
  gname?: string;
}

function header(h: HeaderFields): Buffer {
  const b = Buffer.alloc(BLOCK);
  b.write(h.name, 0, 100, 'utf8');
  octal(b, 100, 8, h.mode ?? 0o644);
  octal(b, 108, 8, h.uid ?? 0);
  octal(b, 116, 8, h.gid ?? 0);
  if (h.base256Size) {
    b[124] = 0x80;
    let v = h.size;
    for (let i = 124 + 11; i > 124; i--) {
      b[i] = v % 256;
      v = Math.floor(v / 256);
    }
  } else octal(b, 124, 12, h.size);
  octal(b, 136, 12, h.mtime ?? 0);
  b.write(h.typeflag, 156, 1, 'latin1');
  b.write(h.linkname ?? '', 157, 100, 'utf8');
  b.write('ustar\0', 257, 6, 'latin1');
  b.write('00', 263, 2, 'latin1');
  b.write(h.uname ?? '', 265, 32, 'utf8');
  b.write(h.gname ?? '', 297, 32, 'utf8');
  octal(b, 329, 8, 0);
  octal(b, 337, 8, 0);
  b.write(h.prefix ?? '', 345, 155, 'utf8');
  writeChecksum(b);
  return b;
}

function octal(b: Buffer, offset: number, length: number, value: number): void {
  b.write(`${value.toString(8).padStart(length - 1, '0')}\0`, offset, length, 'latin1');
}

/** Computes and stores a header block's checksum (fields 148..155 counted as spaces). */
export function writeChecksum(block: Buffer): void {
  block.fill(32, 148, 156);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += block[i]!;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1');
}

// ---------------------------------------------------------------------------------------------------------------
// Compression

export type Compression = 'gzip' | 'zstd' | 'none';

let zstdAvailable: boolean | undefined;

/** True when the `zstd` CLI (Debian package zstd) is installed. Tests of zstd skip with a message otherwise. */
export function hasZstdCli(): boolean {
  zstdAvailable ??= spawnSync('zstd', ['--version'], { stdio: 'ignore' }).status === 0;
  return zstdAvailable;
}

export const ZSTD_SKIP_MESSAGE = 'skipped: the zstd CLI is not installed (apt-get install zstd)';

export function compress(data: Buffer, compression: Compression): Buffer {
  switch (compression) {
    case 'gzip':
      return gzipSync(data, { level: 6 });
    case 'zstd':
      if (!hasZstdCli()) throw new Error(ZSTD_SKIP_MESSAGE);
      return execFileSync('zstd', ['-q', '-c', '-3'], { input: data, maxBuffer: 1 << 30 });
    case 'none':
      return data;
  }
}

export function sha256(data: Buffer | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/** Deterministic pseudo-random bytes (incompressible filler for layers larger than a threshold). */
export function pseudoRandomBytes(length: number, seed = 1): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Images declared as data

export interface FileSpec {
  /** The entry name inside the layer tar (written as given; `etc/os-release`, `../x`, `/abs` …). */
  path: string;
  type?: TarType;
  content?: string | Buffer;
  /** Symlink text, or hardlink target name. */
  target?: string;
  mode?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
  /** `path` names the deleted path: the entry written is `dir/.wh.base`. */
  whiteout?: boolean;
  /** `path` names a directory made opaque: the entry written is `path/.wh..wh..opq`. */
  opaque?: boolean;
  longNames?: TarEntrySpec['longNames'];
}

export interface LayerSpec {
  files: readonly FileSpec[];
  /** The layer's history `created_by`. */
  createdBy?: string;
  /** History entries with `empty_layer: true` written just before this layer's entry (ENV, LABEL …). */
  emptyBefore?: readonly string[];
  /** Overrides the image's compression for this layer. */
  compression?: Compression;
}

export interface PlatformSpec {
  os: string;
  architecture: string;
  variant?: string;
}

export interface Corruption {
  /** Cut the stored blob of layer `layer` to `keep` bytes (default: half). */
  truncateLayer?: { layer: number; keep?: number };
  /** XOR one byte of the stored blob of layer `layer` (default: its middle byte). */
  flipLayerByte?: { layer: number; at?: number };
  /** The manifest names a wrong digest for this layer; the blob is stored under that wrong name. */
  wrongLayerDigest?: number;
  /** The config lists a wrong diff_id for this layer. */
  wrongDiffId?: number;
  /** Leave this layer's blob out of the layout or archive. */
  dropLayerBlob?: number;
  dropConfigBlob?: boolean;
  dropManifestBlob?: boolean;
  /** The manifest's own `mediaType` field and its descriptor's media type. */
  manifestMediaType?: string;
  /** Replace the manifest with a Docker schema 1 manifest. */
  schema1?: boolean;
}

export interface ImageSpec {
  layers: readonly LayerSpec[];
  compression?: Compression;
  /** Merged over the generated config (`config.config` is merged one level deeper). */
  config?: Record<string, unknown> & { config?: Record<string, unknown> };
  /** Platform of the config (default linux/amd64). */
  platform?: PlatformSpec;
  /** History entries with `empty_layer: true` after the last layer (CMD, ENTRYPOINT …). */
  emptyAfter?: readonly string[];
  /** `org.opencontainers.image.ref.name` of the top-level entry; null for none. Default `latest`. */
  refName?: string | null;
  /** Docker archive tags. Default `example.test/synthetic:latest`. */
  repoTags?: readonly string[];
  /** Point the ref at an index with one manifest per platform (same layers), plus an attestation manifest. */
  index?: { platforms: readonly PlatformSpec[]; attestation?: boolean };
  corrupt?: Corruption;
}

export interface BuiltLayer {
  /** The uncompressed tar. */
  tar: Buffer;
  /** The blob as stored (compressed, maybe corrupted). */
  stored: Buffer;
  /** The digest the manifest names. */
  digest: string;
  diffId: string;
  compression: Compression;
  mediaType: string;
}

export interface BuiltImage {
  spec: ImageSpec;
  layers: BuiltLayer[];
  config: Record<string, unknown> & { history: Record<string, unknown>[]; rootfs: { type: string; diff_ids: string[] } };
  configBytes: Buffer;
  configDigest: string;
  manifestBytes: Buffer;
  manifestDigest: string;
  /** The top-level descriptor in index.json (a manifest, or an index with `index`). */
  top: { mediaType: string; digest: string; size: number; annotations?: Record<string, string> };
  /** Every blob to write, by digest (what a layout's blobs/sha256 holds). */
  blobs: Map<string, Buffer>;
  repoTags: string[];
}

const LAYER_TYPES: Record<Compression, string> = {
  gzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  zstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  none: 'application/vnd.oci.image.layer.v1.tar',
};
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const REF_NAME = 'org.opencontainers.image.ref.name';

/** The tar entries of one layer. */
export function layerEntries(files: readonly FileSpec[]): TarEntrySpec[] {
  return files.map((f) => {
    let name = f.path;
    let type = f.type ?? (f.target !== undefined ? 'symlink' : 'file');
    if (f.whiteout) {
      const i = f.path.lastIndexOf('/');
      name = i < 0 ? `.wh.${f.path}` : `${f.path.slice(0, i)}/.wh.${f.path.slice(i + 1)}`;
      type = 'file';
    } else if (f.opaque) {
      name = `${f.path.replace(/\/$/, '')}/.wh..wh..opq`;
      type = 'file';
    }
    return {
      name,
      type,
      ...(f.content !== undefined && !f.whiteout && !f.opaque ? { content: f.content } : {}),
      ...(f.target !== undefined ? { linkname: f.target } : {}),
      ...(f.mode !== undefined ? { mode: f.mode } : {}),
      ...(f.uid !== undefined ? { uid: f.uid } : {}),
      ...(f.gid !== undefined ? { gid: f.gid } : {}),
      ...(f.mtime !== undefined ? { mtime: f.mtime } : {}),
      ...(f.longNames ? { longNames: f.longNames } : {}),
    };
  });
}

/** Builds every blob of an image in memory. */
export function buildImage(spec: ImageSpec): BuiltImage {
  const c = spec.corrupt ?? {};
  const layers: BuiltLayer[] = spec.layers.map((l, i) => {
    const compression = l.compression ?? spec.compression ?? 'gzip';
    const tar = writeTar(layerEntries(l.files));
    const good = compress(tar, compression);
    let stored = good;
    if (c.truncateLayer?.layer === i) stored = good.subarray(0, c.truncateLayer.keep ?? Math.floor(good.length / 2));
    if (c.flipLayerByte?.layer === i) {
      stored = Buffer.from(good);
      const at = c.flipLayerByte.at ?? Math.floor(stored.length / 2);
      stored[at] = stored[at]! ^ 0xff;
    }
    const digest = c.wrongLayerDigest === i ? sha256(`not the layer ${i}`) : sha256(good);
    return { tar, stored, digest, diffId: sha256(tar), compression, mediaType: LAYER_TYPES[compression] };
  });

  const history: Record<string, unknown>[] = [];
  spec.layers.forEach((l, i) => {
    for (const e of l.emptyBefore ?? []) history.push({ created: '2024-01-01T00:00:00Z', created_by: e, empty_layer: true });
    history.push({ created: '2024-01-01T00:00:00Z', created_by: l.createdBy ?? `layer ${i}` });
  });
  for (const e of spec.emptyAfter ?? []) history.push({ created: '2024-01-01T00:00:00Z', created_by: e, empty_layer: true });
  const platform = spec.platform ?? { os: 'linux', architecture: 'amd64' };
  const diffIds = layers.map((l, i) => (c.wrongDiffId === i ? sha256(`not the diff_id ${i}`) : l.diffId));
  const { config: innerOverride, ...outerOverride } = spec.config ?? {};
  const config = {
    created: '2024-01-01T00:00:00Z',
    architecture: platform.architecture,
    os: platform.os,
    ...(platform.variant ? { variant: platform.variant } : {}),
    config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['/bin/sh'], ...(innerOverride ?? {}) },
    rootfs: { type: 'layers', diff_ids: diffIds },
    history,
    ...outerOverride,
  };

  const blobs = new Map<string, Buffer>();
  const configBytes = Buffer.from(JSON.stringify(config));
  const configDigest = sha256(configBytes);
  if (!c.dropConfigBlob) blobs.set(configDigest, configBytes);
  layers.forEach((l, i) => {
    if (c.dropLayerBlob !== i) blobs.set(l.digest, l.stored);
  });

  const manifestFor = (cfgBytes: Buffer): { bytes: Buffer; mediaType: string } => {
    if (c.schema1) {
      const doc = {
        schemaVersion: 1,
        name: 'synthetic',
        tag: 'latest',
        architecture: 'amd64',
        fsLayers: layers.map((l) => ({ blobSum: l.digest })),
        history: layers.map(() => ({ v1Compatibility: '{}' })),
      };
      return { bytes: Buffer.from(JSON.stringify(doc)), mediaType: 'application/vnd.docker.distribution.manifest.v1+prettyjws' };
    }
    const mediaType = c.manifestMediaType ?? OCI_MANIFEST;
    const doc = {
      schemaVersion: 2,
      mediaType,
      config: { mediaType: OCI_CONFIG, digest: sha256(cfgBytes), size: cfgBytes.length },
      layers: layers.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.stored.length })),
    };
    return { bytes: Buffer.from(JSON.stringify(doc)), mediaType };
  };
  const main = manifestFor(configBytes);
  const manifestDigest = sha256(main.bytes);
  if (!c.dropManifestBlob) blobs.set(manifestDigest, main.bytes);
  const annotations = spec.refName === null ? undefined : { [REF_NAME]: spec.refName ?? 'latest' };

  let top: BuiltImage['top'] = { mediaType: main.mediaType, digest: manifestDigest, size: main.bytes.length, ...(annotations ? { annotations } : {}) };
  if (spec.index) {
    const manifests: Record<string, unknown>[] = [];
    if (spec.index.attestation) {
      // A BuildKit-style attestation manifest, listed first so that skipping it is what makes selection work.
      const statement = Buffer.from(JSON.stringify({ _type: 'https://in-toto.io/Statement/v0.1', predicateType: 'https://spdx.dev/Document' }));
      const attCfg = Buffer.from(JSON.stringify({ architecture: 'unknown', os: 'unknown', rootfs: { type: 'layers', diff_ids: [sha256(statement)] } }));
      const attManifest = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: OCI_MANIFEST,
          config: { mediaType: OCI_CONFIG, digest: sha256(attCfg), size: attCfg.length },
          layers: [{ mediaType: 'application/vnd.in-toto+json', digest: sha256(statement), size: statement.length }],
        }),
      );
      for (const b of [statement, attCfg, attManifest]) blobs.set(sha256(b), b);
      manifests.push({
        mediaType: OCI_MANIFEST,
        digest: sha256(attManifest),
        size: attManifest.length,
        platform: { os: 'unknown', architecture: 'unknown' },
        annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': manifestDigest },
      });
    }
    for (const p of spec.index.platforms) {
      let bytes = main.bytes;
      if (p.os !== platform.os || p.architecture !== platform.architecture || p.variant !== platform.variant) {
        const cfg = Buffer.from(
          JSON.stringify({ ...config, os: p.os, architecture: p.architecture, ...(p.variant ? { variant: p.variant } : { variant: undefined }) }),
        );
        blobs.set(sha256(cfg), cfg);
        bytes = manifestFor(cfg).bytes;
        blobs.set(sha256(bytes), bytes);
      }
      manifests.push({ mediaType: main.mediaType, digest: sha256(bytes), size: bytes.length, platform: p });
    }
    const indexBytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests }));
    blobs.set(sha256(indexBytes), indexBytes);
    top = { mediaType: OCI_INDEX, digest: sha256(indexBytes), size: indexBytes.length, ...(annotations ? { annotations } : {}) };
  }
  return {
    spec,
    layers,
    config,
    configBytes,
    configDigest,
    manifestBytes: main.bytes,
    manifestDigest,
    top,
    blobs,
    repoTags: [...(spec.repoTags ?? ['example.test/synthetic:latest'])],
  };
}

function hex(digest: string): string {
  return digest.slice('sha256:'.length);
}

function indexJson(img: BuiltImage, extra?: Record<string, string>): Buffer {
  const top = extra ? { ...img.top, annotations: { ...(img.top.annotations ?? {}), ...extra } } : img.top;
  return Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [top] }));
}

const OCI_LAYOUT_FILE = Buffer.from(JSON.stringify({ imageLayoutVersion: '1.0.0' }));

/** The files of an OCI image layout, relative to its root. */
export function ociLayoutFiles(img: BuiltImage): [string, Buffer][] {
  const files: [string, Buffer][] = [
    ['oci-layout', OCI_LAYOUT_FILE],
    ['index.json', indexJson(img)],
  ];
  for (const [digest, bytes] of img.blobs) files.push([`blobs/sha256/${hex(digest)}`, bytes]);
  return files;
}

/** Writes an OCI layout directory. */
export function writeOciLayout(dir: string, img: BuiltImage): string {
  for (const [rel, bytes] of ociLayoutFiles(img)) {
    const full = join(dir, rel);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, bytes);
  }
  return dir;
}

/**
 * Writes one OCI layout holding several images, each under its own ref name (`refName` of its spec), as a registry
 * or `skopeo copy --all` would leave them: every blob once, index.json listing each image's top-level descriptor.
 */
export function writeOciLayoutRefs(dir: string, images: readonly BuiltImage[]): string {
  const blobs = new Map<string, Buffer>();
  for (const img of images) for (const [digest, bytes] of img.blobs) blobs.set(digest, bytes);
  const index = { schemaVersion: 2, mediaType: OCI_INDEX, manifests: images.map((img) => img.top) };
  const files: [string, Buffer][] = [
    ['oci-layout', OCI_LAYOUT_FILE],
    ['index.json', Buffer.from(JSON.stringify(index))],
    ...[...blobs].map(([digest, bytes]): [string, Buffer] => [`blobs/sha256/${hex(digest)}`, bytes]),
  ];
  for (const [rel, bytes] of files) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), bytes);
  }
  return dir;
}

/** A tar of an OCI layout (skopeo's oci-archive). `indexFirst` puts index.json before the blobs. */
export function ociArchiveTar(img: BuiltImage, options: { indexFirst?: boolean } = {}): Buffer {
  const files = ociLayoutFiles(img);
  const meta = files.slice(0, 2);
  const blobs = files.slice(2);
  const ordered = options.indexFirst ? [...meta, ...blobs] : [...blobs, ...meta];
  return writeTar([
    { name: 'blobs/', type: 'dir' },
    { name: 'blobs/sha256/', type: 'dir' },
    ...ordered.map(([name, content]): TarEntrySpec => ({ name, content })),
  ]);
}

/**
 * `docker save` output. `legacy`: `<diffid-hex>.tar` layer files, `<v1id>/layer.tar` symlinks to them (what the
 * manifest lists), `<v1id>/json` and `VERSION`, `<config-hex>.json`, then `manifest.json` and `repositories` last.
 * `docker25`: an OCI layout (blobs/sha256, index.json, oci-layout) plus `manifest.json`, in lexical order.
 */
export function dockerArchiveTar(img: BuiltImage, layout: 'legacy' | 'docker25'): Buffer {
  const c = img.spec.corrupt ?? {};
  const tag = img.repoTags[0] ?? 'example.test/synthetic:latest';
  const [repo, tagName] = [tag.slice(0, tag.lastIndexOf(':')), tag.slice(tag.lastIndexOf(':') + 1)];
  if (layout === 'docker25') {
    const manifestJson = [
      {
        Config: `blobs/sha256/${hex(img.configDigest)}`,
        RepoTags: img.repoTags,
        Layers: img.layers.map((l) => `blobs/sha256/${hex(l.digest)}`),
      },
    ];
    const files: [string, Buffer][] = [
      ['oci-layout', OCI_LAYOUT_FILE],
      ['index.json', indexJson(img, { 'io.containerd.image.name': tag })],
      ['manifest.json', Buffer.from(JSON.stringify(manifestJson))],
      ['repositories', Buffer.from(JSON.stringify({ [repo]: { [tagName]: hex(img.manifestDigest) } }))],
    ];
    for (const [digest, bytes] of img.blobs) files.push([`blobs/sha256/${hex(digest)}`, bytes]);
    files.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    return writeTar([
      { name: 'blobs/', type: 'dir' },
      { name: 'blobs/sha256/', type: 'dir' },
      ...files.map(([name, content]): TarEntrySpec => ({ name, content })),
    ]);
  }
  const entries: TarEntrySpec[] = [];
  const v1ids = img.layers.map((l, i) => hex(sha256(`${l.diffId} v1 ${i}`)));
  img.layers.forEach((l, i) => {
    if (c.dropLayerBlob !== i) entries.push({ name: `${hex(l.diffId)}.tar`, content: l.stored });
  });
  if (!c.dropConfigBlob) entries.push({ name: `${hex(img.configDigest)}.json`, content: img.configBytes });
  img.layers.forEach((l, i) => {
    entries.push({ name: `${v1ids[i]}/`, type: 'dir' });
    entries.push({ name: `${v1ids[i]}/layer.tar`, type: 'symlink', linkname: `../${hex(l.diffId)}.tar` });
    entries.push({ name: `${v1ids[i]}/VERSION`, content: '1.0' });
    entries.push({ name: `${v1ids[i]}/json`, content: JSON.stringify({ id: v1ids[i], ...(i > 0 ? { parent: v1ids[i - 1] } : {}) }) });
  });
  const manifestJson = [{ Config: `${hex(img.configDigest)}.json`, RepoTags: img.repoTags, Layers: v1ids.map((id) => `${id}/layer.tar`) }];
  entries.push({ name: 'manifest.json', content: JSON.stringify(manifestJson) });
  entries.push({ name: 'repositories', content: JSON.stringify({ [repo]: { [tagName]: v1ids[v1ids.length - 1] } }) });
  return writeTar(entries);
}

// ---------------------------------------------------------------------------------------------------------------
// Writing to disk

export type ImageKind = 'oci-dir' | 'oci-archive' | 'docker-archive' | 'docker25-archive';
export const IMAGE_KINDS: readonly ImageKind[] = ['oci-dir', 'oci-archive', 'docker-archive', 'docker25-archive'];

export interface WrittenImage {
  /** A reference loadImage understands (`oci-dir:/tmp/…`, `docker-archive:/tmp/…`). */
  ref: string;
  path: string;
  built: BuiltImage;
}

/** A scratch directory for one test file; call `cleanup` in afterAll. */
export class ImageWorkspace {
  readonly dir = mkdtempSync(join(tmpdir(), 'portcullis-img-'));
  #n = 0;

  /** Writes `spec` (or an already built image) as `kind` and returns its reference. */
  write(spec: ImageSpec | BuiltImage, kind: ImageKind, options: { indexFirst?: boolean } = {}): WrittenImage {
    const built = 'blobs' in spec ? spec : buildImage(spec);
    const base = join(this.dir, `img-${++this.#n}`);
    switch (kind) {
      case 'oci-dir':
        return { ref: `oci-dir:${writeOciLayout(base, built)}`, path: base, built };
      case 'oci-archive':
        writeFileSync(`${base}.tar`, ociArchiveTar(built, options));
        return { ref: `oci-archive:${base}.tar`, path: `${base}.tar`, built };
      case 'docker-archive':
        writeFileSync(`${base}.tar`, dockerArchiveTar(built, 'legacy'));
        return { ref: `docker-archive:${base}.tar`, path: `${base}.tar`, built };
      case 'docker25-archive':
        writeFileSync(`${base}.tar`, dockerArchiveTar(built, 'docker25'));
        return { ref: `docker-archive:${base}.tar`, path: `${base}.tar`, built };
    }
  }

  /** Writes raw bytes to a file in the workspace. */
  file(name: string, data: Buffer | string): string {
    const p = join(this.dir, name);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, data);
    return p;
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
