// Row types of the database, one interface per table, generated from the migrations by
// scripts/generate-db-types.ts. Do not edit by hand: after adding a migration run `npm run db:types`.
// The test `test/platform/schema.test.ts` regenerates this file and fails when it differs.
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T = unknown> = ColumnType<T, string | undefined, string>;

export interface WorkspacesTable {
  id: string;
  name: string;
  slug: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  workspace_id: string;
  id: string;
  email: string;
  name: string;
  role: string;
  status: Generated<string>;
  password_hash: string | null;
  locale: string | null;
  invite_token_hash: string | null;
  invite_expires_at: NullableTimestamp;
  last_login_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  team_id: string | null;
}

export interface SessionsTable {
  workspace_id: string;
  id: string;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  user_agent: string | null;
  ip: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  workspace_id: string;
  id: string;
  user_id: string;
  name: string;
  scope: string;
  token_hash: string;
  token_hint: string;
  created_at: Timestamp;
  expires_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface EventsTable {
  workspace_id: string;
  id: Generated<number>;
  occurred_at: Timestamp;
  actor_type: string;
  actor_id: string | null;
  actor_label: string | null;
  entity: string;
  entity_id: string;
  action: string;
  changes: Json<Record<string, { before: unknown; after: unknown }>>;
}

export interface JobsTable {
  workspace_id: string;
  id: Generated<number>;
  kind: string;
  payload: Json<Record<string, unknown>>;
  status: Generated<string>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_at: Timestamp;
  last_error: string | null;
  event_id: number | null;
  created_at: Timestamp;
  completed_at: NullableTimestamp;
}

export interface TeamsTable {
  workspace_id: string;
  id: string;
  name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PartiesTable {
  workspace_id: string;
  id: string;
  kind: string;
  customer_number: string;
  display_name: string;
  civility: string | null;
  first_name: string | null;
  last_name: string | null;
  birth_date: string | null;
  gender: string | null;
  pcs_group: string | null;
  family_situation: string | null;
  children_count: number | null;
  children_birth_years: Generated<number[]>;
  language: string | null;
  legal_name: string | null;
  trade_name: string | null;
  siren: string | null;
  siret: string | null;
  naf_code: string | null;
  headcount_band: string | null;
  annual_revenue: string | null;
  website: string | null;
  roles: Generated<string[]>;
  tags: Generated<string[]>;
  preferred_channels: Generated<string[]>;
  payment_methods: Generated<string[]>;
  interests: Generated<string[]>;
  notes: string | null;
  email: string | null;
  phone: string | null;
  postcode: string | null;
  city: string | null;
  departement: string | null;
  region: string | null;
  country: string | null;
  custom: Json<Record<string, unknown>>;
  do_not_contact: Generated<boolean>;
  owner_id: string | null;
  team_id: string | null;
  version: Generated<number>;
  erased_at: NullableTimestamp;
  merged_into_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  sort_name: GeneratedAlways<string | null>;
  search_text: GeneratedAlways<string | null>;
}

export interface PartyEmailsTable {
  workspace_id: string;
  party_id: string;
  position: number;
  email: string;
  type: string;
  valid: Generated<boolean>;
}

export interface PartyPhonesTable {
  workspace_id: string;
  party_id: string;
  position: number;
  phone: string;
  type: string;
  valid: Generated<boolean>;
}

export interface PartyAddressesTable {
  workspace_id: string;
  party_id: string;
  position: number;
  type: string;
  line1: string;
  line2: string | null;
  postcode: string | null;
  city: string;
  country: Generated<string>;
  departement: string | null;
  region: string | null;
  valid: Generated<boolean>;
}

export interface CustomerNumberCountersTable {
  workspace_id: string;
  prefix: Generated<string>;
  last_sequence: Generated<number>;
}

export interface CustomerNumberAliasesTable {
  workspace_id: string;
  customer_number: string;
  party_id: string;
  created_at: Timestamp;
}

export interface PartyRolesTable {
  workspace_id: string;
  id: string;
  party_id: string;
  role: string;
  started_on: string;
  ended_on: string | null;
  reason: string | null;
  competitor: string | null;
  created_at: Timestamp;
}

export interface PartyLinksTable {
  workspace_id: string;
  id: string;
  party_id: string;
  kind: string;
  other_party_id: string;
  function: string | null;
  decision_role: string | null;
  started_on: string | null;
  ended_on: string | null;
  created_at: Timestamp;
}

export interface PartyConsentsTable {
  workspace_id: string;
  party_id: string;
  channel: string;
  purpose: string;
  status: string;
  source: string;
  recorded_at: Timestamp;
}

export interface CustomFieldsTable {
  workspace_id: string;
  id: string;
  entity: string;
  key: string;
  label: string;
  type: string;
  options: Generated<string[]>;
  purpose: string;
  sensitive: Generated<boolean>;
  position: Generated<number>;
  archived_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SavedViewsTable {
  workspace_id: string;
  id: string;
  entity: string;
  name: string;
  owner_id: string;
  shared: Generated<boolean>;
  columns: Generated<string[]>;
  sort: string | null;
  filters: Json<Record<string, unknown>>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RecordAccessRulesTable {
  workspace_id: string;
  role: string;
  edit_scope: string;
  updated_at: Timestamp;
}

export interface SearchWordsTable {
  workspace_id: string;
  word: string;
}

export interface DB {
  workspaces: WorkspacesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  events: EventsTable;
  jobs: JobsTable;
  teams: TeamsTable;
  parties: PartiesTable;
  party_emails: PartyEmailsTable;
  party_phones: PartyPhonesTable;
  party_addresses: PartyAddressesTable;
  customer_number_counters: CustomerNumberCountersTable;
  customer_number_aliases: CustomerNumberAliasesTable;
  party_roles: PartyRolesTable;
  party_links: PartyLinksTable;
  party_consents: PartyConsentsTable;
  custom_fields: CustomFieldsTable;
  saved_views: SavedViewsTable;
  record_access_rules: RecordAccessRulesTable;
  search_words: SearchWordsTable;
}

/** Tables whose rows belong to one workspace and carry `workspace_id`. */
export type TenantTable = Exclude<keyof DB, 'workspaces'>;
