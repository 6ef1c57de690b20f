import { sql, type Kysely } from 'kysely';

// Likely duplicates among people and among organisations, found by the scan, on creation or by an import: one
// row per pair (the smaller id first), with the score, the per-field explanation and the decision. Merges keep
// what is needed to undo them: the absorbed record as it was, the survivor's values before, and which rows of
// which tables moved from one to the other.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table duplicate_settings (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      match_threshold numeric(5, 2) not null default 80 check (match_threshold between 0 and 100),
      possible_threshold numeric(5, 2) not null default 60 check (possible_threshold between 0 and 100),
      auto_merge boolean not null default false,
      auto_merge_threshold numeric(5, 2) not null default 97 check (auto_merge_threshold between 0 and 100),
      updated_at timestamptz not null default now(),
      primary key (workspace_id),
      check (possible_threshold <= match_threshold and match_threshold <= auto_merge_threshold)
    )`.execute(db);
  await sql`
    create table duplicate_candidates (
      workspace_id uuid not null,
      id uuid not null,
      kind text not null check (kind in ('person', 'organisation')),
      party_a uuid not null,
      party_b uuid not null,
      score numeric(5, 2) not null,
      fields jsonb not null,
      status text not null default 'open' check (status in ('open', 'ignored', 'merged')),
      source text not null check (source in ('scan', 'create', 'import')),
      import_id uuid,
      detected_at timestamptz not null default now(),
      decided_by uuid,
      decided_at timestamptz,
      primary key (workspace_id, id),
      unique (workspace_id, party_a, party_b),
      check (party_a < party_b),
      foreign key (workspace_id, party_a) references parties (workspace_id, id) on delete cascade,
      foreign key (workspace_id, party_b) references parties (workspace_id, id) on delete cascade,
      foreign key (workspace_id, decided_by) references users (workspace_id, id) on delete set null (decided_by)
    )`.execute(db);
  await sql`create index duplicate_candidates_queue_idx on duplicate_candidates (workspace_id, kind, status, score desc, id)`.execute(db);
  await sql`create index duplicate_candidates_b_idx on duplicate_candidates (workspace_id, party_b)`.execute(db);
  await sql`
    create table party_merges (
      workspace_id uuid not null,
      id uuid not null,
      survivor_id uuid not null,
      absorbed_id uuid not null,
      candidate_id uuid,
      strategy text not null check (strategy in ('most_recent', 'most_complete', 'manual')),
      picks jsonb not null default '{}'::jsonb,
      survivor_before jsonb not null,
      absorbed_before jsonb not null,
      moved jsonb not null default '{}'::jsonb,
      merged_by uuid,
      merged_at timestamptz not null default now(),
      undone_by uuid,
      undone_at timestamptz,
      primary key (workspace_id, id),
      foreign key (workspace_id, survivor_id) references parties (workspace_id, id) on delete cascade,
      foreign key (workspace_id, absorbed_id) references parties (workspace_id, id) on delete cascade,
      foreign key (workspace_id, merged_by) references users (workspace_id, id) on delete set null (merged_by),
      foreign key (workspace_id, undone_by) references users (workspace_id, id) on delete set null (undone_by)
    )`.execute(db);
  await sql`create index party_merges_survivor_idx on party_merges (workspace_id, survivor_id, merged_at)`.execute(db);
  await sql`create index party_merges_absorbed_idx on party_merges (workspace_id, absorbed_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table party_merges`.execute(db);
  await sql`drop table duplicate_candidates`.execute(db);
  await sql`drop table duplicate_settings`.execute(db);
}
