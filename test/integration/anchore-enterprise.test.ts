/**
 * The anchore-enterprise result sink against Anchore's published API description: a fake Anchore Enterprise
 * written here checks every request (method, path, query parameters, content type, body schema) against the
 * excerpt of the Enterprise swagger in test/fixtures/anchore-enterprise/ with ajv, refuses with a 400 what the
 * description does not allow, answers what the description says it answers (its own answers are checked against
 * the response schemas too), and keeps the import operation's state, so a content digest that was never uploaded to
 * that operation is refused as the server would.
 */

import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { load as loadYaml } from 'js-yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/command.js';
import { runProgram } from '../../src/cli/program.js';
import { ConfigurationError, RemoteError } from '../../src/common/errors.js';
import { createRecordingLogger } from '../../src/common/logger.js';
import { RESULT_SINKS } from '../../src/publish/list.js';
import { makePayload, type EvaluationPayload } from '../../src/publish/sink.js';
import { publish, Spool } from '../../src/publish/spool.js';
import { makeReport, randomDigest, SBOM as CYCLONEDX } from '../../src/store/testing/fixtures.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => void;
const SPEC_PATH = resolve(import.meta.dirname, '../fixtures/anchore-enterprise/anchore-api-swagger-excerpt.yaml');

interface Schema {
  [k: string]: unknown;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Spec {
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** The description, compiled once: routes by path template, and ajv validators for its schemas. */
class Description {
  readonly spec = loadYaml(readFileSync(SPEC_PATH, 'utf8')) as Spec;
  readonly base = this.spec.servers[0]!.url.replace(/\/+$/, '');
  readonly ajv = new Ajv({ strict: false, allErrors: true });
  readonly #compiled = new Map<string, ValidateFunction>();
  readonly routes = Object.keys(this.spec.paths).map((template) => ({
    template,
    regex: new RegExp(`^${this.base}${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, '(?<$1>[^/]+)')}$`),
  }));

  constructor() {
    addFormats(this.ajv);
    // Formats the description uses that are not JSON Schema's: connexion's `path` and a `datetime` spelling.
    this.ajv.addFormat('path', true);
    this.ajv.addFormat('datetime', (v: string) => !Number.isNaN(Date.parse(v)));
    this.ajv.addSchema({ $id: 'anchore', components: this.spec.components });
  }

  validator(key: string, schema: Schema): ValidateFunction {
    let v = this.#compiled.get(key);
    if (!v) {
      // Inline schemas refer to `#/components/…` of the description: point those at it.
      v = this.ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"anchore#/components/')) as Schema);
      this.#compiled.set(key, v);
    }
    return v;
  }

  /** Every way a request departs from the description; empty when it conforms. */
  check(method: string, url: URL, contentType: string | undefined, body: Buffer): { op?: Operation; params: Record<string, string>; json?: unknown; problems: string[] } {
    const route = this.routes.map((r) => ({ r, m: r.regex.exec(url.pathname) })).find((x) => x.m);
    if (!route) return { params: {}, problems: [`${method} ${url.pathname}: no such path in the description`] };
    const op = this.spec.paths[route.r.template]![method.toLowerCase()];
    if (!op) return { params: {}, problems: [`${method} ${route.r.template}: no such operation in the description`] };
    const problems: string[] = [];
    const params = { ...(route.m!.groups ?? {}) };
    const declared = op.parameters ?? [];
    for (const [name] of url.searchParams) {
      if (!declared.some((p) => p.in === 'query' && p.name === name)) problems.push(`${op.operationId}: query parameter ${name} is not in the description`);
    }
    for (const p of declared.filter((d) => d.in === 'query' || d.in === 'path')) {
      const raw = p.in === 'path' ? params[p.name] : (url.searchParams.get(p.name) ?? undefined);
      if (raw === undefined) {
        if (p.required) problems.push(`${op.operationId}: ${p.in} parameter ${p.name} is required`);
        continue;
      }
      const type = p.schema?.type;
      const value = type === 'boolean' ? (raw === 'true' ? true : raw === 'false' ? false : raw) : type === 'integer' || type === 'number' ? Number(raw) : decodeURIComponent(raw);
      const v = this.validator(`${op.operationId}:${p.in}:${p.name}`, p.schema ?? {});
      if (!v(value)) problems.push(`${op.operationId}: ${p.in} parameter ${p.name}=${raw}: ${this.ajv.errorsText(v.errors)}`);
    }
    const type = contentType?.split(';')[0]!.trim().toLowerCase();
    if (!op.requestBody) {
      if (body.length > 0 || type) problems.push(`${op.operationId}: the description has no request body, but one was sent (${type ?? 'no content type'}, ${body.length} bytes)`);
      return { op, params, problems };
    }
    if (body.length === 0) {
      if (op.requestBody.required) problems.push(`${op.operationId}: the request body is required`);
      return { op, params, problems };
    }
    const media = type ? op.requestBody.content[type] : undefined;
    if (!media) {
      problems.push(`${op.operationId}: content type ${type ?? '(none)'} is not one of ${Object.keys(op.requestBody.content).join(', ')}`);
      return { op, params, problems };
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      problems.push(`${op.operationId}: the ${type} body is not JSON`);
      return { op, params, problems };
    }
    const v = this.validator(`${op.operationId}:body:${type}`, media.schema);
    if (!v(json)) problems.push(`${op.operationId}: body: ${this.ajv.errorsText(v.errors, { dataVar: 'body' })}`);
    return { op, params, json, problems };
  }

  /** Problems of an answer the fake is about to give, against the operation's response schema. */
  checkResponse(op: Operation, status: number, body: unknown): string[] {
    const schema = op.responses[String(status)]?.content?.['application/json']?.schema;
    if (!schema) return [`${op.operationId}: the description has no JSON answer for ${status}`];
    const v = this.validator(`${op.operationId}:response:${status}`, schema);
    return v(body) ? [] : [`${op.operationId}: answer ${status}: ${this.ajv.errorsText(v.errors, { dataVar: 'response' })}`];
  }
}

interface Seen {
  method: string;
  url: string;
  operationId?: string;
  contentType?: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  problems: string[];
}

interface ImportState {
  uuid: string;
  uploads: { packages: Set<string>; manifest: Set<string>; image_config: Set<string> };
}

/** A fake Anchore Enterprise that speaks only what the description allows. */
class FakeAnchore {
  readonly description = new Description();
  readonly seen: Seen[] = [];
  readonly operations = new Map<string, ImportState>();
  readonly images = new Map<string, Record<string, unknown>>();
  /** Answer this operation with this status (an ApiErrorResponse) instead. */
  fail: { operationId: string; status: number; message: string } | undefined;
  #server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const { status, body } = this.#answer(req, Buffer.concat(chunks));
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
    await new Promise<void>((r) => this.#server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((r) => (this.#server ? this.#server.close(r) : r(undefined)));
  }

  get problems(): string[] {
    return this.seen.flatMap((s) => s.problems);
  }

  #answer(req: IncomingMessage, body: Buffer): { status: number; body: unknown } {
    const url = new URL(req.url ?? '/', 'http://anchore');
    const contentType = req.headers['content-type'];
    const checked = this.description.check(req.method ?? '', url, contentType, body);
    const seen: Seen = { method: req.method ?? '', url: `${url.pathname}${url.search}`, headers: req.headers, body, problems: [...checked.problems], ...(contentType ? { contentType } : {}) };
    if (checked.op) seen.operationId = checked.op.operationId;
    this.seen.push(seen);
    const error = (status: number, message: string) => ({ status, body: { code: status, error_type: status === 400 ? 'ValidationError' : 'Error', message } });
    if (!checked.op) return error(404, seen.problems.join('; '));
    if (seen.problems.length) return error(400, seen.problems.join('; '));
    if (this.fail?.operationId === checked.op.operationId) return error(this.fail.status, this.fail.message);
    if (req.headers.authorization !== `Basic ${Buffer.from('admin:foobar').toString('base64')}`) return error(403, 'Not permitted');
    const out = this.#operate(checked.op.operationId, checked.params, body, checked.json);
    if (out.status === 200) seen.problems.push(...this.description.checkResponse(checked.op, out.status, out.body));
    return out;
  }

  #operate(operationId: string, params: Record<string, string>, body: Buffer, json: unknown): { status: number; body: unknown } {
    const now = new Date().toISOString();
    const notFound = { status: 404, body: { code: 404, error_type: 'ResourceNotFound', message: `no import operation ${params.operation_id}` } };
    switch (operationId) {
      case 'create_operation': {
        const uuid = randomUUID();
        this.operations.set(uuid, { uuid, uploads: { packages: new Set(), manifest: new Set(), image_config: new Set() } });
        return { status: 200, body: { uuid, status: 'pending', created_at: now, expires_at: new Date(Date.now() + 3600_000).toISOString() } };
      }
      case 'import_image_packages':
      case 'import_image_manifest':
      case 'import_image_config': {
        const op = this.operations.get(params.operation_id!);
        if (!op) return notFound;
        const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
        op.uploads[operationId === 'import_image_packages' ? 'packages' : operationId === 'import_image_manifest' ? 'manifest' : 'image_config'].add(digest);
        return { status: 200, body: { digest, created_at: now } };
      }
      case 'add_image': {
        const source = (json as { source: { import: { operation_uuid: string; digest: string; tags: string[]; contents: Record<string, string> } } }).source.import;
        const op = this.operations.get(source.operation_uuid);
        if (!op) return { status: 400, body: { code: 400, error_type: 'ValidationError', message: `unknown operation ${source.operation_uuid}` } };
        for (const kind of ['packages', 'manifest', 'image_config'] as const) {
          if (!op.uploads[kind].has(source.contents[kind]!)) return { status: 400, body: { code: 400, error_type: 'ValidationError', message: `${kind} ${source.contents[kind]} was not uploaded to ${op.uuid}` } };
        }
        const image = {
          image_digest: source.digest,
          account_name: 'admin',
          image_status: 'active',
          analysis_status: 'not_analyzed',
          annotations: (json as { annotations?: Record<string, unknown> }).annotations ?? {},
          created_at: now,
          last_updated: now,
          image_detail: source.tags.map((t) => ({ full_tag: t, full_digest: `${t.split(':')[0]}@${source.digest}`, image_digest: source.digest, created_at: now, last_updated: now })),
        };
        this.images.set(source.digest, image);
        return { status: 200, body: image };
      }
      default:
        return { status: 500, body: { code: 500, message: `the fake does not implement ${operationId}` } };
    }
  }
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64');
const LAYER = `sha256:${'1'.repeat(64)}`;
const MANIFEST = {
  schemaVersion: 2,
  mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
  config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: 1469, digest: `sha256:${'c'.repeat(64)}` },
  layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: 29_000_000, digest: LAYER }],
};
const CONFIG = { architecture: 'amd64', os: 'linux', config: { Env: ['PATH=/usr/bin'] }, rootfs: { type: 'layers', diff_ids: [`sha256:${'d'.repeat(64)}`] } };

/** A Syft JSON document of an image, shaped as syft writes one (current schema: the image under source.metadata). */
function syftSbom(options: { withImage?: boolean; legacyTarget?: boolean } = {}): Record<string, unknown> {
  const image = { userInput: 'registry.example/app:1', imageID: MANIFEST.config.digest, manifestDigest: '', mediaType: MANIFEST.mediaType, tags: ['registry.example/app:1'], layers: [], manifest: b64(MANIFEST), config: b64(CONFIG), repoDigests: [], architecture: 'amd64', os: 'linux' };
  return {
    artifacts: [
      {
        id: 'b1e0e8f0c2a4d6e8',
        name: 'curl',
        version: '7.88.1-10',
        type: 'deb',
        foundBy: 'dpkg-db-cataloger',
        locations: [{ path: '/var/lib/dpkg/status', layerID: `sha256:${'d'.repeat(64)}` }],
        licenses: [{ value: 'curl', spdxExpression: 'curl', type: 'declared', urls: [], locations: [] }],
        language: '',
        cpes: [{ cpe: 'cpe:2.3:a:haxx:curl:7.88.1-10:*:*:*:*:*:*:*', source: 'syft-generated' }],
        purl: 'pkg:deb/debian/curl@7.88.1-10?arch=amd64&distro=debian-12',
        metadataType: 'dpkg-db-entry',
        metadata: { package: 'curl', source: '', version: '7.88.1-10', architecture: 'amd64' },
      },
    ],
    artifactRelationships: [],
    source:
      options.withImage === false
        ? { id: 'dir', name: '/work', version: '', type: 'directory', metadata: { path: '/work' } }
        : options.legacyTarget
          ? { type: 'image', target: image }
          : { id: 'src1', name: 'registry.example/app', version: '1', type: 'image', metadata: image },
    distro: { prettyName: 'Debian GNU/Linux 12 (bookworm)', name: 'Debian GNU/Linux', id: 'debian', version: '12 (bookworm)', versionID: '12' },
    descriptor: { name: 'syft', version: '1.14.0' },
    schema: { version: '16.0.17', url: 'https://raw.githubusercontent.com/anchore/syft/main/schema/json/schema-16.0.17.json' },
  };
}

function payloadWith(sbom: unknown, digest = randomDigest(), tag: string | null = 'registry.example/app:1'): EvaluationPayload {
  const report = makeReport({ digest, ...(tag ? { repoTag: tag } : {}) });
  report.image.layers = [{ index: 0, digest: LAYER, diffId: `sha256:${'d'.repeat(64)}`, mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', size: 1234 }];
  return makePayload({
    imageDigest: digest,
    ...(tag ? { imageTag: tag } : {}),
    commit: 'b'.repeat(40),
    pipelineRun: 'github:o/r/42/1',
    report: { name: 'report.json', contentType: 'application/json', data: Buffer.from(JSON.stringify(report)) },
    sbom: { name: 'sbom.syft.json', contentType: 'application/json', data: Buffer.from(JSON.stringify(sbom)) },
  });
}

describe('anchore-enterprise sink against the Enterprise API description', () => {
  const anchore = new FakeAnchore();
  const target = () => ({ url: anchore.url, auth: { kind: 'basic' as const, username: 'admin', password: 'foobar' }, account: 'team-a' });
  const sink = () => RESULT_SINKS.get('anchore-enterprise').create(target());
  beforeAll(() => anchore.start());
  afterAll(() => anchore.stop());
  beforeEach(() => {
    anchore.seen.length = 0;
    anchore.fail = undefined;
  });

  it('imports the SBOM, the image\'s own manifest and config, then adds the image: every request as the description allows', async () => {
    const digest = randomDigest();
    const logger = createRecordingLogger();
    const receipt = await sink().push(payloadWith(syftSbom(), digest), { logger });
    expect(anchore.problems).toEqual([]);
    expect(anchore.seen.map((s) => s.operationId)).toEqual(['create_operation', 'import_image_packages', 'import_image_manifest', 'import_image_config', 'add_image']);
    expect(receipt).toEqual({ sink: 'anchore-enterprise', id: digest, duplicate: false, url: `${anchore.url}/v2/images/${digest}` });
    // The image's own bytes: the manifest as its media type, the config as it was.
    const manifest = anchore.seen[2]!;
    expect(manifest.contentType).toBe('application/vnd.docker.distribution.manifest.v2+json');
    expect(JSON.parse(manifest.body.toString())).toEqual(MANIFEST);
    expect(JSON.parse(anchore.seen[3]!.body.toString())).toEqual(CONFIG);
    expect(JSON.parse(anchore.seen[1]!.body.toString())).toEqual(syftSbom());
    const add = JSON.parse(anchore.seen[4]!.body.toString()) as { source: { import: { tags: string[]; contents: Record<string, string> } }; annotations: Record<string, string> };
    expect(add.source.import.tags).toEqual(['registry.example/app:1']);
    expect(Object.keys(add.source.import.contents).sort()).toEqual(['image_config', 'manifest', 'packages']);
    expect(add.annotations).toMatchObject({ 'portcullis.commit': 'b'.repeat(40), 'portcullis.pipeline-run': 'github:o/r/42/1' });
    expect(anchore.seen.every((s) => s.headers['x-anchore-account'] === 'team-a')).toBe(true);
    expect(anchore.images.get(digest)).toMatchObject({ image_digest: digest, analysis_status: 'not_analyzed' });
    expect(logger.lines.filter((l) => l.level === 'warning')).toEqual([]);
  });

  it('reads the image from an older syft JSON (source.target) as well', async () => {
    await sink().push(payloadWith(syftSbom({ legacyTarget: true })), { logger: createRecordingLogger() });
    expect(anchore.problems).toEqual([]);
    expect(JSON.parse(anchore.seen[2]!.body.toString())).toEqual(MANIFEST);
  });

  it('without the image in the SBOM, sends the report\'s config and a manifest rebuilt from its layers, and says so; no tag is an empty list, as the description requires tags', async () => {
    const logger = createRecordingLogger();
    await sink().push(payloadWith(syftSbom({ withImage: false }), randomDigest(), null), { logger });
    expect(anchore.problems).toEqual([]);
    expect(anchore.seen[2]!.contentType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(JSON.parse(anchore.seen[2]!.body.toString())).toMatchObject({ schemaVersion: 2, layers: [{ digest: LAYER, size: 1234 }] });
    expect((JSON.parse(anchore.seen[4]!.body.toString()) as { source: { import: { tags: unknown } } }).source.import.tags).toEqual([]);
    expect(logger.lines.filter((l) => l.level === 'warning').map((l) => l.message)).toEqual([
      expect.stringMatching(/^anchore import: the SBOM does not carry the image's manifest and config .*a manifest rebuilt from its layers and its parsed config$/),
    ]);
  });

  it('refuses a CycloneDX or SPDX SBOM in one line before sending anything', async () => {
    await expect(sink().push(payloadWith(CYCLONEDX), { logger: createRecordingLogger() })).rejects.toThrow(
      new ConfigurationError('Anchore Enterprise import needs a Syft JSON SBOM (syft -o json), with "artifacts", "source", "distro": this one is a CycloneDX SBOM'),
    );
    await expect(sink().push(payloadWith({ spdxVersion: 'SPDX-2.3', packages: [] }), { logger: createRecordingLogger() })).rejects.toThrow(/this one is an SPDX SBOM/);
    expect(anchore.seen).toEqual([]);
  });

  it('an error answer (ApiErrorResponse) is a RemoteError quoting its message; publish spools it', async () => {
    anchore.fail = { operationId: 'import_image_packages', status: 500, message: 'catalog unavailable' };
    await expect(sink().push(payloadWith(syftSbom()), { logger: createRecordingLogger() })).rejects.toThrow(RemoteError);
    const dir = mkdtempSync(join(tmpdir(), 'portcullis-anchore-spool-'));
    try {
      const logger = createRecordingLogger();
      const r = await publish(sink(), payloadWith(syftSbom()), { spool: new Spool(dir), url: anchore.url, logger });
      expect(r).toMatchObject({ status: 'spooled', error: expect.stringContaining('HTTP 500: catalog unavailable') });
      expect(anchore.problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('through portcullis push --sink anchore-enterprise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portcullis-anchore-cli-'));
    try {
      const digest = randomDigest();
      writeFileSync(join(dir, 'report.json'), JSON.stringify(makeReport({ digest, repoTag: 'registry.example/app:2' })));
      writeFileSync(join(dir, 'sbom.json'), JSON.stringify(syftSbom()));
      const out: string[] = [];
      const ctx: CliContext = { logger: createRecordingLogger(), out: (s) => void out.push(s), stdin: process.stdin, env: { PORTCULLIS_STORE_PASSWORD: 'foobar', PORTCULLIS_SPOOL_DIR: join(dir, 'spool') }, outcome: 'go' };
      await runProgram(['push', '--sink', 'anchore-enterprise', '--store-url', anchore.url, '--username', 'admin', '--account', 'team-a', '--report', join(dir, 'report.json'), '--sbom', join(dir, 'sbom.json')], ctx);
      expect(JSON.parse(out.join(''))).toMatchObject({ status: 'pushed', sink: 'anchore-enterprise', id: digest });
      expect(anchore.problems).toEqual([]);
      expect(anchore.images.get(digest)?.image_detail).toEqual([expect.objectContaining({ full_tag: 'registry.example/app:2' })]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('the fake refuses what the description does not allow (so the tests above can fail)', () => {
    const post = async (path: string, body?: string, contentType = 'application/json') => {
      const res = await fetch(`${anchore.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from('admin:foobar').toString('base64')}`, ...(body !== undefined ? { 'content-type': contentType } : {}) },
        ...(body !== undefined ? { body } : {}),
      });
      return { status: res.status, body: (await res.json()) as { message?: string; uuid?: string } };
    };

    it('a body where the description has none, an undescribed path, a wrong content type, a schema violation', async () => {
      expect((await post('/v2/imports/images', '{}')).body.message).toMatch(/create_operation: the description has no request body, but one was sent/);
      const op = (await post('/v2/imports/images')).body.uuid!;
      expect((await post(`/v2/imports/images/${op}/sbom`, '{}')).status).toBe(404);
      expect((await post(`/v2/imports/images/${op}/manifest`, JSON.stringify(MANIFEST), 'text/plain')).body.message).toMatch(/import_image_manifest: content type text\/plain is not one of application\/vnd\.oci\.image\.manifest\.v1\+json/);
      expect((await post(`/v2/imports/images/${op}/packages`, JSON.stringify(CYCLONEDX))).body.message).toMatch(/import_image_packages: body: body must have required property 'artifacts'/);
      expect((await post('/v2/images?force=yes', '{}')).body.message).toMatch(/add_image: query parameter force=yes: .*must be boolean/);
      expect((await post('/v2/images?dry_run=true', '{}')).body.message).toMatch(/query parameter dry_run is not in the description/);
    });

    it('the request the sink sent before it followed the description (contents.sbom, no tags) is refused', async () => {
      const op = (await post('/v2/imports/images')).body.uuid!;
      const old = { source: { import: { operation_uuid: op, digest: randomDigest(), contents: { sbom: 'sha256:x' } } } };
      const { status, body } = await post('/v2/images?force=true&auto_subscribe=false', JSON.stringify(old));
      expect(status).toBe(400);
      for (const missing of ['tags', 'packages', 'manifest', 'image_config']) expect(body.message).toContain(`must have required property '${missing}'`);
    });
  });
});
