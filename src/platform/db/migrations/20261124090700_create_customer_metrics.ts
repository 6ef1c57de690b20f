import { sql, type Kysely } from 'kysely';

// Purchase-behaviour metrics, one row per customer who has any commercial history, kept current by the
// services that change orders, invoices, payments, returns, cases and feedback (same transaction), and refreshed
// in full once a day for the rolling twelve-month figures. `as_of` is the day the rolling window ends.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table customer_metrics (
      workspace_id uuid not null,
      party_id uuid not null,
      as_of date not null,
      revenue numeric(16, 2) not null default 0,
      margin numeric(16, 2) not null default 0,
      revenue_12m numeric(16, 2) not null default 0,
      margin_12m numeric(16, 2) not null default 0,
      order_count integer not null default 0,
      order_count_12m integer not null default 0,
      average_basket numeric(14, 2),
      monthly_spend numeric(14, 2),
      quarterly_spend numeric(14, 2),
      orders_per_month numeric(10, 3),
      mean_interval_days numeric(10, 1),
      first_purchase_at timestamptz,
      last_purchase_at timestamptz,
      open_balance numeric(16, 2) not null default 0,
      late_payment_count integer not null default 0,
      average_days_late numeric(10, 1),
      case_count integer not null default 0,
      complaint_count integer not null default 0,
      returned_order_count integer not null default 0,
      return_rate numeric(6, 4),
      promotion_order_count integer not null default 0,
      promotion_share numeric(6, 4),
      feedback_count integer not null default 0,
      last_nps smallint,
      average_nps numeric(4, 2),
      updated_at timestamptz not null default now(),
      primary key (workspace_id, party_id),
      foreign key (workspace_id, party_id) references parties (workspace_id, id) on delete cascade
    )`.execute(db);
  await sql`create index customer_metrics_revenue_idx on customer_metrics (workspace_id, revenue desc)`.execute(db);
  await sql`create index customer_metrics_last_purchase_idx on customer_metrics (workspace_id, last_purchase_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table customer_metrics`.execute(db);
}
