/**
 * A local stand-in for api.github.com for the Action's end-to-end test. Every request is checked against GitHub's
 * published OpenAPI description (npm @octokit/openapi): the method and path must be an operation, the path and query
 * parameters must match their schemas, and the JSON body must validate against the operation's request body schema.
 * What does not pass is recorded as a violation and answered 4xx. The server keeps issue comments in memory (so a
 * sticky comment can be found again) and accepts SARIF uploads. `/osv/...` serves a folder as the OSV bucket.
 */

import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join, normalize } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: unknown) => void;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Record<string, unknown>;
  $ref?: string;
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Record<string, unknown> }> };
}

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { parameters: Record<string, Parameter>; schemas: Record<string, unknown> };
}

export interface RecordedRequest {
  method: string;
  path: string;
  operationId?: string;
  query: Record<string, string>;
  body?: unknown;
  authorization?: string;
}

export interface ServerComment {
  id: number;
  issue: number;
  body: string;
}

const SPEC_ID = 'https://api.github.com/openapi.json';

/**
 * OpenAPI 3.0's `nullable: true` on a schema without `type` (GitHub puts it beside `oneOf`, as for an issue's
 * `title` and `milestone`), which ajv refuses, written as what it means: that schema, or null.
 */
function nullableWithoutType(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(nullableWithoutType);
  if (!schema || typeof schema !== 'object') return schema;
  const out = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, nullableWithoutType(v)])) as Record<string, unknown>;
  if (out.nullable === undefined || out.type !== undefined) return out;
  const { nullable, ...rest } = out;
  return nullable === true ? { anyOf: [rest, { type: 'null' }] } : rest;
}

let loaded: { spec: OpenApi; ajv: Ajv; routes: { regex: RegExp; names: string[]; template: string }[] } | undefined;

/** Loads the OpenAPI description once (13 MB) and prepares the path templates. */
function openApi(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const spec = JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')) as OpenApi;
  // OpenAPI 3.0 schemas: ajv knows `nullable`; `example`, `x-github` and friends are annotations (strict off).
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: SPEC_ID, components: { schemas: nullableWithoutType(spec.components.schemas) } });
  const routes = Object.keys(spec.paths).map((template) => {
    const names: string[] = [];
    const regex = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_m, n: string) => (names.push(n), '([^/]+)'))}$`);
    return { regex, names, template };
  });
  loaded = { spec, ajv, routes };
  return loaded;
}

const compiled = new Map<string, ValidateFunction>();

function validator(key: string, schema: unknown): ValidateFunction {
  let v = compiled.get(key);
  if (!v) {
    const { ajv } = openApi();
    // Local refs (#/components/...) point into the description added under SPEC_ID.
    const rebased = JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, `"${SPEC_ID}#/components/`)) as Record<string, unknown>;
    v = ajv.compile(nullableWithoutType(rebased) as Record<string, unknown>);
    compiled.set(key, v);
  }
  return v;
}

/** Checks one request against the description; returns the operation id and the problems found. */
export function checkRequest(method: string, path: string, query: Record<string, string>, body: unknown): { operationId?: string; problems: string[] } {
  const { spec, routes, ajv } = openApi();
  const problems: string[] = [];
  let op: Operation | undefined;
  let params: Record<string, string> = {};
  let template = '';
  for (const r of routes) {
    const m = r.regex.exec(path);
    const candidate = m ? spec.paths[r.template]?.[method.toLowerCase()] : undefined;
    if (m && candidate) {
      op = candidate;
      template = r.template;
      params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
      break;
    }
  }
  if (!op) return { problems: [`${method} ${path} is not an operation of the GitHub REST API`] };
  const declared = (op.parameters ?? []).map((p) => (p.$ref ? spec.components.parameters[p.$ref.split('/').pop()!]! : p));
  for (const p of declared) {
    if (p.in !== 'path' && p.in !== 'query') continue;
    const raw = p.in === 'path' ? params[p.name] : query[p.name];
    if (raw === undefined) {
      if (p.required) problems.push(`${op.operationId}: missing ${p.in} parameter ${p.name}`);
      continue;
    }
    const type = (p.schema as { type?: string } | undefined)?.type;
    const value: unknown = type === 'integer' || type === 'number' ? Number(raw) : type === 'boolean' ? raw === 'true' : raw;
    const v = validator(`${template} ${method} ${p.in} ${p.name}`, p.schema ?? {});
    if (!v(value)) problems.push(`${op.operationId}: ${p.in} parameter ${p.name}=${raw}: ${ajv.errorsText(v.errors)}`);
  }
  for (const name of Object.keys(query)) {
    if (!declared.some((p) => p.in === 'query' && p.name === name)) problems.push(`${op.operationId}: unknown query parameter ${name}`);
  }
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  if (bodySchema) {
    if (body === undefined) {
      if (op.requestBody?.required) problems.push(`${op.operationId}: the request body is required`);
    } else {
      const v = validator(`${template} ${method} body`, bodySchema);
      if (!v(body)) problems.push(`${op.operationId}: body: ${ajv.errorsText(v.errors)}`);
    }
  } else if (body !== undefined) {
    problems.push(`${op.operationId}: takes no request body`);
  }
  return { operationId: op.operationId, problems };
}

export interface GitHubApiServer {
  url: string;
  requests: RecordedRequest[];
  violations: string[];
  comments: ServerComment[];
  close(): Promise<void>;
}

export async function startGitHubApiServer(options: { osvDir?: string } = {}): Promise<GitHubApiServer> {
  openApi();
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const comments: ServerComment[] = [];
  let nextId = 1000;
  let url = '';

  const send = (res: ServerResponse, status: number, data: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(data));
  };
  const commentJson = (c: ServerComment, owner: string, repo: string) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${url}/repos/${owner}/${repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${owner}/${repo}/pull/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${url}/repos/${owner}/${repo}/issues/${c.issue}`,
    body: c.body,
    user: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
    created_at: '2026-11-23T08:30:00Z',
    updated_at: '2026-11-23T08:30:00Z',
    author_association: 'NONE',
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const u = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    if (u.pathname.startsWith('/osv/') && options.osvDir) {
      const file = normalize(join(options.osvDir, decodeURIComponent(u.pathname.slice('/osv/'.length))));
      if (!file.startsWith(options.osvDir) || !existsSync(file) || !statSync(file).isFile()) return send(res, 404, { message: 'Not Found' });
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(statSync(file).size) });
      createReadStream(file).pipe(res);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        violations.push(`${method} ${u.pathname}: the body is not JSON`);
        return send(res, 400, { message: 'Problems parsing JSON' });
      }
    }
    const query = Object.fromEntries(u.searchParams.entries());
    const { operationId, problems } = checkRequest(method, u.pathname, query, body);
    requests.push({ method, path: u.pathname, query, ...(operationId ? { operationId } : {}), ...(body !== undefined ? { body } : {}), ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    if (!req.headers.authorization) problems.push(`${method} ${u.pathname}: no Authorization header`);
    if (problems.length) {
      violations.push(...problems);
      return send(res, operationId ? 422 : 404, { message: problems.join('; ') });
    }
    const parts = u.pathname.split('/').filter(Boolean);
    const [, owner = '', repo = ''] = parts;
    const b = body as Record<string, unknown> | undefined;
    switch (operationId) {
      case 'issues/list-comments': {
        const issue = Number(parts[4]);
        const perPage = Number(query.per_page ?? 30);
        const page = Number(query.page ?? 1);
        const all = comments.filter((c) => c.issue === issue);
        const slice = all.slice((page - 1) * perPage, page * perPage);
        if (page * perPage < all.length) {
          res.setHeader('link', `<${url}${u.pathname}?per_page=${perPage}&page=${page + 1}>; rel="next"`);
        }
        return send(res, 200, slice.map((c) => commentJson(c, owner, repo)));
      }
      case 'issues/create-comment': {
        const c = { id: nextId++, issue: Number(parts[4]), body: String(b?.body) };
        comments.push(c);
        return send(res, 201, commentJson(c, owner, repo));
      }
      case 'issues/update-comment': {
        const c = comments.find((x) => x.id === Number(parts[5]));
        if (!c) return send(res, 404, { message: 'Not Found' });
        c.body = String(b?.body);
        return send(res, 200, commentJson(c, owner, repo));
      }
      case 'code-scanning/upload-sarif':
        return send(res, 202, { id: '47177e22-5596-11eb-80a1-c1e54ef945c6', url: `${url}/repos/${owner}/${repo}/code-scanning/sarifs/47177e22-5596-11eb-80a1-c1e54ef945c6` });
      case 'code-scanning/get-sarif':
        // Processed at once: the Action's wait ends with the first read.
        return send(res, 200, { processing_status: 'complete', analyses_url: `${url}/repos/${owner}/${repo}/code-scanning/analyses?sarif_id=${parts[5]}`, errors: null });
      default:
        violations.push(`${operationId}: valid, but this test server does not answer it`);
        return send(res, 501, { message: 'Not Implemented' });
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      violations.push(`server error: ${String(e)}`);
      if (!res.headersSent) send(res, 500, { message: 'Server Error' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    violations,
    comments,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
