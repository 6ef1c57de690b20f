/**
 * Writing one batch of people or organisations, set-based: one lookup for every match value of the batch, one
 * for the owners named, one for the employers, then the new records in a handful of multi-row inserts and the
 * matched records updated. Rows of the batch sharing a match value make one record (the later row updates what
 * the earlier one brought), never two; a value designating several existing records makes its row invalid.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { actorUserId, type Ctx } from '../../../platform/context.ts';
import type { PartyKind, PartyRole } from '../../parties/party-schemas.ts';
import type { BatchOptions, BatchResult, ImportChange, PreparedRow, RowIssue, RowOutcome } from '../import-types.ts';
import { insertParties, insertRows } from './party-create.ts';
import { resolveEmployers } from './party-employers.ts';
import { findMatches } from './party-match.ts';
import type { PartyImportRecord } from './party-prepare.ts';
import { updateMatched } from './party-update.ts';

type Row = PreparedRow<PartyImportRecord>;

/** The rows that end up as one record. */
interface Group {
  partyId: string;
  rows: Row[];
  record: PartyImportRecord;
}

function unionBy<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, key: (item: T) => string): T[] | undefined {
  if (!a) return b ? [...b] : undefined;
  const seen = new Set(a.map(key));
  return [...a, ...(b ?? []).filter((item) => !seen.has(key(item)))];
}

/** What a record gets from two rows in turn: the later row's non-blank values win, lists are joined. */
export function mergeRecords(a: PartyImportRecord, b: PartyImportRecord): PartyImportRecord {
  const columns = { ...a.input.columns, ...b.input.columns };
  for (const list of ['tags', 'interests']) {
    const joined = unionBy(a.input.columns[list] as string[] | undefined, b.input.columns[list] as string[] | undefined, (t) => t);
    if (joined) columns[list] = joined;
  }
  const roles = unionBy(a.body.roles, b.body.roles, (r) => r);
  return {
    ...a,
    body: { ...a.body, ...b.body, ...(roles ? { roles } : {}) },
    input: {
      columns,
      emails: unionBy(a.input.emails, b.input.emails, (e) => e.email),
      phones: unionBy(a.input.phones, b.input.phones, (p) => p.phone),
      addresses: unionBy(a.input.addresses, b.input.addresses, (x) => `${x.line1}|${x.postcode}|${x.city}`.toLowerCase()),
      custom: { ...a.input.custom, ...b.input.custom },
    },
    externalId: b.externalId ?? a.externalId,
    customerNumber: b.customerNumber ?? a.customerNumber,
    organisation: b.organisation ?? a.organisation,
    jobTitle: b.organisation ? b.jobTitle : (b.jobTitle ?? a.jobTitle),
    ownerEmail: b.ownerEmail ?? a.ownerEmail,
  };
}

/** Active users of the workspace by lower-case email. */
async function ownersByEmail(ctx: Ctx, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const { rows } = await sql<{ email: string; id: string }>`
    select lower(email) as email, id from users
    where workspace_id = ${ctx.workspaceId} and lower(email) = any(${emails}::text[]) and status <> 'disabled'`.execute(ctx.db);
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** Writes a batch of prepared rows of `kind` in the caller's transaction (see the module comment). */
export async function writePartyBatch(ctx: Ctx, kind: PartyKind, rows: readonly Row[], options: BatchOptions): Promise<BatchResult> {
  const outcomes: (RowOutcome | undefined)[] = new Array(rows.length);
  const indexOf = new Map(rows.map((row, i) => [row, i]));
  const refuse = (row: Row, issues: RowIssue[]) => {
    outcomes[indexOf.get(row)!] = { rowNumber: row.rowNumber, action: 'invalid', entityId: null, issues };
  };
  const issue = (row: Row, column: string | null, value: string | null, reason: string): RowIssue => ({ rowNumber: row.rowNumber, column, value, reason });

  const owners = await ownersByEmail(ctx, [...new Set(rows.map((r) => r.record.ownerEmail).filter((e): e is string => e !== null))]);
  const valid: Row[] = [];
  for (const row of rows) {
    const { ownerEmail } = row.record;
    if (row.issues.length > 0) refuse(row, row.issues);
    else if (ownerEmail !== null && !owners.has(ownerEmail)) {
      refuse(row, [issue(row, row.record.columns.get('owner') ?? 'owner', ownerEmail, 'is not an active user of this workspace')]);
    } else valid.push(row);
  }

  const matches = await findMatches(ctx, kind, options.matchKey, valid.map((r) => r.matchValue).filter((v): v is string => v !== null));
  const creates = new Map<string, Group>();
  const updates = new Map<string, Group>();
  for (const row of valid) {
    const value = row.matchValue;
    const found = value === null ? undefined : matches.get(value);
    if (found && found.length > 1) {
      refuse(row, [issue(row, row.record.matchColumn, value, `matches ${found.length} records: ${found.map((p) => p.customerNumber).join(', ')}`)]);
      continue;
    }
    if (options.matchKey === 'customerNumber' && value !== null && !found) {
      refuse(row, [issue(row, row.record.matchColumn, value, `no ${kind === 'person' ? 'person' : 'organisation'} has this customer number`)]);
      continue;
    }
    const groups = found ? updates : creates;
    const key = found ? found[0]!.id : value !== null ? `value:${value}` : `row:${row.rowNumber}`;
    const group = groups.get(key);
    if (group) {
      group.rows.push(row);
      group.record = mergeRecords(group.record, row.record);
    } else groups.set(key, { partyId: found ? found[0]!.id : randomUUID(), rows: [row], record: row.record });
  }

  const changes: ImportChange[] = [];
  const partyIds = new Set<string>();
  const importer = actorUserId(ctx.actor);
  const all = [...creates.values(), ...updates.values()];
  const employerNames = new Map<string, number>();
  for (const group of all) {
    const name = kind === 'person' ? group.record.organisation : null;
    if (name !== null && !employerNames.has(name)) employerNames.set(name, group.rows[0]!.rowNumber);
  }
  const employers = await resolveEmployers(ctx, employerNames, options.importId, importer);
  changes.push(...employers.created);
  for (const change of employers.created) partyIds.add(change.entityId);
  const employerOf = (record: PartyImportRecord) => {
    const organisationId = record.organisation === null ? undefined : employers.idOf.get(record.organisation);
    return organisationId ? { organisationId, jobTitle: record.jobTitle } : null;
  };
  const ownerOf = (record: PartyImportRecord) => (record.ownerEmail === null ? undefined : owners.get(record.ownerEmail));

  const created = [...creates.values()];
  await insertParties(
    ctx,
    created.map((g) => ({
      id: g.partyId,
      kind,
      input: g.record.input,
      roles: (g.record.body.roles ?? []) as PartyRole[],
      externalId: g.record.externalId,
      ownerId: ownerOf(g.record) ?? importer,
    })),
    options.importId,
  );
  const links = created.flatMap((g) => {
    const employer = employerOf(g.record);
    return employer ? [{ id: randomUUID(), party_id: g.partyId, kind: 'employee_of', other_party_id: employer.organisationId, function: employer.jobTitle }] : [];
  });
  await insertRows(ctx, 'party_links', links);
  for (const group of created) {
    changes.push({ entity: 'party', entityId: group.partyId, action: 'created', rowNumber: group.rows[0]!.rowNumber, before: null });
    partyIds.add(group.partyId);
    group.rows.forEach((row, i) => {
      outcomes[indexOf.get(row)!] = { rowNumber: row.rowNumber, action: i === 0 ? 'created' : 'updated', entityId: group.partyId, issues: [] };
    });
  }

  const matched = [...updates.values()];
  const updated = await updateMatched(
    ctx,
    kind,
    matched.map((g) => ({ partyId: g.partyId, rowNumber: g.rows[0]!.rowNumber, record: g.record, ownerId: ownerOf(g.record), employer: employerOf(g.record) })),
    options.importId,
  );
  for (const group of matched) {
    const result = updated.get(group.partyId);
    if (result?.change) changes.push(result.change);
    if (result) partyIds.add(group.partyId);
    for (const row of group.rows) {
      outcomes[indexOf.get(row)!] = { rowNumber: row.rowNumber, action: result ? 'updated' : 'unchanged', entityId: group.partyId, issues: [] };
    }
  }
  return { outcomes: outcomes as RowOutcome[], changes, partyIds: [...partyIds] };
}
