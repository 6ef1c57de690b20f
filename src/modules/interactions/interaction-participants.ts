/**
 * Who took part in an interaction: users (colleagues) and contacts (people, organisations), in the order given.
 * Checked against the workspace when written, read back with their names.
 */
import { AppError, throwIfIssues, type FieldIssue } from '../../platform/errors.ts';
import { scoped } from '../../platform/db/scoped.ts';
import type { Ctx } from '../../platform/context.ts';
import type { InteractionCreateBody } from './interaction-schemas.ts';

export type Participant =
  | { type: 'user'; userId: string; name: string }
  | { type: 'contact'; partyId: string; displayName: string; kind: string; customerNumber: string };

/** The participants of some interactions, with names, in the order they were given. */
export async function loadParticipants(ctx: Ctx, interactionIds: string[]): Promise<Map<string, Participant[]>> {
  const byInteraction = new Map<string, Participant[]>(interactionIds.map((id) => [id, []]));
  if (interactionIds.length === 0) return byInteraction;
  const rows = await scoped(ctx.db, ctx.workspaceId)
    .selectFrom('interaction_participants')
    .leftJoin('users', (join) =>
      join.onRef('users.workspace_id', '=', 'interaction_participants.workspace_id').onRef('users.id', '=', 'interaction_participants.user_id'),
    )
    .leftJoin('parties', (join) =>
      join.onRef('parties.workspace_id', '=', 'interaction_participants.workspace_id').onRef('parties.id', '=', 'interaction_participants.party_id'),
    )
    .select([
      'interaction_participants.interaction_id',
      'interaction_participants.user_id',
      'interaction_participants.party_id',
      'users.name as user_name',
      'parties.display_name',
      'parties.kind',
      'parties.customer_number',
    ])
    .where('interaction_participants.interaction_id', 'in', interactionIds)
    .orderBy('interaction_participants.interaction_id')
    .orderBy('interaction_participants.position')
    .execute();
  for (const row of rows) {
    const participant: Participant = row.user_id
      ? { type: 'user', userId: row.user_id, name: row.user_name ?? '' }
      : { type: 'contact', partyId: row.party_id!, displayName: row.display_name ?? '', kind: row.kind ?? 'person', customerNumber: row.customer_number ?? '' };
    byInteraction.get(row.interaction_id)!.push(participant);
  }
  return byInteraction;
}

type ParticipantInput = InteractionCreateBody['participants'][number];

/**
 * The participants named in a body, checked: each names one user or one contact, at least one contact, all of
 * this workspace (400 for a malformed list, 422 naming `body.participants[i].partyId` for an unknown record).
 * A participant given twice counts once.
 */
export async function resolveParticipants(ctx: Ctx, input: ParticipantInput[]): Promise<Participant[]> {
  const shapeIssues: FieldIssue[] = [];
  input.forEach((p, i) => {
    if ((p.userId === undefined) === (p.partyId === undefined)) {
      shapeIssues.push({ field: `body.participants[${i}]`, rule: 'must name either a userId or a partyId' });
    }
  });
  if (!input.some((p) => p.partyId !== undefined)) {
    shapeIssues.push({ field: 'body.participants', rule: 'must include at least one contact (partyId)' });
  }
  throwIfIssues(shapeIssues);

  const db = scoped(ctx.db, ctx.workspaceId);
  const userIds = [...new Set(input.flatMap((p) => (p.userId ? [p.userId] : [])))];
  const partyIds = [...new Set(input.flatMap((p) => (p.partyId ? [p.partyId] : [])))];
  const users = userIds.length ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', userIds).execute() : [];
  const parties = partyIds.length
    ? await db.selectFrom('parties').select(['id', 'display_name', 'kind', 'customer_number']).where('id', 'in', partyIds).execute()
    : [];

  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const participants: Participant[] = [];
  input.forEach((p, i) => {
    const key = p.userId ? `user:${p.userId}` : `party:${p.partyId}`;
    if (p.userId) {
      const user = users.find((u) => u.id === p.userId);
      if (!user) issues.push({ field: `body.participants[${i}].userId`, rule: 'must be a user of this workspace' });
      else if (!seen.has(key)) participants.push({ type: 'user', userId: user.id, name: user.name });
    } else {
      const party = parties.find((x) => x.id === p.partyId);
      if (!party) issues.push({ field: `body.participants[${i}].partyId`, rule: 'must be a person or organisation of this workspace' });
      else if (!seen.has(key)) {
        participants.push({ type: 'contact', partyId: party.id, displayName: party.display_name, kind: party.kind, customerNumber: party.customer_number });
      }
    }
    seen.add(key);
  });
  if (issues.length > 0) throw new AppError('unprocessable', issues.map((i) => `${i.field} ${i.rule}`).join('; '), issues);
  return participants;
}

/** Writes the participants of an interaction, replacing the former ones unless it is new. */
export async function replaceParticipants(ctx: Ctx, interactionId: string, participants: Participant[], isNew: boolean): Promise<void> {
  const db = scoped(ctx.db, ctx.workspaceId);
  if (!isNew) await db.deleteFrom('interaction_participants').where('interaction_id', '=', interactionId).execute();
  await db
    .insertInto(
      'interaction_participants',
      participants.map((p, position) => ({
        interaction_id: interactionId,
        position,
        user_id: p.type === 'user' ? p.userId : null,
        party_id: p.type === 'contact' ? p.partyId : null,
      })),
    )
    .execute();
}
