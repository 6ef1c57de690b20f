/**
 * A record as a merge keeps it: its columns, contact points, consent and role history, read in one go and stored
 * in `party_merges` (`survivor_before`, `absorbed_before`) so an undo can put the record back exactly. Also the
 * writes both the merge and its undo make to a record's own rows.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { diffFields } from '../../platform/events/change-log.ts';
import type { AddressRow, EmailRow, PhoneRow } from '../parties/party-input.ts';
import type { ConsentAnswer, MergeSide } from './survivorship.ts';

export interface PartySnapshot {
  /** Every stored column but the generated ones, as JSON values. */
  row: Record<string, unknown>;
  emails: EmailRow[];
  phones: PhoneRow[];
  addresses: AddressRow[];
  consents: ConsentAnswer[];
  roles: Record<string, unknown>[];
}

/** Columns the database computes, or that a restore must not put back. */
const NOT_RESTORED = new Set(['workspace_id', 'id', 'kind', 'customer_number', 'created_at', 'updated_at', 'version', 'sort_name', 'search_text', 'active_alerts']);

/** Reads a record with its own rows; the caller holds its lock. Values are JSON (dates as ISO text). */
export async function loadSnapshot(ctx: Ctx, partyId: string): Promise<PartySnapshot> {
  const ws = ctx.workspaceId;
  const { rows } = await sql<{ snapshot: PartySnapshot }>`
    select json_build_object(
      'row', (select to_jsonb(p) - 'sort_name' - 'search_text' from parties p where p.workspace_id = ${ws} and p.id = ${partyId}),
      'emails', coalesce((select json_agg(json_build_object('email', e.email, 'type', e.type, 'valid', e.valid) order by e.position)
                from party_emails e where e.workspace_id = ${ws} and e.party_id = ${partyId}), '[]'),
      'phones', coalesce((select json_agg(json_build_object('phone', f.phone, 'type', f.type, 'valid', f.valid) order by f.position)
                from party_phones f where f.workspace_id = ${ws} and f.party_id = ${partyId}), '[]'),
      'addresses', coalesce((select json_agg(json_build_object('type', a.type, 'line1', a.line1, 'line2', a.line2, 'postcode', a.postcode,
                  'city', a.city, 'country', a.country, 'departement', a.departement, 'region', a.region, 'valid', a.valid) order by a.position)
                from party_addresses a where a.workspace_id = ${ws} and a.party_id = ${partyId}), '[]'),
      'consents', coalesce((select json_agg(json_build_object('channel', c.channel, 'purpose', c.purpose, 'status', c.status,
                  'source', c.source, 'recorded_at', c.recorded_at) order by c.channel, c.purpose)
                from party_consents c where c.workspace_id = ${ws} and c.party_id = ${partyId}), '[]'),
      'roles', coalesce((select json_agg(to_jsonb(r) order by r.started_on, r.id)
                from party_roles r where r.workspace_id = ${ws} and r.party_id = ${partyId}), '[]')
    ) as snapshot`.execute(ctx.db);
  return rows[0]!.snapshot;
}

export function mergeSideOf(snapshot: PartySnapshot): MergeSide {
  return {
    columns: snapshot.row,
    updatedAt: String(snapshot.row.updated_at),
    emails: snapshot.emails,
    phones: snapshot.phones,
    addresses: snapshot.addresses,
    consents: snapshot.consents,
  };
}

/** The primary contact details copied onto the record for lists and search. */
export function primaryColumns(emails: readonly EmailRow[], phones: readonly PhoneRow[], addresses: readonly AddressRow[]): Record<string, unknown> {
  const address = addresses[0];
  return {
    email: emails[0]?.email ?? null,
    phone: phones[0]?.phone ?? null,
    postcode: address?.postcode ?? null,
    city: address?.city ?? null,
    departement: address?.departement ?? null,
    region: address?.region ?? null,
    country: address?.country ?? null,
  };
}

export function displayNameOf(kind: string, columns: Record<string, unknown>): string {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);
  if (kind === 'organisation') return text(columns.trade_name) ?? text(columns.legal_name) ?? '';
  return [text(columns.first_name), text(columns.last_name)].filter(Boolean).join(' ');
}

/** Replaces a record's emails, phones, addresses and consent with the lists given. */
export async function writeOwnRows(
  ctx: Ctx,
  partyId: string,
  rows: Pick<PartySnapshot, 'emails' | 'phones' | 'addresses' | 'consents'>,
): Promise<void> {
  const db = scoped(ctx.db, ctx.workspaceId);
  for (const table of ['party_emails', 'party_phones', 'party_addresses', 'party_consents'] as const) {
    await db.deleteFrom(table).where('party_id', '=', partyId).execute();
  }
  if (rows.emails.length > 0) await db.insertInto('party_emails', rows.emails.map((e, position) => ({ ...e, party_id: partyId, position }))).execute();
  if (rows.phones.length > 0) await db.insertInto('party_phones', rows.phones.map((p, position) => ({ ...p, party_id: partyId, position }))).execute();
  if (rows.addresses.length > 0) {
    await db.insertInto('party_addresses', rows.addresses.map((a, position) => ({ ...a, party_id: partyId, position }))).execute();
  }
  if (rows.consents.length > 0) {
    await db
      .insertInto(
        'party_consents',
        rows.consents.map((c) => ({ party_id: partyId, channel: c.channel, purpose: c.purpose, status: c.status, source: c.source, recorded_at: c.recorded_at })),
      )
      .execute();
  }
}

/** Writes column values to a record, adding one to its version; `custom` is JSON. */
export async function writeColumns(ctx: Ctx, partyId: string, columns: Record<string, unknown>, version: number): Promise<void> {
  const values: Record<string, unknown> = { ...columns, version, updated_at: new Date() };
  if (values.custom !== undefined) values.custom = JSON.stringify(values.custom ?? {});
  await scoped(ctx.db, ctx.workspaceId)
    .updateTable('parties')
    .set(values as never)
    .where('id', '=', partyId)
    .execute();
}

/** Puts a record back as the snapshot holds it: columns, contact points and consent. */
export async function restoreSnapshot(ctx: Ctx, snapshot: PartySnapshot, version: number): Promise<void> {
  const partyId = String(snapshot.row.id);
  const columns = Object.fromEntries(Object.entries(snapshot.row).filter(([key]) => !NOT_RESTORED.has(key)));
  await writeColumns(ctx, partyId, columns, version);
  await writeOwnRows(ctx, partyId, snapshot);
}

/** The record flattened for comparison and the change log: columns that carry meaning, contact points as text. */
export function comparableState(snapshot: PartySnapshot): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(snapshot.row)) {
    if (!NOT_RESTORED.has(key) && key !== 'custom') flat[key] = value;
  }
  for (const [key, value] of Object.entries((snapshot.row.custom ?? {}) as Record<string, unknown>)) flat[`custom.${key}`] = value;
  flat.emails = snapshot.emails.map((e) => `${e.email} (${e.type}${e.valid ? '' : ', invalid'})`);
  flat.phones = snapshot.phones.map((p) => `${p.phone} (${p.type}${p.valid ? '' : ', invalid'})`);
  flat.addresses = snapshot.addresses.map((a) => [a.line1, a.line2, a.postcode, a.city, a.country].filter(Boolean).join(', '));
  for (const c of snapshot.consents) flat[`consent.${c.channel}.${c.purpose}`] = c.status;
  return flat;
}

/** The fields whose values differ between two states of a record. */
export function changedFields(before: PartySnapshot, after: PartySnapshot): string[] {
  return Object.keys(diffFields(comparableState(before), comparableState(after)));
}
