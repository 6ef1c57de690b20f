import { sql, type Kysely } from 'kysely';

// A workspace is one company using Rapport. Its id is the distribution key of every other table.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table workspaces (
      id uuid primary key,
      name text not null,
      slug text not null unique,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table workspaces`.execute(db);
}
