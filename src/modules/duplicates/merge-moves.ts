/**
 * Every place a row points at a party, and what a merge does with it. Most rows simply move from the absorbed
 * record to the survivor, one set-based update per column, and the keys of the rows moved are remembered so an
 * undo moves exactly those back. A few need care: links and interaction participants that would point at the
 * record itself or repeat one the survivor already has are removed (and kept whole for the undo); duplicate
 * pairs are re-pointed or settled; customer numbers become aliases.
 *
 * Tables whose rows belong to the record itself rather than point at it (contact points, consent) are merged by
 * survivorship and restored from the snapshot; metrics are recomputed; past merges stay as history. A test
 * compares this list with the database's foreign keys to `parties`, so a table added later cannot be forgotten.
 * There is no per-record access table: who may edit a record follows its owner and team, which survivorship picks.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Ctx } from '../../platform/context.ts';

export type Handling =
  /** Rows move to the survivor. */
  | 'move'
  /** Part of the record itself: merged by survivorship, restored from the snapshot on undo. */
  | 'survivorship'
  /** Recomputed from the moved rows. */
  | 'recomputed'
  /** History of merges, kept as it is. */
  | 'history'
  /** Moved with their own rules (see below). */
  | 'special';

export interface PartyReference {
  /** The name counts are reported under (preview, MergeOut.moved). */
  name: string;
  table: string;
  column: string;
  handling: Handling;
  /** Whether the database declares the column a foreign key to parties (notifications name parties loosely). */
  foreignKey: boolean;
  /** The column naming one row in `moved` (`participant` for interaction participants' composite key). */
  key?: 'id' | 'customer_number' | 'participant';
}

const ID = 'id' as const;

export const PARTY_REFERENCES: readonly PartyReference[] = [
  { name: 'timeline', table: 'timeline_entries', column: 'party_id', handling: 'move', foreignKey: true, key: ID },
  { name: 'interactions', table: 'interaction_participants', column: 'party_id', handling: 'special', foreignKey: true },
  { name: 'tasks', table: 'tasks', column: 'party_id', handling: 'move', foreignKey: true, key: ID },
  { name: 'alerts', table: 'alerts', column: 'party_id', handling: 'move', foreignKey: true, key: ID },
  { name: 'quotes', table: 'quotes', column: 'customer_id', handling: 'move', foreignKey: true, key: ID },
  { name: 'quoteContacts', table: 'quotes', column: 'contact_id', handling: 'move', foreignKey: true, key: ID },
  { name: 'orders', table: 'orders', column: 'customer_id', handling: 'move', foreignKey: true, key: ID },
  { name: 'orderContacts', table: 'orders', column: 'contact_id', handling: 'move', foreignKey: true, key: ID },
  { name: 'deliveries', table: 'deliveries', column: 'customer_id', handling: 'move', foreignKey: true, key: ID },
  { name: 'invoices', table: 'invoices', column: 'customer_id', handling: 'move', foreignKey: true, key: ID },
  { name: 'payments', table: 'payments', column: 'customer_id', handling: 'move', foreignKey: true, key: ID },
  { name: 'returns', table: 'returns', column: 'customer_id', handling: 'move', foreignKey: true, key: ID },
  { name: 'cases', table: 'cases', column: 'party_id', handling: 'move', foreignKey: true, key: ID },
  { name: 'feedback', table: 'feedback', column: 'party_id', handling: 'move', foreignKey: true, key: ID },
  { name: 'roles', table: 'party_roles', column: 'party_id', handling: 'move', foreignKey: true, key: ID },
  { name: 'links', table: 'party_links', column: 'party_id', handling: 'special', foreignKey: true },
  { name: 'links', table: 'party_links', column: 'other_party_id', handling: 'special', foreignKey: true },
  { name: 'duplicates', table: 'duplicate_candidates', column: 'party_a', handling: 'special', foreignKey: true },
  { name: 'duplicates', table: 'duplicate_candidates', column: 'party_b', handling: 'special', foreignKey: true },
  { name: 'aliases', table: 'customer_number_aliases', column: 'party_id', handling: 'move', foreignKey: true, key: 'customer_number' },
  { name: 'notifications', table: 'notifications', column: 'subject_id', handling: 'special', foreignKey: false },
  { name: 'mergedRecords', table: 'parties', column: 'merged_into_id', handling: 'move', foreignKey: false, key: ID },
  { name: 'emails', table: 'party_emails', column: 'party_id', handling: 'survivorship', foreignKey: true },
  { name: 'phones', table: 'party_phones', column: 'party_id', handling: 'survivorship', foreignKey: true },
  { name: 'addresses', table: 'party_addresses', column: 'party_id', handling: 'survivorship', foreignKey: true },
  { name: 'consents', table: 'party_consents', column: 'party_id', handling: 'survivorship', foreignKey: true },
  { name: 'metrics', table: 'customer_metrics', column: 'party_id', handling: 'recomputed', foreignKey: true },
  { name: 'merges', table: 'party_merges', column: 'survivor_id', handling: 'history', foreignKey: true },
  { name: 'merges', table: 'party_merges', column: 'absorbed_id', handling: 'history', foreignKey: true },
];

/** Notifications name a party by subject or by a link to its page. */
const PARTY_SUBJECTS = ['party', 'person', 'organisation'];
/** Link kinds that read the same both ways round. */
const SYMMETRIC_LINKS = ['household', 'spouse', 'partner_of'];

/** What a merge moved, as stored in `party_merges.moved`: enough to put every row back. */
export interface MovedRows {
  /** `table.column` → keys of the rows whose column now names the survivor. */
  keys: Record<string, string[]>;
  /** Rows removed because they would point at the survivor itself or repeat one of its rows, whole. */
  dropped: { party_links: Record<string, unknown>[]; interaction_participants: Record<string, unknown>[] };
  /** Duplicate pairs as they were before (re-pointed or settled). */
  candidates: Record<string, unknown>[];
  /** Customer numbers the merge added as aliases of the survivor. */
  aliasesAdded: string[];
  /** Role periods the merge settled (see `settleRolePeriods`); absent from merges recorded before it did. */
  rolePeriods?: { closed: string[]; dropped: Record<string, unknown>[] };
}

export function emptyMoved(): MovedRows {
  return { keys: {}, dropped: { party_links: [], interaction_participants: [] }, candidates: [], aliasesAdded: [] };
}

const refKey = (r: Pick<PartyReference, 'table' | 'column'>) => `${r.table}.${r.column}`;

/** How many rows of each kind point at the absorbed record (the preview's `moves`). */
export async function countReferences(ctx: Ctx, absorbedId: string): Promise<Record<string, number>> {
  const counted = PARTY_REFERENCES.filter((r) => r.handling === 'move' || r.handling === 'special');
  const parts = counted.map((r) => {
    const where =
      r.table === 'notifications'
        ? sql`subject_type in (${sql.join(PARTY_SUBJECTS)}) and subject_id = ${absorbedId}`
        : sql`${sql.ref(r.column)} = ${absorbedId}`;
    return sql`select ${r.name}::text as name, count(*)::int as n from ${sql.table(r.table)} where workspace_id = ${ctx.workspaceId} and ${where}`;
  });
  const { rows } = await sql<{ name: string; n: number }>`${sql.join(parts, sql` union all `)}`.execute(ctx.db);
  const counts: Record<string, number> = {};
  for (const row of rows) if (row.n > 0) counts[row.name] = (counts[row.name] ?? 0) + row.n;
  return counts;
}

/** The text naming one row of the reference's table. */
function keyOf(r: PartyReference): RawBuilder<string> {
  if (r.key === 'participant') return sql<string>`interaction_id::text || '|' || position::text`;
  return sql<string>`${sql.ref(r.key ?? ID)}::text`;
}

async function moveColumn(ctx: Ctx, r: PartyReference, from: string, to: string): Promise<string[]> {
  const key = keyOf(r);
  const { rows } = await sql<{ key: string }>`
    update ${sql.table(r.table)} set ${sql.ref(r.column)} = ${to}
    where workspace_id = ${ctx.workspaceId} and ${sql.ref(r.column)} = ${from}
    returning ${key} as key`.execute(ctx.db);
  return rows.map((row) => row.key);
}

/** Links between the two records, and links of the absorbed one the survivor already has, go (kept whole). */
async function dropRedundantLinks(ctx: Ctx, survivorId: string, absorbedId: string): Promise<Record<string, unknown>[]> {
  const ws = ctx.workspaceId;
  // A link of the absorbed record repeats one of the survivor's when it has the same kind, the same other end
  // (either way round for symmetric kinds) and is current, or ended, on the same day as the survivor's.
  const { rows } = await sql<{ row: Record<string, unknown> }>`
    delete from party_links l
    where l.workspace_id = ${ws} and (l.party_id = ${absorbedId} or l.other_party_id = ${absorbedId}) and (
      l.party_id = ${survivorId} or l.other_party_id = ${survivorId}
      or exists (
        select 1 from party_links s
        where s.workspace_id = ${ws} and s.kind = l.kind and s.ended_on is not distinct from l.ended_on and (
          (s.party_id = ${survivorId} and l.party_id = ${absorbedId} and s.other_party_id = l.other_party_id)
          or (s.other_party_id = ${survivorId} and l.other_party_id = ${absorbedId} and s.party_id = l.party_id)
          or (l.kind in (${sql.join(SYMMETRIC_LINKS)}) and s.party_id = ${survivorId} and l.other_party_id = ${absorbedId} and s.other_party_id = l.party_id)
          or (l.kind in (${sql.join(SYMMETRIC_LINKS)}) and s.other_party_id = ${survivorId} and l.party_id = ${absorbedId} and s.party_id = l.other_party_id))))
    returning to_jsonb(l) as row`.execute(ctx.db);
  return rows.map((found) => found.row);
}

/** The absorbed record's place in an interaction the survivor already takes part in goes (kept whole). */
async function dropRepeatedParticipants(ctx: Ctx, survivorId: string, absorbedId: string): Promise<Record<string, unknown>[]> {
  const ws = ctx.workspaceId;
  const { rows } = await sql<{ row: Record<string, unknown> }>`
    delete from interaction_participants p
    where p.workspace_id = ${ws} and p.party_id = ${absorbedId}
      and exists (select 1 from interaction_participants s
                  where s.workspace_id = ${ws} and s.interaction_id = p.interaction_id and s.party_id = ${survivorId})
    returning to_jsonb(p) as row`.execute(ctx.db);
  return rows.map((found) => found.row);
}

/**
 * The pair of the two records is settled as merged; other pairs of the absorbed record move to the survivor, or
 * are settled as merged when the survivor already has a pair with that record.
 */
async function settleCandidates(ctx: Ctx, survivorId: string, absorbedId: string, decidedBy: string | null): Promise<Record<string, unknown>[]> {
  const ws = ctx.workspaceId;
  const { rows: found } = await sql<{ row: Record<string, unknown> }>`
    select jsonb_build_object('id', id, 'party_a', party_a, 'party_b', party_b, 'status', status, 'decided_by', decided_by,
                              'decided_at', decided_at) as row
    from duplicate_candidates
    where workspace_id = ${ws} and (party_a = ${absorbedId} or party_b = ${absorbedId})`.execute(ctx.db);
  if (found.length === 0) return [];
  const before = found.map((candidate) => candidate.row);
  await sql`
    update duplicate_candidates c
    set status = 'merged', decided_by = ${decidedBy}, decided_at = now()
    where c.workspace_id = ${ws} and (c.party_a = ${absorbedId} or c.party_b = ${absorbedId}) and (
      c.party_a = ${survivorId} or c.party_b = ${survivorId}
      or exists (select 1 from duplicate_candidates s
                 where s.workspace_id = ${ws}
                   and s.party_a = least(${survivorId}::uuid, case when c.party_a = ${absorbedId} then c.party_b else c.party_a end)
                   and s.party_b = greatest(${survivorId}::uuid, case when c.party_a = ${absorbedId} then c.party_b else c.party_a end)))`.execute(ctx.db);
  await sql`
    update duplicate_candidates c
    set party_a = least(${survivorId}::uuid, other.id), party_b = greatest(${survivorId}::uuid, other.id)
    from (select id as candidate_id, case when party_a = ${absorbedId} then party_b else party_a end as id
          from duplicate_candidates where workspace_id = ${ws} and (party_a = ${absorbedId} or party_b = ${absorbedId})) other
    where c.workspace_id = ${ws} and c.id = other.candidate_id and c.status <> 'merged'`.execute(ctx.db);
  return before;
}

async function moveNotifications(ctx: Ctx, survivorId: string, absorbedId: string): Promise<string[]> {
  const { rows } = await sql<{ key: string }>`
    update notifications
    set subject_id = case when subject_type in (${sql.join(PARTY_SUBJECTS)}) and subject_id = ${absorbedId} then ${survivorId}::uuid else subject_id end,
        link = replace(link, ${absorbedId}, ${survivorId})
    where workspace_id = ${ctx.workspaceId}
      and ((subject_type in (${sql.join(PARTY_SUBJECTS)}) and subject_id = ${absorbedId}) or strpos(link, ${absorbedId}) > 0)
    returning id::text as key`.execute(ctx.db);
  return rows.map((row) => row.key);
}

/** Moves everything that points at the absorbed record to the survivor; returns what it moved. */
export async function moveReferences(ctx: Ctx, survivorId: string, absorbedId: string, decidedBy: string | null): Promise<MovedRows> {
  const moved = emptyMoved();
  moved.dropped.party_links = await dropRedundantLinks(ctx, survivorId, absorbedId);
  moved.dropped.interaction_participants = await dropRepeatedParticipants(ctx, survivorId, absorbedId);
  moved.candidates = await settleCandidates(ctx, survivorId, absorbedId, decidedBy);
  moved.keys['notifications.subject_id'] = await moveNotifications(ctx, survivorId, absorbedId);
  for (const r of PARTY_REFERENCES) {
    if (r.handling === 'move') moved.keys[refKey(r)] = await moveColumn(ctx, r, absorbedId, survivorId);
  }
  moved.keys['party_links.party_id'] = await moveColumn(ctx, linkRef('party_id'), absorbedId, survivorId);
  moved.keys['party_links.other_party_id'] = await moveColumn(ctx, linkRef('other_party_id'), absorbedId, survivorId);
  moved.keys['interaction_participants.party_id'] = await moveColumn(ctx, PARTICIPANTS, absorbedId, survivorId);
  return moved;
}

/**
 * The survivor's role history once both histories are its own: a period still open for a role the merged record
 * no longer holds (a prospect who turns out to be a customer) ends today; two open periods of one role become the
 * one that started first (the later one is removed, kept whole for the undo).
 */
export async function settleRolePeriods(ctx: Ctx, survivorId: string, currentRoles: readonly string[], today: string): Promise<NonNullable<MovedRows['rolePeriods']>> {
  const ws = ctx.workspaceId;
  const { rows: dropped } = await sql<{ row: Record<string, unknown> }>`
    delete from party_roles r
    where r.workspace_id = ${ws} and r.party_id = ${survivorId} and r.ended_on is null
      and exists (select 1 from party_roles e
                  where e.workspace_id = ${ws} and e.party_id = ${survivorId} and e.ended_on is null and e.role = r.role
                    and (e.started_on, e.id) < (r.started_on, r.id))
    returning to_jsonb(r) as row`.execute(ctx.db);
  const { rows: closed } = await sql<{ id: string }>`
    update party_roles set ended_on = greatest(started_on, ${today}::date)
    where workspace_id = ${ws} and party_id = ${survivorId} and ended_on is null and not (role = any(${[...currentRoles]}::text[]))
    returning id::text`.execute(ctx.db);
  return { closed: closed.map((row) => row.id), dropped: dropped.map((found) => found.row) };
}

/** Reopens the periods `settleRolePeriods` ended and puts back the ones it removed (before the rows move back). */
async function unsettleRolePeriods(ctx: Ctx, periods: MovedRows['rolePeriods']): Promise<void> {
  if (!periods) return;
  await reinsert(ctx, 'party_roles', periods.dropped);
  if (periods.closed.length > 0) {
    await sql`update party_roles set ended_on = null where workspace_id = ${ctx.workspaceId} and id::text = any(${periods.closed}::text[])`.execute(ctx.db);
  }
}

function linkRef(column: string): PartyReference {
  return { name: 'links', table: 'party_links', column, handling: 'special', foreignKey: true, key: ID };
}
const PARTICIPANTS: PartyReference = {
  name: 'interactions',
  table: 'interaction_participants',
  column: 'party_id',
  handling: 'special',
  foreignKey: true,
  key: 'participant',
};

async function moveBackColumn(ctx: Ctx, r: PartyReference, keys: readonly string[], survivorId: string, absorbedId: string): Promise<void> {
  if (keys.length === 0) return;
  const key = keyOf(r);
  await sql`
    update ${sql.table(r.table)} set ${sql.ref(r.column)} = ${absorbedId}
    where workspace_id = ${ctx.workspaceId} and ${sql.ref(r.column)} = ${survivorId} and ${key} = any(${[...keys]}::text[])`.execute(ctx.db);
}

/**
 * Puts back rows a merge removed. They were kept as the database's own JSON of them (`to_jsonb`), not as the
 * driver's objects: a JavaScript Date would have cut their timestamps to the millisecond.
 */
async function reinsert(ctx: Ctx, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into ${sql.table(table)}
    select * from jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::jsonb)`.execute(ctx.db);
}

/** Puts back every row a merge moved, removed or settled, by the keys it remembered. */
export async function moveBack(ctx: Ctx, moved: MovedRows, survivorId: string, absorbedId: string): Promise<void> {
  const ws = ctx.workspaceId;
  await unsettleRolePeriods(ctx, moved.rolePeriods);
  for (const r of PARTY_REFERENCES) {
    if (r.handling === 'move') await moveBackColumn(ctx, r, moved.keys[refKey(r)] ?? [], survivorId, absorbedId);
  }
  await moveBackColumn(ctx, linkRef('party_id'), moved.keys['party_links.party_id'] ?? [], survivorId, absorbedId);
  await moveBackColumn(ctx, linkRef('other_party_id'), moved.keys['party_links.other_party_id'] ?? [], survivorId, absorbedId);
  await moveBackColumn(ctx, PARTICIPANTS, moved.keys['interaction_participants.party_id'] ?? [], survivorId, absorbedId);
  const notifications = moved.keys['notifications.subject_id'] ?? [];
  if (notifications.length > 0) {
    await sql`
      update notifications
      set subject_id = case when subject_type in (${sql.join(PARTY_SUBJECTS)}) and subject_id = ${survivorId} then ${absorbedId}::uuid else subject_id end,
          link = replace(link, ${survivorId}, ${absorbedId})
      where workspace_id = ${ws} and id::text = any(${notifications}::text[])`.execute(ctx.db);
  }
  await reinsert(ctx, 'party_links', moved.dropped.party_links);
  await reinsert(ctx, 'interaction_participants', moved.dropped.interaction_participants);
  if (moved.candidates.length > 0) {
    await sql`
      update duplicate_candidates c
      set party_a = b.party_a, party_b = b.party_b, status = b.status, decided_by = b.decided_by, decided_at = b.decided_at
      from jsonb_to_recordset(${JSON.stringify(moved.candidates)}::jsonb)
        as b(id uuid, party_a uuid, party_b uuid, status text, decided_by uuid, decided_at timestamptz)
      where c.workspace_id = ${ws} and c.id = b.id`.execute(ctx.db);
  }
}
