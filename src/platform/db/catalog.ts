/**
 * What backup and restore read from the PostgreSQL catalog: the tables, their keys, columns and foreign keys,
 * and the order in which they can be loaded.
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

export interface TableInfo {
  name: string;
  primaryKey: string[];
  columns: { name: string; generated: boolean; sequence: string | null }[];
  references: string[];
}

/** Every table of the public schema except Kysely's, with what backup and restore need from the catalog. */
export async function describeTables(trx: Transaction<DB>): Promise<TableInfo[]> {
  const { rows } = await sql<TableInfo>`
    select c.relname::text as name,
      coalesce((select json_agg(a.attname order by k.ord)
        from pg_index i
        cross join unnest(i.indkey) with ordinality k(attnum, ord)
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = c.oid and i.indisprimary), '[]') as "primaryKey",
      (select json_agg(json_build_object(
          'name', a.attname,
          'generated', a.attgenerated <> '',
          'sequence', pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname))
        order by a.attnum)
        from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
      coalesce((select json_agg(distinct r.relname)
        from pg_constraint f join pg_class r on r.oid = f.confrelid
        where f.conrelid = c.oid and f.contype = 'f' and f.confrelid <> c.oid), '[]') as "references"
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      and c.relname not in ('kysely_migration', 'kysely_migration_lock')
    order by c.relname`.execute(trx);
  return rows;
}

/**
 * Orders tables so that each comes after the tables its foreign keys point to (ties by name). Tables caught in
 * a cycle go last by name; restore defers deferrable constraints, so a cycle of those still loads.
 */
export function inDependencyOrder(tables: TableInfo[]): TableInfo[] {
  const names = new Set(tables.map((t) => t.name));
  const placed = new Set<string>();
  const ordered: TableInfo[] = [];
  for (;;) {
    const ready = tables.filter(
      (t) => !placed.has(t.name) && t.references.every((r) => placed.has(r) || !names.has(r)),
    );
    if (ready.length === 0) return [...ordered, ...tables.filter((t) => !placed.has(t.name))];
    for (const t of ready) placed.add(t.name);
    ordered.push(...ready);
  }
}

export function insertableColumns(table: TableInfo): string[] {
  return table.columns.filter((c) => !c.generated).map((c) => c.name);
}
