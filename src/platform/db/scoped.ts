/**
 * The way to query a workspace's tables. Every builder it hands out is already restricted to the context's
 * workspace, and inserts get the workspace id stamped on, so forgetting the tenant filter takes effort.
 */
import {
  sql,
  type DeleteQueryBuilder,
  type DeleteResult,
  type Insertable,
  type InsertQueryBuilder,
  type InsertResult,
  type Kysely,
  type SelectQueryBuilder,
  type UpdateQueryBuilder,
  type UpdateResult,
} from 'kysely';
import type { DB, TenantTable } from './schema.ts';

export function scoped(db: Kysely<DB>, workspaceId: string) {
  const inWorkspace = (table: TenantTable) => sql<boolean>`${sql.ref(`${table}.workspace_id`)} = ${workspaceId}`;
  return {
    workspaceId,
    selectFrom<T extends TenantTable>(table: T): SelectQueryBuilder<DB, T, {}> {
      const qb = db.selectFrom(table as TenantTable) as unknown as SelectQueryBuilder<DB, T, {}>;
      return qb.where(inWorkspace(table));
    },
    updateTable<T extends TenantTable>(table: T): UpdateQueryBuilder<DB, T, T, UpdateResult> {
      const qb = db.updateTable(table as TenantTable) as unknown as UpdateQueryBuilder<DB, T, T, UpdateResult>;
      return qb.where(inWorkspace(table));
    },
    deleteFrom<T extends TenantTable>(table: T): DeleteQueryBuilder<DB, T, DeleteResult> {
      const qb = db.deleteFrom(table as TenantTable) as unknown as DeleteQueryBuilder<DB, T, DeleteResult>;
      return qb.where(inWorkspace(table));
    },
    insertInto<T extends TenantTable>(
      table: T,
      rows: Omit<Insertable<DB[T]>, 'workspace_id'>[],
    ): InsertQueryBuilder<DB, T, InsertResult> {
      const stamped = rows.map((row) => ({ ...row, workspace_id: workspaceId }));
      return db.insertInto(table as TenantTable).values(stamped as never) as unknown as InsertQueryBuilder<DB, T, InsertResult>;
    },
  };
}

export type Scoped = ReturnType<typeof scoped>;
