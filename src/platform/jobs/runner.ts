/**
 * The job runner. Jobs live in the `jobs` table; a worker claims the oldest due job with
 * `FOR UPDATE SKIP LOCKED`, runs its handler inside the same transaction and marks it done before committing.
 * A job's effects and its completion therefore commit together or not at all, so a job never completes twice,
 * and several workers (processes on PostgreSQL, loops in one process on PGlite) can share one queue.
 * A failing handler is rolled back to a savepoint, and the job is retried later with exponential backoff.
 */
import { sql, type Kysely } from 'kysely';
import { runTransaction, whenCommitted, type Ctx } from '../context.ts';
import { addJobWaker, wakeJobRunners } from './wake.ts';
import type { DB } from '../db/schema.ts';

export interface JobRecord {
  workspace_id: string;
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

export type JobHandler = (ctx: Ctx, job: JobRecord) => Promise<void>;

const handlers = new Map<string, JobHandler>();

/** Registers the handler for one kind of job. Every process that runs jobs registers the same handlers. */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export interface EnqueueOptions {
  kind: string;
  payload?: Record<string, unknown>;
  /** Earliest time to run; now by default. */
  runAt?: Date;
  maxAttempts?: number;
}

/** Queues a job in the caller's transaction (it becomes visible to workers when that commits). */
export async function enqueueJob(ctx: Ctx, options: EnqueueOptions): Promise<number> {
  const row = await ctx.db
    .insertInto('jobs')
    .values({
      workspace_id: ctx.workspaceId,
      kind: options.kind,
      payload: JSON.stringify(options.payload ?? {}),
      run_at: options.runAt ?? new Date(),
      ...(options.maxAttempts ? { max_attempts: options.maxAttempts } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  whenCommitted(ctx, wakeJobRunners);
  return row.id;
}

/** Delay before the next attempt: 2^attempts seconds with ±20 % jitter, never more than one hour. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const jittered = 1000 * 2 ** attempts * (0.8 + 0.4 * random());
  return Math.round(Math.min(jittered, 3_600_000));
}

function report(onError: RunnerOptions['onError'], job: JobRecord, error: unknown): void {
  try {
    onError?.(job, error);
  } catch {
    // A broken error reporter must neither undo the failure bookkeeping nor stop the runner.
  }
}

export type RunOutcome = 'idle' | 'done' | 'retry' | 'failed';

/** Claims and runs at most one due job. */
export async function runOneJob(db: Kysely<DB>, onError?: (job: JobRecord, error: unknown) => void): Promise<RunOutcome> {
  // Only kinds this process can run are claimed, so a worker of an older version leaves newer kinds alone.
  const kinds = [...handlers.keys()];
  if (kinds.length === 0) return 'idle';
  return runTransaction(db, async (trx, afterCommit) => {
    const claimed = await sql<JobRecord>`
      select workspace_id, id, kind, payload, attempts, max_attempts
      from jobs
      where status = 'pending' and run_at <= now() and kind in (${sql.join(kinds)})
      order by run_at, id
      limit 1
      for update skip locked`.execute(trx);
    const job = claimed.rows[0];
    if (!job) return 'idle';

    const handler = handlers.get(job.kind)!;
    await sql`savepoint job_work`.execute(trx);
    try {
      await handler({ db: trx, workspaceId: job.workspace_id, actor: { type: 'system', label: `job:${job.kind}` }, afterCommit }, job);
      await trx
        .updateTable('jobs')
        .set({ status: 'done', attempts: job.attempts + 1, completed_at: sql<Date>`now()` as never, last_error: null })
        .where('workspace_id', '=', job.workspace_id)
        .where('id', '=', job.id)
        .execute();
      return 'done';
    } catch (error) {
      await sql`rollback to savepoint job_work`.execute(trx);
      report(onError, job, error);
      const attempts = job.attempts + 1;
      const exhausted = attempts >= job.max_attempts;
      await trx
        .updateTable('jobs')
        .set({
          status: exhausted ? 'failed' : 'pending',
          attempts,
          last_error: error instanceof Error ? error.message : String(error),
          run_at: new Date(Date.now() + retryDelayMs(attempts)),
        })
        .where('workspace_id', '=', job.workspace_id)
        .where('id', '=', job.id)
        .execute();
      return exhausted ? 'failed' : 'retry';
    }
  });
}

export interface RunnerOptions {
  /** Parallel claim loops; each holds one connection while it works. */
  concurrency?: number;
  /** How long an idle loop sleeps before looking again. */
  pollMs?: number;
  onError?: (job: JobRecord, error: unknown) => void;
}

export interface JobRunner {
  /** Stops claiming new jobs and waits for the running ones. */
  stop(): Promise<void>;
}

/** Starts worker loops that keep claiming due jobs until stopped. */
export function startJobRunner(db: Kysely<DB>, options: RunnerOptions = {}): JobRunner {
  const pollMs = options.pollMs ?? 1000;
  let stopping = false;
  const sleepers = new Set<() => void>();
  const waker = () => [...sleepers].forEach((wake) => wake());
  const removeWaker = addJobWaker(waker);

  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, pollMs);
      function done() {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      }
      sleepers.add(done);
    });

  const loop = async () => {
    while (!stopping) {
      let outcome: RunOutcome;
      try {
        outcome = await runOneJob(db, options.onError);
      } catch (error) {
        if (stopping) return;
        report(options.onError, { workspace_id: '', id: 0, kind: '(claim)', payload: {}, attempts: 0, max_attempts: 0 }, error);
        outcome = 'idle';
      }
      if (outcome === 'idle' && !stopping) await sleep();
    }
  };
  const loops = Array.from({ length: options.concurrency ?? 1 }, loop);

  return {
    async stop() {
      stopping = true;
      removeWaker();
      waker();
      await Promise.all(loops);
    },
  };
}
