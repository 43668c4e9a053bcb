/**
 * The store's web pages as routes, in their own Fastify scope (the form parser and the headers stay here):
 * `GET /` the portfolio (`?repository=GLOB`), `GET /images/{digest}` one image, `GET /images/{digest}/evaluations/{id}/{report|sbom|sarif}`
 * its files, `GET /compliance/{id}/{result|report}` a runtime compliance check's files, `GET|POST /login`,
 * `POST /logout`. A file outside the reader's repositories is the same 404 as an unknown one. Every page answer carries a Content-Security-Policy without any
 * script source, `nosniff`, no framing, no referrer to other sites and no caching. Auth: web-auth.ts.
 */

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DIGEST_RE } from '../publish/compliance.js';
import type { SqlDb } from './db.js';
import type { RepositoryScope, StoreRepo } from './repo.js';
import { renderImagePage, renderLogin, renderNotFound, renderPortfolio } from './page.js';
import { loadImage, loadPortfolio } from './web-data.js';
import { PAGE_CSP } from './web-html.js';
import { cameWithCookie, clearedCookie, isHttps, isPageRequest, isSameOrigin, isTokenText, pageGuard, safeNext, sessionCookie, type RequestHook } from './web-auth.js';
import { scopesOf } from './tokens.js';

export interface WebPagesOptions {
  repo: StoreRepo;
  db: SqlDb;
  /** The server's own check of a read (`needs('read')`): every page request goes through it. */
  readCheck: RequestHook;
  /** What the request's token may see (server.ts repositoryScopeOf), after readCheck. */
  scopeOf: (req: FastifyRequest) => RepositoryScope;
  openRead: boolean;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function html(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.status(status).header('content-type', 'text/html; charset=utf-8').send(body);
}

function safeFileName(name: string): string {
  return (name.split(/[\\/]/).pop() ?? '').replace(/[^A-Za-z0-9._+-]/g, '_').replace(/^\.+/, '').slice(0, 128) || 'file';
}

/** A stored file as a download, shown sandboxed if a browser opens it (an OpenSCAP report is HTML). */
function download(reply: FastifyReply, file: NonNullable<Awaited<ReturnType<StoreRepo['getFile']>>>): FastifyReply {
  return reply
    .header('content-type', file.meta.content_type)
    .header('content-length', String(file.meta.size))
    .header('content-disposition', `attachment; filename="${safeFileName(file.meta.name)}"`)
    .header('content-security-policy', 'sandbox')
    .send(file.stream);
}

/** Registers the pages on `app` (call once, from buildStoreServer). */
export async function registerWebPages(app: FastifyInstance, o: WebPagesOptions): Promise<void> {
  await app.register(async (scope) => {
    const guard = pageGuard(o.readCheck, o.openRead);
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8192 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });

    scope.addHook('onSend', async (req, reply, payload) => {
      if (!reply.hasHeader('content-security-policy')) void reply.header('content-security-policy', PAGE_CSP);
      void reply.header('x-content-type-options', 'nosniff').header('x-frame-options', 'DENY').header('referrer-policy', 'same-origin').header('cache-control', 'no-store');
      // The server's token check answers JSON; a reader of the pages gets the login form, saying why.
      const status = reply.statusCode;
      if (isPageRequest(req) && (status === 401 || status === 403) && String(reply.getHeader('content-type') ?? '').includes('json')) {
        let message = status === 401 ? 'Log in with a read token.' : 'This token may not read this page.';
        try {
          message = (JSON.parse(String(payload)) as { message?: string }).message ?? message;
        } catch {
          // keep the default
        }
        if (status === 401 && cameWithCookie(req)) void reply.header('set-cookie', clearedCookie(isHttps(req)));
        void reply.header('content-type', 'text/html; charset=utf-8');
        return renderLogin({ error: cameWithCookie(req) ? `Your session's token was refused: ${message}` : message, next: safeNext(req.url) });
      }
      return payload;
    });

    scope.get('/', { onRequest: guard }, async (req, reply) => {
      const q = req.query as Record<string, unknown>;
      const filter = typeof q.repository === 'string' ? q.repository.slice(0, 256) : '';
      return html(reply, renderPortfolio(await loadPortfolio(o.repo, filter, o.scopeOf(req)), { loggedIn: cameWithCookie(req) }));
    });

    scope.get('/images/:digest', { onRequest: guard }, async (req, reply) => {
      const { digest } = req.params as { digest: string };
      const page = { loggedIn: cameWithCookie(req) };
      if (!DIGEST_RE.test(digest)) return html(reply, renderNotFound(`"${digest.slice(0, 100)}" is not an image digest.`, page), 404);
      const data = await loadImage(o.repo, digest, o.scopeOf(req));
      if (!data) return html(reply, renderNotFound(`The store has no evaluation of ${digest}.`, page), 404);
      return html(reply, renderImagePage(data, page));
    });

    scope.get('/images/:digest/evaluations/:id/:kind', { onRequest: guard }, async (req, reply) => {
      const { digest, id, kind } = req.params as { digest: string; id: string; kind: string };
      const rec = UUID_RE.test(id) ? await o.repo.getEvaluation(id, o.scopeOf(req)) : undefined;
      const fileId = rec && rec.image_digest === digest && (kind === 'report' || kind === 'sbom' || kind === 'sarif') ? rec.files[kind] : null;
      const file = fileId ? await o.repo.getFile(fileId) : undefined;
      if (!file) return html(reply, renderNotFound('No such file.', { loggedIn: cameWithCookie(req) }), 404);
      return download(reply, file);
    });

    scope.get('/compliance/:id/:kind', { onRequest: guard }, async (req, reply) => {
      const { id, kind } = req.params as { id: string; kind: string };
      // The check as the reader's token sees it: one outside its repositories is not there.
      const check = UUID_RE.test(id) && (kind === 'result' || kind === 'report') ? await o.repo.getVisibleCompliance(id, o.scopeOf(req)) : undefined;
      const fileId = check?.compliance_file_ids[`${kind}_file`];
      const file = fileId ? await o.repo.getFile(fileId) : undefined;
      if (!file) return html(reply, renderNotFound('No such file.', { loggedIn: cameWithCookie(req) }), 404);
      return download(reply, file);
    });

    scope.get('/login', async (req, reply) => {
      const q = req.query as Record<string, unknown>;
      return html(reply, renderLogin({ next: safeNext(q.next) }));
    });

    scope.post('/login', async (req: FastifyRequest, reply) => {
      if (!isSameOrigin(req)) return html(reply, renderLogin({ error: 'A login from another site is refused.' }), 403);
      const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
      const next = safeNext(body.next);
      const token = typeof body.token === 'string' ? body.token.trim() : '';
      if (!token) return html(reply, renderLogin({ error: 'Give a read token.', next }), 400);
      // The same check as the API's: a live token with the read scope.
      const scopes = isTokenText(token) ? await scopesOf(o.db, token) : undefined;
      if (!scopes) return html(reply, renderLogin({ error: 'Unknown or revoked token.', next }), 401);
      if (!scopes.includes('read')) return html(reply, renderLogin({ error: 'This token lacks the "read" scope.', next }), 403);
      return reply.header('set-cookie', sessionCookie(token, isHttps(req))).redirect(next, 303);
    });

    scope.post('/logout', async (req, reply) => {
      if (!isSameOrigin(req)) return html(reply, renderLogin({ error: 'A logout from another site is refused.' }), 403);
      return reply.header('set-cookie', clearedCookie(isHttps(req))).redirect('/login', 303);
    });
  });
}
