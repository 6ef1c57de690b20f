import { sql, type Kysely } from 'kysely';

// Voice of the Customer: feedback captured at a touch point (after a delivery, a case, a visit, a purchase, …),
// with any of NPS 0–10, CSAT 1–5 and customer effort 1–7, a verbatim with topic tags and a sentiment label, and
// the record it is about (subject_type/subject_id).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table feedback (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      party_id uuid not null,
      touchpoint text not null check (touchpoint in ('purchase', 'delivery', 'case', 'visit', 'call', 'store', 'web', 'invoice', 'other')),
      channel text not null,
      subject_type text check (subject_type in ('order', 'delivery', 'case', 'interaction', 'invoice')),
      subject_id uuid,
      received_at timestamptz not null,
      nps smallint check (nps between 0 and 10),
      csat smallint check (csat between 1 and 5),
      effort smallint check (effort between 1 and 7),
      verbatim text,
      topics text[] not null default '{}',
      sentiment text check (sentiment in ('positive', 'neutral', 'negative', 'mixed')),
      created_by uuid,
      created_at timestamptz not null default now(),
      primary key (workspace_id, id),
      foreign key (workspace_id, party_id) references parties (workspace_id, id),
      check (nps is not null or csat is not null or effort is not null or verbatim is not null)
    )`.execute(db);
  await sql`create index feedback_party_idx on feedback (workspace_id, party_id, received_at desc)`.execute(db);
  await sql`create index feedback_received_idx on feedback (workspace_id, received_at)`.execute(db);
  await sql`create index feedback_subject_idx on feedback (workspace_id, subject_type, subject_id) where subject_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table feedback`.execute(db);
}
