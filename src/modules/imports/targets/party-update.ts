/**
 * Updating the existing records an import's rows matched. Only what the file fills changes: a blank cell never
 * erases a value, emails, phones and addresses are added when not there yet (never removed), tags and interests
 * are added to the record's own, and roles follow the role rules (becoming a customer ends prospect). Each
 * changed record gets version + 1, a change-log event and a timeline entry, and its state before the import is
 * kept so that the import can be undone. Updates are rare next to creations, so records are written one by one;
 * their lookups are set-based.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { Ctx } from '../../../platform/context.ts';
import { scoped } from '../../../platform/db/scoped.ts';
import type { PartiesTable } from '../../../platform/db/schema.ts';
import { recordChange } from '../../../platform/events/change-log.ts';
import { customFieldMap } from '../../custom-fields/custom-field-service.ts';
import type { AddressRow, EmailRow, PhoneRow } from '../../parties/party-input.ts';
import { resolveRoles } from '../../parties/party-roles.ts';
import type { PartyKind, PartyRole } from '../../parties/party-schemas.ts';
import { displayNameOf, primaryColumns } from '../../parties/party-service.ts';
import { recordPartyChange } from '../../timeline/timeline-writer.ts';
import type { ImportChange } from '../import-types.ts';
import { customWithoutNulls, insertRows, nameColumns, nameKeyOf } from './party-create.ts';
import type { PartyImportRecord } from './party-prepare.ts';

type PartyRow = Selectable<PartiesTable>;

export interface MatchedRecord {
  partyId: string;
  /** The first row of the file that matched it. */
  rowNumber: number;
  record: PartyImportRecord;
  /** The owner named by the row (undefined when the row names none). */
  ownerId: string | undefined;
  /** People: the organisation the row says they work for. */
  employer: { organisationId: string; jobTitle: string | null } | null;
}

/** What the undo of an update restores. */
export interface UpdateSnapshot {
  row: Record<string, unknown>;
  emails: EmailRow[];
  phones: PhoneRow[];
  addresses: AddressRow[];
  /** The version the import left; the undo is refused once the record has moved on. */
  versionAfter: number;
  rolesStarted: string[];
  rolesEnded: string[];
  linksAdded: string[];
}

interface Contact {
  emails: EmailRow[];
  phones: PhoneRow[];
  addresses: AddressRow[];
}

const LIST_COLUMNS = new Set(['tags', 'interests']);
const NAME_COLUMNS = ['first_name', 'last_name', 'legal_name', 'trade_name'];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const addressKey = (a: Pick<AddressRow, 'line1' | 'postcode' | 'city' | 'country'>) =>
  [a.line1, a.postcode ?? '', a.city, a.country].map((part) => part.toLowerCase().replace(/\s+/g, ' ').trim()).join('|');

/** The record's columns without the ones the database derives. */
function storedColumns(row: PartyRow): Record<string, unknown> {
  const { search_text, sort_name, ...columns } = row;
  return columns;
}

async function loadContacts(ctx: Ctx, ids: string[]): Promise<Map<string, Contact>> {
  const db = scoped(ctx.db, ctx.workspaceId);
  const contacts = new Map<string, Contact>(ids.map((id) => [id, { emails: [], phones: [], addresses: [] }]));
  const emails = await db.selectFrom('party_emails').select(['party_id', 'email', 'type', 'valid']).where('party_id', 'in', ids).orderBy('position').execute();
  const phones = await db.selectFrom('party_phones').select(['party_id', 'phone', 'type', 'valid']).where('party_id', 'in', ids).orderBy('position').execute();
  const addresses = await db
    .selectFrom('party_addresses')
    .select(['party_id', 'type', 'line1', 'line2', 'postcode', 'city', 'country', 'departement', 'region', 'valid'])
    .where('party_id', 'in', ids)
    .orderBy('position')
    .execute();
  for (const { party_id, ...email } of emails) contacts.get(party_id)!.emails.push(email);
  for (const { party_id, ...phone } of phones) contacts.get(party_id)!.phones.push(phone);
  for (const { party_id, ...address } of addresses) contacts.get(party_id)!.addresses.push(address);
  return contacts;
}

/** The record as the change log and the timeline show it: columns and contact points as text. */
function loggable(row: Record<string, unknown>, contact: Contact, sensitive: Set<string>): Record<string, unknown> {
  const { version, created_at, updated_at, workspace_id, custom, ...columns } = row;
  const flat: Record<string, unknown> = { ...columns };
  for (const [key, value] of Object.entries((custom ?? {}) as Record<string, unknown>)) flat[`custom.${key}`] = sensitive.has(key) ? '(sensitive)' : value;
  flat.emails = contact.emails.map((e) => `${e.email} (${e.type})`);
  flat.phones = contact.phones.map((p) => `${p.phone} (${p.type})`);
  flat.addresses = contact.addresses.map((a) => [a.line1, a.line2, a.postcode, a.city, a.country].filter(Boolean).join(', '));
  return flat;
}

/** The columns a record's import row changes (empty when it changes none). */
function columnChanges(row: PartyRow, match: MatchedRecord): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  const current = row as unknown as Record<string, unknown>;
  for (const [column, value] of Object.entries(match.record.input.columns)) {
    const next = LIST_COLUMNS.has(column) ? [...new Set([...((current[column] as string[]) ?? []), ...(value as string[])])] : value;
    if (!same(current[column], next)) set[column] = next;
  }
  if (match.ownerId !== undefined && row.owner_id !== match.ownerId) set.owner_id = match.ownerId;
  if (match.record.externalId !== null && row.external_id !== match.record.externalId) set.external_id = match.record.externalId;
  const custom = customWithoutNulls(match.record.input.custom);
  if (Object.entries(custom).some(([key, value]) => !same(row.custom?.[key], value))) set.custom = JSON.stringify({ ...row.custom, ...custom });
  if (NAME_COLUMNS.some((column) => column in set)) {
    const names = nameColumns(row.kind as PartyKind, { ...current, ...set });
    set.display_name = displayNameOf(names);
    set.name_key = nameKeyOf(names);
  }
  return set;
}

/**
 * Applies each matched row to its record in the caller's transaction. Returns an entry for each record that
 * changed (records left as they were are absent), with the change to remember for the undo — null when this
 * import already remembers the record: created by an earlier batch (the undo deletes it) or updated by one (its
 * snapshot from before the import stays, moved on to the new version).
 */
export async function updateMatched(
  ctx: Ctx,
  kind: PartyKind,
  matches: readonly MatchedRecord[],
  importId: string,
): Promise<Map<string, { change: ImportChange | null }>> {
  const changes = new Map<string, { change: ImportChange | null }>();
  if (matches.length === 0) return changes;
  const db = scoped(ctx.db, ctx.workspaceId);
  const ids = matches.map((m) => m.partyId);
  const remembered = new Map(
    (
      await db
        .selectFrom('import_changes')
        .select(['entity_id', 'action'])
        .where('import_id', '=', importId)
        .where('entity', '=', 'party')
        .where('entity_id', 'in', ids)
        .execute()
    ).map((c) => [c.entity_id, c.action]),
  );
  const rows = await db.selectFrom('parties').selectAll().where('id', 'in', ids).forUpdate().execute();
  const rowOf = new Map(rows.map((row) => [row.id, row]));
  const contacts = await loadContacts(ctx, ids);
  const employers = matches.filter((m) => m.employer).map((m) => m.partyId);
  const links = employers.length
    ? await db
        .selectFrom('party_links')
        .select(['party_id', 'other_party_id'])
        .where('kind', '=', 'employee_of')
        .where('ended_on', 'is', null)
        .where('party_id', 'in', employers)
        .execute()
    : [];
  const linked = new Set(links.map((l) => `${l.party_id}:${l.other_party_id}`));
  const sensitive = new Set([...(await customFieldMap(ctx, kind)).values()].filter((f) => f.sensitive).map((f) => f.key));
  const newEmails: object[] = [];
  const newPhones: object[] = [];
  const newAddresses: object[] = [];
  const newRoles: object[] = [];
  const newLinks: object[] = [];

  for (const match of matches) {
    const row = rowOf.get(match.partyId);
    if (!row) continue;
    const before = contacts.get(row.id)!;
    const { input, body } = match.record;
    const emails = (input.emails ?? []).filter((e) => !before.emails.some((b) => b.email === e.email));
    const phones = (input.phones ?? []).filter((p) => !before.phones.some((b) => b.phone === p.phone));
    const addresses = (input.addresses ?? []).filter((a) => !before.addresses.some((b) => addressKey(b) === addressKey(a)));
    const currentRoles = row.roles as PartyRole[];
    const roles = body.roles ? resolveRoles(currentRoles, [...new Set([...currentRoles, ...(body.roles as PartyRole[])])]) : currentRoles;
    const needsLink = match.employer !== null && !linked.has(`${row.id}:${match.employer.organisationId}`);
    const set = columnChanges(row, match);
    if (!same(roles, currentRoles)) set.roles = roles;
    const after: Contact = {
      emails: [...before.emails, ...emails],
      phones: [...before.phones, ...phones],
      addresses: [...before.addresses, ...addresses],
    };
    // The primary email, phone and address stay the record's first ones; a record without any gets the import's.
    const primary = primaryColumns({
      ...(emails.length ? { emails: after.emails } : {}),
      ...(phones.length ? { phones: after.phones } : {}),
      ...(addresses.length ? { addresses: after.addresses } : {}),
    });
    for (const [column, value] of Object.entries(primary)) {
      if (!same((row as unknown as Record<string, unknown>)[column], value)) set[column] = value;
    }
    if (Object.keys(set).length === 0 && !emails.length && !phones.length && !addresses.length && !needsLink) continue;

    const updated = await db
      .updateTable('parties')
      .set({ ...set, version: row.version + 1, updated_at: new Date() } as never)
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    emails.forEach((e, i) => newEmails.push({ ...e, party_id: row.id, position: before.emails.length + i }));
    phones.forEach((p, i) => newPhones.push({ ...p, party_id: row.id, position: before.phones.length + i }));
    addresses.forEach((a, i) => newAddresses.push({ ...a, party_id: row.id, position: before.addresses.length + i }));
    const snapshot: UpdateSnapshot = { row: storedColumns(row), ...before, versionAfter: updated.version, rolesStarted: [], rolesEnded: [], linksAdded: [] };
    if (set.roles) {
      const ended = currentRoles.filter((role) => !roles.includes(role));
      if (ended.length > 0) {
        const closed = await db
          .updateTable('party_roles')
          .set({ ended_on: sql<string>`current_date` as unknown as string })
          .where('party_id', '=', row.id)
          .where('role', 'in', ended)
          .where('ended_on', 'is', null)
          .returning('id')
          .execute();
        snapshot.rolesEnded = closed.map((r) => r.id);
      }
      for (const role of roles.filter((r) => !currentRoles.includes(r))) {
        const id = randomUUID();
        snapshot.rolesStarted.push(id);
        newRoles.push({ id, party_id: row.id, role, started_on: sql`current_date` });
      }
    }
    if (needsLink) {
      const id = randomUUID();
      snapshot.linksAdded.push(id);
      newLinks.push({ id, party_id: row.id, kind: 'employee_of', other_party_id: match.employer!.organisationId, function: match.employer!.jobTitle });
    }
    const loggedBefore = loggable(storedColumns(row), before, sensitive);
    const loggedAfter = loggable(storedColumns(updated), after, sensitive);
    await recordChange(ctx, { entity: 'party', entityId: row.id, action: 'update', before: loggedBefore, after: loggedAfter });
    await recordPartyChange(ctx, row.id, loggedBefore, loggedAfter);
    const earlier = remembered.get(row.id);
    if (earlier === 'updated') await extendSnapshot(ctx, importId, row.id, snapshot);
    const change: ImportChange = { entity: 'party', entityId: row.id, action: 'updated', rowNumber: match.rowNumber, before: snapshot as unknown as Record<string, unknown> };
    changes.set(row.id, { change: earlier === undefined ? change : null });
  }
  await insertRows(ctx, 'party_emails', newEmails);
  await insertRows(ctx, 'party_phones', newPhones);
  await insertRows(ctx, 'party_addresses', newAddresses);
  await insertRows(ctx, 'party_roles', newRoles);
  await insertRows(ctx, 'party_links', newLinks);
  return changes;
}

/** A record updated again by a later batch: its snapshot stays the one from before the import, at the new version. */
async function extendSnapshot(ctx: Ctx, importId: string, partyId: string, snapshot: UpdateSnapshot): Promise<void> {
  await sql`
    update import_changes set before = before
      || jsonb_build_object('versionAfter', ${snapshot.versionAfter}::int)
      || jsonb_build_object('rolesStarted', (before -> 'rolesStarted') || ${JSON.stringify(snapshot.rolesStarted)}::jsonb)
      || jsonb_build_object('rolesEnded', (before -> 'rolesEnded') || ${JSON.stringify(snapshot.rolesEnded)}::jsonb)
      || jsonb_build_object('linksAdded', (before -> 'linksAdded') || ${JSON.stringify(snapshot.linksAdded)}::jsonb)
    where workspace_id = ${ctx.workspaceId} and import_id = ${importId} and entity = 'party' and entity_id = ${partyId}`.execute(ctx.db);
}
