import { sql, type Kysely } from 'kysely';

// Saved list views: columns, sort and filters, personal or shared with the workspace.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table saved_views (
      workspace_id uuid not null,
      id uuid not null,
      entity text not null check (entity in ('person', 'organisation')),
      name text not null,
      owner_id uuid not null,
      shared boolean not null default false,
      columns text[] not null default '{}',
      sort text,
      filters jsonb not null default '{}'::jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (workspace_id, id),
      foreign key (workspace_id, owner_id) references users (workspace_id, id) on delete cascade
    )`.execute(db);
  await sql`create index saved_views_owner_idx on saved_views (workspace_id, entity, owner_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table saved_views`.execute(db);
}
