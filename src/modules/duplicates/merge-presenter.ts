/**
 * What the API shows of a merge: both records as they are now (brief), the strategy, how many rows of each kind
 * moved, who merged and when, and whether it can still be undone. The stored undo data never leaves the server.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { Survivorship } from './survivorship.ts';

export interface PartyBrief {
  id: string;
  kind: 'person' | 'organisation';
  displayName: string;
  customerNumber: string;
}

export interface MergeView {
  id: string;
  survivor: PartyBrief;
  absorbed: PartyBrief;
  strategy: string;
  moved: Record<string, number>;
  mergedBy: { id: string; name: string } | null;
  mergedAt: string;
  undoneAt: string | null;
  canUndo: boolean;
}

interface MergeViewRow {
  id: string;
  strategy: string;
  counts: Record<string, number> | null;
  merged_at: Date | string;
  undone_at: Date | string | null;
  merged_by: string | null;
  merged_by_name: string | null;
  can_undo: boolean;
  s_id: string;
  s_kind: string;
  s_name: string;
  s_number: string;
  a_id: string;
  a_kind: string;
  a_name: string;
  a_number: string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

function brief(id: string, kind: string, displayName: string, customerNumber: string): PartyBrief {
  return { id, kind: kind as PartyBrief['kind'], displayName, customerNumber };
}

/** The brief of a record row as the API names records in merges and duplicates. */
export function presentBrief(row: { id: string; kind: string; display_name: string; customer_number: string }): PartyBrief {
  return brief(row.id, row.kind, row.display_name, row.customer_number);
}

function presentMerge(row: MergeViewRow): MergeView {
  return {
    id: row.id,
    survivor: brief(row.s_id, row.s_kind, row.s_name, row.s_number),
    absorbed: brief(row.a_id, row.a_kind, row.a_name, row.a_number),
    strategy: row.strategy,
    moved: row.counts ?? {},
    mergedBy: row.merged_by && row.merged_by_name ? { id: row.merged_by, name: row.merged_by_name } : null,
    mergedAt: iso(row.merged_at),
    undoneAt: row.undone_at ? iso(row.undone_at) : null,
    canUndo: row.can_undo,
  };
}

/**
 * Merges of the workspace with both records and the merging user, in one query; `where` narrows it (on `m`).
 * A merge can be undone while it is in force and no later merge in force involves its survivor.
 */
async function queryMergeViews(ctx: Ctx, where: ReturnType<typeof sql>): Promise<MergeView[]> {
  const { rows } = await sql<MergeViewRow>`
    select m.id, m.strategy, m.moved -> 'counts' as counts, m.merged_at, m.undone_at, m.merged_by, u.name as merged_by_name,
      (m.undone_at is null and not exists (
        select 1 from party_merges l
        where l.workspace_id = m.workspace_id and l.id <> m.id and l.undone_at is null and l.merged_at > m.merged_at
          and (l.survivor_id = m.survivor_id or l.absorbed_id = m.survivor_id))) as can_undo,
      s.id as s_id, s.kind as s_kind, s.display_name as s_name, s.customer_number as s_number,
      a.id as a_id, a.kind as a_kind, a.display_name as a_name, a.customer_number as a_number
    from party_merges m
    join parties s on s.workspace_id = m.workspace_id and s.id = m.survivor_id
    join parties a on a.workspace_id = m.workspace_id and a.id = m.absorbed_id
    left join users u on u.workspace_id = m.workspace_id and u.id = m.merged_by
    where m.workspace_id = ${ctx.workspaceId} and ${where}
    order by m.merged_at desc, m.id desc
    limit 100`.execute(ctx.db);
  return rows.map(presentMerge);
}

/** One merge as the API shows it; 404 when it is not one of this workspace's. */
export async function loadMergeView(ctx: Ctx, id: string): Promise<MergeView> {
  const [view] = await queryMergeViews(ctx, sql`m.id = ${id}`);
  if (!view) throw notFound('Merge');
  return view;
}

/** The merges a record took part in, as survivor or absorbed; the latest 100 of the workspace without one. */
export async function loadMergeViews(ctx: Ctx, partyId: string | undefined): Promise<MergeView[]> {
  return queryMergeViews(ctx, partyId ? sql`(m.survivor_id = ${partyId} or m.absorbed_id = ${partyId})` : sql`true`);
}

function addressText(a: { line1: string; line2: string | null; postcode: string | null; city: string; country: string }): string {
  return [a.line1, a.line2, [a.postcode, a.city].filter(Boolean).join(' '), a.country].filter(Boolean).join(', ');
}

/** The preview's answer: chosen values field by field, the united contact points and consent, the rows to move. */
export function presentPreview(
  survivor: { id: string; kind: string; display_name: string; customer_number: string },
  absorbed: { id: string; kind: string; display_name: string; customer_number: string },
  result: Survivorship,
  moves: Record<string, number>,
) {
  return {
    survivor: presentBrief(survivor),
    absorbed: presentBrief(absorbed),
    fields: result.fields.map((f) => ({
      field: f.field,
      survivorValue: f.survivorValue,
      absorbedValue: f.absorbedValue,
      chosen: f.chosen,
      differs: f.differs,
    })),
    emails: result.emails.map((e) => e.email),
    phones: result.phones.map((p) => p.phone),
    addresses: result.addresses.map(addressText),
    consents: result.consents.map((c) => ({ channel: c.channel, purpose: c.purpose, status: c.status })),
    moves,
  };
}
