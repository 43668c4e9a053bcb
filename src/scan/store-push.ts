import { getErrorMessage } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import type { ImageMetadata, ScanReport } from '../model/index.js';
import { OUTPUT_FORMATS } from '../output/list.js';
import { DIGEST_RE } from '../publish/compliance.js';
import { RESULT_SINKS } from '../publish/list.js';
import { makePayload } from '../publish/sink.js';
import { publish, retrySpooled, Spool, type PublishResult } from '../publish/spool.js';
import type { StorePushConfig } from './config.js';

/** What happened to the store push. */
export type StorePushResult = PublishResult | { status: 'skipped'; error: string };

/** The digest a store keys the image by: the manifest digest, or the config digest (image id) of a `docker save` image. */
export function storeDigest(image: ImageMetadata): string | undefined {
  return image.manifestDigest ?? (DIGEST_RE.test(image.configDigest) ? image.configDigest : undefined);
}

/**
 * Pushes the evaluation to our store as `portcullis push` does: what earlier runs spooled first, then the JSON
 * report, the SBOM (CycloneDX) and the SARIF, all unscoped. A failure warns and spools; it never throws.
 */
export async function pushEvaluation(store: StorePushConfig, report: ScanReport, at: (p: string) => string, logger: Logger, signal?: AbortSignal): Promise<StorePushResult> {
  // An image read from `docker save` has no manifest digest until it is pushed: its config digest (the image id) keys it then.
  const imageDigest = storeDigest(report.image);
  if (imageDigest && !report.image.manifestDigest) logger.info(`store: the image has no manifest digest; the evaluation is keyed by its config digest ${imageDigest}`);
  if (!imageDigest) {
    const error = 'the image has no digest to key the evaluation by';
    logger.warning(`store: ${error}; nothing was pushed`);
    return { status: 'skipped', error };
  }
  const sink = RESULT_SINKS.get('store').create(store.target);
  const options = { spool: new Spool(at(store.spoolDir)), url: store.target.url, logger, ...(signal ? { signal } : {}) };
  const file = (format: string, name: string, contentType: string) => {
    const content = OUTPUT_FORMATS.get(format).render(report, {});
    return { name, data: Buffer.isBuffer(content) ? content : Buffer.from(content), contentType };
  };
  const payload = makePayload({
    imageDigest,
    ...(report.image.repoTags[0] ? { imageTag: report.image.repoTags[0] } : {}),
    ...(store.commit ? { commit: store.commit } : {}),
    ...(store.pipelineRun ? { pipelineRun: store.pipelineRun } : {}),
    report: file('json', 'portcullis-report.json', 'application/json'),
    sbom: file('cyclonedx', 'portcullis.cdx.json', 'application/json'),
    sarif: file('sarif', 'portcullis.sarif', 'application/sarif+json'),
  });
  try {
    // What earlier runs spooled goes first, so the store sees evaluations in order.
    await retrySpooled(sink, options);
    return await publish(sink, payload, options);
  } catch (e) {
    // Remote failures are spooled by publish; what is left (an unwritable spool directory) must not lose the reports.
    const error = `the push failed and could not be spooled: ${getErrorMessage(e)}`;
    logger.warning(`store: ${error}`);
    return { status: 'skipped', error };
  }
}

