/**
 * Who runs which import. A runner claims an import by writing its id and a heartbeat on it; a running import
 * whose heartbeat is older than a minute was left by a process that stopped (killed, crashed) and may be
 * claimed by another. `for update skip locked` keeps two runners from claiming the same import at once.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ImportRecord } from './import-presenter.ts';

/** A running import whose heartbeat is older than this was left by a process that stopped. */
export const STALE_AFTER_SECONDS = 60;

/**
 * Claims the oldest queued import, or one abandoned by a stopped process, for this runner; `skip` lists imports
 * whose file this process cannot read (uploaded to another server's data folder).
 */
export async function claimNextImport(db: Kysely<DB>, runnerId: string, skip: readonly string[] = []): Promise<ImportRecord | null> {
  const { rows } = await sql<ImportRecord>`
    update imports set status = 'running', runner_id = ${runnerId}, heartbeat_at = now(), started_at = coalesce(started_at, now())
    where (workspace_id, id) = (
      select workspace_id, id from imports
      where (status = 'queued' or (status = 'running' and heartbeat_at < now() - make_interval(secs => ${STALE_AFTER_SECONDS})))
        and id <> all(${[...skip]}::uuid[])
      order by created_at limit 1 for update skip locked)
    returning *`.execute(db);
  return rows[0] ?? null;
}

/**
 * Claims one given import for this runner whatever its heartbeat (the command line resuming a run it knows was
 * killed); a runner still working on it notices at its next batch and stops. Null when it is not resumable.
 */
export async function claimImport(db: Kysely<DB>, runnerId: string, workspaceId: string, importId: string): Promise<ImportRecord | null> {
  const { rows } = await sql<ImportRecord>`
    update imports set status = 'running', runner_id = ${runnerId}, heartbeat_at = now(), started_at = coalesce(started_at, now()), failure = null
    where workspace_id = ${workspaceId} and id = ${importId} and status in ('queued', 'running', 'failed')
    returning *`.execute(db);
  return rows[0] ?? null;
}

/** Hands an import back to the queue when its runner shuts down, so the next runner resumes it at once. */
export async function releaseImport(db: Kysely<DB>, row: ImportRecord, runnerId: string): Promise<void> {
  await db
    .updateTable('imports')
    .set({ status: 'queued', runner_id: null, heartbeat_at: null })
    .where('workspace_id', '=', row.workspace_id)
    .where('id', '=', row.id)
    .where('status', '=', 'running')
    .where('runner_id', '=', runnerId)
    .execute();
}
