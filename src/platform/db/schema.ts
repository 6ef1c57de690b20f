// Row types of the database, one interface per table, generated from the migrations by
// scripts/generate-db-types.ts. Do not edit by hand: after adding a migration run `npm run db:types`.
// The test `test/platform/schema.test.ts` regenerates this file and fails when it differs.
import type { ColumnType, Generated } from 'kysely';

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

export interface DB {
  workspaces: WorkspacesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  events: EventsTable;
  jobs: JobsTable;
}

/** Tables whose rows belong to one workspace and carry `workspace_id`. */
export type TenantTable = Exclude<keyof DB, 'workspaces'>;
