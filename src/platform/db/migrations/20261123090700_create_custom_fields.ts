import { sql, type Kysely } from 'kysely';

// Fields an admin adds to people or organisations. Values live in parties.custom under the field key (see the
// README's architecture notes for the measurement behind JSONB rather than one row per value).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table custom_fields (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      entity text not null check (entity in ('person', 'organisation')),
      key text not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
      label text not null,
      type text not null check (type in ('text', 'number', 'money', 'date', 'boolean', 'choice', 'multi_choice', 'url')),
      options text[] not null default '{}',
      purpose text not null,
      sensitive boolean not null default false,
      position integer not null default 0,
      archived_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (workspace_id, id),
      unique (workspace_id, entity, key)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table custom_fields`.execute(db);
}
