import { sql, type Kysely } from 'kysely';

// Planned actions (calls, visits, emails, to-dos, appointments) with assignee, due time, priority, recurrence
// and reminders; the in-app notifications reminders produce; alerts raised on a customer (dispute, unpaid
// invoice, sensitive complaint, VIP care). The kinds of a customer's open alerts are copied onto
// parties.active_alerts so that every list and search result can show them without a join.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table tasks (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      kind text not null check (kind in ('call', 'visit', 'email', 'todo', 'appointment')),
      title text not null,
      notes text,
      party_id uuid,
      order_id uuid,
      case_id uuid,
      assignee_id uuid not null,
      due_at timestamptz not null,
      all_day boolean not null default false,
      duration_minutes integer check (duration_minutes is null or duration_minutes > 0),
      priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
      status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
      completed_at timestamptz,
      recurrence text,
      series_id uuid,
      remind_before_minutes integer check (remind_before_minutes is null or remind_before_minutes >= 0),
      remind_at timestamptz,
      reminded_at timestamptz,
      created_by uuid,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (workspace_id, id),
      foreign key (workspace_id, party_id) references parties (workspace_id, id) on delete cascade
    )`.execute(db);
  await sql`create index tasks_assignee_idx on tasks (workspace_id, assignee_id, status, due_at)`.execute(db);
  await sql`create index tasks_party_idx on tasks (workspace_id, party_id, due_at) where party_id is not null`.execute(db);
  await sql`create index tasks_reminder_idx on tasks (remind_at) where remind_at is not null and reminded_at is null and status = 'open'`.execute(db);
  await sql`
    create table notifications (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      user_id uuid not null,
      kind text not null,
      title text not null,
      link text,
      subject_type text,
      subject_id uuid,
      created_at timestamptz not null default now(),
      read_at timestamptz,
      primary key (workspace_id, id)
    )`.execute(db);
  await sql`create index notifications_user_idx on notifications (workspace_id, user_id, created_at desc)`.execute(db);
  await sql`
    create table alerts (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      party_id uuid not null,
      kind text not null check (kind in ('dispute', 'unpaid_invoice', 'sensitive_complaint', 'vip_care', 'other')),
      note text,
      raised_by uuid,
      raised_by_label text,
      raised_at timestamptz not null default now(),
      resolved_at timestamptz,
      resolved_by uuid,
      resolution text,
      primary key (workspace_id, id),
      foreign key (workspace_id, party_id) references parties (workspace_id, id) on delete cascade
    )`.execute(db);
  await sql`create index alerts_party_idx on alerts (workspace_id, party_id, raised_at desc)`.execute(db);
  await sql`create index alerts_open_idx on alerts (workspace_id, kind) where resolved_at is null`.execute(db);
  await sql`alter table parties add column active_alerts text[] not null default '{}'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table parties drop column active_alerts`.execute(db);
  await sql`drop table alerts`.execute(db);
  await sql`drop table notifications`.execute(db);
  await sql`drop table tasks`.execute(db);
}
