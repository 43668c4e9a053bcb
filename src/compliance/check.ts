/** `portcullis compliance oscap`: unpack the image, run OpenSCAP, derive the outcome, keep the files. */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Logger } from '../common/logger.js';
import { loadImage } from '../image/open.js';
import type { SourceOptions } from '../image/source.js';
import { runOscapChroot, parseOsRelease, selectContent, SSG_CONTENT_DIR, type ContentMapping } from './oscap.js';
import { rootfsRequest, unpackView, type UnpackSummary } from './rootfs.js';
import type { FileView } from '../image/file-view.js';
import type { XccdfSummary } from './xccdf.js';

export interface OscapCheckOptions {
  ref: string;
  profile: string;
  datastream?: string;
  contentDir?: string;
  outDir: string;
  source: SourceOptions;
  logger: Logger;
  signal?: AbortSignal;
}

/** What is written as `oscap-summary.json` and pushed alongside the files. */
export interface OscapCheckSummary {
  check_type: 'oscap';
  image: { reference: string; digest?: string; tag?: string };
  profile: string;
  datastream: { path: string; benchmark?: string; version?: string };
  contentMapping?: ContentMapping;
  result: XccdfSummary['result'];
  reason: string;
  counts: XccdfSummary['counts'];
  failed: XccdfSummary['failed'];
  oscapExitCode: number;
  start_time: string;
  end_time: string;
  unpack: { files: number; dirs: number; symlinks: number; hardlinks: number; skipped: number };
  files: { results: string; arf: string; report: string; summary: string };
}

/** Reads the image once, streaming every regular file to `work/staging`, and builds the tree at `work/rootfs`. */
export async function unpackImage(
  ref: string,
  work: string,
  source: SourceOptions,
  logger: Logger,
  signal?: AbortSignal,
): Promise<{ view: FileView; unpacked: UnpackSummary; root: string }> {
  const staging = join(work, 'staging');
  const root = join(work, 'rootfs');
  mkdirSync(root, { mode: 0o755 });
  const view = await loadImage(ref, {
    ...source,
    requests: [rootfsRequest(staging), { id: 'compliance/os-release', paths: ['/etc/os-release', '/usr/lib/os-release'] }],
    ...(signal ? { signal } : {}),
  });
  try {
    const unpacked = unpackView(view, root, { logger });
    logger.info(`unpacked ${unpacked.files} files, ${unpacked.dirs} directories, ${unpacked.symlinks} symlinks (${unpacked.skipped.length} entries skipped)`);
    return { view, unpacked, root };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

export async function runOscapCheck(options: OscapCheckOptions): Promise<OscapCheckSummary> {
  const startTime = new Date().toISOString();
  const outDir = resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'portcullis-oscap-'));
  try {
    const { view, unpacked, root } = await unpackImage(options.ref, work, options.source, options.logger, options.signal);
    const os = parseOsRelease(view.readText('/etc/os-release') ?? view.readText('/usr/lib/os-release') ?? '');
    const content = options.datastream ? { datastream: resolve(options.datastream) } : selectContent(os, work, options.contentDir ?? SSG_CONTENT_DIR);
    if ('mapping' in content && content.mapping) options.logger.warning(`content mapping: ${content.mapping.reason}`);
    const run = await runOscapChroot({
      root,
      datastream: content.datastream,
      profile: options.profile,
      ...('cpeDictionary' in content && content.cpeDictionary ? { cpeDictionary: content.cpeDictionary } : {}),
      outDir,
      logger: options.logger,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const m = view.metadata;
    const summaryPath = join(outDir, 'oscap-summary.json');
    const summary: OscapCheckSummary = {
      check_type: 'oscap',
      image: { reference: m.reference, ...(m.manifestDigest ? { digest: m.manifestDigest } : {}), ...(m.repoTags[0] ? { tag: m.repoTags[0] } : {}) },
      profile: options.profile,
      datastream: {
        path: content.datastream,
        ...(run.summary.benchmark.id ? { benchmark: run.summary.benchmark.id } : {}),
        ...(run.summary.benchmark.version ? { version: run.summary.benchmark.version } : {}),
      },
      ...('mapping' in content && content.mapping ? { contentMapping: content.mapping } : {}),
      result: run.summary.result,
      reason: run.summary.reason,
      counts: run.summary.counts,
      failed: run.summary.failed,
      oscapExitCode: run.exitCode,
      start_time: startTime,
      end_time: new Date().toISOString(),
      unpack: { files: unpacked.files, dirs: unpacked.dirs, symlinks: unpacked.symlinks, hardlinks: unpacked.hardlinks, skipped: unpacked.skipped.length },
      files: { results: run.results, arf: run.arf, report: run.report, summary: summaryPath },
    };
    writeFileSync(summaryPath, `${JSON.stringify(summary, null, 2)}\n`);
    return summary;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
