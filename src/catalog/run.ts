import { getErrorMessage, throwIfAborted } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import type { FileRequest } from '../image/file-request.js';
import type { FileView } from '../image/file-view.js';
import type { Distro, Package, PluginRun, Unknown } from '../model/index.js';
import type { Cataloger, CatalogTag } from './cataloger.js';
import { DISTRO_REQUESTS, detectDistro } from './distro/detect.js';
import { CATALOGERS } from './list.js';
import { applyOwnership } from './ownership.js';
import { manifestOrigin, withOrigin } from './package-origin.js';

export interface CatalogRunResult {
  distro?: Distro;
  packages: Package[];
  unknowns: Unknown[];
  plugins: PluginRun[];
}

/** The catalogers an image scan runs: those tagged `image`, or every one when none is tagged. */
export function selectCatalogers(tag: CatalogTag = 'image', all: readonly Cataloger[] = CATALOGERS): Cataloger[] {
  const tagged = all.filter((c) => c.tags.includes(tag));
  return tagged.length ? tagged : [...all];
}

/**
 * Every file the catalogers (and distro detection) need, for the image's single pass. A language cataloger's
 * buffered manifests are kept in every layer's version, so that a package's origin is the first layer that wrote
 * its manifest as it is now (`manifestOrigin`); streamed files (binaries, through sinks) are not. Package databases
 * (`database: true`) get `maxDatabaseBytes` as their cap instead of the per-file cap.
 */
export function catalogRequests(catalogers: readonly Cataloger[], options: { maxDatabaseBytes?: number } = {}): FileRequest[] {
  const capBytes = options.maxDatabaseBytes ?? DEFAULT_MAX_DATABASE_BYTES;
  return [
    ...DISTRO_REQUESTS,
    ...catalogers.flatMap((c) => (c.tags.includes('language') ? c.requests.map((r) => (r.sink || r.everyLayer ? r : { ...r, everyLayer: true })) : c.requests)),
  ].map((r) => (r.database ? { ...r, capBytes } : r));
}

/**
 * The content cap of a known package database (dpkg status and status.d, apk installed, the rpmdbs): larger than
 * the per-file cap, as a RHEL rpmdb can exceed 64 MiB, and still bounded (each layer's version is kept).
 */
export const DEFAULT_MAX_DATABASE_BYTES = 512 * 1024 * 1024;

/**
 * Runs catalogers over a FileView. A cataloger that throws is recorded as failed with its reason and the others go
 * on; unknowns it reports make it `partial`. Language packages whose files an OS package owns are marked `ownedBy`.
 */
export async function runCatalogers(
  view: FileView,
  options: { catalogers: readonly Cataloger[]; logger: Logger; signal?: AbortSignal },
): Promise<CatalogRunResult> {
  const distro = detectDistro(view);
  const packages: Package[] = [];
  const unknowns: Unknown[] = [];
  const plugins: PluginRun[] = [];
  let done = 0;
  for (const c of options.catalogers) {
    throwIfAborted(options.signal);
    options.logger.progress?.({ task: 'catalog', label: `cataloguing: ${c.id}`, done: done++, total: options.catalogers.length, unit: 'items' });
    try {
      const r = await c.catalog({ view, ...(distro ? { distro } : {}), logger: options.logger, ...(options.signal ? { signal: options.signal } : {}) });
      packages.push(...(c.tags.includes('language') ? r.packages.map((p) => withOrigin(p, p.locations[0] ? manifestOrigin(view, p.locations[0].path) : undefined)) : r.packages));
      unknowns.push(...r.unknowns);
      plugins.push({
        id: c.id,
        version: c.version,
        status: r.unknowns.length ? 'partial' : 'succeeded',
        ...(r.unknowns.length ? { reason: `${r.unknowns.length} file(s) could not be read` } : {}),
      });
    } catch (e) {
      if (options.signal?.aborted) throw e;
      options.logger.warning(`cataloger ${c.id} failed: ${getErrorMessage(e)}`);
      plugins.push({ id: c.id, version: c.version, status: 'failed', reason: getErrorMessage(e) });
    }
  }
  options.logger.progress?.({ task: 'catalog', label: '', end: true });
  applyOwnership(packages);
  return { ...(distro ? { distro } : {}), packages, unknowns, plugins };
}
