/**
 * An interaction on its contacts' timelines: one entry per contact taking part, dated when the interaction
 * happened, showing its subject, direction, outcome and number of attachments. The entries follow the
 * interaction: changed with it, moved when its contacts change, gone when it is deleted.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { recordTimeline, type TimelineData } from '../timeline/timeline-writer.ts';

/** Brings the timeline entries of one interaction in line with it; call in the transaction that changed it. */
export async function syncInteractionTimeline(ctx: Ctx, interactionId: string): Promise<void> {
  const db = scoped(ctx.db, ctx.workspaceId);
  const interaction = await db
    .selectFrom('interactions')
    .select(['channel', 'direction', 'occurred_at', 'subject', 'outcome'])
    .select(
      sql<number>`(select count(*)::int from attachments a
                   where a.workspace_id = interactions.workspace_id and a.owner_type = 'interaction' and a.owner_id = interactions.id)`.as(
        'attachment_count',
      ),
    )
    .where('id', '=', interactionId)
    .executeTakeFirstOrThrow();
  const contacts = (
    await db
      .selectFrom('interaction_participants')
      .select('party_id')
      .where('interaction_id', '=', interactionId)
      .where('party_id', 'is not', null)
      .orderBy('position')
      .execute()
  ).map((p) => p.party_id!);

  const data: TimelineData = {
    action: 'created',
    title: interaction.subject,
    direction: interaction.direction,
    outcome: interaction.outcome,
    attachmentCount: interaction.attachment_count,
  };
  const entries = () =>
    db.deleteFrom('timeline_entries').where('subject_type', '=', 'interaction').where('subject_id', '=', interactionId);
  if (contacts.length === 0) {
    await entries().execute();
    return;
  }
  await entries().where('party_id', 'not in', contacts).execute();
  const kept = await db
    .updateTable('timeline_entries')
    .set({ occurred_at: interaction.occurred_at, channel: interaction.channel, data: JSON.stringify(data) } as never)
    .where('subject_type', '=', 'interaction')
    .where('subject_id', '=', interactionId)
    .returning('party_id')
    .execute();
  const missing = contacts.filter((partyId) => !kept.some((entry) => entry.party_id === partyId));
  await recordTimeline(
    ctx,
    missing.map((partyId) => ({
      partyId,
      kind: 'interaction' as const,
      channel: interaction.channel,
      subjectType: 'interaction' as const,
      subjectId: interactionId,
      occurredAt: interaction.occurred_at,
      data,
    })),
  );
}

/** Removes an interaction's entries from every timeline (it is being deleted). */
export async function removeInteractionTimeline(ctx: Ctx, interactionId: string): Promise<void> {
  await scoped(ctx.db, ctx.workspaceId)
    .deleteFrom('timeline_entries')
    .where('subject_type', '=', 'interaction')
    .where('subject_id', '=', interactionId)
    .execute();
}
