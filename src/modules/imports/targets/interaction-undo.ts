/**
 * Undoing an interactions import: the interactions it logged are deleted with their timeline entries, the ones
 * it updated get back their subject, body, outcome, time and duration. It is all or nothing: an interaction
 * someone has changed since the import, or to which a file has been attached, stops the undo with a 409.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { syncTimelineEntries } from './interaction-batch.ts';

/** Undoes the interaction changes of one import in the caller's transaction, or refuses without changing anything. */
export async function undoInteractions(ctx: Ctx, importId: string): Promise<void> {
  const ws = ctx.workspaceId;
  const changes = sql`select entity_id, action from import_changes where workspace_id = ${ws} and import_id = ${importId} and entity = 'interaction'`;
  // The import wrote its rows before it finished; an interaction touched later was changed by someone else.
  const finished = sql`(select coalesce(finished_at, now()) from imports where workspace_id = ${ws} and id = ${importId})`;

  const { rows } = await sql<{ n: number; subject: string | null; why: string | null }>`
    select count(*)::int as n, min(i.subject) as subject,
      min(case when i.updated_at > ${finished} then 'was changed after the import' else 'has an attached file' end) as why
    from interactions i join (${changes}) c on c.entity_id = i.id
    where i.workspace_id = ${ws} and (
      i.updated_at > ${finished}
      or (c.action = 'created' and exists (select 1 from attachments a
            where a.workspace_id = ${ws} and a.owner_type = 'interaction' and a.owner_id = i.id)))`.execute(ctx.db);
  const blocked = rows[0]!;
  if (blocked.n > 0) {
    const subject = blocked.n === 1 ? `The interaction "${blocked.subject}"` : `${blocked.n} interactions ("${blocked.subject}" among them)`;
    throw new AppError('conflict', `${subject} ${blocked.why}; the import cannot be undone`);
  }

  const { rows: restored } = await sql<{ id: string }>`
    update interactions i set subject = b.subject, body = b.body, outcome = b.outcome, occurred_at = b.occurred_at,
      duration_minutes = b.duration_minutes, version = i.version + 1, updated_at = now()
    from import_changes c
      cross join lateral jsonb_to_record(c.before) as b (subject text, body text, outcome text, occurred_at timestamptz, duration_minutes integer)
    where c.workspace_id = ${ws} and c.import_id = ${importId} and c.entity = 'interaction' and c.action = 'updated'
      and i.workspace_id = ${ws} and i.id = c.entity_id
    returning i.id`.execute(ctx.db);
  await syncTimelineEntries(ctx, restored.map((r) => r.id));
  const created = sql`select entity_id from (${changes}) c where action = 'created'`;
  await sql`delete from timeline_entries where workspace_id = ${ws} and subject_type = 'interaction' and subject_id in (${created})`.execute(ctx.db);
  await sql`delete from interactions where workspace_id = ${ws} and id in (${created})`.execute(ctx.db);
}
