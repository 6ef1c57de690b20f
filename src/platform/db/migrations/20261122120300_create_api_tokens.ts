import { sql, type Kysely } from 'kysely';

// Personal API tokens for integrations, stored hashed, scoped read or read-write, revocable.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table api_tokens (
      workspace_id uuid not null,
      id uuid not null,
      user_id uuid not null,
      name text not null,
      scope text not null check (scope in ('read', 'read_write')),
      token_hash text not null,
      token_hint text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz,
      last_used_at timestamptz,
      revoked_at timestamptz,
      primary key (workspace_id, id),
      unique (workspace_id, token_hash),
      foreign key (workspace_id, user_id) references users (workspace_id, id) on delete cascade
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table api_tokens`.execute(db);
}
