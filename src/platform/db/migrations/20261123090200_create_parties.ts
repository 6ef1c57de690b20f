import { sql, type Kysely } from 'kysely';

// One record per customer, prospect, partner or supplier: a person (B2C, or a contact of a company) or an
// organisation (B2B). Person and organisation columns sit side by side so that numbering, roles, links, consent,
// lists and search treat both alike. The primary email, phone and address are copied here from their own tables
// for lists and search. `version` is the optimistic lock: every change adds one. Names sort by `sort_name`, folded
// (no case, no accents) and compared byte by byte, so 'Élodie' sits among the E's on both engines alike.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table parties (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      kind text not null check (kind in ('person', 'organisation')),
      customer_number text not null,
      display_name text not null,
      civility text check (civility in ('mr', 'ms', 'mx')),
      first_name text,
      last_name text,
      birth_date date,
      gender text check (gender in ('female', 'male', 'other')),
      pcs_group text check (pcs_group in ('1', '2', '3', '4', '5', '6', '7', '8')),
      family_situation text,
      children_count smallint check (children_count between 0 and 30),
      children_birth_years smallint[] not null default '{}',
      language text,
      legal_name text,
      trade_name text,
      siren text check (siren ~ '^[0-9]{9}$'),
      siret text check (siret ~ '^[0-9]{14}$'),
      naf_code text,
      headcount_band text,
      annual_revenue numeric(16, 2),
      website text,
      roles text[] not null default '{}',
      tags text[] not null default '{}',
      preferred_channels text[] not null default '{}',
      payment_methods text[] not null default '{}',
      interests text[] not null default '{}',
      notes text,
      email text,
      phone text,
      postcode text,
      city text,
      departement text,
      region text,
      country text,
      custom jsonb not null default '{}'::jsonb,
      do_not_contact boolean not null default false,
      owner_id uuid,
      team_id uuid,
      version integer not null default 1,
      erased_at timestamptz,
      merged_into_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      sort_name text collate "C" generated always as (rapport_fold(display_name)) stored,
      search_text text generated always as (
        rapport_fold(display_name || ' ' || coalesce(legal_name, '') || ' ' || coalesce(trade_name, '') || ' ' ||
          coalesce(email, '') || ' ' || customer_number || ' ' || coalesce(siren, ''))
      ) stored,
      primary key (workspace_id, id),
      unique (workspace_id, customer_number),
      foreign key (workspace_id, owner_id) references users (workspace_id, id) on delete set null (owner_id),
      foreign key (workspace_id, team_id) references teams (workspace_id, id) on delete set null (team_id)
    )`.execute(db);
  await sql`create index parties_name_idx on parties (workspace_id, kind, sort_name, id)`.execute(db);
  await sql`create index parties_created_idx on parties (workspace_id, kind, created_at, id)`.execute(db);
  await sql`create index parties_updated_idx on parties (workspace_id, kind, updated_at, id)`.execute(db);
  await sql`create index parties_city_idx on parties (workspace_id, kind, rapport_fold(city))`.execute(db);
  await sql`create index parties_owner_idx on parties (workspace_id, owner_id)`.execute(db);
  await sql`create index parties_email_idx on parties (workspace_id, email)`.execute(db);
  await sql`create index parties_phone_idx on parties (workspace_id, phone)`.execute(db);
  await sql`create index parties_siret_idx on parties (workspace_id, siret)`.execute(db);
  await sql`create index parties_siren_idx on parties (workspace_id, siren)`.execute(db);
  await sql`create index parties_roles_idx on parties using gin (roles)`.execute(db);
  await sql`create index parties_tags_idx on parties using gin (tags)`.execute(db);
  await sql`create index parties_custom_idx on parties using gin (custom jsonb_path_ops)`.execute(db);
  await sql`create index parties_search_idx on parties using gin (search_text gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table parties`.execute(db);
}
