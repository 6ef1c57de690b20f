import { sql, type Kysely } from 'kysely';

// The reference an order or an interaction has in the system it was imported from, so that importing the same
// file again (or its corrected rows) finds the records already there instead of creating them twice.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table orders add column external_ref text check (length(external_ref) <= 200)`.execute(db);
  await sql`alter table interactions add column external_ref text check (length(external_ref) <= 200)`.execute(db);
  await sql`create index orders_external_ref_idx on orders (workspace_id, external_ref)`.execute(db);
  await sql`create index interactions_external_ref_idx on interactions (workspace_id, external_ref)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index interactions_external_ref_idx`.execute(db);
  await sql`drop index orders_external_ref_idx`.execute(db);
  await sql`alter table interactions drop column external_ref`.execute(db);
  await sql`alter table orders drop column external_ref`.execute(db);
}
