/**
 * `portcullis sbom`: an image (or an SBOM, to convert it) cataloged into a ScanReport with no findings and no policy,
 * and rendered by one of the SBOM formats.
 */

import type { Logger } from '../common/logger.js';
import { ConfigurationError } from '../common/errors.js';
import { catalogRequests, runCatalogers, selectCatalogers } from '../catalog/run.js';
import { loadImage } from '../image/open.js';
import type { ReadImageOptions } from '../image/read-image.js';
import type { SourceOptions } from '../image/source.js';
import type { ScanReport } from '../model/index.js';
import type { OutputFormat } from '../output/format.js';
import { OUTPUT_FORMATS } from '../output/list.js';
import { VERSION } from '../version-info.js';
import { isSbomReference, SBOM_SCHEME, sbomInput } from './read.js';

/** The names `sbom -o` accepts, and the output format each one is. */
export const SBOM_OUTPUTS: Readonly<Record<string, string>> = {
  'cyclonedx-json': 'cyclonedx',
  cyclonedx: 'cyclonedx',
  cdx: 'cyclonedx',
  'spdx-json': 'spdx',
  spdx: 'spdx',
  'portcullis-json': 'json',
  json: 'json',
};

export function sbomOutputFormat(name: string): OutputFormat {
  const id = SBOM_OUTPUTS[name.trim().toLowerCase()];
  if (!id) throw new ConfigurationError(`-o must be one of cyclonedx-json, spdx-json, portcullis-json (or ${Object.keys(SBOM_OUTPUTS).filter((k) => !k.includes('-')).join(', ')}), got "${name}"`);
  return OUTPUT_FORMATS.get(id);
}

export interface SbomReportOptions {
  source: SourceOptions & Pick<ReadImageOptions, 'maxFileBytes'>;
  logger: Logger;
  /** Relative `sbom:PATH` references resolve against this. */
  resolvePath?: (path: string) => string;
  now?: () => Date;
  signal?: AbortSignal;
}

/** Reads and catalogs `ref` (or reads the SBOM `sbom:PATH`) into a report with decision GO and no findings. */
export async function buildSbomReport(ref: string, options: SbomReportOptions): Promise<ScanReport> {
  const { logger } = options;
  let part: Pick<ScanReport, 'image' | 'distro' | 'packages' | 'unknowns' | 'plugins'>;
  if (isSbomReference(ref)) {
    const path = ref.slice(SBOM_SCHEME.length);
    const { image, catalog } = await sbomInput(options.resolvePath ? options.resolvePath(path) : path, ref);
    part = { image, ...(catalog.distro ? { distro: catalog.distro } : {}), packages: catalog.packages, unknowns: catalog.unknowns, plugins: catalog.plugins };
  } else {
    const catalogers = selectCatalogers('image');
    const view = await loadImage(ref, { ...options.source, requests: catalogRequests(catalogers), ...(options.signal ? { signal: options.signal } : {}) });
    const catalog = await runCatalogers(view, { catalogers, logger, ...(options.signal ? { signal: options.signal } : {}) });
    part = {
      image: view.metadata,
      ...(catalog.distro ? { distro: catalog.distro } : {}),
      packages: catalog.packages,
      unknowns: [...view.unknowns, ...catalog.unknowns],
      plugins: catalog.plugins,
    };
  }
  logger.info(`catalogued ${part.packages.length} packages${part.distro ? ` on ${part.distro.prettyName ?? part.distro.id}` : ''}`);
  return {
    schemaVersion: '1',
    tool: { name: 'portcullis', version: VERSION },
    createdAt: (options.now?.() ?? new Date()).toISOString(),
    ...part,
    findings: [],
    decision: 'GO',
  };
}
