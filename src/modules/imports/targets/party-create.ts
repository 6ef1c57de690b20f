/**
 * Creating a batch's new people or organisations set-based: one range of customer numbers, one multi-row insert
 * into parties, one each into the email, phone, address and role-history tables, and one for the "imported"
 * timeline entries. The values are the ones `readPartyBody` checked, stored the way the party service stores a
 * record created in the app (display name, phonetic name key, primary contact points copied onto the party).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Ctx } from '../../../platform/context.ts';
import { scoped } from '../../../platform/db/scoped.ts';
import type { TenantTable } from '../../../platform/db/schema.ts';
import { partyNameKey } from '../../duplicates/name-key.ts';
import { takeCustomerNumbers } from '../../parties/customer-numbers.ts';
import type { PartyInput } from '../../parties/party-input.ts';
import { resolveRoles } from '../../parties/party-roles.ts';
import type { PartyKind, PartyRole } from '../../parties/party-schemas.ts';
import { displayNameOf, primaryColumns } from '../../parties/party-service.ts';
import { recordTimeline } from '../../timeline/timeline-writer.ts';

export interface NewParty {
  id: string;
  kind: PartyKind;
  input: PartyInput;
  roles: readonly PartyRole[];
  externalId: string | null;
  ownerId: string | null;
}

/** Parameters per statement stay well under PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

/** Inserts rows in as few statements as the parameter limit allows (one for a usual batch). */
export async function insertRows(ctx: Ctx, table: TenantTable, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const width = new Set(rows.flatMap((row) => Object.keys(row))).size + 1;
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / width));
  const db = scoped(ctx.db, ctx.workspaceId);
  for (let start = 0; start < rows.length; start += size) {
    await db.insertInto(table, rows.slice(start, start + size) as never).execute();
  }
}

/** The name columns of a record, as display name and name key read them. */
export function nameColumns(kind: PartyKind, columns: Record<string, unknown>) {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    kind,
    first_name: text(columns.first_name),
    last_name: text(columns.last_name),
    legal_name: text(columns.legal_name),
    trade_name: text(columns.trade_name),
  };
}

/** The phonetic key duplicate detection finds a record by. */
export function nameKeyOf(names: ReturnType<typeof nameColumns>): string | null {
  return partyNameKey({ kind: names.kind, lastName: names.last_name, legalName: names.legal_name, tradeName: names.trade_name });
}

/** Custom values without the cleared ones (a blank cell never stores anything). */
export function customWithoutNulls(custom: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(custom ?? {}).filter(([, value]) => value !== null));
}

/**
 * Writes new records, their contact points, role history and timeline entries, in the caller's transaction.
 * Returns the customer number given to each id.
 */
export async function insertParties(ctx: Ctx, parties: readonly NewParty[], importId: string): Promise<Map<string, string>> {
  const numbers = await takeCustomerNumbers(ctx, parties.length);
  const numberOf = new Map(parties.map((party, i) => [party.id, numbers[i]!]));
  const partyRows: object[] = [];
  const emailRows: object[] = [];
  const phoneRows: object[] = [];
  const addressRows: object[] = [];
  const roleRows: object[] = [];
  // The database's date, as every other role start is stamped.
  const today = sql<string>`current_date`;
  for (const party of parties) {
    const { columns, emails = [], phones = [], addresses = [] } = party.input;
    const names = nameColumns(party.kind, columns);
    const roles = resolveRoles([], party.roles);
    partyRows.push({
      ...columns,
      ...primaryColumns({ emails, phones, addresses }),
      id: party.id,
      kind: party.kind,
      customer_number: numberOf.get(party.id),
      display_name: displayNameOf(names),
      name_key: nameKeyOf(names),
      import_id: importId,
      owner_id: party.ownerId,
      external_id: party.externalId,
      roles,
      custom: JSON.stringify(customWithoutNulls(party.input.custom)),
    });
    emails.forEach((email, position) => emailRows.push({ ...email, party_id: party.id, position }));
    phones.forEach((phone, position) => phoneRows.push({ ...phone, party_id: party.id, position }));
    addresses.forEach((address, position) => addressRows.push({ ...address, party_id: party.id, position }));
    for (const role of roles) roleRows.push({ id: randomUUID(), party_id: party.id, role, started_on: today });
  }
  await insertRows(ctx, 'parties', partyRows);
  await insertRows(ctx, 'party_emails', emailRows);
  await insertRows(ctx, 'party_phones', phoneRows);
  await insertRows(ctx, 'party_addresses', addressRows);
  await insertRows(ctx, 'party_roles', roleRows);
  await recordTimeline(
    ctx,
    parties.map((party) => ({ partyId: party.id, kind: 'record' as const, subjectType: null, data: { action: 'imported', importId } })),
  );
  return numberOf;
}
