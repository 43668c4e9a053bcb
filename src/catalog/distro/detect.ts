import type { Distro } from '../../model/index.js';
import type { ContentSink, FileRequest } from '../../image/file-request.js';
import type { FileView } from '../../image/file-view.js';

/** A detected distro: the model's fields plus the os-release details that purls and reports may show. */
export interface DetectedDistro extends Distro {
  name?: string;
  /** VERSION (`20.04 LTS (Focal Fossa)`, `15-SP2`). */
  version?: string;
  variantId?: string;
  buildId?: string;
  /** The file it was read from. */
  source: string;
}

export const OS_RELEASE_PATHS = ['/etc/os-release', '/usr/lib/os-release'] as const;
export const BUSYBOX_PATH = '/bin/busybox';
const ALPINE_RELEASE = '/etc/alpine-release';
const DEBIAN_VERSION = '/etc/debian_version';
const REDHAT_RELEASE = '/etc/redhat-release';
const SYSTEM_RELEASE_CPE = '/etc/system-release-cpe';
/** Alpine's package repositories: the branch (`v3.21`, `edge`) of an image whose VERSION_ID is a prerelease. */
export const APK_REPOSITORIES = '/etc/apk/repositories';
const BUSYBOX_REQUEST_ID = 'distro/busybox';

/** The small release files, read whole (each is capped at 64 KiB). */
export const DISTRO_FILE_REQUEST: FileRequest = {
  id: 'distro/release-files',
  paths: [...OS_RELEASE_PATHS, ALPINE_RELEASE, DEBIAN_VERSION, REDHAT_RELEASE, SYSTEM_RELEASE_CPE, APK_REPOSITORIES],
  maxBytes: 64 * 1024,
};

/** The busybox binary streams through a scanner that keeps only its version banner, never the binary. */
export const BUSYBOX_REQUEST: FileRequest = {
  id: BUSYBOX_REQUEST_ID,
  paths: [BUSYBOX_PATH],
  sink: () => new BusyboxBannerSink(),
};

/** Everything `detectDistro` reads; the scan adds these to its requests before the pass over the layers. */
export const DISTRO_REQUESTS: readonly FileRequest[] = [DISTRO_FILE_REQUEST, BUSYBOX_REQUEST];

/**
 * Identifies the distro, in this order: `/etc/os-release`, `/usr/lib/os-release`, `/etc/alpine-release`,
 * `/etc/debian_version`, `/etc/system-release-cpe`, `/etc/redhat-release`, then a busybox-only image's banner.
 * A Debian os-release is refined by `/etc/debian_version` (13 → 13.5, keeping 13 as `releaseVersionId`; distroless
 * images have no VERSION_ID).
 */
export function detectDistro(view: FileView): DetectedDistro | undefined {
  for (const path of OS_RELEASE_PATHS) {
    const text = view.readText(path);
    if (text === undefined) continue;
    const release = parseOsRelease(text, path);
    if (!release) continue;
    if (release.id === 'debian') refineDebian(release, view.readText(DEBIAN_VERSION));
    if (release.id === 'alpine' && release.versionId === undefined) {
      const v = firstLine(view.readText(ALPINE_RELEASE));
      if (v) release.versionId = v;
    }
    if (release.id === 'alpine') refineAlpineBranch(release, view.readText(APK_REPOSITORIES));
    return release;
  }
  const alpine = firstLine(view.readText(ALPINE_RELEASE));
  if (alpine) {
    const release: DetectedDistro = { id: 'alpine', versionId: alpine, name: 'Alpine Linux', source: ALPINE_RELEASE };
    refineAlpineBranch(release, view.readText(APK_REPOSITORIES));
    return release;
  }
  const debian = firstLine(view.readText(DEBIAN_VERSION));
  if (debian && /^\d+(\.\d+)*$/.test(debian)) return { id: 'debian', versionId: debian, name: 'Debian GNU/Linux', source: DEBIAN_VERSION };
  const cpe = view.readText(SYSTEM_RELEASE_CPE);
  const fromCpe = cpe === undefined ? undefined : parseSystemReleaseCpe(cpe);
  if (fromCpe) return fromCpe;
  const redhat = view.readText(REDHAT_RELEASE);
  const fromRedhat = redhat === undefined ? undefined : parseRedhatRelease(redhat);
  if (fromRedhat) return fromRedhat;
  const banner = busyboxVersion(view);
  if (banner) return { id: 'busybox', versionId: banner, name: 'BusyBox', prettyName: `BusyBox v${banner}`, source: BUSYBOX_PATH };
  return undefined;
}

/** Parses os-release (`KEY=value`, shell-style quoting). Returns undefined when the file has no fields at all. */
export function parseOsRelease(text: string, source = '/etc/os-release'): DetectedDistro | undefined {
  const fields = new Map<string, string>();
  for (const raw of text.split(/\r?\n|\r/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) continue;
    fields.set(key, unquote(line.slice(eq + 1).trim()));
  }
  if (fields.size === 0) return undefined;
  const get = (k: string): string | undefined => {
    const v = fields.get(k);
    return v === undefined || v === '' ? undefined : v;
  };
  const out: DetectedDistro = { id: (get('ID') ?? '').toLowerCase(), source };
  const set = <K extends keyof DetectedDistro>(key: K, value: DetectedDistro[K] | undefined): void => {
    if (value !== undefined) out[key] = value;
  };
  set('versionId', get('VERSION_ID'));
  set('versionCodename', get('VERSION_CODENAME'));
  set('prettyName', get('PRETTY_NAME'));
  const idLike = get('ID_LIKE')?.split(/\s+/).filter(Boolean);
  set('idLike', idLike && idLike.length > 0 ? idLike : undefined);
  set('cpeName', get('CPE_NAME'));
  set('name', get('NAME'));
  set('version', get('VERSION'));
  set('variantId', get('VARIANT_ID'));
  set('buildId', get('BUILD_ID'));
  return out;
}

/** `cpe:/o:centos:linux:6:GA` → centos 6. A CPE without a numeric version is not a release. */
export function parseSystemReleaseCpe(text: string): DetectedDistro | undefined {
  const cpe = firstLine(text);
  if (!cpe) return undefined;
  let vendor: string | undefined;
  let version: string | undefined;
  const uri = /^cpe:\/o:([^:]+):([^:]+):([^:]+)/.exec(cpe);
  const fs = /^cpe:2\.3:o:([^:]+):([^:]+):([^:]+)/.exec(cpe);
  const m = uri ?? fs;
  if (m) {
    vendor = m[1];
    version = m[3];
  }
  if (!vendor || !version || !/^\d+(\.\d+)*$/.test(version)) return undefined;
  const id = vendor.toLowerCase();
  return { id, versionId: version, name: id, prettyName: id, idLike: [id], cpeName: cpe, source: SYSTEM_RELEASE_CPE };
}

/** `CentOS release 5.7 (Final)`, `Red Hat Enterprise Linux release 8.10 (Ootpa)`. */
export function parseRedhatRelease(text: string): DetectedDistro | undefined {
  const line = firstLine(text);
  if (!line) return undefined;
  const m = /^(.+?)\s+release\s+(\d+(?:\.\d+)*)\b/.exec(line);
  if (!m) return undefined;
  const name = m[1]!;
  const lower = name.toLowerCase();
  const id = REDHAT_NAMES.find(([prefix]) => lower.startsWith(prefix))?.[1] ?? lower.split(/\s+/)[0]!;
  return { id, versionId: m[2]!, name, prettyName: line, source: REDHAT_RELEASE };
}

const REDHAT_NAMES: readonly (readonly [string, string])[] = [
  ['red hat enterprise linux', 'rhel'],
  ['centos', 'centos'],
  ['rocky', 'rocky'],
  ['almalinux', 'almalinux'],
  ['scientific', 'scientific'],
  ['fedora', 'fedora'],
  ['oracle linux', 'ol'],
  ['amazon linux', 'amzn'],
];

/** `3.21.0_alpha20240807`, `3.17_alpha20220715`, `3.20.0_rc1`, `_git…`: a build from edge or a release candidate. */
export const ALPINE_PRERELEASE = /_(alpha|beta|pre|rc|git|cvs|svn)\d*/;

/**
 * An Alpine prerelease (edge images say `VERSION_ID=3.21.0_alpha20240807`, `PRETTY_NAME="Alpine Linux edge"`) takes
 * its branch from the repository URLs (`…/alpine/edge/main` → `edge`, `…/alpine/v3.21/main` → `v3.21`) into
 * `versionCodename`, which os-release leaves empty on Alpine. Without a repository naming a branch it is edge, as
 * grype decides for a version it cannot read. A release (`3.20.3`) is left alone: its VERSION_ID says the branch.
 */
export function refineAlpineBranch(release: DetectedDistro, repositories: string | undefined): void {
  if (!ALPINE_PRERELEASE.test(release.versionId ?? '')) return;
  const branches = new Set<string>();
  for (const raw of (repositories ?? '').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('@')) continue; // `@tag url`: pinned, not the system's
    const m = /\/(edge|v\d+\.\d+)\/[^/\s]+\/?$/.exec(line);
    if (m) branches.add(m[1]!);
  }
  // Edge wins over a stable branch listed beside it: the edge packages are the newer ones installed.
  release.versionCodename = branches.has('edge') || branches.size !== 1 ? 'edge' : [...branches][0]!;
}

/**
 * The point release of `/etc/debian_version` refines os-release's VERSION_ID (`12` → `12.7`), which is kept as
 * `releaseVersionId`: Anchore's `distro_version` is VERSION_ID, or the major of `/etc/debian_version` where
 * os-release has none (anchore-engine `anchore_engine/analyzers/utils.py` `get_distro_from_squashtar`).
 */
function refineDebian(release: DetectedDistro, debianVersion: string | undefined): void {
  const point = firstLine(debianVersion);
  if (!point || !/^\d+(\.\d+)*$/.test(point)) return; // `bookworm/sid` on testing: keep os-release's value
  const osRelease = release.versionId;
  if (osRelease !== undefined && point !== osRelease && !point.startsWith(`${osRelease}.`)) return;
  release.versionId = point;
  const anchore = osRelease ?? /^(\d+)\./.exec(point)?.[1];
  if (anchore !== undefined && anchore !== point) release.releaseVersionId = anchore;
}

function busyboxVersion(view: FileView): string | undefined {
  const resolved = view.resolve(BUSYBOX_PATH, { follow: true });
  if (resolved === undefined) return undefined;
  const entry = view.get(resolved);
  const contentPath = entry?.type === 'hardlink' && entry.linkTarget ? entry.linkTarget : resolved;
  const fromSink = view.sinkResult(BUSYBOX_REQUEST_ID, contentPath);
  if (typeof fromSink === 'string') return fromSink;
  // A view built without the sink (content buffered by another request) still works.
  const read = view.read(BUSYBOX_PATH);
  if (!read.ok) return undefined;
  const sink = new BusyboxBannerSink();
  sink.write(read.data);
  return sink.end();
}

const BANNER = Buffer.from('BusyBox v');
const VERSION_CHARS = /^[0-9][0-9.]*[0-9]/;

/** Finds the first `BusyBox v1.2.3` across chunk boundaries, keeping only a short tail between chunks. */
export class BusyboxBannerSink implements ContentSink {
  #tail: Buffer = Buffer.alloc(0);
  #found: string | undefined;

  write(chunk: Buffer): void {
    if (this.#found !== undefined) return;
    const data = this.#tail.length ? Buffer.concat([this.#tail, chunk]) : chunk;
    let at = data.indexOf(BANNER);
    while (at >= 0) {
      const after = data.subarray(at + BANNER.length, at + BANNER.length + 32).toString('latin1');
      // Wait for more data when the version might run on into the next chunk.
      if (at + BANNER.length + 32 > data.length) {
        this.#tail = Buffer.from(data.subarray(at));
        return;
      }
      const m = VERSION_CHARS.exec(after);
      if (m) {
        this.#found = m[0];
        return;
      }
      at = data.indexOf(BANNER, at + 1);
    }
    this.#tail = Buffer.from(data.subarray(Math.max(0, data.length - BANNER.length - 32)));
  }

  end(): string | undefined {
    if (this.#found === undefined && this.#tail.length) {
      const at = this.#tail.indexOf(BANNER);
      if (at >= 0) this.#found = VERSION_CHARS.exec(this.#tail.subarray(at + BANNER.length).toString('latin1'))?.[0];
    }
    return this.#found;
  }
}

function firstLine(text: string | undefined): string | undefined {
  const line = text?.split(/\r?\n/)[0]?.trim();
  return line ? line : undefined;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return value.slice(1, -1).replace(/\\(["\\$`])/g, '$1');
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1);
  return value;
}

/** The purl `distro` qualifier: `debian-12`, `alpine-3.20.3`, `rhel-8.10`. Debian point releases are cut to the major. */
export function distroQualifier(distro: Distro | undefined): string | undefined {
  if (!distro?.id) return undefined;
  if (!distro.versionId) return distro.id;
  const version = distro.id === 'debian' ? distro.versionId.split('.')[0]! : distro.versionId;
  return `${distro.id}-${version}`;
}
