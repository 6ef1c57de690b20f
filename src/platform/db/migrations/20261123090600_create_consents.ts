import { sql, type Kysely } from 'kysely';

// Consent per channel and purpose, with its source and time; the change log keeps earlier states.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table party_consents (
      workspace_id uuid not null,
      party_id uuid not null,
      channel text not null check (channel in ('email', 'sms', 'phone', 'post')),
      purpose text not null check (purpose in ('marketing', 'service')),
      status text not null check (status in ('granted', 'denied')),
      source text not null,
      recorded_at timestamptz not null default now(),
      primary key (workspace_id, party_id, channel, purpose),
      foreign key (workspace_id, party_id) references parties (workspace_id, id) on delete cascade
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table party_consents`.execute(db);
}
