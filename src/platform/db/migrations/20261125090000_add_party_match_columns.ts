import { sql, type Kysely } from 'kysely';

// What imports and duplicate detection need on every party: the identifier the record has in another system
// (an invoicing tool, a shop, a spreadsheet) to match re-imports on; the French phonetic key of the family or
// company name, computed by the application (the algorithm lives in TypeScript) and indexed so that the check on
// creation finds same-sounding names with one index lookup; and the import that created the record.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table parties add column external_id text check (length(external_id) <= 200)`.execute(db);
  await sql`alter table parties add column name_key text`.execute(db);
  await sql`alter table parties add column import_id uuid`.execute(db);
  await sql`create index parties_external_id_idx on parties (workspace_id, external_id)`.execute(db);
  await sql`create index parties_name_key_idx on parties (workspace_id, kind, name_key)`.execute(db);
  await sql`create index parties_birth_date_idx on parties (workspace_id, birth_date)`.execute(db);
  await sql`create index parties_import_idx on parties (workspace_id, import_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index parties_import_idx`.execute(db);
  await sql`drop index parties_birth_date_idx`.execute(db);
  await sql`drop index parties_name_key_idx`.execute(db);
  await sql`drop index parties_external_id_idx`.execute(db);
  await sql`alter table parties drop column import_id`.execute(db);
  await sql`alter table parties drop column name_key`.execute(db);
  await sql`alter table parties drop column external_id`.execute(db);
}
