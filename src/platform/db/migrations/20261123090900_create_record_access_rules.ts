import { sql, type Kysely } from 'kysely';

// Who may change which customer records, per role: every record, those of their team, their own, or none.
// Everyone in the workspace reads every record. A role without a row keeps the default of the code.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table record_access_rules (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      role text not null check (role in ('admin', 'manager', 'sales', 'marketing', 'support', 'read_only')),
      edit_scope text not null check (edit_scope in ('all', 'team', 'own', 'none')),
      updated_at timestamptz not null default now(),
      primary key (workspace_id, role)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table record_access_rules`.execute(db);
}
