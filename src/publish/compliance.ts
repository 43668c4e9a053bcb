/**
 * Anchore's runtime-compliance API (Enterprise 3.1–4.x, and our store): `multipart/form-data` with exactly the
 * fields of `add_runtime_compliance_check`. `check_type` and `image_digest` are required.
 */

import { createHash } from 'node:crypto';
import { ConfigurationError } from '../common/errors.js';
import { send, statusError, type HttpTarget } from './http.js';

/** The text fields of the form, named as Anchore names them. */
export interface ComplianceCheck {
  check_type: string;
  image_digest: string;
  result?: string;
  pod?: string;
  namespace?: string;
  image_tag?: string;
  start_time?: string;
  end_time?: string;
}

export const COMPLIANCE_TEXT_FIELDS = ['check_type', 'image_digest', 'result', 'pod', 'namespace', 'image_tag', 'start_time', 'end_time'] as const;
export const COMPLIANCE_FILE_FIELDS = ['result_file', 'report_file'] as const;
export type ComplianceFileField = (typeof COMPLIANCE_FILE_FIELDS)[number];

export interface ComplianceFile {
  /** The file name sent in the part's Content-Disposition. */
  name: string;
  data: Buffer;
  contentType?: string;
}

/** What the server returns (`RuntimeComplianceCheck`). */
export interface RuntimeComplianceCheck extends Partial<ComplianceCheck> {
  check_type: string;
  compliance_file_ids?: Record<string, string>;
  [extra: string]: unknown;
}

export type ComplianceApi = 'v1' | 'v2' | 'auto';

export const COMPLIANCE_PATHS: Record<'v1' | 'v2', string> = {
  v1: '/v1/enterprise/runtime_compliance',
  v2: '/v2/runtime-compliance',
};

/** An OCI digest: sha256 or sha512 in lowercase hex, or another registered-style algorithm with a long encoding. */
export const DIGEST_RE = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128}|(?!sha256:|sha512:)[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,})$/;

/** Checks the fields before anything is sent; each problem is one precise ConfigurationError. */
export function validateComplianceCheck(check: Partial<ComplianceCheck>): ComplianceCheck {
  if (!check.check_type) throw new ConfigurationError('check_type is required (e.g. --check-type oscap)');
  if (!check.image_digest) throw new ConfigurationError('image_digest is required (e.g. --image-digest sha256:…)');
  if (!DIGEST_RE.test(check.image_digest)) {
    throw new ConfigurationError(`image_digest "${check.image_digest}" is not a digest (algorithm:hex, e.g. sha256:…)`);
  }
  for (const key of ['start_time', 'end_time'] as const) {
    const v = check[key];
    if (v !== undefined && !isDateTime(v)) throw new ConfigurationError(`${key} "${v}" is not an RFC 3339 date-time (e.g. 2021-03-22T15:12:24Z)`);
  }
  return check as ComplianceCheck;
}

export function isDateTime(v: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v));
}

/** Builds the form: the text fields that are set, in Anchore's order, then the files. */
export function buildComplianceForm(check: ComplianceCheck, files: Partial<Record<ComplianceFileField, ComplianceFile>> = {}): FormData {
  const form = new FormData();
  for (const key of COMPLIANCE_TEXT_FIELDS) {
    const v = check[key];
    if (v !== undefined && v !== '') form.append(key, v);
  }
  for (const key of COMPLIANCE_FILE_FIELDS) {
    const f = files[key];
    if (f) form.append(key, new Blob([new Uint8Array(f.data)], { type: f.contentType ?? 'application/octet-stream' }), f.name);
  }
  return form;
}

/**
 * A digest of every field and file: sent as `Idempotency-Key`, so that our store keeps one check when a push is
 * retried. Anchore ignores the header.
 */
export function complianceKey(check: ComplianceCheck, files: Partial<Record<ComplianceFileField, ComplianceFile>> = {}): string {
  const h = createHash('sha256');
  for (const key of COMPLIANCE_TEXT_FIELDS) h.update(`${key}=${check[key] ?? ''}\n`);
  for (const key of COMPLIANCE_FILE_FIELDS) h.update(`${key}=${files[key] ? createHash('sha256').update(files[key].data).digest('hex') : ''}\n`);
  return h.digest('hex');
}

/**
 * Sends one check. With `auto`, tries v2 and falls back to v1 on a 404 (the v2 path is absent on Enterprise 3.x);
 * a 404 on both means the server has no runtime-compliance API (Enterprise ≥ 5 removed it).
 */
export async function pushCompliance(
  target: HttpTarget,
  check: ComplianceCheck,
  files: Partial<Record<ComplianceFileField, ComplianceFile>> = {},
  options: { api?: ComplianceApi; signal?: AbortSignal } = {},
): Promise<{ api: 'v1' | 'v2'; check: RuntimeComplianceCheck }> {
  const api = options.api ?? 'auto';
  const order: ('v1' | 'v2')[] = api === 'auto' ? ['v2', 'v1'] : [api];
  validateComplianceCheck(check);
  for (const version of order) {
    const path = COMPLIANCE_PATHS[version];
    // A FormData body is consumed by a request, so each attempt builds its own.
    const res = await send(target, 'POST', path, {
      body: buildComplianceForm(check, files),
      headers: { 'idempotency-key': complianceKey(check, files) },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (res.status === 404 && api === 'auto' && version === 'v2') continue;
    if (res.status === 404) {
      const e = statusError('POST', target, path, res);
      e.message += ' (no runtime-compliance API here: Anchore Enterprise ≥ 5 removed it)';
      throw e;
    }
    if (res.status < 200 || res.status >= 300) throw statusError('POST', target, path, res);
    return { api: version, check: res.json<RuntimeComplianceCheck>() };
  }
  throw new Error('unreachable');
}
