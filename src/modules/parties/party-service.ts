/**
 * People and organisations: create, read, change, list. Every change takes the record's row lock, checks the
 * version the client read (a stale save is refused with the current record rather than overwriting someone
 * else's work), checks the edit scope of the actor, and writes the change log in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { DB, PartiesTable } from '../../platform/db/schema.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { actorUserId, inTransaction, type Ctx } from '../../platform/context.ts';
import { recordPartyChange } from '../timeline/timeline-writer.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { AppError, assertCurrentVersion, notFound, throwIfIssues, type FieldIssue } from '../../platform/errors.ts';
import { can } from '../../platform/auth/permissions.ts';
import { paginate, type PageRequest, type PageResult } from '../../platform/http/pagination.ts';
import { formatCustomerNumber, parseCustomerNumber } from '../../shared/identifiers/customer-number.ts';
import { NAF_SECTIONS } from '../../shared/identifiers/naf.ts';
import { customFieldMap, type CustomFieldFull } from '../custom-fields/custom-field-service.ts';
import { takeCustomerNumbers } from './customer-numbers.ts';
import { readPartyBody, type AddressRow, type EmailRow, type PartyInput, type PhoneRow } from './party-input.ts';
import type { PartyBody, PartyKind, PartyRole } from './party-schemas.ts';
import { applyRoleChange, resolveRoles } from './party-roles.ts';
import { assertMayEdit, editAccess, mayEdit, type EditAccess } from './record-access.ts';
import { partyNameKey } from '../duplicates/name-key.ts';
import { flagDuplicatesOfNew } from '../duplicates/duplicate-check.ts';

export type PartyRow = Selectable<PartiesTable>;
/** The purchase metrics shown beside a customer in lists (null columns for a customer without history). */
export interface PartyMetricColumns {
  metric_revenue: string | null;
  metric_revenue_12m: string | null;
  metric_margin: string | null;
  metric_order_count: number | null;
  metric_average_basket: string | null;
  metric_last_purchase_at: Date | null;
  metric_open_balance: string | null;
  metric_late_payment_count: number | null;
  metric_last_nps: number | null;
}
export type PartyListRow = PartyRow & PartyMetricColumns & { owner_name: string | null; team_name: string | null };

export interface PartyContactPoints {
  emails: EmailRow[];
  phones: PhoneRow[];
  addresses: AddressRow[];
}

export interface PartyDetail {
  row: PartyListRow;
  contact: PartyContactPoints;
  canEdit: boolean;
}

/** What a reader may see of custom fields: which keys are sensitive and whether they may read them. */
export interface CustomVisibility {
  fields: Map<string, CustomFieldFull>;
  canReadSensitive: boolean;
}

const ENTITY = 'party';
export const LABEL: Record<PartyKind, string> = { person: 'Person', organisation: 'Organisation' };

export async function customVisibility(ctx: Ctx, kind: PartyKind): Promise<CustomVisibility> {
  return { fields: await customFieldMap(ctx, kind), canReadSensitive: can(ctx.actor, 'customers:sensitive') };
}

/** The name lists and search show: the trade (else legal) name of an organisation, "first last" for a person. */
export function displayNameOf(row: Pick<PartyRow, 'kind' | 'first_name' | 'last_name' | 'legal_name' | 'trade_name'>): string {
  if (row.kind === 'organisation') return row.trade_name || row.legal_name || '';
  return [row.first_name, row.last_name].filter(Boolean).join(' ');
}

/** The phonetic name key duplicate detection looks records up by. */
function nameKeyOf(row: Pick<PartyRow, 'kind' | 'last_name' | 'legal_name' | 'trade_name'>): string | null {
  return partyNameKey({ kind: row.kind, lastName: row.last_name, legalName: row.legal_name, tradeName: row.trade_name });
}

/** Primary contact details copied onto the party for lists and search. */
export function primaryColumns(contact: Partial<PartyContactPoints>): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  if (contact.emails) columns.email = contact.emails[0]?.email ?? null;
  if (contact.phones) columns.phone = contact.phones[0]?.phone ?? null;
  if (contact.addresses) {
    const address = contact.addresses[0];
    columns.postcode = address?.postcode ?? null;
    columns.city = address?.city ?? null;
    columns.departement = address?.departement ?? null;
    columns.region = address?.region ?? null;
    columns.country = address?.country ?? null;
  }
  return columns;
}

function withPartyNames(ctx: Ctx) {
  return scoped(ctx.db, ctx.workspaceId)
    .selectFrom('parties')
    .leftJoin('users as owner', (join) => join.onRef('owner.workspace_id', '=', 'parties.workspace_id').onRef('owner.id', '=', 'parties.owner_id'))
    .leftJoin('teams as team', (join) => join.onRef('team.workspace_id', '=', 'parties.workspace_id').onRef('team.id', '=', 'parties.team_id'))
    .leftJoin('customer_metrics as metrics', (join) =>
      join.onRef('metrics.workspace_id', '=', 'parties.workspace_id').onRef('metrics.party_id', '=', 'parties.id'),
    )
    .selectAll('parties')
    .select([
      'owner.name as owner_name',
      'team.name as team_name',
      'metrics.revenue as metric_revenue',
      'metrics.revenue_12m as metric_revenue_12m',
      'metrics.margin as metric_margin',
      'metrics.order_count as metric_order_count',
      'metrics.average_basket as metric_average_basket',
      'metrics.last_purchase_at as metric_last_purchase_at',
      'metrics.open_balance as metric_open_balance',
      'metrics.late_payment_count as metric_late_payment_count',
      'metrics.last_nps as metric_last_nps',
    ]);
}

/** A party's emails, phones and addresses, in their order, with one query. */
async function loadContactPoints(ctx: Ctx, partyId: string): Promise<PartyContactPoints> {
  const ws = ctx.workspaceId;
  const { rows } = await sql<PartyContactPoints>`
    select
      coalesce((select json_agg(json_build_object('email', e.email, 'type', e.type, 'valid', e.valid) order by e.position)
                from party_emails e where e.workspace_id = ${ws} and e.party_id = ${partyId}), '[]') as emails,
      coalesce((select json_agg(json_build_object('phone', p.phone, 'type', p.type, 'valid', p.valid) order by p.position)
                from party_phones p where p.workspace_id = ${ws} and p.party_id = ${partyId}), '[]') as phones,
      coalesce((select json_agg(json_build_object('type', a.type, 'line1', a.line1, 'line2', a.line2, 'postcode', a.postcode,
                  'city', a.city, 'country', a.country, 'departement', a.departement, 'region', a.region, 'valid', a.valid)
                  order by a.position)
                from party_addresses a where a.workspace_id = ${ws} and a.party_id = ${partyId}), '[]') as addresses`.execute(ctx.db);
  return rows[0]!;
}

/** Writes the lists given (replacing the stored ones unless the party is new). */
async function replaceContactPoints(ctx: Ctx, partyId: string, contact: Partial<PartyContactPoints>, isNew = false): Promise<void> {
  const db = scoped(ctx.db, ctx.workspaceId);
  if (contact.emails) {
    if (!isNew) await db.deleteFrom('party_emails').where('party_id', '=', partyId).execute();
    if (contact.emails.length > 0) {
      await db.insertInto('party_emails', contact.emails.map((e, position) => ({ ...e, party_id: partyId, position }))).execute();
    }
  }
  if (contact.phones) {
    if (!isNew) await db.deleteFrom('party_phones').where('party_id', '=', partyId).execute();
    if (contact.phones.length > 0) {
      await db.insertInto('party_phones', contact.phones.map((p, position) => ({ ...p, party_id: partyId, position }))).execute();
    }
  }
  if (contact.addresses) {
    if (!isNew) await db.deleteFrom('party_addresses').where('party_id', '=', partyId).execute();
    if (contact.addresses.length > 0) {
      await db.insertInto('party_addresses', contact.addresses.map((a, position) => ({ ...a, party_id: partyId, position }))).execute();
    }
  }
}

/** The record as the change log keeps it: columns, contact points as text, custom values flattened, secrets out. */
function loggable(row: PartyRow, contact: PartyContactPoints, fields: Map<string, CustomFieldFull>): Record<string, unknown> {
  const { search_text, version, created_at, updated_at, workspace_id, custom, ...columns } = row;
  const flat: Record<string, unknown> = { ...columns };
  for (const [key, value] of Object.entries(custom ?? {})) {
    flat[`custom.${key}`] = fields.get(key)?.sensitive ? '(sensitive)' : value;
  }
  flat.emails = contact.emails.map((e) => `${e.email} (${e.type}${e.valid ? '' : ', invalid'})`);
  flat.phones = contact.phones.map((p) => `${p.phone} (${p.type}${p.valid ? '' : ', invalid'})`);
  flat.addresses = contact.addresses.map((a) => [a.line1, a.line2, a.postcode, a.city, a.country].filter(Boolean).join(', '));
  return flat;
}

async function checkReferences(ctx: Ctx, columns: Record<string, unknown>, issues: FieldIssue[]): Promise<void> {
  const db = scoped(ctx.db, ctx.workspaceId);
  if (typeof columns.owner_id === 'string') {
    const owner = await db.selectFrom('users').select('status').where('id', '=', columns.owner_id).executeTakeFirst();
    if (!owner || owner.status === 'disabled') issues.push({ field: 'body.ownerId', rule: 'must be an active user of this workspace' });
  }
  if (typeof columns.team_id === 'string') {
    const team = await db.selectFrom('teams').select('id').where('id', '=', columns.team_id).executeTakeFirst();
    if (!team) issues.push({ field: 'body.teamId', rule: 'must be a team of this workspace' });
  }
}

function mergeCustom(current: Record<string, unknown>, changes: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!changes) return current;
  const merged = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** Creates a person or an organisation with its contact points and roles; the creator owns it unless told otherwise. */
export async function createParty(ctx: Ctx, kind: PartyKind, body: PartyBody): Promise<PartyDetail> {
  return inTransaction(ctx, async (tx) => {
    const fields = await customFieldMap(tx, kind);
    const issues: FieldIssue[] = [];
    const input = readPartyBody(kind, body, fields, issues);
    await checkReferences(tx, input.columns, issues);
    if (input.columns.owner_id === undefined) input.columns.owner_id = actorUserId(tx.actor);
    throwIfIssues(issues);

    const id = randomUUID();
    const [customerNumber] = await takeCustomerNumbers(tx, 1);
    const contact: PartyContactPoints = { emails: input.emails ?? [], phones: input.phones ?? [], addresses: input.addresses ?? [] };
    const base = { kind, ...input.columns } as Pick<PartyRow, 'kind' | 'first_name' | 'last_name' | 'legal_name' | 'trade_name'>;
    const row = await scoped(tx.db, tx.workspaceId)
      .insertInto('parties', [
        {
          ...(input.columns as object),
          ...primaryColumns(contact),
          id,
          kind,
          customer_number: customerNumber!,
          display_name: displayNameOf(base),
          name_key: nameKeyOf(base),
          roles: resolveRoles([], (body.roles ?? []) as PartyRole[]),
          custom: JSON.stringify(mergeCustom({}, input.custom)),
        } as never,
      ])
      .returningAll()
      .executeTakeFirstOrThrow();
    await replaceContactPoints(tx, id, contact, true);
    await applyRoleChange(tx, id, [], row.roles as PartyRole[], { reason: body.roleReason, competitor: body.lostToCompetitor });
    await recordChange(tx, { entity: ENTITY, entityId: id, action: 'create', after: loggable(row, contact, fields) });
    await recordPartyChange(tx, id, null, {});
    await flagDuplicatesOfNew(tx, kind, id, body);
    return getPartyDetail(tx, id);
  });
}

/** The version conflict answer: the record as it is now, so the client can reload or merge. */
export type PresentDetail = (detail: PartyDetail) => unknown;

export interface UpdateOptions {
  /** Presents the current record for the 409 body. */
  present: PresentDetail;
}

/** Applies a partial change to a party the client read at `body.version`. */
export async function updateParty(ctx: Ctx, kind: PartyKind, id: string, body: PartyBody, options: UpdateOptions): Promise<PartyDetail> {
  return inTransaction(ctx, async (tx) => {
    const db = scoped(tx.db, tx.workspaceId);
    const before = await db.selectFrom('parties').selectAll().where('id', '=', id).where('kind', '=', kind).forUpdate().executeTakeFirst();
    if (!before) throw notFound(LABEL[kind]);
    const access = await editAccess(tx);
    assertMayEdit(access, before);
    if (before.erased_at) throw new AppError('conflict', 'This record was erased; it can no longer be changed');
    if (before.merged_into_id) {
      throw new AppError('conflict', `This record was merged into another (${before.merged_into_id}); change the surviving record instead`);
    }
    await assertCurrentVersion('record', body.version, before.version, async () => options.present(await getPartyDetail(tx, id)));
    const fields = await customFieldMap(tx, kind);
    const issues: FieldIssue[] = [];
    const input: PartyInput = readPartyBody(kind, body, fields, issues);
    await checkReferences(tx, input.columns, issues);
    throwIfIssues(issues);

    const contactBefore = await loadContactPoints(tx, id);
    const contactChanges: Partial<PartyContactPoints> = {};
    if (input.emails) contactChanges.emails = input.emails;
    if (input.phones) contactChanges.phones = input.phones;
    if (input.addresses) contactChanges.addresses = input.addresses;
    await replaceContactPoints(tx, id, contactChanges);
    const roles =
      body.roles !== undefined
        ? await applyRoleChange(tx, id, before.roles as PartyRole[], body.roles as PartyRole[], {
            reason: body.roleReason,
            competitor: body.lostToCompetitor,
          })
        : before.roles;
    const merged = { ...before, ...input.columns } as PartyRow;
    const after = await db
      .updateTable('parties')
      .set({
        ...(input.columns as object),
        ...primaryColumns(contactChanges),
        display_name: displayNameOf(merged),
        name_key: nameKeyOf(merged),
        roles,
        custom: JSON.stringify(mergeCustom(before.custom ?? {}, input.custom)),
        version: before.version + 1,
        updated_at: new Date(),
      } as never)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const contactAfter = { ...contactBefore, ...contactChanges };
    const changed = await recordChange(tx, {
      entity: ENTITY,
      entityId: id,
      action: 'update',
      before: loggable(before, contactBefore, fields),
      after: loggable(after, contactAfter, fields),
    });
    if (changed !== null) await recordPartyChange(tx, id, loggable(before, contactBefore, fields), loggable(after, contactAfter, fields));
    // A save that changed nothing keeps the version the client has.
    if (changed === null) await db.updateTable('parties').set({ version: before.version, updated_at: before.updated_at }).where('id', '=', id).execute();
    return getPartyDetail(tx, id, access);
  });
}

export async function getPartyDetail(ctx: Ctx, id: string, access?: EditAccess, kind?: PartyKind): Promise<PartyDetail> {
  let query = withPartyNames(ctx).where('parties.id', '=', id);
  if (kind) query = query.where('parties.kind', '=', kind);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound(kind ? LABEL[kind] : 'Customer record');
  const contact = await loadContactPoints(ctx, id);
  const canEdit = !row.erased_at && mayEdit(access ?? (await editAccess(ctx)), row);
  return { row, contact, canEdit };
}

/** Finds a record by its customer number, typed in any case with or without dashes; absorbed numbers resolve. */
export async function findByCustomerNumber(ctx: Ctx, typed: string): Promise<PartyDetail> {
  const parsed = parseCustomerNumber(typed);
  if (!parsed) {
    throw new AppError('validation_failed', `params.number is not a valid customer number`, [
      { field: 'params.number', rule: 'must be a customer number such as C-000123-18 with matching check digits' },
    ]);
  }
  const number = formatCustomerNumber(parsed.prefix, parsed.sequence);
  const db = scoped(ctx.db, ctx.workspaceId);
  // A merged record's own number is also an alias of its survivor, which is where it must lead.
  const direct = await db.selectFrom('parties').select('id').where('customer_number', '=', number).where('merged_into_id', 'is', null).executeTakeFirst();
  const alias = direct ?? (await db.selectFrom('customer_number_aliases').select('party_id as id').where('customer_number', '=', number).executeTakeFirst());
  if (!alias) throw notFound('Customer record');
  return getPartyDetail(ctx, alias.id);
}

export interface ListPartiesOptions extends PageRequest {
  q?: string;
  role?: string;
  ownerId?: string;
  teamId?: string;
  city?: string;
  postcode?: string;
  departement?: string;
  region?: string;
  tag?: string;
  pcsGroup?: string;
  familySituation?: string;
  headcountBand?: string;
  nafSection?: string;
  organisationId?: string;
  doNotContact?: boolean;
  /** Custom field conditions written `key=value`, `key>=number` or `key<=number`. */
  custom?: string[];
}

const CUSTOM_CONDITION = /^([a-z][a-z0-9_]{0,39})(=|>=|<=)(.*)$/s;

type PartyQuery = ReturnType<typeof withPartyNames>;

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern finding `text` anywhere in a folded column; the folding runs in the database (`rapport_fold`). */
export function foldedSubstring(text: string) {
  return sql<string>`'%' || rapport_fold(${escapeLike(text.trim())}) || '%'`;
}

function customCondition(condition: string, index: number, fields: Map<string, CustomFieldFull>) {
  const match = CUSTOM_CONDITION.exec(condition);
  const field = match ? fields.get(match[1]!) : undefined;
  const where = `query.custom[${index}]`;
  if (!match || !field) {
    throw new AppError('validation_failed', `${where} must be key=value, key>=number or key<=number with a custom field key`, [
      { field: where, rule: 'must be key=value, key>=number or key<=number with a custom field key' },
    ]);
  }
  const [, key, operator, raw] = match as unknown as [string, string, string, string];
  if (operator !== '=') {
    if (!['number', 'money', 'date'].includes(field.type)) {
      throw new AppError('validation_failed', `${where} compares a ${field.type} field`, [{ field: where, rule: 'may use >= or <= only on number, money and date fields' }]);
    }
    if (field.type === 'date') {
      // Dates are stored as YYYY-MM-DD, which compares as text in date order (and, unlike a cast, can be indexed).
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) {
        throw new AppError('validation_failed', `${where} needs a date`, [{ field: where, rule: 'must compare with a date written YYYY-MM-DD' }]);
      }
      return sql<boolean>`(parties.custom ->> ${key}) ${sql.raw(operator)} ${raw}`;
    }
    if (!Number.isFinite(Number(raw))) {
      throw new AppError('validation_failed', `${where} needs a number`, [{ field: where, rule: 'must compare with a number' }]);
    }
    return sql<boolean>`(parties.custom ->> ${key})::numeric ${sql.raw(operator)} ${raw}::numeric`;
  }
  let value: unknown = raw;
  if (field.type === 'boolean') value = raw === 'true';
  else if (field.type === 'number' || field.type === 'money') value = Number(raw);
  const wanted = field.type === 'multi_choice' ? { [key]: [raw] } : { [key]: value };
  return sql<boolean>`parties.custom @> ${JSON.stringify(wanted)}::jsonb`;
}

/** Applies the list filters shared by lists, counts and exports. */
export function filterParties(query: PartyQuery, options: ListPartiesOptions, fields: Map<string, CustomFieldFull>): PartyQuery {
  // A record merged into another lives on only as a pointer to its survivor: lists, counts and exports skip it.
  let q = query.where('parties.merged_into_id', 'is', null);
  if (options.role) q = q.where(sql<boolean>`parties.roles @> array[${options.role}]::text[]`);
  if (options.tag) q = q.where(sql<boolean>`parties.tags @> array[${options.tag}]::text[]`);
  if (options.ownerId) q = q.where('parties.owner_id', '=', options.ownerId);
  if (options.teamId) q = q.where('parties.team_id', '=', options.teamId);
  if (options.city) q = q.where(sql<boolean>`rapport_fold(parties.city) = rapport_fold(${options.city.trim()})`);
  if (options.postcode) q = q.where('parties.postcode', '=', options.postcode);
  if (options.departement) q = q.where('parties.departement', '=', options.departement);
  if (options.region) q = q.where('parties.region', '=', options.region);
  if (options.pcsGroup) q = q.where('parties.pcs_group', '=', options.pcsGroup);
  if (options.familySituation) q = q.where('parties.family_situation', '=', options.familySituation);
  if (options.headcountBand) q = q.where('parties.headcount_band', '=', options.headcountBand);
  if (options.doNotContact !== undefined) q = q.where('parties.do_not_contact', '=', options.doNotContact);
  if (options.nafSection) {
    const section = NAF_SECTIONS.find((s) => s.letter === options.nafSection);
    if (section) {
      q = q.where(sql<boolean>`substr(parties.naf_code, 1, 2)::int between ${section.firstDivision} and ${section.lastDivision}`);
    }
  }
  if (options.organisationId) {
    const organisationId = options.organisationId;
    q = q.where((eb: ExpressionBuilder<DB, 'parties'>) =>
      eb.exists(
        eb
          .selectFrom('party_links')
          .select(sql`1`.as('one'))
          .whereRef('party_links.workspace_id', '=', 'parties.workspace_id')
          .whereRef('party_links.party_id', '=', 'parties.id')
          .where('party_links.kind', '=', 'employee_of')
          .where('party_links.other_party_id', '=', organisationId),
      ),
    );
  }
  if (options.q && options.q.trim() !== '') q = q.where(sql<boolean>`parties.search_text like ${foldedSubstring(options.q)}`);
  (options.custom ?? []).forEach((condition, index) => {
    q = q.where(customCondition(condition, index, fields));
  });
  return q;
}

export const SORT_COLUMNS = {
  name: 'parties.sort_name',
  createdAt: 'parties.created_at',
  updatedAt: 'parties.updated_at',
  // Keyset pages compare (city, id) with the last row's: a null city would compare as unknown and drop out, so
  // records without a city sort as '' (first ascending, last descending).
  city: sql`coalesce(parties.city, '')`,
  customerNumber: 'parties.customer_number',
  // Customers without history sort as zero (and never bought: before everyone else).
  revenue: sql`coalesce(metrics.revenue, 0)`,
  revenue12m: sql`coalesce(metrics.revenue_12m, 0)`,
  orderCount: sql`coalesce(metrics.order_count, 0)`,
  lastPurchaseAt: sql`coalesce(metrics.last_purchase_at, '-infinity'::timestamptz)`,
  openBalance: sql`coalesce(metrics.open_balance, 0)`,
};

/** The rows a people or organisations list shows for these filters, unsorted: lists, counts and exports share it. */
export function partyListQuery(ctx: Ctx, kind: PartyKind, options: ListPartiesOptions, fields: Map<string, CustomFieldFull>): PartyQuery {
  return filterParties(withPartyNames(ctx).where('parties.kind', '=', kind), options, fields);
}

export async function listParties(ctx: Ctx, kind: PartyKind, options: ListPartiesOptions): Promise<PageResult<PartyListRow>> {
  const fields = await customFieldMap(ctx, kind);
  const query = partyListQuery(ctx, kind, options, fields);
  return paginate(query, options, { sortColumns: SORT_COLUMNS, defaultSort: 'name', idColumn: 'parties.id' });
}

/** How many records match the filters; counting stops at `cap` so a count over millions stays quick. */
export async function countParties(ctx: Ctx, kind: PartyKind, options: ListPartiesOptions, cap = 100_000): Promise<{ count: number; exact: boolean }> {
  const fields = await customFieldMap(ctx, kind);
  const inner = partyListQuery(ctx, kind, options, fields)
    .clearSelect()
    .select('parties.id')
    .limit(cap + 1);
  const { n } = await ctx.db
    .selectFrom(inner.as('matching'))
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return { count: Math.min(n, cap), exact: n <= cap };
}
