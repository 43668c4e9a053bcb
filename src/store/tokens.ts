/**
 * Bearer tokens with scopes (`push`, `read`, `admin`: policies, subscriptions, refreshes), and optionally repository
 * globs: a token with globs pushes and reads only images whose repository matches one (an image with no repository
 * is visible to unscoped tokens only). Globs are the subscription filter's (`*` matches anything, `/` included;
 * `regexp:` gives a regex). Admin tokens are never scoped. Only a SHA-256 of each token is stored; the token is
 * shown once.
 */

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ConfigurationError } from '../common/errors.js';
import { matchesPattern } from '../policy/match.js';
import { compileRegex } from '../policy/params.js';
import type { SqlDb } from './db.js';

export const SCOPES = ['push', 'read', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export interface TokenInfo {
  id: string;
  name: string;
  scopes: Scope[];
  /** Repository globs; empty: every repository (an unscoped token). */
  repositories: string[];
  created_at: string;
  revoked_at: string | null;
}

/** What a live token may do. */
export interface TokenAccess {
  scopes: Scope[];
  /** Repository globs; empty: every repository. */
  repositories: string[];
}

const PREFIX = 'pcs_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function parseScopes(text: string): Scope[] {
  const scopes = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (scopes.length === 0) throw new ConfigurationError(`give at least one scope (${SCOPES.join(', ')})`);
  for (const s of scopes) {
    if (!(SCOPES as readonly string[]).includes(s)) throw new ConfigurationError(`unknown scope "${s}"; known: ${SCOPES.join(', ')}`);
  }
  return [...new Set(scopes)] as Scope[];
}

/** `--repository` values (each one glob or a comma-separated list), checked; [] when none is given. */
export function parseRepositoryGlobs(values: readonly string[]): string[] {
  const globs = values.flatMap((v) => v.split(',')).map((g) => g.trim());
  for (const g of globs) {
    if (!g) throw new ConfigurationError('--repository has an empty glob');
    if (g.length > 512 || [...g].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f || /\s/.test(c))) throw new ConfigurationError(`--repository "${g.slice(0, 100)}" must be a glob of at most 512 printable characters without spaces`);
    if (g.startsWith('regexp:')) {
      try {
        compileRegex(g.slice('regexp:'.length), { anchor: 'start' });
      } catch (error) {
        throw new ConfigurationError(`--repository "${g.slice(0, 100)}" is not a valid regular expression: ${(error as Error).message}`);
      }
    }
  }
  return [...new Set(globs)];
}

/** Admin tokens are never limited to repositories. */
export function checkTokenAccess(scopes: readonly Scope[], repositories: readonly string[]): void {
  if (repositories.length && scopes.includes('admin')) throw new ConfigurationError('--repository cannot be given with --scope admin: admin tokens are never limited to repositories');
}

/** May a token with these globs see or push an image of this repository? (No globs: yes; no repository: only then.) */
export function repositoryAllowed(globs: readonly string[], repository: string | null | undefined): boolean {
  if (globs.length === 0) return true;
  if (!repository) return false;
  return globs.some((g) => matchesPattern(g, repository));
}

export async function createToken(db: SqlDb, name: string, scopes: Scope[], repositories: readonly string[] = []): Promise<{ token: string; info: TokenInfo }> {
  checkTokenAccess(scopes, repositories);
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const info: TokenInfo = { id: randomUUID(), name, scopes, repositories: [...repositories], created_at: new Date().toISOString(), revoked_at: null };
  await db.query('INSERT INTO tokens (id, hash, name, scopes, repositories, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    info.id,
    hashToken(token),
    name,
    scopes.join(','),
    repositories.length ? JSON.stringify(repositories) : null,
    info.created_at,
  ]);
  return { token, info };
}

/** Revokes by id or by name; returns how many were revoked. */
export async function revokeToken(db: SqlDb, idOrName: string): Promise<number> {
  const rows = await db.query<{ id: string }>('SELECT id FROM tokens WHERE (id = $1 OR name = $1) AND revoked_at IS NULL', [idOrName]);
  for (const r of rows) await db.query('UPDATE tokens SET revoked_at = $1 WHERE id = $2', [new Date().toISOString(), r.id]);
  return rows.length;
}

function globsOf(text: string | null | undefined): string[] {
  return text ? (JSON.parse(text) as string[]) : [];
}

export async function listTokens(db: SqlDb): Promise<TokenInfo[]> {
  const rows = await db.query<{ id: string; name: string; scopes: string; repositories: string | null; created_at: string; revoked_at: string | null }>(
    'SELECT id, name, scopes, repositories, created_at, revoked_at FROM tokens ORDER BY created_at, id',
  );
  return rows.map((r) => ({ ...r, scopes: r.scopes.split(',') as Scope[], repositories: globsOf(r.repositories) }));
}

/** The scopes and repository globs of a live token, or undefined for an unknown or revoked one. */
export async function accessOf(db: SqlDb, token: string): Promise<TokenAccess | undefined> {
  const rows = await db.query<{ scopes: string; repositories: string | null }>('SELECT scopes, repositories FROM tokens WHERE hash = $1 AND revoked_at IS NULL', [hashToken(token)]);
  return rows[0] ? { scopes: rows[0].scopes.split(',') as Scope[], repositories: globsOf(rows[0].repositories) } : undefined;
}

/** The scopes of a live token, or undefined for an unknown or revoked one. */
export async function scopesOf(db: SqlDb, token: string): Promise<Scope[] | undefined> {
  return (await accessOf(db, token))?.scopes;
}
