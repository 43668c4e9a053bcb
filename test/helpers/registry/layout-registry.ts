import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { sendJson, type Handler } from './http-server.js';

interface IndexEntry {
  digest: string;
  mediaType: string;
  annotations?: Record<string, string>;
}

const ROUTE = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/;

/**
 * Serves an OCI image layout as a read-only registry (any repository name): `/v2/`, manifests by ref name
 * (`org.opencontainers.image.ref.name`) or digest, with Content-Type and Docker-Content-Digest, and blobs.
 */
export function layoutRegistry(layoutDir: string): Handler {
  const index = JSON.parse(readFileSync(join(layoutDir, 'index.json'), 'utf8')) as { manifests: IndexEntry[] };
  const blobFile = (digest: string): string => join(layoutDir, 'blobs', ...digest.split(':'));
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/v2/' || url.pathname === '/v2') {
      sendJson(res, 200, {});
      return true;
    }
    const m = ROUTE.exec(url.pathname);
    if (!m) return false;
    const [, , kind, ref] = m as unknown as [string, string, string, string];
    if (kind === 'manifests') {
      const entry = index.manifests.find((d) => d.annotations?.['org.opencontainers.image.ref.name'] === ref || d.digest === ref);
      const digest = entry?.digest ?? (ref.includes(':') ? ref : undefined);
      if (!digest || !/^sha256:[0-9a-f]{64}$/.test(digest) || !existsSync(blobFile(digest))) {
        sendJson(res, 404, { errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] });
        return true;
      }
      const bytes = readFileSync(blobFile(digest));
      const doc = JSON.parse(bytes.toString('utf8')) as { mediaType?: string };
      res.writeHead(200, {
        'content-type': entry?.mediaType ?? doc.mediaType ?? 'application/vnd.oci.image.manifest.v1+json',
        'content-length': bytes.length,
        'docker-content-digest': digest,
      });
      res.end(bytes);
      return true;
    }
    if (!/^sha256:[0-9a-f]{64}$/.test(ref) || !existsSync(blobFile(ref))) {
      sendJson(res, 404, { errors: [{ code: 'BLOB_UNKNOWN', message: 'blob unknown to registry' }] });
      return true;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': statSync(blobFile(ref)).size, 'docker-content-digest': ref });
    createReadStream(blobFile(ref)).pipe(res);
    return true;
  };
}

/** Forwards every request to another HTTP server (a real registry), without the Authorization header. */
export function proxyTo(origin: string): Handler {
  return (req, res) =>
    new Promise<boolean>((resolve, reject) => {
      const target = new URL(req.url ?? '/', origin);
      const { authorization: _dropped, host: _host, ...headers } = req.headers;
      const up = httpRequest(target, { method: req.method, headers }, (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
        upRes.on('end', () => resolve(true));
      });
      up.on('error', reject);
      req.pipe(up);
    });
}

export interface BearerGate {
  /** Put first: the token endpoint (`/token`), then the bearer check in front of `/v2/`. */
  handler: Handler;
  /** Tokens issued, by scope asked. */
  issued: { scope: string | null; service: string | null; user: string | undefined }[];
}

/**
 * A token server and a bearer-token check, like Docker Hub's: `/v2/` requests without a valid token get
 * `401 WWW-Authenticate: Bearer realm=<origin>/token,service=...,scope=...`; `/token` issues a token for basic
 * credentials `user:pass` (or anonymously when `anonymous` is set). `tokenField` picks `token` or `access_token`.
 */
export function bearerGate(args: {
  origin: () => string;
  user?: string;
  pass?: string;
  anonymous?: boolean;
  tokenField?: 'token' | 'access_token';
  /** Accepted by `POST /token` with `grant_type=refresh_token` (docker's identity tokens). */
  refreshToken?: string;
}): BearerGate {
  const tokens = new Set<string>();
  const issued: BearerGate['issued'] = [];
  const handler: Handler = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/token' && req.method === 'POST') {
      return new Promise<boolean>((resolve) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString('utf8')));
        req.on('end', () => {
          const form = new URLSearchParams(body);
          if (form.get('grant_type') !== 'refresh_token' || !args.refreshToken || form.get('refresh_token') !== args.refreshToken) {
            sendJson(res, 401, { error: 'invalid_grant' });
          } else {
            const token = createHash('sha256').update(randomBytes(16)).digest('hex');
            tokens.add(token);
            issued.push({ scope: form.get('scope'), service: form.get('service'), user: '<refresh-token>' });
            sendJson(res, 200, { access_token: token, expires_in: 300 });
          }
          resolve(true);
        });
      });
    }
    if (url.pathname === '/token') {
      const auth = req.headers.authorization;
      let user: string | undefined;
      if (auth?.startsWith('Basic ')) {
        const [u, p] = Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':');
        if (u !== args.user || p !== args.pass) {
          sendJson(res, 401, { details: 'incorrect username or password' });
          return true;
        }
        user = u;
      } else if (!args.anonymous) {
        sendJson(res, 401, { details: 'authentication required' });
        return true;
      }
      const token = createHash('sha256').update(randomBytes(16)).digest('hex');
      tokens.add(token);
      issued.push({ scope: url.searchParams.get('scope'), service: url.searchParams.get('service'), user });
      sendJson(res, 200, { [args.tokenField ?? 'token']: token, expires_in: 300 });
      return true;
    }
    if (!url.pathname.startsWith('/v2')) return false;
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ') && tokens.has(auth.slice(7))) return false;
    const repo = ROUTE.exec(url.pathname)?.[1];
    const scope = repo ? `,scope="repository:${repo}:pull"` : '';
    sendJson(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }, {
      'www-authenticate': `Bearer realm="${args.origin()}/token",service="test-registry"${scope}`,
    });
    return true;
  };
  return { handler, issued };
}
