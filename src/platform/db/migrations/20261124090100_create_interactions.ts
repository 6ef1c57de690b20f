import { sql, type Kysely } from 'kysely';

// Interactions (emails, calls, meetings, visits, web forms, store visits, letters, SMS, chats, social messages)
// with their participants (users and contacts), and the files attached to an interaction or a case. A file's
// bytes live in the attachment store (disk by default, S3-compatible as an option); the row keeps where.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table interactions (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      channel text not null check (channel in ('email', 'phone', 'meeting', 'visit', 'web_form', 'store', 'letter', 'sms', 'chat', 'social')),
      direction text not null check (direction in ('inbound', 'outbound', 'internal')),
      occurred_at timestamptz not null,
      duration_minutes integer check (duration_minutes is null or duration_minutes >= 0),
      subject text not null,
      body text,
      outcome text,
      order_id uuid,
      case_id uuid,
      created_by uuid,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (workspace_id, id)
    )`.execute(db);
  await sql`create index interactions_occurred_idx on interactions (workspace_id, occurred_at desc, id desc)`.execute(db);
  await sql`create index interactions_order_idx on interactions (workspace_id, order_id) where order_id is not null`.execute(db);
  await sql`create index interactions_case_idx on interactions (workspace_id, case_id) where case_id is not null`.execute(db);
  await sql`
    create table interaction_participants (
      workspace_id uuid not null,
      interaction_id uuid not null,
      position integer not null,
      user_id uuid,
      party_id uuid,
      primary key (workspace_id, interaction_id, position),
      foreign key (workspace_id, interaction_id) references interactions (workspace_id, id) on delete cascade,
      foreign key (workspace_id, party_id) references parties (workspace_id, id) on delete cascade,
      check ((user_id is null) <> (party_id is null))
    )`.execute(db);
  await sql`create index interaction_participants_party_idx on interaction_participants (workspace_id, party_id) where party_id is not null`.execute(db);
  await sql`
    create table attachments (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      owner_type text not null check (owner_type in ('interaction', 'case')),
      owner_id uuid not null,
      file_name text not null,
      content_type text not null,
      size_bytes bigint not null check (size_bytes >= 0),
      sha256 text not null,
      storage text not null check (storage in ('disk', 's3')),
      storage_key text not null,
      uploaded_by uuid,
      created_at timestamptz not null default now(),
      primary key (workspace_id, id)
    )`.execute(db);
  await sql`create index attachments_owner_idx on attachments (workspace_id, owner_type, owner_id, created_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table attachments`.execute(db);
  await sql`drop table interaction_participants`.execute(db);
  await sql`drop table interactions`.execute(db);
}
