/**
 * The jobs' lease on a real store database (SQLite): the startup/periodic sweep fails a job as interrupted only when
 * its lease expired and the queue will not run it; a job finished already is not run again when the queue hands it
 * over twice; a job another process holds is left alone; and the in-process queue's order, singleton keys and
 * pending set.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDb } from '../db.js';
import { DirectoryFileStore } from '../files.js';
import { openDatabase } from '../open.js';
import { PolicyStore } from '../policies.js';
import { Reevaluator } from '../reevaluate.js';
import { StoreRepo } from '../repo.js';
import { leaseUntil, RowLease } from './lease.js';
import { LocalJobQueue } from './local.js';

let dir: string;
let db: SqlDb;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portcullis-jobs-lease-'));
  db = await openDatabase({ dataDir: dir });
});

afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function insertJob(id: string, state: string, lockedUntil: string | null): Promise<void> {
  await db.query(`INSERT INTO jobs (id, kind, reason, detail, state, counts, created_at, locked_until) VALUES ($1, 'refresh', 'data_update', NULL, $2, $3, $4, $5)`, [
    id,
    state,
    JSON.stringify({ images: 0, reevaluated: 0, changed: 0, failed: 0 }),
    new Date().toISOString(),
    lockedUntil,
  ]);
}

async function stateOf(id: string): Promise<{ state: string; error: string | null; attempts: number }> {
  const r = (await db.query('SELECT state, error, attempts FROM jobs WHERE id = $1', [id]))[0]!;
  return { state: String(r.state), error: r.error === null ? null : String(r.error), attempts: Number(r.attempts) };
}

function reevaluator(queue: LocalJobQueue): Reevaluator {
  const repo = new StoreRepo(db, new DirectoryFileStore(join(dir, 'files')));
  return new Reevaluator({ db, repo, policies: new PolicyStore(db), data: { cacheDir: join(dir, 'vulndb') }, queue, leaseMs: 1000 });
}

describe('the jobs lease', () => {
  it('the sweep fails a queued or running job only once its lease expired and the queue does not hold it', async () => {
    const past = new Date(Date.now() - 1000).toISOString();
    const ids = {
      live: '00000000-0000-4000-a000-000000000001',
      expired: '00000000-0000-4000-a000-000000000002',
      unleased: '00000000-0000-4000-a000-000000000003',
      done: '00000000-0000-4000-a000-000000000004',
      held: '00000000-0000-4000-a000-000000000005',
    };
    await insertJob(ids.live, 'running', leaseUntil(60_000));
    await insertJob(ids.expired, 'running', past);
    await insertJob(ids.unleased, 'queued', null);
    await insertJob(ids.done, 'succeeded', null);
    await insertJob(ids.held, 'queued', past);
    const queue = new LocalJobQueue();
    // The queue holds `held` (sent, not yet run: its handler waits behind a blocked one).
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    await queue.work('watch-poll', () => blocked);
    const r = reevaluator(queue);
    await queue.send('watch-poll', { id: 'x' });
    await queue.send('watch-poll', { id: ids.held }, { jobId: ids.held });
    expect(await queue.pending('store-job', ids.held)).toBe(true);
    expect(await r.recover()).toBe(2);
    expect(await stateOf(ids.live)).toMatchObject({ state: 'running', error: null });
    expect(await stateOf(ids.expired)).toMatchObject({ state: 'failed', error: 'interrupted: the store stopped before the job finished' });
    expect(await stateOf(ids.unleased)).toMatchObject({ state: 'failed', error: 'interrupted: the store stopped before the job finished' });
    expect(await stateOf(ids.done)).toMatchObject({ state: 'succeeded', error: null });
    expect(await stateOf(ids.held)).toMatchObject({ state: 'queued' });
    release();
    await queue.idle();
    expect(await queue.pending('store-job', ids.held)).toBe(false);
    expect(await r.recover()).toBe(1);
    await r.close();
  });

  it('a job handed over again after it finished is not run again; one another process holds is left to it', async () => {
    const queue = new LocalJobQueue();
    const r = reevaluator(queue);
    const finished = '00000000-0000-4000-a000-000000000011';
    const held = '00000000-0000-4000-a000-000000000012';
    await insertJob(finished, 'succeeded', null);
    await insertJob(held, 'running', leaseUntil(60_000));
    await queue.send('store-job', { id: finished }, { jobId: finished });
    await queue.send('store-job', { id: held }, { jobId: held });
    await queue.idle();
    expect(await stateOf(finished)).toMatchObject({ state: 'succeeded', attempts: 0 });
    expect(await stateOf(held)).toMatchObject({ state: 'running', attempts: 0 });
    await r.close();
  });

  it('replicas that all notice one policy change queue one job for it', async () => {
    const a = reevaluator(new LocalJobQueue());
    const b = reevaluator(new LocalJobQueue());
    await a.checkPolicyChanges();
    await b.checkPolicyChanges();
    const bundle = (id: string) =>
      JSON.stringify({ id, name: id, version: '2_0', rule_sets: [{ id: 'rs', name: 'rules', version: '2_0', artifact_type: 'image', rules: [] }], allowlists: [], mappings: [] });
    await new PolicyStore(db).set('team', bundle('team'));
    const [fromA, fromB] = [await a.checkPolicyChanges(), await b.checkPolicyChanges()];
    expect(fromA.get('team')!.id).toBe(fromB.get('team')!.id);
    const rows = await db.query(`SELECT id FROM jobs WHERE reason = 'policy_change'`);
    expect(rows).toHaveLength(1);
    // The same policy changed again later is a new change, and a new job.
    await new PolicyStore(db).set('team', bundle('team-2'));
    expect((await a.checkPolicyChanges()).get('team')!.id).not.toBe(fromA.get('team')!.id);
    await a.idle();
    await b.idle();
    await a.close();
    await b.close();
  });

  it('a lease is renewed while held, and lost (never renewed again) once another process took the row', async () => {
    const id = '00000000-0000-4000-a000-000000000021';
    const first = leaseUntil(300);
    await insertJob(id, 'running', first);
    const lease = new RowLease(db, 'jobs', id, first, 60_000);
    expect(await lease.renew()).toBe(true);
    expect(lease.until > first).toBe(true);
    await db.query('UPDATE jobs SET locked_until = $1 WHERE id = $2', [leaseUntil(120_000), id]);
    expect(await lease.renew()).toBe(false);
    expect(lease.lost).toBe(true);
  });

  it('the in-process queue runs each name in order, one at a time, and queues a singleton key once (as pg-boss stately)', async () => {
    const queue = new LocalJobQueue();
    const ran: string[] = [];
    let running = 0;
    let most = 0;
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    await queue.work('notify-deliver', async ({ id }) => {
      running++;
      most = Math.max(most, running);
      if (id === 'first') await gate;
      await new Promise((r) => setTimeout(r, 5));
      ran.push(id);
      running--;
    });
    await queue.send('notify-deliver', { id: 'first' });
    // While `first` runs, `a` is queued once however often it is sent.
    for (const id of ['a', 'a', 'b', 'a']) await queue.send('notify-deliver', { id }, { singletonKey: id });
    open();
    await queue.idle();
    expect(ran).toEqual(['first', 'a', 'b']);
    expect(most).toBe(1);
    await queue.close();
    await queue.send('notify-deliver', { id: 'late' });
    await queue.idle();
    expect(ran).toEqual(['first', 'a', 'b']);
  });
});
