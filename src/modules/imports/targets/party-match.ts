/**
 * Finding the existing records a batch's rows match, with one query for all the batch's match values: emails and
 * phones through the contact-point tables (any of a record's emails counts, not only the primary one), SIRET and
 * external ids on the record, customer numbers including the numbers of records merged away. Erased records
 * are never matched; a record merged into another leads to the survivor.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../../platform/context.ts';
import type { PartyKind } from '../../parties/party-schemas.ts';
import type { MatchKey } from '../import-types.ts';

export interface MatchedParty {
  id: string;
  customerNumber: string;
}

interface Found {
  value: string;
  id: string;
  customer_number: string;
  merged_into_id: string | null;
}

const MAX_MERGE_HOPS = 10;

function lookup(ctx: Ctx, kind: PartyKind, key: MatchKey, values: string[]) {
  const ws = ctx.workspaceId;
  const live = sql`p.workspace_id = ${ws} and p.kind = ${kind} and p.erased_at is null`;
  switch (key) {
    case 'email':
      return sql<Found>`
        select e.email as value, p.id, p.customer_number, p.merged_into_id
        from party_emails e join parties p on p.workspace_id = e.workspace_id and p.id = e.party_id
        where e.workspace_id = ${ws} and e.email = any(${values}::text[]) and ${live}`;
    case 'phone':
      return sql<Found>`
        select f.phone as value, p.id, p.customer_number, p.merged_into_id
        from party_phones f join parties p on p.workspace_id = f.workspace_id and p.id = f.party_id
        where f.workspace_id = ${ws} and f.phone = any(${values}::text[]) and ${live}`;
    case 'siret':
      return sql<Found>`
        select p.siret as value, p.id, p.customer_number, p.merged_into_id from parties p
        where p.siret = any(${values}::text[]) and ${live}`;
    case 'externalId':
      return sql<Found>`
        select p.external_id as value, p.id, p.customer_number, p.merged_into_id from parties p
        where p.external_id = any(${values}::text[]) and ${live}`;
    case 'customerNumber':
      return sql<Found>`
        select p.customer_number as value, p.id, p.customer_number, p.merged_into_id from parties p
        where p.customer_number = any(${values}::text[]) and ${live}
        union all
        select a.customer_number as value, p.id, p.customer_number, p.merged_into_id
        from customer_number_aliases a join parties p on p.workspace_id = a.workspace_id and p.id = a.party_id
        where a.workspace_id = ${ws} and a.customer_number = any(${values}::text[]) and ${live}`;
    default:
      return null;
  }
}

/**
 * Match value → the distinct live records it designates (several means the row is ambiguous). Values without a
 * match are absent from the map.
 */
export async function findMatches(ctx: Ctx, kind: PartyKind, key: MatchKey | null, values: readonly string[]): Promise<Map<string, MatchedParty[]>> {
  const matches = new Map<string, MatchedParty[]>();
  const distinct = [...new Set(values)];
  const query = key && distinct.length > 0 ? lookup(ctx, kind, key, distinct) : null;
  if (!query) return matches;
  const { rows } = await query.execute(ctx.db);
  const survivors = await followMerges(ctx, rows.filter((r) => r.merged_into_id !== null).map((r) => r.merged_into_id!));
  for (const row of rows) {
    const party = row.merged_into_id === null ? { id: row.id, customerNumber: row.customer_number } : survivors.get(row.merged_into_id);
    if (!party) continue;
    const list = matches.get(row.value) ?? [];
    if (!list.some((p) => p.id === party.id)) list.push(party);
    matches.set(row.value, list);
  }
  return matches;
}

/** Absorbed id → the live record it ended up in (following chains of merges); erased survivors are left out. */
async function followMerges(ctx: Ctx, ids: string[]): Promise<Map<string, MatchedParty>> {
  const resolved = new Map<string, MatchedParty>();
  if (ids.length === 0) return resolved;
  // Each start id follows its chain; `pointer` says where each one has got to.
  const pointer = new Map(ids.map((id) => [id, id]));
  for (let hop = 0; hop < MAX_MERGE_HOPS && pointer.size > 0; hop++) {
    const { rows } = await sql<{ id: string; customer_number: string; merged_into_id: string | null; erased: boolean }>`
      select id, customer_number, merged_into_id, erased_at is not null as erased from parties
      where workspace_id = ${ctx.workspaceId} and id = any(${[...new Set(pointer.values())]}::uuid[])`.execute(ctx.db);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [start, at] of pointer) {
      const row = byId.get(at);
      if (!row || row.erased) pointer.delete(start);
      else if (row.merged_into_id === null) {
        resolved.set(start, { id: row.id, customerNumber: row.customer_number });
        pointer.delete(start);
      } else pointer.set(start, row.merged_into_id);
    }
  }
  return resolved;
}
