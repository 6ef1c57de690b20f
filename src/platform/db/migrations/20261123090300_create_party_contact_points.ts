import { sql, type Kysely } from 'kysely';

// Emails, phones and postal addresses of a party, several of each, with a type, a validity flag and an order
// (the first is the primary one, copied onto the party).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table party_emails (
      workspace_id uuid not null,
      party_id uuid not null,
      position smallint not null,
      email text not null,
      type text not null check (type in ('personal', 'work', 'billing', 'other')),
      valid boolean not null default true,
      primary key (workspace_id, party_id, position),
      foreign key (workspace_id, party_id) references parties (workspace_id, id) on delete cascade
    )`.execute(db);
  await sql`create index party_emails_email_idx on party_emails (workspace_id, email)`.execute(db);
  await sql`
    create table party_phones (
      workspace_id uuid not null,
      party_id uuid not null,
      position smallint not null,
      phone text not null,
      type text not null check (type in ('mobile', 'home', 'work', 'fax', 'other')),
      valid boolean not null default true,
      primary key (workspace_id, party_id, position),
      foreign key (workspace_id, party_id) references parties (workspace_id, id) on delete cascade
    )`.execute(db);
  await sql`create index party_phones_phone_idx on party_phones (workspace_id, phone)`.execute(db);
  await sql`
    create table party_addresses (
      workspace_id uuid not null,
      party_id uuid not null,
      position smallint not null,
      type text not null check (type in ('home', 'billing', 'delivery', 'work', 'head_office', 'site', 'other')),
      line1 text not null,
      line2 text,
      postcode text,
      city text not null,
      country text not null default 'FR' check (country ~ '^[A-Z]{2}$'),
      departement text,
      region text,
      valid boolean not null default true,
      primary key (workspace_id, party_id, position),
      foreign key (workspace_id, party_id) references parties (workspace_id, id) on delete cascade
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table party_addresses`.execute(db);
  await sql`drop table party_phones`.execute(db);
  await sql`drop table party_emails`.execute(db);
}
