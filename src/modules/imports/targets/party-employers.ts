/**
 * The organisations a people file names as employers: found by their legal or trade name (case, accents and
 * punctuation aside), created when the workspace has none of that name — once per name, however many rows name
 * it — so that each person can be linked to their organisation with their job title.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Ctx } from '../../../platform/context.ts';
import type { ImportChange } from '../import-types.ts';
import { insertParties } from './party-create.ts';

export interface EmployerNames {
  /** Name as written → the organisation's id. */
  idOf: Map<string, string>;
  /** The organisations created, to be undone with the import. */
  created: ImportChange[];
}

/**
 * Finds or creates the organisations named (`rowNumber` is the first row naming each one). New organisations
 * belong to `ownerId` and carry the import's id, like the people.
 */
export async function resolveEmployers(
  ctx: Ctx,
  names: ReadonlyMap<string, number>,
  importId: string,
  ownerId: string | null,
): Promise<EmployerNames> {
  const idOf = new Map<string, string>();
  const created: ImportChange[] = [];
  if (names.size === 0) return { idOf, created };
  const ws = ctx.workspaceId;
  // Two lookups joined by union, each a hash join on the folded name: the display name (indexed through
  // sort_name) and the legal name of organisations whose trade name is shown instead.
  const { rows } = await sql<{ name: string; folded: string; id: string | null }>`
    with names as (select n as name, rapport_fold(n) as folded from unnest(${[...names.keys()]}::text[]) as n),
    found as (
      select o.id, o.sort_name::text as folded, o.created_at from parties o
      where o.workspace_id = ${ws} and o.kind = 'organisation' and o.erased_at is null and o.merged_into_id is null
        and o.sort_name in (select folded collate "C" from names)
      union
      select o.id, rapport_fold(o.legal_name) as folded, o.created_at from parties o
      where o.workspace_id = ${ws} and o.kind = 'organisation' and o.erased_at is null and o.merged_into_id is null
        and o.trade_name is not null and rapport_fold(o.legal_name) in (select folded from names)
    )
    select distinct on (names.name) names.name, names.folded, found.id
    from names left join found on found.folded = names.folded
    order by names.name, found.created_at nulls last`.execute(ctx.db);
  const missing = new Map<string, { id: string; name: string; rowNumber: number }>();
  for (const row of rows) {
    if (row.id !== null) {
      idOf.set(row.name, row.id);
      continue;
    }
    const rowNumber = names.get(row.name) ?? 0;
    const known = missing.get(row.folded);
    if (!known) missing.set(row.folded, { id: randomUUID(), name: row.name.trim(), rowNumber });
    else if (rowNumber < known.rowNumber) Object.assign(known, { name: row.name.trim(), rowNumber });
    idOf.set(row.name, (known ?? missing.get(row.folded)!).id);
  }
  const organisations = [...missing.values()];
  await insertParties(
    ctx,
    organisations.map((o) => ({ id: o.id, kind: 'organisation' as const, input: { columns: { legal_name: o.name } }, roles: [], externalId: null, ownerId })),
    importId,
  );
  for (const o of organisations) created.push({ entity: 'party', entityId: o.id, action: 'created', rowNumber: o.rowNumber, before: null });
  return { idOf, created };
}
