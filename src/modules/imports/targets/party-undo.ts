/**
 * Undoing what an import did to people and organisations, set-based and all or nothing: records it created are
 * deleted (their contact points, roles, links and timeline go with them), records it updated get back their
 * columns, contact points, roles and links from before. It is refused, with nothing undone, when a record it
 * created has since become part of the customer history (orders, quotes, invoices, cases, feedback,
 * interactions, tasks) or a record it updated has been changed since.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordChange } from '../../../platform/events/change-log.ts';
import { insertRows } from './party-create.ts';
import type { UpdateSnapshot } from './party-update.ts';

/** The columns an update may have changed, restored as they were. */
const RESTORED_COLUMNS = [
  'display_name', 'civility', 'first_name', 'last_name', 'birth_date', 'gender', 'pcs_group', 'family_situation',
  'children_count', 'children_birth_years', 'language', 'legal_name', 'trade_name', 'siren', 'siret', 'naf_code',
  'headcount_band', 'annual_revenue', 'website', 'roles', 'tags', 'preferred_channels', 'payment_methods', 'interests',
  'notes', 'email', 'phone', 'postcode', 'city', 'departement', 'region', 'country', 'custom', 'do_not_contact',
  'owner_id', 'team_id', 'external_id', 'name_key',
];

function refusal(count: number, example: string, what: string): AppError {
  const records = count === 1 ? `1 record (${example})` : `${count} records (${example} among them)`;
  return new AppError('conflict', `This import cannot be undone: ${records} ${what}. Nothing was undone.`);
}

/** Refuses when records the import created are used or records it updated have moved on. */
async function assertUndoable(ctx: Ctx, importId: string): Promise<void> {
  const ws = ctx.workspaceId;
  const { rows: used } = await sql<{ n: number; example: string | null }>`
    select count(*)::int as n, min(p.customer_number) as example
    from import_changes c join parties p on p.workspace_id = c.workspace_id and p.id = c.entity_id
    where c.workspace_id = ${ws} and c.import_id = ${importId} and c.entity = 'party' and c.action = 'created' and (
      exists (select 1 from orders o where o.workspace_id = p.workspace_id and (o.customer_id = p.id or o.contact_id = p.id))
      or exists (select 1 from quotes q where q.workspace_id = p.workspace_id and (q.customer_id = p.id or q.contact_id = p.id))
      or exists (select 1 from invoices i where i.workspace_id = p.workspace_id and i.customer_id = p.id)
      or exists (select 1 from cases k where k.workspace_id = p.workspace_id and k.party_id = p.id)
      or exists (select 1 from feedback f where f.workspace_id = p.workspace_id and f.party_id = p.id)
      or exists (select 1 from interaction_participants x where x.workspace_id = p.workspace_id and x.party_id = p.id)
      or exists (select 1 from tasks t where t.workspace_id = p.workspace_id and t.party_id = p.id))`.execute(ctx.db);
  if (used[0]!.n > 0) {
    throw refusal(used[0]!.n, used[0]!.example!, 'it created now has orders, quotes, invoices, cases, feedback, interactions or tasks');
  }
  const { rows: moved } = await sql<{ n: number; example: string | null }>`
    select count(*)::int as n, min(p.customer_number) as example
    from import_changes c join parties p on p.workspace_id = c.workspace_id and p.id = c.entity_id
    where c.workspace_id = ${ws} and c.import_id = ${importId} and c.entity = 'party' and c.action = 'updated'
      and p.version <> (c.before ->> 'versionAfter')::int`.execute(ctx.db);
  if (moved[0]!.n > 0) throw refusal(moved[0]!.n, moved[0]!.example!, 'it updated has been changed since');
}

/** Undoes the import's changes to parties in the caller's transaction (see the module comment). */
export async function undoPartyImport(ctx: Ctx, importId: string): Promise<void> {
  const ws = ctx.workspaceId;
  await assertUndoable(ctx, importId);
  const { rows: updates } = await sql<{ entity_id: string; before: UpdateSnapshot }>`
    select entity_id, before from import_changes
    where workspace_id = ${ws} and import_id = ${importId} and entity = 'party' and action = 'updated'`.execute(ctx.db);
  if (updates.length > 0) await restoreUpdated(ctx, updates.map((u) => ({ id: u.entity_id, snapshot: u.before })));
  await sql`
    delete from parties p using import_changes c
    where p.workspace_id = ${ws} and c.workspace_id = ${ws} and c.import_id = ${importId} and c.entity = 'party'
      and c.action = 'created' and p.id = c.entity_id`.execute(ctx.db);
}

async function restoreUpdated(ctx: Ctx, updates: { id: string; snapshot: UpdateSnapshot }[]): Promise<void> {
  const ws = ctx.workspaceId;
  const ids = updates.map((u) => u.id);
  const assignments = sql.join(RESTORED_COLUMNS.map((column) => sql`${sql.ref(column)} = b.${sql.ref(column)}`));
  const { rows: current } = await sql<Record<string, unknown> & { id: string }>`
    select * from parties where workspace_id = ${ws} and id = any(${ids}::uuid[])`.execute(ctx.db);
  const { rows: restored } = await sql<Record<string, unknown> & { id: string }>`
    update parties p set ${assignments}, version = p.version + 1, updated_at = now()
    from jsonb_populate_recordset(null::parties, ${JSON.stringify(updates.map((u) => u.snapshot.row))}::jsonb) b
    where p.workspace_id = ${ws} and p.id = b.id
    returning p.*`.execute(ctx.db);
  for (const table of ['party_emails', 'party_phones', 'party_addresses'] as const) {
    await sql`delete from ${sql.table(table)} where workspace_id = ${ws} and party_id = any(${ids}::uuid[])`.execute(ctx.db);
  }
  const points = (pick: (s: UpdateSnapshot) => object[]) =>
    updates.flatMap((u) => pick(u.snapshot).map((point, position) => ({ ...point, party_id: u.id, position })));
  await insertRows(ctx, 'party_emails', points((s) => s.emails));
  await insertRows(ctx, 'party_phones', points((s) => s.phones));
  await insertRows(ctx, 'party_addresses', points((s) => s.addresses));
  const started = updates.flatMap((u) => u.snapshot.rolesStarted);
  const ended = updates.flatMap((u) => u.snapshot.rolesEnded);
  const links = updates.flatMap((u) => u.snapshot.linksAdded);
  if (started.length) await sql`delete from party_roles where workspace_id = ${ws} and id = any(${started}::uuid[])`.execute(ctx.db);
  if (ended.length) await sql`update party_roles set ended_on = null where workspace_id = ${ws} and id = any(${ended}::uuid[])`.execute(ctx.db);
  if (links.length) await sql`delete from party_links where workspace_id = ${ws} and id = any(${links}::uuid[])`.execute(ctx.db);
  const withoutDerived = ({ search_text, sort_name, ...columns }: Record<string, unknown>) => columns;
  const before = new Map(current.map((row) => [row.id, withoutDerived(row)]));
  for (const row of restored) {
    await recordChange(ctx, { entity: 'party', entityId: row.id, action: 'update', before: before.get(row.id) ?? null, after: withoutDerived(row) });
  }
}
