/**
 * The job runner in one process: concurrent claim loops never run a job twice nor lose one, a failing attempt
 * leaves nothing behind and is retried with backoff, and a job's effects commit with its completion or not at
 * all. Everything runs in a scratch database of this file's own, because a runner claims due jobs of any kind
 * and any workspace: on a shared database it would take (and fail) other files' jobs. Kinds are still unique
 * per test so that a leftover of one test can never reach another's handler.
 */
import assert from 'node:assert/strict';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { inTransaction } from '../../src/platform/context.ts';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { enqueueJob, registerJobHandler, retryDelayMs, runOneJob, startJobRunner, type JobRecord } from '../../src/platform/jobs/runner.ts';
import { makeWorkspace, type TestWorkspace } from '../helpers/factories.ts';
import { openScratchDatabase, type ScratchDatabase } from '../helpers/scratch-db.ts';
import { createEffectsTable, effectsOf, pendingCount, writeEffect } from './fixtures/effects.ts';
import { waitUntil } from './fixtures/wait.ts';

let scratch: ScratchDatabase;
let db: Kysely<DB>;
let ws: TestWorkspace;

before(async () => {
  scratch = await openScratchDatabase();
  db = scratch.db;
  await migrateToLatest(db);
  await createEffectsTable(db);
  ws = await makeWorkspace(db);
});

after(() => scratch.close());

const newKind = () => `test-${randomUUID()}`;

async function jobsOf(kind: string) {
  return db.selectFrom('jobs').selectAll().where('workspace_id', '=', ws.id).where('kind', '=', kind).orderBy('id').execute();
}

async function jobById(id: number) {
  return db.selectFrom('jobs').selectAll().where('workspace_id', '=', ws.id).where('id', '=', id).executeTakeFirstOrThrow();
}

/** Makes a job that waits for its retry due now, instead of seconds from now. */
async function makeDue(id: number): Promise<void> {
  await db.updateTable('jobs').set({ run_at: sql<Date>`now()` as never }).where('workspace_id', '=', ws.id).where('id', '=', id).execute();
}

test('two workers run 200 jobs exactly once each, none lost', async () => {
  const kind = newKind();
  const workerName = new AsyncLocalStorage<string>();
  registerJobHandler(kind, async (ctx, job) => {
    await writeEffect(ctx, job, workerName.getStore() ?? '?');
    await sleep(2);
  });
  const ids = await inTransaction(ws.ctx, async (tx) => {
    const queued: number[] = [];
    for (let i = 0; i < 200; i++) queued.push(await enqueueJob(tx, { kind, payload: { i } }));
    return queued;
  });

  // On PostgreSQL each worker gets its own pool, as two processes would; PGlite is one connection, so both
  // workers share it and take turns.
  const second: Database | null = scratch.url ? await openDatabase({ url: scratch.url, poolSize: 3 }) : null;
  const errors: unknown[] = [];
  const onError = (_job: JobRecord, error: unknown) => errors.push(error);
  const runners = [
    workerName.run('A', () => startJobRunner(db, { concurrency: 2, pollMs: 20, onError })),
    workerName.run('B', () => startJobRunner(second?.db ?? db, { concurrency: 2, pollMs: 20, onError })),
  ];
  try {
    await waitUntil('the queue is drained', async () => (await pendingCount(db, kind)) === 0, 60_000);
  } finally {
    await Promise.all(runners.map((r) => r.stop()));
    await second?.close();
  }

  assert.deepEqual(errors, []);
  const jobs = await jobsOf(kind);
  assert.equal(jobs.length, 200);
  for (const job of jobs) {
    assert.equal(job.status, 'done', `job ${job.id}`);
    assert.equal(job.attempts, 1, `job ${job.id}`);
    assert.equal(job.last_error, null);
    assert.ok(job.completed_at, `job ${job.id} has no completed_at`);
  }
  const effects = await effectsOf(db, kind);
  assert.deepEqual(effects.map((e) => e.job_id), ids, 'one effect per job, none missing');
  assert.deepEqual([...new Set(effects.map((e) => e.worker))].sort(), ['A', 'B'], 'both workers took jobs');
});

test('a failing attempt is rolled back and retried with backoff until it succeeds', async () => {
  const kind = newKind();
  registerJobHandler(kind, async (ctx, job) => {
    await writeEffect(ctx, job, 'flaky');
    if (job.attempts < 2) throw new Error(`flaky attempt ${job.attempts + 1}`);
  });
  const id = await enqueueJob(ws.ctx, { kind, maxAttempts: 5 });
  const failures: string[] = [];
  const onError = (job: JobRecord, error: unknown) => failures.push(`${job.id}: ${(error as Error).message}`);

  for (const attempt of [1, 2]) {
    const startedAt = Date.now();
    assert.equal(await runOneJob(db, onError), 'retry');
    const finishedAt = Date.now();
    const job = await jobById(id);
    assert.equal(job.status, 'pending');
    assert.equal(job.attempts, attempt);
    assert.equal(job.last_error, `flaky attempt ${attempt}`);
    // retryDelayMs: 2^attempts seconds, ±20 %.
    const base = 1000 * 2 ** attempt;
    const runAt = job.run_at.getTime();
    assert.ok(runAt >= startedAt + base * 0.8 && runAt <= finishedAt + base * 1.2, `attempt ${attempt}: run_at ${runAt - finishedAt} ms ahead`);
    assert.deepEqual(await effectsOf(db, kind), [], "the failed attempt's write was rolled back");
    assert.equal(await runOneJob(db, onError), 'idle', 'a job waiting for its retry is not claimed early');
    await makeDue(id);
  }

  assert.equal(await runOneJob(db, onError), 'done');
  const job = await jobById(id);
  assert.equal(job.status, 'done');
  assert.equal(job.attempts, 3);
  assert.equal(job.last_error, null);
  assert.ok(job.completed_at);
  assert.deepEqual(await effectsOf(db, kind), [{ job_id: id, kind, worker: 'flaky', attempt: 3 }]);
  assert.deepEqual(failures, [`${id}: flaky attempt 1`, `${id}: flaky attempt 2`]);
});

test('a job that always fails ends failed after max_attempts and is not claimed again', async () => {
  const kind = newKind();
  registerJobHandler(kind, async (ctx, job) => {
    await writeEffect(ctx, job, 'doomed');
    throw new Error('always broken');
  });
  const id = await enqueueJob(ws.ctx, { kind, maxAttempts: 3 });

  assert.equal(await runOneJob(db), 'retry');
  await makeDue(id);
  assert.equal(await runOneJob(db), 'retry');
  await makeDue(id);
  assert.equal(await runOneJob(db), 'failed');
  await makeDue(id);
  assert.equal(await runOneJob(db), 'idle');

  const job = await jobById(id);
  assert.equal(job.status, 'failed');
  assert.equal(job.attempts, 3);
  assert.equal(job.last_error, 'always broken');
  assert.equal(job.completed_at, null);
  assert.deepEqual(await effectsOf(db, kind), []);
});

test('a job of a kind this process cannot run is left for a worker that can', async () => {
  const kind = newKind();
  const id = await enqueueJob(ws.ctx, { kind, maxAttempts: 1 });
  for (let i = 0; i < 3; i++) await runOneJob(db);
  const job = await jobById(id);
  assert.equal(job.status, 'pending');
  assert.equal(job.attempts, 0);
  assert.equal(job.last_error, null);
  // Once a handler is known, the very same job runs.
  let ran = 0;
  registerJobHandler(kind, async () => void ran++);
  while ((await jobById(id)).status === 'pending') await runOneJob(db);
  assert.equal(ran, 1);
  assert.equal((await jobById(id)).status, 'done');
});

test("a handler that throws after writing leaves no effect: the job's writes and its completion are one", async () => {
  const kind = newKind();
  let calls = 0;
  registerJobHandler(kind, async (ctx, job) => {
    calls++;
    await writeEffect(ctx, job, 'crashing');
    await ctx.db.insertInto('events').values({ workspace_id: ctx.workspaceId, actor_type: 'system', actor_label: kind, entity: 'job-test', entity_id: String(job.id), action: 'create' }).execute();
    throw new Error('crashed after writing');
  });
  const id = await enqueueJob(ws.ctx, { kind, maxAttempts: 1 });

  assert.equal(await runOneJob(db), 'failed');
  assert.equal(calls, 1);
  assert.deepEqual(await effectsOf(db, kind), []);
  const events = await db.selectFrom('events').select('id').where('workspace_id', '=', ws.id).where('actor_label', '=', kind).execute();
  assert.deepEqual(events, [], 'writes to application tables are rolled back too');
  assert.equal((await jobById(id)).status, 'failed');
});

test('retryDelayMs doubles per attempt with ±20 % jitter and never exceeds one hour', () => {
  assert.equal(retryDelayMs(1, () => 0.5), 2000);
  assert.equal(retryDelayMs(1, () => 0), 1600);
  assert.equal(retryDelayMs(1, () => 1), 2400);
  assert.equal(retryDelayMs(2, () => 0.5), 4000);
  assert.equal(retryDelayMs(5, () => 0.5), 32_000);
  assert.equal(retryDelayMs(12, () => 0.5), 3_600_000);
  assert.equal(retryDelayMs(40, () => 0.5), 3_600_000);
  assert.equal(retryDelayMs(40, () => 1), 3_600_000);
  for (let attempts = 0; attempts < 30; attempts++) {
    const delay = retryDelayMs(attempts);
    const base = 1000 * 2 ** attempts;
    assert.ok(delay >= Math.min(base * 0.8, 3_600_000) && delay <= Math.min(base * 1.2, 3_600_000), `attempts ${attempts}: ${delay}`);
  }
});
