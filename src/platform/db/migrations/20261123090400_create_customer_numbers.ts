import { sql, type Kysely } from 'kysely';

// Customer numbers: one counter per workspace, taken with a row lock inside the creating transaction, so two
// records never get the same number and a number is never handed out twice. After a merge the absorbed record's
// number stays here as an alias of the survivor.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table customer_number_counters (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      prefix text not null default 'C' check (prefix ~ '^[A-Z]{1,4}$'),
      last_sequence bigint not null default 0,
      primary key (workspace_id)
    )`.execute(db);
  await sql`
    create table customer_number_aliases (
      workspace_id uuid not null,
      customer_number text not null,
      party_id uuid not null,
      created_at timestamptz not null default now(),
      primary key (workspace_id, customer_number),
      foreign key (workspace_id, party_id) references parties (workspace_id, id) on delete cascade
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table customer_number_aliases`.execute(db);
  await sql`drop table customer_number_counters`.execute(db);
}
