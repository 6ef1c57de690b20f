import { sql, type Kysely } from 'kysely';

// Login sessions. The cookie carries the workspace id and a secret; only the secret's SHA-256 is stored.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table sessions (
      workspace_id uuid not null,
      id uuid not null,
      user_id uuid not null,
      token_hash text not null,
      csrf_token text not null,
      user_agent text,
      ip text,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      primary key (workspace_id, id),
      unique (workspace_id, token_hash),
      foreign key (workspace_id, user_id) references users (workspace_id, id) on delete cascade
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table sessions`.execute(db);
}
