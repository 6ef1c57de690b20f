/**
 * Reading a customer's timeline: newest first, filtered by kind and channel, one keyset page at a time. An
 * organisation's timeline also holds the entries of the people who work or worked there (employee-of links),
 * each marked with that person; entries are fetched per customer through the (customer, time) index and merged,
 * so a page costs the same however long the history.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { decodeCursor, DEFAULT_LIMIT, encodeCursor } from '../../platform/http/pagination.ts';
import { scoped } from '../../platform/db/scoped.ts';

export interface TimelineQuery {
  kinds?: readonly string[];
  channels?: readonly string[];
  /** For an organisation, include its people's entries (default true). */
  includePeople?: boolean;
  limit?: number;
  cursor?: string;
}

export interface TimelineEntryView {
  id: string;
  occurredAt: string;
  kind: string;
  channel: string | null;
  subjectType: string | null;
  subjectId: string | null;
  actor: { id: string | null; label: string | null } | null;
  data: Record<string, unknown>;
  /** The person the entry belongs to when it is not the customer asked for (an organisation's employee). */
  via: { id: string; kind: string; displayName: string } | null;
}

interface EntryRow {
  id: string;
  party_id: string;
  occurred_at: Date;
  kind: string;
  channel: string | null;
  subject_type: string | null;
  subject_id: string | null;
  actor_id: string | null;
  actor_label: string | null;
  data: Record<string, unknown>;
}

const CURSOR_FIELD = 'timeline';

/** The customers whose entries make up `partyId`'s timeline, with their names: the customer and, for an organisation, its people. */
async function timelineParties(ctx: Ctx, partyId: string, includePeople: boolean) {
  const party = await scoped(ctx.db, ctx.workspaceId)
    .selectFrom('parties')
    .select(['id', 'kind', 'display_name'])
    .where('id', '=', partyId)
    .executeTakeFirst();
  if (!party) throw notFound('Customer record');
  const people =
    party.kind === 'organisation' && includePeople
      ? await scoped(ctx.db, ctx.workspaceId)
          .selectFrom('party_links')
          .innerJoin('parties', (join) =>
            join.onRef('parties.workspace_id', '=', 'party_links.workspace_id').onRef('parties.id', '=', 'party_links.party_id'),
          )
          .select(['parties.id', 'parties.kind', 'parties.display_name'])
          .where('party_links.other_party_id', '=', partyId)
          .where('party_links.kind', '=', 'employee_of')
          .distinct()
          .execute()
      : [];
  return [party, ...people];
}

export async function listTimeline(ctx: Ctx, partyId: string, query: TimelineQuery = {}): Promise<{ data: TimelineEntryView[]; nextCursor: string | null }> {
  const parties = await timelineParties(ctx, partyId, query.includePeople ?? true);
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = query.cursor ? decodeCursor(query.cursor, CURSOR_FIELD) : null;
  const conditions = [sql`t.workspace_id = ${ctx.workspaceId}`, sql`t.party_id = p.id`];
  if (query.kinds?.length) conditions.push(sql`t.kind = any(${[...query.kinds]}::text[])`);
  if (query.channels?.length) conditions.push(sql`t.channel = any(${[...query.channels]}::text[])`);
  if (after) conditions.push(sql`(t.occurred_at, t.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const ids = parties.map((p) => p.id);
  const { rows } = await sql<EntryRow>`
    select e.* from unnest(${ids}::uuid[]) as p(id)
    cross join lateral (
      select t.id, t.party_id, t.occurred_at, t.kind, t.channel, t.subject_type, t.subject_id, t.actor_id, t.actor_label, t.data
      from timeline_entries t
      where ${sql.join(conditions, sql` and `)}
      order by t.occurred_at desc, t.id desc
      limit ${limit + 1}
    ) e
    order by e.occurred_at desc, e.id desc
    limit ${limit + 1}`.execute(ctx.db);
  const page = rows.slice(0, limit);
  const names = new Map(parties.map((p) => [p.id, p]));
  const last = page.at(-1);
  return {
    data: page.map((row) => presentEntry(row, row.party_id === partyId ? null : names.get(row.party_id))),
    nextCursor: rows.length > limit && last ? encodeCursor(CURSOR_FIELD, new Date(last.occurred_at).toISOString(), last.id) : null,
  };
}

function presentEntry(row: EntryRow, via: { id: string; kind: string; display_name: string } | undefined | null): TimelineEntryView {
  return {
    id: row.id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    kind: row.kind,
    channel: row.channel,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    actor: row.actor_id || row.actor_label ? { id: row.actor_id, label: row.actor_label } : null,
    data: row.data,
    via: via ? { id: via.id, kind: via.kind, displayName: via.display_name } : null,
  };
}
