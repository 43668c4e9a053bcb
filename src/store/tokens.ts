/** Bearer tokens with scopes (`push`, `read`, `admin`: policies, subscriptions, refreshes). Only a SHA-256 of each token is stored; the token is shown once. */

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ConfigurationError } from '../common/errors.js';
import type { SqlDb } from './db.js';

export const SCOPES = ['push', 'read', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export interface TokenInfo {
  id: string;
  name: string;
  scopes: Scope[];
  created_at: string;
  revoked_at: string | null;
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

export async function createToken(db: SqlDb, name: string, scopes: Scope[]): Promise<{ token: string; info: TokenInfo }> {
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const info: TokenInfo = { id: randomUUID(), name, scopes, created_at: new Date().toISOString(), revoked_at: null };
  await db.query('INSERT INTO tokens (id, hash, name, scopes, created_at) VALUES ($1, $2, $3, $4, $5)', [
    info.id,
    hashToken(token),
    name,
    scopes.join(','),
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

export async function listTokens(db: SqlDb): Promise<TokenInfo[]> {
  const rows = await db.query<{ id: string; name: string; scopes: string; created_at: string; revoked_at: string | null }>(
    'SELECT id, name, scopes, created_at, revoked_at FROM tokens ORDER BY created_at, id',
  );
  return rows.map((r) => ({ ...r, scopes: r.scopes.split(',') as Scope[] }));
}

/** The scopes of a live token, or undefined for an unknown or revoked one. */
export async function scopesOf(db: SqlDb, token: string): Promise<Scope[] | undefined> {
  const rows = await db.query<{ scopes: string }>('SELECT scopes FROM tokens WHERE hash = $1 AND revoked_at IS NULL', [hashToken(token)]);
  return rows[0] ? (rows[0].scopes.split(',') as Scope[]) : undefined;
}
