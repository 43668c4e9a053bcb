/** Pushes an evaluation to our store (`portcullis serve`): `POST /v2/evaluations`, multipart, with an Idempotency-Key. */

import { send, statusError, type HttpTarget } from './http.js';
import type { EvaluationPayload, PushReceipt, ResultSink, ResultSinkKind, SinkContext } from './sink.js';

export const EVALUATIONS_PATH = '/v2/evaluations';

export function buildEvaluationForm(p: EvaluationPayload): FormData {
  const form = new FormData();
  form.append('image_digest', p.imageDigest);
  if (p.imageTag) form.append('image_tag', p.imageTag);
  if (p.commit) form.append('commit', p.commit);
  if (p.pipelineRun) form.append('pipeline_run', p.pipelineRun);
  for (const key of ['report', 'sbom', 'sarif'] as const) {
    const f = p[key];
    if (f) form.append(key, new Blob([new Uint8Array(f.data)], { type: f.contentType }), f.name);
  }
  return form;
}

class StoreSink implements ResultSink {
  readonly id = 'store';
  constructor(readonly target: HttpTarget) {}

  async push(payload: EvaluationPayload, ctx: SinkContext): Promise<PushReceipt> {
    const res = await send(this.target, 'POST', EVALUATIONS_PATH, {
      body: buildEvaluationForm(payload),
      headers: { 'idempotency-key': payload.idempotencyKey },
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    if (res.status !== 200 && res.status !== 201) throw statusError('POST', this.target, EVALUATIONS_PATH, res);
    const body = res.json<{ id: string }>();
    return { sink: this.id, id: body.id, duplicate: res.status === 200, url: `${this.target.url.replace(/\/+$/, '')}${EVALUATIONS_PATH}/${body.id}` };
  }
}

export const storeSinkKind: ResultSinkKind = {
  id: 'store',
  version: 1,
  aliases: ['portcullis'],
  requires: ['network'],
  description: 'our store (portcullis serve): the JSON report, the SBOM and the SARIF, keyed by image digest, commit and pipeline run',
  create: (target) => new StoreSink(target),
};
