/**
 * Reading the rows of an export: the list's own query (same filters, same sort, so a file holds exactly the
 * list's rows), walked in keyset pages of a few thousand rows — never OFFSET, never everything at once — with
 * each page's contact points fetched in one query when the columns or cards need them.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import type { CustomFieldFull } from '../custom-fields/custom-field-service.ts';
import { presentPartySummary } from '../parties/party-presenter.ts';
import { partyListQuery, SORT_COLUMNS, type CustomVisibility, type ListPartiesOptions } from '../parties/party-service.ts';
import type { PartyKind } from '../parties/party-schemas.ts';
import type { ExportContact, ExportRecord } from './export-columns.ts';

/** Rows read per query: large enough that round trips do not dominate, small enough to keep memory flat. */
export const EXPORT_PAGE_SIZE = 2000;

export interface PageSource {
  kind: PartyKind;
  options: ListPartiesOptions;
  /** A list sort: a key of SORT_COLUMNS, `-` in front for descending. */
  sort: string;
  fields: Map<string, CustomFieldFull>;
  visibility: CustomVisibility;
  /** Whether to fetch every email, phone, address and the employer of each record. */
  withContact: boolean;
  pageSize?: number;
}

type SortKey = keyof typeof SORT_COLUMNS;

/** The sort field and direction of a list sort parameter, or null when the lists do not sort that way. */
export function parseSort(sort: string): { key: SortKey; descending: boolean } | null {
  const descending = sort.startsWith('-');
  const key = descending ? sort.slice(1) : sort;
  return key in SORT_COLUMNS ? { key: key as SortKey, descending } : null;
}

/** The condition "after the last row read": every list sort column is never null (see SORT_COLUMNS). */
function after(column: RawBuilder<unknown>, descending: boolean, value: string, lastId: string) {
  const id = sql.ref('parties.id');
  return descending ? sql<boolean>`(${column}, ${id}) < (${value}, ${lastId})` : sql<boolean>`(${column}, ${id}) > (${value}, ${lastId})`;
}

/** Every record of the list, page after page, each page presented as the list presents it. */
export async function* partyPages(ctx: Ctx, source: PageSource): AsyncGenerator<ExportRecord[]> {
  const sort = parseSort(source.sort);
  if (!sort) throw new Error(`unknown list sort ${source.sort}`);
  const raw = SORT_COLUMNS[sort.key];
  const column = typeof raw === 'string' ? sql.ref(raw) : raw;
  const pageSize = source.pageSize ?? EXPORT_PAGE_SIZE;
  const direction = sort.descending ? sql`desc` : sql`asc`;
  let cursor: { value: string; id: string } | null = null;
  for (;;) {
    let query = partyListQuery(ctx, source.kind, source.options, source.fields);
    if (cursor) query = query.where(after(column, sort.descending, cursor.value, cursor.id));
    // The sort value travels as PostgreSQL prints it, so timestamps keep their microseconds.
    const rows = await query
      .select(sql<string>`${column}::text`.as('export_sort_value'))
      .orderBy(sql`${column} ${direction}`)
      .orderBy(sql`parties.id ${sort.descending ? sql`desc` : sql`asc`}`)
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    const contacts = source.withContact ? await loadContacts(ctx, rows.map((r) => r.id)) : null;
    yield rows.map((row) => ({
      summary: presentPartySummary(row, source.visibility),
      notes: row.notes,
      contact: contacts?.get(row.id) ?? null,
    }));
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    cursor = { value: last.export_sort_value, id: last.id };
  }
}

/** All contact points and the current employer of a page of parties, in one query. */
async function loadContacts(ctx: Ctx, ids: string[]): Promise<Map<string, ExportContact>> {
  const ws = ctx.workspaceId;
  const { rows } = await sql<ExportContact & { id: string }>`
    select p.id,
      coalesce((select json_agg(json_build_object('email', e.email, 'type', e.type, 'valid', e.valid) order by e.position)
                from party_emails e where e.workspace_id = ${ws} and e.party_id = p.id), '[]') as emails,
      coalesce((select json_agg(json_build_object('phone', t.phone, 'type', t.type, 'valid', t.valid) order by t.position)
                from party_phones t where t.workspace_id = ${ws} and t.party_id = p.id), '[]') as phones,
      coalesce((select json_agg(json_build_object('type', a.type, 'line1', a.line1, 'line2', a.line2, 'postcode', a.postcode,
                  'city', a.city, 'country', a.country, 'departement', a.departement, 'region', a.region, 'valid', a.valid)
                  order by a.position)
                from party_addresses a where a.workspace_id = ${ws} and a.party_id = p.id), '[]') as addresses,
      (select o.display_name from party_links l
         join parties o on o.workspace_id = l.workspace_id and o.id = l.other_party_id
        where l.workspace_id = ${ws} and l.party_id = p.id and l.kind = 'employee_of'
          and (l.ended_on is null or l.ended_on >= current_date)
        order by l.started_on desc nulls last, l.created_at desc
        limit 1) as employer
    from unnest(${ids}::uuid[]) as p(id)`.execute(ctx.db);
  return new Map(rows.map(({ id, ...contact }) => [id, contact]));
}
