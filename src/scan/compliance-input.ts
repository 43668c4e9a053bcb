import { readFile } from 'node:fs/promises';
import { ConfigurationError, getErrorMessage } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import type { ImageMetadata } from '../model/index.js';
import type { ComplianceCheck } from '../policy/context.js';
import { COMPLIANCE_PATHS } from '../publish/compliance.js';
import { send, statusError, type HttpTarget } from '../publish/http.js';
import { storeDigest } from './store-push.js';

/** Compliance checks for the policy's `compliance` gate: from `oscap-summary.json` files, or from a store. */

/** A compliance summary as read, with the image it was run on (to check it is this image's). */
export interface ComplianceSummary {
  check: ComplianceCheck;
  digest?: string;
}

/** Reads an `oscap-summary.json` (`portcullis compliance oscap`); `shown` is the path as the user gave it. */
export async function readComplianceSummary(shown: string, path: string): Promise<ComplianceSummary> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new ConfigurationError(`cannot read compliance summary ${shown}: ${getErrorMessage(e)}`, { cause: e });
  }
  const s = (data ?? {}) as { check_type?: unknown; result?: unknown; start_time?: unknown; end_time?: unknown; image?: { digest?: unknown } };
  if (typeof s.check_type !== 'string' || !s.check_type || typeof s.result !== 'string' || !s.result) {
    throw new ConfigurationError(`compliance summary ${shown} has no check_type and result; give the oscap-summary.json written by portcullis compliance oscap`);
  }
  const time = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
  const start = time(s.start_time);
  const end = time(s.end_time);
  const digest = time(s.image?.digest);
  return { check: { check_type: s.check_type, result: s.result, ...(start ? { start_time: start } : {}), ...(end ? { end_time: end } : {}), source: shown }, ...(digest ? { digest } : {}) };
}

/** The checks that were run on this image; one run on another image (another digest) is left out, with a warning. */
export function complianceFor(image: ImageMetadata, summaries: ComplianceSummary[], logger: Logger): ComplianceCheck[] {
  return summaries.flatMap(({ check, digest }) => {
    if (digest && image.manifestDigest && digest !== image.manifestDigest) {
      logger.warning(`compliance summary ${check.source} is for image ${digest}, not the scanned ${image.manifestDigest}; it is not counted`);
      return [];
    }
    return [check];
  });
}

/** The latest check of each type recorded for this image in a store's runtime-compliance API (Anchore's 404: none). */
export async function storedCompliance(target: HttpTarget, image: ImageMetadata, logger: Logger, signal?: AbortSignal): Promise<ComplianceCheck[]> {
  const digest = storeDigest(image);
  if (!digest) throw new ConfigurationError('--compliance-from-store: the image has no digest to look its compliance checks up by');
  const path = `${COMPLIANCE_PATHS.v2}?image_digest=${encodeURIComponent(digest)}`;
  const res = await send(target, 'GET', path, signal ? { signal } : {});
  if (res.status === 404) {
    logger.info(`compliance: the store has no compliance check for ${digest}`);
    return [];
  }
  if (res.status !== 200) throw statusError('GET', target, path, res);
  const records = res.json<{ id: string; check_type: string; result?: string; start_time?: string; end_time?: string; created_at?: string }[]>();
  const latest = new Map<string, (typeof records)[number]>();
  const when = (r: (typeof records)[number]): string => r.end_time ?? r.start_time ?? r.created_at ?? '';
  for (const r of records) {
    const seen = latest.get(r.check_type);
    if (!seen || Date.parse(when(r)) > Date.parse(when(seen))) latest.set(r.check_type, r);
  }
  const base = target.url.replace(/\/+$/, '');
  return [...latest.values()].map((r) => {
    logger.info(`compliance: ${r.check_type} check ${r.id} from the store: ${r.result ?? 'no result'}`);
    return {
      check_type: r.check_type,
      result: r.result ?? 'unknown',
      ...(r.start_time ? { start_time: r.start_time } : {}),
      // A check recorded without times is as old as its record.
      ...(r.end_time ? { end_time: r.end_time } : !r.start_time && r.created_at ? { end_time: r.created_at } : {}),
      source: `${base}${COMPLIANCE_PATHS.v2}/${r.id}`,
    };
  });
}

