import { sql, type Kysely } from 'kysely';

// After-sales cases with a status workflow and service-level targets. The targets per priority live in
// sla_policies; a case copies the due times when it opens (and when its priority changes), so that a later
// change of policy does not move deadlines already promised. Breaches are derived from those times.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table sla_policies (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      priority text not null check (priority in ('low', 'normal', 'high', 'urgent')),
      first_response_minutes integer not null check (first_response_minutes > 0),
      resolution_minutes integer not null check (resolution_minutes > 0),
      updated_at timestamptz not null default now(),
      primary key (workspace_id, priority)
    )`.execute(db);
  await sql`
    create table cases (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      number text not null,
      party_id uuid not null,
      type text not null check (type in ('question', 'complaint', 'repair', 'return', 'billing', 'technical', 'other')),
      channel text not null,
      priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
      status text not null default 'new' check (status in ('new', 'open', 'waiting_customer', 'resolved', 'closed')),
      subject text not null,
      description text,
      assignee_id uuid,
      team_id uuid,
      order_id uuid,
      product_id uuid,
      opened_at timestamptz not null,
      first_response_at timestamptz,
      first_response_due_at timestamptz,
      resolution_due_at timestamptz,
      resolved_at timestamptz,
      closed_at timestamptz,
      resolution text,
      created_by uuid,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (workspace_id, id),
      foreign key (workspace_id, party_id) references parties (workspace_id, id),
      foreign key (workspace_id, order_id) references orders (workspace_id, id),
      foreign key (workspace_id, product_id) references products (workspace_id, id)
    )`.execute(db);
  await sql`create unique index cases_number_idx on cases (workspace_id, number)`.execute(db);
  await sql`create index cases_party_idx on cases (workspace_id, party_id, opened_at desc)`.execute(db);
  await sql`create index cases_queue_idx on cases (workspace_id, status, priority, opened_at)`.execute(db);
  await sql`create index cases_assignee_idx on cases (workspace_id, assignee_id, status)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table cases`.execute(db);
  await sql`drop table sla_policies`.execute(db);
}
