import { sql, type Kysely } from 'kysely';

// Teams group users (a sales team, the after-sales desk); customer records have an owner and a team.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table teams (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      name text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (workspace_id, id),
      unique (workspace_id, name)
    )`.execute(db);
  await sql`alter table users add column team_id uuid`.execute(db);
  await sql`alter table users add foreign key (workspace_id, team_id) references teams (workspace_id, id) on delete set null (team_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table users drop column team_id`.execute(db);
  await sql`drop table teams`.execute(db);
}
