import { sql, type Kysely } from 'kysely';

// Background jobs, claimed with FOR UPDATE SKIP LOCKED so several workers can share the queue.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table jobs (
      workspace_id uuid not null,
      id bigint generated always as identity,
      kind text not null,
      payload jsonb not null default '{}'::jsonb,
      status text not null default 'pending' check (status in ('pending', 'done', 'failed')),
      attempts integer not null default 0,
      max_attempts integer not null default 5,
      run_at timestamptz not null default now(),
      last_error text,
      event_id bigint,
      created_at timestamptz not null default now(),
      completed_at timestamptz,
      primary key (workspace_id, id)
    )`.execute(db);
  await sql`create index jobs_due_idx on jobs (run_at) where status = 'pending'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table jobs`.execute(db);
}
