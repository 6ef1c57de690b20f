import { sql, type Kysely } from 'kysely';

// Imports of spreadsheets, contact exports and vCards. One row per file with what was detected, the mapping
// chosen, the progress and the counts; the rows are written in batches, each batch in one transaction with the
// checkpoint, so an import stopped by a killed process resumes after its last committed batch (or is rolled back
// as a whole). `import_changes` remembers every record an import created or updated (with the state before an
// update) so that the import can be undone as a whole; `import_row_errors` is the per-row error report.
// `import_mappings` remembers the mapping chosen for a source (same headers) so the next file of that kind is
// mapped already.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table imports (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      created_by uuid,
      created_at timestamptz not null default now(),
      file_name text not null,
      file_size bigint not null,
      sha256 text not null,
      storage_key text,
      source_path text,
      format text not null check (format in ('csv', 'xlsx', 'vcard')),
      encoding text,
      delimiter text,
      layout text not null default 'generic' check (layout in ('generic', 'outlook', 'google', 'vcard')),
      sheet text,
      headers jsonb not null default '[]'::jsonb,
      target text check (target in ('people', 'organisations', 'orders', 'interactions', 'products')),
      mapping jsonb not null default '[]'::jsonb,
      match_key text,
      options jsonb not null default '{}'::jsonb,
      dry_run boolean not null default false,
      status text not null default 'uploaded' check (status in
        ('uploaded', 'mapped', 'queued', 'running', 'validated', 'completed', 'failed', 'cancelled', 'undone')),
      runner_id text,
      heartbeat_at timestamptz,
      checkpoint_row bigint not null default 0,
      bytes_read bigint not null default 0,
      rows_read bigint not null default 0,
      rows_created bigint not null default 0,
      rows_updated bigint not null default 0,
      rows_unchanged bigint not null default 0,
      rows_invalid bigint not null default 0,
      duplicates_flagged bigint not null default 0,
      started_at timestamptz,
      finished_at timestamptz,
      undone_at timestamptz,
      undone_by uuid,
      failure text,
      primary key (workspace_id, id),
      foreign key (workspace_id, created_by) references users (workspace_id, id) on delete set null (created_by),
      foreign key (workspace_id, undone_by) references users (workspace_id, id) on delete set null (undone_by)
    )`.execute(db);
  await sql`create index imports_created_idx on imports (workspace_id, created_at, id)`.execute(db);
  await sql`create index imports_status_idx on imports (status, heartbeat_at)`.execute(db);
  await sql`
    create table import_row_errors (
      workspace_id uuid not null,
      import_id uuid not null,
      row_number bigint not null,
      position smallint not null,
      column_name text,
      value text,
      reason text not null,
      primary key (workspace_id, import_id, row_number, position),
      foreign key (workspace_id, import_id) references imports (workspace_id, id) on delete cascade
    )`.execute(db);
  await sql`
    create table import_changes (
      workspace_id uuid not null,
      import_id uuid not null,
      entity text not null,
      entity_id uuid not null,
      action text not null check (action in ('created', 'updated')),
      row_number bigint not null,
      before jsonb,
      primary key (workspace_id, import_id, entity, entity_id),
      foreign key (workspace_id, import_id) references imports (workspace_id, id) on delete cascade
    )`.execute(db);
  await sql`
    create table import_mappings (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      source_key text not null,
      target text not null,
      mapping jsonb not null,
      match_key text,
      options jsonb not null default '{}'::jsonb,
      updated_at timestamptz not null default now(),
      primary key (workspace_id, source_key, target)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table import_mappings`.execute(db);
  await sql`drop table import_changes`.execute(db);
  await sql`drop table import_row_errors`.execute(db);
  await sql`drop table imports`.execute(db);
}
