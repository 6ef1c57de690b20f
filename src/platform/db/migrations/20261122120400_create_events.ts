import { sql, type Kysely } from 'kysely';

// The change log: one row per create, update or delete, written in the same transaction as the change.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table events (
      workspace_id uuid not null,
      id bigint generated always as identity,
      occurred_at timestamptz not null default now(),
      actor_type text not null check (actor_type in ('user', 'token', 'system')),
      actor_id text,
      actor_label text,
      entity text not null,
      entity_id text not null,
      action text not null check (action in ('create', 'update', 'delete')),
      changes jsonb not null default '{}'::jsonb,
      primary key (workspace_id, id)
    )`.execute(db);
  await sql`create index events_entity_idx on events (workspace_id, entity, entity_id, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table events`.execute(db);
}
