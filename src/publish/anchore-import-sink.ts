/**
 * Pushes an evaluation's SBOM to Anchore Enterprise ≥ 5 through its image import API: `POST /v2/imports/images`,
 * then `…/{operation}/sbom` (and `…/image-config` when the report carries the config), then `POST /v2/images`
 * with `source.import`. Anchore computes the policy result itself; nobody uploads one.
 */

import { ConfigurationError } from '../common/errors.js';
import { send, statusError, type HttpTarget } from './http.js';
import type { EvaluationPayload, PushReceipt, ResultSink, ResultSinkKind, SinkContext } from './sink.js';

interface ImportOperation {
  uuid: string;
  status?: string;
}

class AnchoreImportSink implements ResultSink {
  readonly id = 'anchore-enterprise';
  constructor(readonly target: HttpTarget) {}

  async #post<T>(path: string, body: string, ctx: SinkContext, ok: number[] = [200, 201]): Promise<T> {
    const res = await send(this.target, 'POST', path, {
      body,
      headers: { 'content-type': 'application/json' },
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    if (!ok.includes(res.status)) throw statusError('POST', this.target, path, res);
    return res.json<T>();
  }

  async push(payload: EvaluationPayload, ctx: SinkContext): Promise<PushReceipt> {
    if (!payload.sbom) throw new ConfigurationError('Anchore Enterprise import needs an SBOM (--sbom, Syft JSON as anchorectl sends it)');
    const op = await this.#post<ImportOperation>('/v2/imports/images', '{}', ctx);
    if (!op.uuid) throw new ConfigurationError('Anchore Enterprise answered the import request without an operation uuid');
    const base = `/v2/imports/images/${encodeURIComponent(op.uuid)}`;
    ctx.logger.debug(`anchore import operation ${op.uuid}`);
    const contents: Record<string, string> = {};
    contents.sbom = (await this.#post<{ digest: string }>(`${base}/sbom`, payload.sbom.data.toString('utf8'), ctx)).digest;
    const config = imageConfigOf(payload.report.data);
    if (config) contents.image_config = (await this.#post<{ digest: string }>(`${base}/image-config`, config, ctx)).digest;
    const annotations: Record<string, string> = { 'portcullis.idempotency-key': payload.idempotencyKey };
    if (payload.commit) annotations['portcullis.commit'] = payload.commit;
    if (payload.pipelineRun) annotations['portcullis.pipeline-run'] = payload.pipelineRun;
    const request = {
      source: {
        import: {
          operation_uuid: op.uuid,
          digest: payload.imageDigest,
          ...(payload.imageTag ? { tags: [payload.imageTag] } : {}),
          contents,
        },
      },
      annotations,
    };
    // Anchore keys images by digest: adding the same digest again updates it rather than duplicating it.
    const added = await this.#post<unknown>('/v2/images?force=true&auto_subscribe=false', JSON.stringify(request), ctx);
    const record = Array.isArray(added) ? (added[0] as Record<string, unknown> | undefined) : (added as Record<string, unknown>);
    const digest = typeof record?.image_digest === 'string' ? record.image_digest : payload.imageDigest;
    return { sink: this.id, id: digest, duplicate: false, url: `${this.target.url.replace(/\/+$/, '')}/v2/images/${digest}` };
  }
}

/** The image config from the JSON report, re-serialised, when the report has it. */
function imageConfigOf(report: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(report.toString('utf8')) as { image?: { config?: unknown } };
    return parsed.image?.config ? JSON.stringify(parsed.image.config) : undefined;
  } catch {
    return undefined;
  }
}

export const anchoreImportSinkKind: ResultSinkKind = {
  id: 'anchore-enterprise',
  version: 1,
  aliases: ['anchore'],
  requires: ['network'],
  description: 'Anchore Enterprise ≥ 5: the SBOM through the image import API (/v2/imports/images, then POST /v2/images)',
  create: (target) => new AnchoreImportSink(target),
};
