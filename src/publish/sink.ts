/** The result-sink contract: where an evaluation is pushed after the scan (our store, Anchore Enterprise). */

import { createHash } from 'node:crypto';
import type { Logger } from '../common/logger.js';
import type { Plugin } from '../plugin/plugin.js';
import type { HttpTarget } from './http.js';

export interface PayloadFile {
  /** The base name sent to the server (never a path). */
  name: string;
  data: Buffer;
  contentType: string;
}

/** One evaluation, keyed by image digest, commit and pipeline run. */
export interface EvaluationPayload {
  imageDigest: string;
  /** `repo:tag` as scanned, when known. */
  imageTag?: string;
  commit?: string;
  pipelineRun?: string;
  /** The JSON ScanReport, as bytes (what the scan wrote). */
  report: PayloadFile;
  sbom?: PayloadFile;
  sarif?: PayloadFile;
  /** Same payload → same key, so a retry (or a replay from the spool) never creates a duplicate. */
  idempotencyKey: string;
}

export interface PushReceipt {
  sink: string;
  /** The server's id for what was stored (evaluation id, Anchore image digest). */
  id: string;
  /** True when the server already had it (an idempotent replay). */
  duplicate: boolean;
  url?: string;
}

export interface SinkContext {
  logger: Logger;
  signal?: AbortSignal;
}

/** A configured destination. `push` throws RemoteError on failure; the caller spools. */
export interface ResultSink {
  readonly id: string;
  push(payload: EvaluationPayload, ctx: SinkContext): Promise<PushReceipt>;
}

/** A kind of sink, registered in `list.ts`; `create` binds it to a server. */
export interface ResultSinkKind extends Plugin {
  readonly aliases: readonly string[];
  create(target: HttpTarget): ResultSink;
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The idempotency key: a digest of the key fields and of every file's content. */
export function idempotencyKeyOf(p: Omit<EvaluationPayload, 'idempotencyKey'>): string {
  const parts = [
    p.imageDigest,
    p.imageTag ?? '',
    p.commit ?? '',
    p.pipelineRun ?? '',
    sha256(p.report.data),
    p.sbom ? sha256(p.sbom.data) : '',
    p.sarif ? sha256(p.sarif.data) : '',
  ];
  return sha256(parts.join('\n'));
}

export function makePayload(p: Omit<EvaluationPayload, 'idempotencyKey'>): EvaluationPayload {
  return { ...p, idempotencyKey: idempotencyKeyOf(p) };
}
