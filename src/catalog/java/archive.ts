/**
 * Java archives (jar, war, ear, and Jenkins hpi/jpi), including archives nested inside them: the packages they
 * declare through `pom.properties`, `META-INF/maven/<groupId>/<artifactId>/pom.xml` and `MANIFEST.MF`.
 */
import { basename } from '../../image/paths.js';
import { parseManifest, type JavaManifest } from './manifest.js';
import { parsePomProperties, parsePomXml } from './pom.js';
import { ZipReader, type ZipEntry } from '../../common/zip.js';

export interface JavaArtifact {
  groupId: string;
  artifactId: string;
  version: string;
  /** The chain of archives, `outer.jar:inner.jar`, plus `:groupId:artifactId` for artifacts beside the main one. */
  virtualPath: string;
  /** Nesting depth: 0 for the archive on disk. */
  depth: number;
  kind: 'java-archive' | 'jenkins-plugin';
  licenses: string[];
  /** Where the coordinates came from. */
  source: 'pom.properties' | 'pom.xml' | 'manifest' | 'filename';
  name?: string;
  /** `groupId:artifactId` of the main artifact of the archive holding this one, for artifacts beside a main one. */
  parentArtifact?: string;
}

export interface ArchiveProblem {
  virtualPath: string;
  reason: string;
}

export interface ArchiveOptions {
  /** Archives nested deeper than this are reported as problems (a zip-in-zip bomb guard). Default 16. */
  maxDepth?: number;
  /** Name a package from the file name alone (`foo-1.2.jar`) when the archive carries no other metadata. */
  identifyByFilename?: boolean;
}

const ARCHIVE_EXTENSIONS = ['.jar', '.war', '.ear', '.hpi', '.jpi', '.par', '.sar', '.nar', '.kar', '.rar', '.lpkg', '.far', '.zap'];

export function isJavaArchiveName(path: string): boolean {
  const lower = path.toLowerCase();
  return ARCHIVE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** `api-all-2.0.0-sources` → name `api-all`, version `2.0.0-sources`: the version starts at the first `-<digit>`. */
export function splitArchiveFilename(path: string): { name: string; version: string } {
  const base = basename(path).replace(/\.[^.]+$/, '');
  const m = /^(.+?)-(\d[^/]*)$/.exec(base);
  return m ? { name: m[1]!, version: m[2]! } : { name: base, version: '' };
}

export function parseJavaArchive(data: Buffer, path: string, options: ArchiveOptions = {}): { artifacts: JavaArtifact[]; problems: ArchiveProblem[] } {
  const out = { artifacts: [] as JavaArtifact[], problems: [] as ArchiveProblem[] };
  walk(data, path, path, 0, options, out);
  return out;
}

function walk(
  data: Buffer,
  name: string,
  virtualPath: string,
  depth: number,
  options: ArchiveOptions,
  out: { artifacts: JavaArtifact[]; problems: ArchiveProblem[] },
): void {
  const maxDepth = options.maxDepth ?? 16;
  if (depth > maxDepth) {
    out.problems.push({ virtualPath, reason: `archive nested more than ${maxDepth} levels deep; not read` });
    return;
  }
  let zip: ZipReader;
  try {
    zip = new ZipReader(data);
  } catch (e) {
    out.problems.push({ virtualPath, reason: `not a readable java archive: ${(e as Error).message}` });
    return;
  }
  const text = (entry: ZipEntry): string => zip.read(entry, 4 * 1024 * 1024).toString('utf8');
  let manifest: JavaManifest | undefined;
  const mf = zip.find('META-INF/MANIFEST.MF');
  try {
    if (mf) manifest = parseManifest(text(mf));
  } catch (e) {
    out.problems.push({ virtualPath, reason: `unreadable MANIFEST.MF: ${(e as Error).message}` });
  }
  // An agent's instrumentation module (New Relic weaving) describes the library it instruments, not itself.
  if (manifest?.main['Weave-Classes'] !== undefined) return;

  const kind: JavaArtifact['kind'] = /\.(hpi|jpi)$/i.test(name) ? 'jenkins-plugin' : 'java-archive';
  const candidates: Omit<JavaArtifact, 'virtualPath' | 'depth' | 'kind'>[] = [];
  const sorted = [...zip.entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of sorted) {
    if (e.name !== 'pom.properties' && !e.name.endsWith('/pom.properties')) continue;
    try {
      const p = parsePomProperties(text(e));
      if (!p.groupId || !p.artifactId || !p.version) continue; // incomplete coordinates identify nothing
      const pomXml = zip.find(e.name.replace(/pom\.properties$/, 'pom.xml'));
      const xml = pomXml ? safe(() => parsePomXml(text(pomXml))) : undefined;
      candidates.push({
        groupId: p.groupId,
        artifactId: p.artifactId,
        version: p.version,
        licenses: xml?.licenses ?? [],
        source: 'pom.properties',
        ...((p.name ?? xml?.name) ? { name: p.name ?? xml?.name } : {}),
      });
    } catch (err) {
      out.problems.push({ virtualPath: `${virtualPath}:${e.name}`, reason: (err as Error).message });
    }
  }
  if (candidates.length === 0) {
    // No pom.properties: `META-INF/maven/<groupId>/<artifactId>/pom.xml` still names the artifact.
    for (const e of sorted) {
      const m = /^META-INF\/maven\/([^/]+)\/([^/]+)\/pom\.xml$/.exec(e.name);
      if (!m) continue;
      const xml = safe(() => parsePomXml(text(e)));
      const version = xml?.version || splitArchiveFilename(name).version || manifestVersion(manifest);
      if (!version) continue;
      candidates.push({
        groupId: xml?.groupId || m[1]!,
        artifactId: xml?.artifactId || m[2]!,
        version,
        licenses: xml?.licenses ?? [],
        source: 'pom.xml',
        ...(xml?.name ? { name: xml.name } : {}),
      });
    }
  }

  const file = splitArchiveFilename(name);
  const matches = (c: { artifactId: string }): boolean =>
    file.name !== '' && (c.artifactId.startsWith(file.name) || file.name.endsWith(c.artifactId));
  const matching = candidates.filter(matches);
  type Candidate = (typeof candidates)[number];
  let main: Candidate | undefined = matching.find((c) => file.name.includes(c.groupId)) ?? matching[0];
  if (!main && candidates.length === 1) main = candidates[0];
  if (!main && candidates.length === 0) main = fromManifest(manifest, file, options);
  if (main) out.artifacts.push({ ...main, virtualPath, depth, kind });
  for (const c of candidates) {
    if (c === main) continue;
    out.artifacts.push({
      ...c,
      virtualPath: `${virtualPath}:${c.groupId}:${c.artifactId}`,
      depth,
      kind: 'java-archive',
      ...(main ? { parentArtifact: `${main.groupId}:${main.artifactId}` } : {}),
    });
  }

  for (const e of sorted) {
    if (e.name.endsWith('/') || !isJavaArchiveName(e.name)) continue;
    let inner: Buffer;
    try {
      inner = zip.read(e);
    } catch (err) {
      out.problems.push({ virtualPath: `${virtualPath}:${e.name}`, reason: (err as Error).message });
      continue;
    }
    walk(inner, e.name, `${virtualPath}:${e.name}`, depth + 1, options, out);
  }
}

function manifestVersion(m: JavaManifest | undefined): string {
  const f = m?.main ?? {};
  return f['Implementation-Version'] || f['Specification-Version'] || f['Plugin-Version'] || f['Bundle-Version'] || '';
}

/** The archive's identity from its manifest and file name, when it carries no Maven metadata. */
function fromManifest(
  manifest: JavaManifest | undefined,
  file: { name: string; version: string },
  options: ArchiveOptions,
): Omit<JavaArtifact, 'virtualPath' | 'depth' | 'kind'> | undefined {
  const f = manifest?.main ?? {};
  const symbolic = (f['Bundle-SymbolicName'] ?? '').split(';')[0]!.trim();
  const fromManifestName = f['Short-Name'] || f['Extension-Name'] || f['Implementation-Title'] || symbolic;
  const hasManifestIdentity = fromManifestName !== '' && manifestVersion(manifest) !== '';
  if (!hasManifestIdentity && !options.identifyByFilename) return undefined;
  const artifactId = (hasManifestIdentity ? file.name || fromManifestName : file.name).trim();
  const version = (file.version || manifestVersion(manifest)).trim();
  if (!artifactId || !version || /\s/.test(artifactId)) return undefined;
  const groupId =
    f['Group-Id'] ||
    f['Implementation-Vendor-Id'] ||
    (symbolic.includes('.') && !/\s/.test(symbolic) ? groupFromDotted(symbolic) : '') ||
    (artifactId.includes('.') ? groupFromDotted(artifactId) : artifactId);
  const licenses = f['Bundle-License'] ? [f['Bundle-License']] : [];
  return { groupId, artifactId, version, licenses, source: hasManifestIdentity ? 'manifest' : 'filename' };
}

/** `org.eclipse.sisu.inject` → `org.eclipse.sisu`. */
function groupFromDotted(name: string): string {
  return name.slice(0, name.lastIndexOf('.'));
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
