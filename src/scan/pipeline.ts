import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { ConfigurationError, getErrorMessage } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import type { Outcome } from '../common/outcome.js';
import { catalogRequests, DEFAULT_MAX_DATABASE_BYTES, runCatalogers, selectCatalogers, type CatalogRunResult } from '../catalog/run.js';
import type { FileView } from '../image/file-view.js';
import { loadImage } from '../image/open.js';
import type { Decision, Distro, Finding, ImageMetadata, Package, PluginRun, PolicyResult, ScanReport, Unknown, VulnerabilityDataStatus } from '../model/index.js';
import { parseOutputSpecs } from '../output/list.js';
import { BUNDLED_POLICIES, resolvePolicy } from '../policy/bundled.js';
import type { PolicyContext } from '../policy/context.js';
import { evaluatePolicy, type PolicyEvaluation } from '../policy/evaluate.js';
import type { PolicyBundle } from '../policy/model.js';
import { policyFileRequests } from '../policy/requests.js';
import type { SbomDocument } from '../sbom/document.js';
import { isSbomReference, SBOM_SCHEME, sbomInput, sbomInputOf } from '../sbom/read.js';
import { VERSION } from '../version-info.js';
import { outcomeOf, type ScanConfig } from './config.js';
import { gatingDecision } from '../baseline/delta.js';
import type { StorePushResult } from './store-push.js';
import { compareForPackageType } from '../version/list.js';
import type { VulnerabilityStage } from './vulnerabilities.js';
import { catalogGapsOf, catalogGapWarnings, unknownsSummary } from './unknowns.js';

export interface ScanDeps {
  env: NodeJS.ProcessEnv;
  logger: Logger;
  signal?: AbortSignal;
  /** The clock (allowlist expiry, data age); pinned in tests. */
  now?: () => Date;
  /** Relative output and input paths resolve against this. */
  cwd?: string;
  /** The vulnerability stage; the OSV database by default. */
  vulnerabilities?: VulnerabilityStage;
  /**
   * An SBOM already read and parsed (the store's re-evaluation): scanned in place of reading `config.image`, which
   * only names it in the report (an `sbom:` reference). Nothing is read from disk for it. A baseline's rescan of
   * another image never sees it.
   */
  sbom?: SbomDocument;
  /** A policy bundle already loaded: evaluated in place of loading `config.policyPath`. */
  bundle?: PolicyBundle;
  /**
   * False: no output is rendered or written (`config.outputs` is not used, `written` is empty), for a caller that
   * uses only the report. True by default.
   */
  render?: boolean;
}

export interface WrittenOutput {
  format: string;
  path?: string;
  content: string | Buffer;
}

export interface ScanResult {
  report: ScanReport;
  outcome: Outcome;
  /** Every rendered output: written to `path` when it has one; the caller prints the one without. */
  written: WrittenOutput[];
  /** What happened to the store push, when a store was configured. */
  store?: StorePushResult;
}

/**
 * The whole pipeline: policy (loaded first, so a bad bundle fails before any work) → image (one pass, reading
 * what the catalogers and gates asked for) → catalog → vulnerabilities → Dockerfile mapping → policy → outputs
 * → the store push, when configured. Every report is written before the outcome is returned. No CI knowledge.
 */
export async function runScan(config: ScanConfig, deps: ScanDeps): Promise<ScanResult> {
  const now = deps.now ?? (() => new Date());
  const cwd = deps.cwd ?? process.cwd();
  const at = (p: string): string => (isAbsolute(p) ? p : resolve(cwd, p));
  const { logger } = deps;

  const outputs = deps.render === false ? [] : parseOutputSpecs(config.outputs.length ? config.outputs : ['table']);
  const policy = config.policyPath;
  const bundle = deps.bundle ?? (await resolvePolicy(policy && !Object.hasOwn(BUNDLED_POLICIES, policy) ? at(policy) : policy));
  const dockerfile = config.dockerfilePath ? await readDockerfile(at(config.dockerfilePath)) : undefined;
  // Modules a plain scan does not need are loaded only when their option is used (memory at every image size).
  const complianceInput = config.complianceSummaries || config.complianceStore ? await import('./compliance-input.js') : undefined;
  const compliance = config.complianceSummaries ? await Promise.all(config.complianceSummaries.map((p) => complianceInput!.readComplianceSummary(p, at(p)))) : undefined;

  // `sbom:PATH`: the packages come from an SBOM and there is no file view, so the file-based gates say they cannot check.
  let view: FileView | undefined;
  let image: ImageMetadata;
  let catalog: CatalogRunResult;
  if (deps.sbom) {
    ({ image, catalog } = sbomInputOf(deps.sbom, config.image));
  } else if (isSbomReference(config.image)) {
    ({ image, catalog } = await sbomInput(at(config.image.slice(SBOM_SCHEME.length)), config.image));
  } else {
    const catalogers = selectCatalogers('image');
    view = await loadImage(config.image, {
      ...config.source,
      env: deps.env,
      logger,
      requests: [...catalogRequests(catalogers, { maxDatabaseBytes: config.maxDatabaseBytes ?? Math.max(DEFAULT_MAX_DATABASE_BYTES, config.maxFileBytes ?? 0) }), ...policyFileRequests(bundle)],
      ...(config.maxFileBytes ? { maxFileBytes: config.maxFileBytes } : {}),
      ...(config.layerCache ? { layerCache: { cache: new (await import('../image/layer-cache/store.js')).LayerCache(at(config.layerCache.dir), config.layerCache.maxBytes), salt: analysisSalt(catalogers) } } : {}),
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
    image = view.metadata;
    logger.info(`read ${image.reference}: ${image.layers.length} layers, ${view.size} paths`);
    catalog = await runCatalogers(view, { catalogers, logger, ...(deps.signal ? { signal: deps.signal } : {}) });
  }
  logger.info(`catalogued ${catalog.packages.length} packages${catalog.distro ? ` on ${catalog.distro.prettyName ?? catalog.distro.id}` : ''}`);
  const catalogGaps = catalogGapsOf(catalog.unknowns);
  for (const line of catalogGapWarnings(catalogGaps)) logger.warning(line);

  const vulns = config.vulnerabilities.enabled
    ? await (deps.vulnerabilities ?? (await import('./vulnerabilities.js')).vulnerabilityStage).run({ packages: catalog.packages, ...(catalog.distro ? { distro: catalog.distro } : {}), options: config.vulnerabilities, env: deps.env, logger, now: now(), ...(deps.signal ? { signal: deps.signal } : {}) })
    : undefined;

  const mapping = dockerfile ? (await import('./dockerfile-map.js')).mapLayersToDockerfile(image.layers, image.config.history ?? [], dockerfile.text) : undefined;
  // A Dockerfile that does not fit the history maps nothing: findings keep their image paths rather than wrong lines.
  if (mapping && !mapping.fits) logger.warning(`${config.dockerfilePath}: ${mapping.mismatch}; findings are reported at their image paths`);
  const origins = mapping?.fits ? mapping.origins : undefined;

  const ctx: PolicyContext = {
    image,
    ...(view ? { files: view } : {}),
    packages: catalog.packages,
    catalogGaps,
    findings: vulns?.findings ?? [],
    ...(catalog.distro ? { distro: catalog.distro } : {}),
    ...(vulns ? { vulnData: vulns.policyStatus } : {}),
    ...(dockerfile ? { dockerfile } : {}),
    ...(compliance || config.complianceStore
      ? { compliance: [...complianceInput!.complianceFor(image, compliance ?? [], logger), ...(config.complianceStore ? await complianceInput!.storedCompliance(config.complianceStore, image, logger, deps.signal) : [])] }
      : {}),
    now: now(),
    compareVersions: compareForPackageType,
  };
  const evaluation = evaluatePolicy(bundle, ctx, { tag: targetTag(image), ...(image.manifestDigest ? { digest: image.manifestDigest } : {}), imageId: image.configDigest });
  const decision = decisionOf(evaluation);

  // A package database over the cap is reported once, by its cataloger (with the package type), not also by the image.
  const gapPaths = new Set(catalogGaps.map((u) => u.path));
  const unknowns = [...(view?.unknowns ?? []).filter((u) => !(u.stage === 'image' && gapPaths.has(u.path))), ...catalog.unknowns, ...(vulns?.unknowns ?? [])];
  const summary = unknownsSummary(unknowns);
  if (summary) logger.warning(summary);
  const built = buildReport({
    image,
    ...(catalog.distro ? { distro: catalog.distro } : {}),
    packages: catalog.packages,
    findings: vulns?.findings ?? [],
    unknowns,
    plugins: [...catalog.plugins, ...(vulns?.plugins ?? [])],
    ...(vulns ? { vulnerabilityData: vulns.status } : {}),
    policy: policyResult(evaluation),
    ...(dockerfile && origins ? { dockerfile: { path: config.dockerfilePath!, origins } } : {}),
    decision,
    createdAt: now().toISOString(),
  });
  // --baseline (issue 18): mark what is new against a previous scan; an SBOM baseline is scanned with today's data.
  const { baseline: _baseline, store: _store, ...rescanConfig } = config;
  const { sbom: _sbom, ...rescanDeps } = deps;
  const report = !config.baseline ? built : await (await import('../baseline/stage.js')).applyBaseline(built, config.baseline, {
    logger,
    at,
    rescan: async (ref) => (await runScan({ ...rescanConfig, image: ref, outputs: [] }, { ...rescanDeps, render: false })).report,
    ...(deps.signal ? { signal: deps.signal } : {}),
  });

  const written: WrittenOutput[] = [];
  for (const spec of outputs) {
    const content = spec.format.render(report, {
      ...(config.severityCutoff ? { severityCutoff: config.severityCutoff } : {}),
      ...(config.onlyFixed ? { onlyFixed: true } : {}),
      ...(config.color !== undefined && spec.path === undefined ? { color: config.color } : {}),
      ...(config.width !== undefined && spec.path === undefined ? { width: config.width } : {}),
      workingDirectory: cwd,
      ...(config.checkoutRoot ? { checkoutRoot: at(config.checkoutRoot) } : {}),
    });
    if (spec.path !== undefined) {
      const path = at(spec.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
      logger.info(`wrote ${spec.format.id} report to ${spec.path}`);
    }
    written.push({ format: spec.format.id, ...(spec.path !== undefined ? { path: at(spec.path) } : {}), content });
  }
  // `--fail-scope new`: the exit code from the new triggers' decision; the report's decision stays the full one.
  let outcome = outcomeOf(gatingDecision(report), config.failOn);
  const store = config.store ? await (await import('./store-push.js')).pushEvaluation(config.store, report, at, logger, deps.signal) : undefined;
  // A failed push has been warned about; with failOnError it also fails a run that would pass (the caller says why).
  if (store && store.status !== 'pushed' && config.store?.failOnError && (outcome === 'go' || outcome === 'warn')) outcome = 'remote-error';
  return { report, outcome, written, ...(store ? { store } : {}) };
}

/** The layer cache's part of the analysis version that the requests do not show: the tool's and the catalogers' versions. */
function analysisSalt(catalogers: readonly { id: string; version: number }[]): string {
  return [`portcullis@${VERSION}`, ...catalogers.map((c) => `${c.id}@${c.version}`)].join(',');
}

async function readDockerfile(path: string): Promise<{ text: string; path: string }> {
  try {
    return { text: await readFile(path, 'utf8'), path };
  } catch (e) {
    throw new ConfigurationError(`cannot read Dockerfile ${path}: ${getErrorMessage(e)}`, { cause: e });
  }
}

/** The tag a mapping rule sees: the image's own tag when it has one, else a name derived from the reference. */
export function targetTag(image: ImageMetadata): string {
  if (image.repoTags[0]) return image.repoTags[0];
  const ref = image.reference.replace(/^[a-z-]+:/, '');
  if (image.source === 'registry' || image.source === 'docker') return ref.includes(':') || ref.includes('@') ? ref : `${ref}:latest`;
  const base = ref.split('/').filter(Boolean).pop() ?? 'image';
  const [name, tag] = base.split(':');
  return `localhost/${(name ?? 'image').toLowerCase().replace(/[^a-z0-9._-]/g, '-')}:${tag ?? 'latest'}`;
}

function decisionOf(e: PolicyEvaluation): Decision {
  return e.final_action === 'stop' ? 'STOP' : e.final_action === 'warn' ? 'WARN' : 'GO';
}

function policyResult(e: PolicyEvaluation): PolicyResult {
  return {
    bundle_id: e.bundle_id,
    bundle_name: e.bundle_name,
    final_action: e.final_action,
    final_action_reason: e.final_action_reason,
    image_mapped_to_rule: e.image_mapped_to_rule,
    findings: e.findings,
    evaluation_problems: e.evaluation_problems,
    evaluation_time: e.evaluation_time,
  };
}

function buildReport(parts: {
  image: ImageMetadata;
  distro?: Distro;
  packages: Package[];
  findings: Finding[];
  unknowns: Unknown[];
  plugins: PluginRun[];
  vulnerabilityData?: VulnerabilityDataStatus;
  policy: PolicyResult;
  dockerfile?: ScanReport['dockerfile'];
  decision: Decision;
  createdAt: string;
}): ScanReport {
  return { schemaVersion: '1', tool: { name: 'portcullis', version: VERSION }, ...parts };
}
