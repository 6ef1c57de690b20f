import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table users (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      email text not null,
      name text not null,
      role text not null check (role in ('admin', 'manager', 'sales', 'marketing', 'support', 'read_only')),
      status text not null default 'active' check (status in ('invited', 'active', 'disabled')),
      password_hash text,
      locale text check (locale in ('fr', 'en')),
      invite_token_hash text,
      invite_expires_at timestamptz,
      last_login_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (workspace_id, id),
      unique (workspace_id, email)
    )`.execute(db);
  await sql`create index users_email_idx on users (email)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table users`.execute(db);
}
