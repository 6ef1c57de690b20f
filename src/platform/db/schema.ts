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
  active_alerts: Generated<string[]>;
  external_id: string | null;
  name_key: string | null;
  import_id: string | null;
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

export interface TimelineEntriesTable {
  workspace_id: string;
  id: string;
  party_id: string;
  occurred_at: Timestamp;
  kind: string;
  channel: string | null;
  subject_type: string | null;
  subject_id: string | null;
  actor_id: string | null;
  actor_label: string | null;
  data: Json<Record<string, unknown>>;
  created_at: Timestamp;
}

export interface InteractionsTable {
  workspace_id: string;
  id: string;
  channel: string;
  direction: string;
  occurred_at: Timestamp;
  duration_minutes: number | null;
  subject: string;
  body: string | null;
  outcome: string | null;
  order_id: string | null;
  case_id: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  external_ref: string | null;
}

export interface InteractionParticipantsTable {
  workspace_id: string;
  interaction_id: string;
  position: number;
  user_id: string | null;
  party_id: string | null;
}

export interface AttachmentsTable {
  workspace_id: string;
  id: string;
  owner_type: string;
  owner_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage: string;
  storage_key: string;
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface TasksTable {
  workspace_id: string;
  id: string;
  kind: string;
  title: string;
  notes: string | null;
  party_id: string | null;
  order_id: string | null;
  case_id: string | null;
  assignee_id: string;
  due_at: Timestamp;
  all_day: Generated<boolean>;
  duration_minutes: number | null;
  priority: Generated<string>;
  status: Generated<string>;
  completed_at: NullableTimestamp;
  recurrence: string | null;
  series_id: string | null;
  remind_before_minutes: number | null;
  remind_at: NullableTimestamp;
  reminded_at: NullableTimestamp;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NotificationsTable {
  workspace_id: string;
  id: string;
  user_id: string;
  kind: string;
  title: string;
  link: string | null;
  subject_type: string | null;
  subject_id: string | null;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}

export interface AlertsTable {
  workspace_id: string;
  id: string;
  party_id: string;
  kind: string;
  note: string | null;
  raised_by: string | null;
  raised_by_label: string | null;
  raised_at: Timestamp;
  resolved_at: NullableTimestamp;
  resolved_by: string | null;
  resolution: string | null;
}

export interface DocumentCountersTable {
  workspace_id: string;
  kind: string;
  year: number;
  last_sequence: Generated<number>;
}

export interface ProductCategoriesTable {
  workspace_id: string;
  id: string;
  name: string;
  parent_id: string | null;
  created_at: Timestamp;
}

export interface ProductsTable {
  workspace_id: string;
  id: string;
  sku: string;
  name: string;
  description: string | null;
  kind: Generated<string>;
  category_id: string | null;
  unit_price: string;
  unit_cost: Generated<string>;
  currency: Generated<string>;
  vat_rate: Generated<string>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface QuotesTable {
  workspace_id: string;
  id: string;
  number: string;
  customer_id: string;
  contact_id: string | null;
  status: Generated<string>;
  issued_on: string;
  valid_until: string;
  channel: string;
  currency: Generated<string>;
  subtotal: Generated<string>;
  discount_total: Generated<string>;
  total_excl_tax: Generated<string>;
  tax_total: Generated<string>;
  total_incl_tax: Generated<string>;
  cost_total: Generated<string>;
  notes: string | null;
  order_id: string | null;
  owner_id: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrdersTable {
  workspace_id: string;
  id: string;
  number: string;
  customer_id: string;
  contact_id: string | null;
  quote_id: string | null;
  status: Generated<string>;
  ordered_at: Timestamp;
  channel: string;
  currency: Generated<string>;
  on_promotion: Generated<boolean>;
  promo_code: string | null;
  subtotal: Generated<string>;
  discount_total: Generated<string>;
  total_excl_tax: Generated<string>;
  tax_total: Generated<string>;
  total_incl_tax: Generated<string>;
  cost_total: Generated<string>;
  margin: GeneratedAlways<string | null>;
  notes: string | null;
  owner_id: string | null;
  created_by: string | null;
  cancelled_at: NullableTimestamp;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  external_ref: string | null;
}

export interface QuoteLinesTable {
  workspace_id: string;
  quote_id: string;
  position: number;
  product_id: string;
  description: string;
  quantity: string;
  unit_price: string;
  discount_percent: Generated<string>;
  vat_rate: string;
  line_total: string;
  unit_cost: Generated<string>;
  line_cost: Generated<string>;
}

export interface OrderLinesTable {
  workspace_id: string;
  order_id: string;
  position: number;
  product_id: string;
  description: string;
  quantity: string;
  unit_price: string;
  discount_percent: Generated<string>;
  vat_rate: string;
  line_total: string;
  unit_cost: Generated<string>;
  line_cost: Generated<string>;
}

export interface DeliveriesTable {
  workspace_id: string;
  id: string;
  number: string;
  order_id: string;
  customer_id: string;
  status: Generated<string>;
  carrier: string | null;
  tracking_number: string | null;
  address: string | null;
  promised_on: string | null;
  shipped_at: NullableTimestamp;
  delivered_at: NullableTimestamp;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DeliveryLinesTable {
  workspace_id: string;
  delivery_id: string;
  position: number;
  order_line_position: number;
  quantity: string;
}

export interface InvoicesTable {
  workspace_id: string;
  id: string;
  number: string;
  kind: Generated<string>;
  order_id: string | null;
  customer_id: string;
  credited_invoice_id: string | null;
  status: Generated<string>;
  issued_on: string;
  due_on: string;
  currency: Generated<string>;
  total_excl_tax: string;
  tax_total: Generated<string>;
  total_incl_tax: string;
  cost_total: Generated<string>;
  amount_paid: Generated<string>;
  paid_at: NullableTimestamp;
  reason: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InvoiceLinesTable {
  workspace_id: string;
  invoice_id: string;
  position: number;
  product_id: string | null;
  order_line_position: number | null;
  description: string;
  quantity: string;
  unit_price: string;
  discount_percent: Generated<string>;
  vat_rate: string;
  line_total: string;
  unit_cost: Generated<string>;
  line_cost: Generated<string>;
}

export interface PaymentsTable {
  workspace_id: string;
  id: string;
  invoice_id: string;
  customer_id: string;
  amount: string;
  paid_at: Timestamp;
  method: string;
  reference: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ReturnsTable {
  workspace_id: string;
  id: string;
  number: string;
  order_id: string;
  customer_id: string;
  status: Generated<string>;
  reason: string;
  requested_at: Timestamp;
  received_at: NullableTimestamp;
  credit_note_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReturnLinesTable {
  workspace_id: string;
  return_id: string;
  position: number;
  order_line_position: number;
  quantity: string;
  condition: string | null;
}

export interface SlaPoliciesTable {
  workspace_id: string;
  priority: string;
  first_response_minutes: number;
  resolution_minutes: number;
  updated_at: Timestamp;
}

export interface CasesTable {
  workspace_id: string;
  id: string;
  number: string;
  party_id: string;
  type: string;
  channel: string;
  priority: Generated<string>;
  status: Generated<string>;
  subject: string;
  description: string | null;
  assignee_id: string | null;
  team_id: string | null;
  order_id: string | null;
  product_id: string | null;
  opened_at: Timestamp;
  first_response_at: NullableTimestamp;
  first_response_due_at: NullableTimestamp;
  resolution_due_at: NullableTimestamp;
  resolved_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  resolution: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FeedbackTable {
  workspace_id: string;
  id: string;
  party_id: string;
  touchpoint: string;
  channel: string;
  subject_type: string | null;
  subject_id: string | null;
  received_at: Timestamp;
  nps: number | null;
  csat: number | null;
  effort: number | null;
  verbatim: string | null;
  topics: Generated<string[]>;
  sentiment: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface CustomerMetricsTable {
  workspace_id: string;
  party_id: string;
  as_of: string;
  revenue: Generated<string>;
  margin: Generated<string>;
  revenue_12m: Generated<string>;
  margin_12m: Generated<string>;
  order_count: Generated<number>;
  order_count_12m: Generated<number>;
  average_basket: string | null;
  monthly_spend: string | null;
  quarterly_spend: string | null;
  orders_per_month: string | null;
  mean_interval_days: string | null;
  first_purchase_at: NullableTimestamp;
  last_purchase_at: NullableTimestamp;
  open_balance: Generated<string>;
  late_payment_count: Generated<number>;
  average_days_late: string | null;
  case_count: Generated<number>;
  complaint_count: Generated<number>;
  returned_order_count: Generated<number>;
  return_rate: string | null;
  promotion_order_count: Generated<number>;
  promotion_share: string | null;
  feedback_count: Generated<number>;
  last_nps: number | null;
  average_nps: string | null;
  updated_at: Timestamp;
}

export interface ImportsTable {
  workspace_id: string;
  id: string;
  created_by: string | null;
  created_at: Timestamp;
  file_name: string;
  file_size: number;
  sha256: string;
  storage_key: string | null;
  source_path: string | null;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  layout: Generated<string>;
  sheet: string | null;
  headers: Json<string[]>;
  target: string | null;
  mapping: Json<Array<string | null>>;
  match_key: string | null;
  options: Json<Record<string, unknown>>;
  dry_run: Generated<boolean>;
  status: Generated<string>;
  runner_id: string | null;
  heartbeat_at: NullableTimestamp;
  checkpoint_row: Generated<number>;
  bytes_read: Generated<number>;
  rows_read: Generated<number>;
  rows_created: Generated<number>;
  rows_updated: Generated<number>;
  rows_unchanged: Generated<number>;
  rows_invalid: Generated<number>;
  duplicates_flagged: Generated<number>;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  undone_at: NullableTimestamp;
  undone_by: string | null;
  failure: string | null;
}

export interface ImportRowErrorsTable {
  workspace_id: string;
  import_id: string;
  row_number: number;
  position: number;
  column_name: string | null;
  value: string | null;
  reason: string;
}

export interface ImportChangesTable {
  workspace_id: string;
  import_id: string;
  entity: string;
  entity_id: string;
  action: string;
  row_number: number;
  before: Json<Record<string, unknown>> | null;
}

export interface ImportMappingsTable {
  workspace_id: string;
  source_key: string;
  target: string;
  mapping: Json<Array<string | null>>;
  match_key: string | null;
  options: Json<Record<string, unknown>>;
  updated_at: Timestamp;
}

export interface DuplicateSettingsTable {
  workspace_id: string;
  match_threshold: Generated<string>;
  possible_threshold: Generated<string>;
  auto_merge: Generated<boolean>;
  auto_merge_threshold: Generated<string>;
  updated_at: Timestamp;
}

export interface DuplicateCandidatesTable {
  workspace_id: string;
  id: string;
  kind: string;
  party_a: string;
  party_b: string;
  score: string;
  fields: Json<Array<Record<string, unknown>>>;
  status: Generated<string>;
  source: string;
  import_id: string | null;
  detected_at: Timestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
}

export interface PartyMergesTable {
  workspace_id: string;
  id: string;
  survivor_id: string;
  absorbed_id: string;
  candidate_id: string | null;
  strategy: string;
  picks: Json<Record<string, string>>;
  survivor_before: Json<Record<string, unknown>>;
  absorbed_before: Json<Record<string, unknown>>;
  moved: Json<Record<string, unknown>>;
  merged_by: string | null;
  merged_at: Timestamp;
  undone_by: string | null;
  undone_at: NullableTimestamp;
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
  timeline_entries: TimelineEntriesTable;
  interactions: InteractionsTable;
  interaction_participants: InteractionParticipantsTable;
  attachments: AttachmentsTable;
  tasks: TasksTable;
  notifications: NotificationsTable;
  alerts: AlertsTable;
  document_counters: DocumentCountersTable;
  product_categories: ProductCategoriesTable;
  products: ProductsTable;
  quotes: QuotesTable;
  orders: OrdersTable;
  quote_lines: QuoteLinesTable;
  order_lines: OrderLinesTable;
  deliveries: DeliveriesTable;
  delivery_lines: DeliveryLinesTable;
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  payments: PaymentsTable;
  returns: ReturnsTable;
  return_lines: ReturnLinesTable;
  sla_policies: SlaPoliciesTable;
  cases: CasesTable;
  feedback: FeedbackTable;
  customer_metrics: CustomerMetricsTable;
  imports: ImportsTable;
  import_row_errors: ImportRowErrorsTable;
  import_changes: ImportChangesTable;
  import_mappings: ImportMappingsTable;
  duplicate_settings: DuplicateSettingsTable;
  duplicate_candidates: DuplicateCandidatesTable;
  party_merges: PartyMergesTable;
}

/** Tables whose rows belong to one workspace and carry `workspace_id`. */
export type TenantTable = Exclude<keyof DB, 'workspaces'>;
