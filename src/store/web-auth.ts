/**
 * Reading the store's pages without `--open-read`: a login form takes a read token, checks it, and keeps it in a
 * cookie (`portcullis_read`: HttpOnly, SameSite=Strict, Path=/, 8 hours; Secure when the request came over HTTPS,
 * directly or through a reverse proxy that says so with `X-Forwarded-Proto: https`).
 *
 * The cookie is a credential only for GET (and HEAD) of the page routes: their guard turns it into the bearer
 * header and hands the request to the server's own token check (`needs('read')` in server.ts), so whatever that
 * check enforces (scopes, revocation, repository scoping) applies to the pages as to the API. No route that changes
 * state reads the cookie: the API reads only the Authorization header, login takes the token from its form body,
 * and logout only clears the cookie. Login and logout refuse a cross-site form (Origin or Sec-Fetch-Site).
 */

import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'portcullis_read';
export const SESSION_MAX_AGE_S = 8 * 60 * 60;

/** A token as the login form may give it: printable, no separators a cookie or header would split on. */
const TOKEN_RE = /^[A-Za-z0-9._~+/=-]{1,512}$/;

export type RequestHook = (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** The requests a page guard let in with the cookie (they get a logout button). */
const COOKIE_REQUESTS = new WeakSet<FastifyRequest>();
/** The requests of the page routes (their 401/403 answers become the login page). */
const PAGE_REQUESTS = new WeakSet<FastifyRequest>();

export function isTokenText(token: string): boolean {
  return TOKEN_RE.test(token);
}

/** The value of one cookie of the request, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    let v = part.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1);
    return v;
  }
  return undefined;
}

/** The session token the cookie holds, when it looks like a token. */
export function sessionToken(req: FastifyRequest): string | undefined {
  const v = readCookie(req.headers.cookie, SESSION_COOKIE);
  return v !== undefined && isTokenText(v) ? v : undefined;
}

/** HTTPS: a TLS socket, or a reverse proxy's `X-Forwarded-Proto: https` (its first value). */
export function isHttps(req: FastifyRequest): boolean {
  if ((req.raw.socket as { encrypted?: boolean }).encrypted) return true;
  const h = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(h) ? h[0] : h)?.split(',')[0]?.trim().toLowerCase();
  return first === 'https';
}

export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_MAX_AGE_S}${secure ? '; Secure' : ''}`;
}

export function clearedCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}

/** A same-site form post: no Origin (an older client) or the store's own, and not a cross-site fetch. */
export function isSameOrigin(req: FastifyRequest): boolean {
  // A browser says where the form came from (Fetch Metadata); older ones only send Origin.
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false; // "null" and other opaque origins
  }
}

/** Where to go after login: a path of this site only (never `//host` or a scheme). */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 2000) return '/';
  return /^\/(?![/\\])[^\s\\]*$/.test(next) ? next : '/';
}

/** True when the guard let this request in with the login cookie. */
export function cameWithCookie(req: FastifyRequest): boolean {
  return COOKIE_REQUESTS.has(req);
}

export function isPageRequest(req: FastifyRequest): boolean {
  return PAGE_REQUESTS.has(req);
}

/**
 * The guard of a page route (GET only). A request with its own Authorization header goes to `readCheck` as it is;
 * one with the cookie goes with the cookie's token as its bearer header; a browser's with neither (it accepts
 * text/html) is sent to the login form, unless reads are open; any other goes to `readCheck` (a 401).
 */
export function pageGuard(readCheck: RequestHook, openRead: boolean): RequestHook {
  return async (req, reply) => {
    PAGE_REQUESTS.add(req);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      void reply.status(405).send({ code: 405, message: 'the pages are read with GET' });
      return reply;
    }
    if (req.headers.authorization === undefined) {
      const token = sessionToken(req);
      if (token) {
        req.headers.authorization = `Bearer ${token}`;
        COOKIE_REQUESTS.add(req);
      } else if (!openRead && /\btext\/html\b/.test(req.headers.accept ?? '')) {
        // A browser goes to the form; any other client gets the server's 401 (as the login page).
        void reply.redirect(`/login?next=${encodeURIComponent(safeNext(req.url))}`, 303);
        return reply;
      }
    }
    return readCheck(req, reply);
  };
}
