import { sql, type Kysely } from 'kysely';

// Relationship roles with their dates (the current ones are copied onto parties.roles), and links between
// parties: household, spouse, employee of (with function and decision role), subsidiary of, referred by, partner of.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table party_roles (
      workspace_id uuid not null,
      id uuid not null,
      party_id uuid not null,
      role text not null check (role in ('prospect', 'lead', 'customer', 'former_customer', 'partner', 'supplier', 'collaborator')),
      started_on date not null,
      ended_on date,
      reason text,
      competitor text,
      created_at timestamptz not null default now(),
      primary key (workspace_id, id),
      foreign key (workspace_id, party_id) references parties (workspace_id, id) on delete cascade,
      check (ended_on is null or ended_on >= started_on)
    )`.execute(db);
  await sql`create index party_roles_party_idx on party_roles (workspace_id, party_id, started_on)`.execute(db);
  await sql`
    create table party_links (
      workspace_id uuid not null,
      id uuid not null,
      party_id uuid not null,
      kind text not null check (kind in ('household', 'spouse', 'employee_of', 'subsidiary_of', 'referred_by', 'partner_of')),
      other_party_id uuid not null,
      function text,
      decision_role text check (decision_role in ('decision_maker', 'influencer', 'buyer', 'user', 'gatekeeper', 'other')),
      started_on date,
      ended_on date,
      created_at timestamptz not null default now(),
      primary key (workspace_id, id),
      foreign key (workspace_id, party_id) references parties (workspace_id, id) on delete cascade,
      foreign key (workspace_id, other_party_id) references parties (workspace_id, id) on delete cascade,
      check (party_id <> other_party_id),
      check (ended_on is null or started_on is null or ended_on >= started_on)
    )`.execute(db);
  await sql`create index party_links_party_idx on party_links (workspace_id, party_id)`.execute(db);
  await sql`create index party_links_other_idx on party_links (workspace_id, other_party_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table party_links`.execute(db);
  await sql`drop table party_roles`.execute(db);
}
