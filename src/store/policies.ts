/**
 * The store's policy bundles: named (`PUT /v2/policies/{name}`, `serve policy set NAME FILE`), each name pointing at
 * a bundle document kept by its sha256, so every evaluation can say which bundle decided it.
 *
 * The bundle that re-evaluates an image: the store policy named as the image's last evaluation's bundle id (the id
 * the pipeline's bundle carried), else the store policy `default`, else the bundled `default` policy.
 */

import { createHash } from 'node:crypto';
import type { PolicyBundle } from '../policy/model.js';
import { buildBundle, loadBundle, parseDocument } from '../policy/bundle.js';
import { BUNDLED_POLICIES } from '../policy/bundled.js';
import type { SqlDb, SqlExecutor } from './db.js';
import { isoNow } from './repo.js';

export interface StoredPolicy {
  name: string;
  bundle_digest: string;
  bundle_id: string;
  updated_at: string;
}

export interface ResolvedBundle {
  /** The store policy's name, or `bundled:default`. */
  name: string;
  digest: string;
  /** The bundle document (JSON text). */
  content: string;
  bundle: PolicyBundle;
}

export const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function bundleDigest(content: string): string {
  return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}

/** Checks a bundle document (JSON or YAML) the way `scan --policy` would; returns its canonical JSON text. */
export function checkedBundle(text: string, source: string): { content: string; bundle: PolicyBundle } {
  const doc = parseDocument(text, source);
  const bundle = buildBundle(doc, source);
  return { content: JSON.stringify(doc), bundle };
}

export class PolicyStore {
  readonly #cache = new Map<string, ResolvedBundle>();
  constructor(readonly db: SqlDb) {}

  /** Stores the bundle under `name`; returns the policy and whether the bundle changed. */
  async set(name: string, text: string, source = `policy ${name}`): Promise<{ policy: StoredPolicy; changed: boolean }> {
    const { content, bundle } = checkedBundle(text, source);
    const digest = bundleDigest(content);
    const now = isoNow();
    const changed = await this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO bundles (digest, content, created_at) VALUES ($1, $2, $3) ON CONFLICT (digest) DO NOTHING', [digest, content, now]);
      const before = await tx.query<{ bundle_digest: string }>('SELECT bundle_digest FROM policies WHERE name = $1', [name]);
      if (before[0]?.bundle_digest === digest) return false;
      if (before[0]) await tx.query('UPDATE policies SET bundle_digest = $1, updated_at = $2 WHERE name = $3', [digest, now, name]);
      else await tx.query('INSERT INTO policies (name, bundle_digest, updated_at) VALUES ($1, $2, $3)', [name, digest, now]);
      return true;
    });
    const row = (await this.list()).find((p) => p.name === name)!;
    this.#cache.set(digest, { name, digest, content, bundle });
    return { policy: row, changed };
  }

  async list(): Promise<StoredPolicy[]> {
    const rows = await this.db.query<{ name: string; bundle_digest: string; updated_at: string; content: string }>(
      'SELECT p.name, p.bundle_digest, p.updated_at, b.content FROM policies p JOIN bundles b ON b.digest = p.bundle_digest ORDER BY p.name',
    );
    return rows.map((r) => ({ name: r.name, bundle_digest: r.bundle_digest, updated_at: r.updated_at, bundle_id: (JSON.parse(r.content) as { id: string }).id }));
  }

  async get(name: string, q: SqlExecutor = this.db): Promise<ResolvedBundle | undefined> {
    const rows = await q.query<{ bundle_digest: string; content: string }>(
      'SELECT p.bundle_digest, b.content FROM policies p JOIN bundles b ON b.digest = p.bundle_digest WHERE p.name = $1',
      [name],
    );
    const r = rows[0];
    if (!r) return undefined;
    const cached = this.#cache.get(r.bundle_digest);
    if (cached && cached.name === name) return cached;
    const resolved = { name, digest: r.bundle_digest, content: r.content, bundle: loadBundle(r.content, `policy ${name}`) };
    this.#cache.set(r.bundle_digest, resolved);
    return resolved;
  }

  async delete(name: string): Promise<boolean> {
    const rows = await this.db.query<{ name: string }>('DELETE FROM policies WHERE name = $1 RETURNING name', [name]);
    return rows.length > 0;
  }

  /** The bundle an image is re-evaluated with (see the file comment). */
  async resolve(evaluation: { policy_name: string | null; bundle_id: string | null }): Promise<ResolvedBundle> {
    for (const name of [evaluation.policy_name, evaluation.bundle_id, 'default']) {
      if (!name || !NAME_RE.test(name)) continue;
      const found = await this.get(name);
      if (found) return found;
    }
    const content = JSON.stringify(BUNDLED_POLICIES.default);
    const digest = bundleDigest(content);
    let bundled = this.#cache.get(digest);
    if (!bundled) {
      bundled = { name: 'bundled:default', digest, content, bundle: loadBundle(content, 'the bundled default policy') };
      this.#cache.set(digest, bundled);
    }
    return bundled;
  }
}
