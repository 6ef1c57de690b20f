/**
 * The job runner across processes: worker processes (test/jobs/fixtures/worker.ts) sharing one queue run each
 * job exactly once, and a worker killed in the middle of a job leaves neither its effect nor a completed job
 * behind, so the next worker runs it again. Each test uses a scratch database of its own.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import { inTransaction } from '../../src/platform/context.ts';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { enqueueJob, registerJobHandler, runOneJob } from '../../src/platform/jobs/runner.ts';
import { makeWorkspace, type TestWorkspace } from '../helpers/factories.ts';
import { openScratchDatabase, postgresAvailable } from '../helpers/scratch-db.ts';
import { createEffectsTable, effectsOf, writeEffect } from './fixtures/effects.ts';

const WORKER = path.join(import.meta.dirname, 'fixtures', 'worker.ts');

interface Worker {
  child: ChildProcessWithoutNullStreams;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns a fixture worker and resolves once it has connected and printed `ready`. */
async function spawnWorker(env: Record<string, string>): Promise<Worker> {
  const child = spawn(process.execPath, [WORKER], { env: { ...process.env, ...env }, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      if (stdout.includes('ready\n')) resolve();
    });
    exited.then(({ code, signal }) => reject(new Error(`worker exited (${code ?? signal}) before it was ready: ${stderr}`)));
  });
  return { child, stderr: () => stderr, exited };
}

function go(worker: Worker): void {
  worker.child.stdin.write('go\n');
}

/** Prepares a migrated database with the effects table, a workspace and `count` jobs of a new kind. */
async function seedQueue(db: Kysely<DB>, count: number): Promise<{ ws: TestWorkspace; kind: string; ids: number[] }> {
  await migrateToLatest(db);
  await createEffectsTable(db);
  const ws = await makeWorkspace(db);
  const kind = `test-${randomUUID()}`;
  const ids = await inTransaction(ws.ctx, async (tx) => {
    const queued: number[] = [];
    for (let i = 0; i < count; i++) queued.push(await enqueueJob(tx, { kind, payload: { i } }));
    return queued;
  });
  return { ws, kind, ids };
}

test(
  'two worker processes share a PostgreSQL queue of 300 jobs: each runs exactly once',
  { skip: !postgresAvailable() && 'needs PostgreSQL (set DATABASE_URL): PGlite is one database per process, so there is no shared queue' },
  async () => {
    const scratch = await openScratchDatabase('postgres');
    try {
      const { ws, kind, ids } = await seedQueue(scratch.db, 300);
      const env = { JOBS_TEST_DATABASE_URL: scratch.url!, JOBS_TEST_KIND: kind };
      const workers = await Promise.all(['A', 'B'].map((name) => spawnWorker({ ...env, JOBS_TEST_WORKER: name })));
      workers.forEach(go);
      const exits = await Promise.all(workers.map((w) => w.exited));
      exits.forEach((exit, i) => assert.deepEqual(exit, { code: 0, signal: null }, `worker ${i}: ${workers[i]!.stderr()}`));

      const jobs = await scratch.db.selectFrom('jobs').select(['id', 'status', 'attempts']).where('workspace_id', '=', ws.id).where('kind', '=', kind).orderBy('id').execute();
      assert.deepEqual(jobs, ids.map((id) => ({ id, status: 'done', attempts: 1 })));
      const effects = await effectsOf(scratch.db, kind);
      assert.deepEqual(effects.map((e) => e.job_id), ids, 'one effect per job, none missing');
      const perWorker = { A: effects.filter((e) => e.worker === 'A').length, B: effects.filter((e) => e.worker === 'B').length };
      assert.ok(perWorker.A > 0 && perWorker.B > 0, `both workers took jobs: ${JSON.stringify(perWorker)}`);
    } finally {
      await scratch.close();
    }
  },
);

test('a worker killed in the middle of a job leaves no trace, and the next worker runs the job once', async () => {
  // PGlite needs a folder to survive its process; PostgreSQL gets a scratch database.
  const dataDir = postgresAvailable() ? null : await mkdtemp(path.join(tmpdir(), 'rapport-jobs-'));
  const scratch = dataDir ? null : await openScratchDatabase('postgres');
  const open = async (): Promise<Database> => (scratch ? { ...scratch, close: async () => {} } : openDatabase({ dataDir }));
  try {
    let database = await open();
    const { ws, kind, ids } = await seedQueue(database.db, 1);
    const [id] = ids;
    if (dataDir) await database.close(); // PGlite: one process at a time in a folder.

    const worker = await spawnWorker({
      ...(scratch ? { JOBS_TEST_DATABASE_URL: scratch.url! } : { JOBS_TEST_DATA_DIR: dataDir! }),
      JOBS_TEST_KIND: kind,
      JOBS_TEST_WORKER: 'doomed',
      JOBS_TEST_MODE: 'crash',
    });
    go(worker);
    assert.deepEqual(await worker.exited, { code: null, signal: 'SIGKILL' }, worker.stderr());

    database = await open();
    try {
      const job = () => database.db.selectFrom('jobs').select(['status', 'attempts']).where('workspace_id', '=', ws.id).where('id', '=', id!).executeTakeFirstOrThrow();
      assert.deepEqual(await job(), { status: 'pending', attempts: 0 }, 'the killed attempt did not count');
      assert.deepEqual(await effectsOf(database.db, kind), [], "the killed worker's write is gone");

      registerJobHandler(kind, (ctx, claimed) => writeEffect(ctx, claimed, 'survivor'));
      assert.equal(await runOneJob(database.db), 'done');
      assert.deepEqual(await job(), { status: 'done', attempts: 1 });
      assert.deepEqual(await effectsOf(database.db, kind), [{ job_id: id, kind, worker: 'survivor', attempt: 1 }]);
    } finally {
      await database.close();
    }
  } finally {
    await scratch?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
});
