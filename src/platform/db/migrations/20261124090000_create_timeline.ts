import { sql, type Kysely } from 'kysely';

// One chronological feed per customer. Every module that records something the company and a customer
// exchanged (interaction, task, order and its status changes, delivery, invoice, payment, case, feedback) and the
// customer record's own changes (fields, roles, consent) write an entry here in the same transaction; an
// organisation's feed also reads those of its people. `subject_type`/`subject_id` point at the record behind the
// entry, `data` holds what the entry shows (amounts, statuses, subject lines).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table timeline_entries (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      party_id uuid not null,
      occurred_at timestamptz not null,
      kind text not null,
      channel text,
      subject_type text,
      subject_id uuid,
      actor_id uuid,
      actor_label text,
      data jsonb not null default '{}'::jsonb,
      created_at timestamptz not null default now(),
      primary key (workspace_id, id),
      foreign key (workspace_id, party_id) references parties (workspace_id, id) on delete cascade
    )`.execute(db);
  await sql`create index timeline_party_idx on timeline_entries (workspace_id, party_id, occurred_at desc, id desc)`.execute(db);
  await sql`create index timeline_subject_idx on timeline_entries (workspace_id, subject_type, subject_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table timeline_entries`.execute(db);
}
