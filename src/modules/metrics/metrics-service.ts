/**
 * Purchase-behaviour metrics per customer, kept in `customer_metrics`.
 *
 * One set-based statement computes them from the orders, credit notes, invoices, payments, returns, cases and
 * feedback of a set of customers. Services that change any of those call `refreshCustomerMetrics` with the
 * customers concerned, in the same transaction, so the stored figures move with the data; that touches only
 * those customers' rows, through their indexes. `recomputeAllCustomerMetrics` runs the same computation over the
 * whole workspace: the demo loader and the daily refresh of the rolling twelve-month window use it, and a test
 * checks that after any sequence of changes the incrementally kept rows equal a full recomputation.
 *
 * Definitions (what the record page explains):
 * - a purchase is an order that is not cancelled; revenue and margin are excluding tax, net of credit notes
 *   (a credit note takes back its amount and the margin on what it credits);
 * - the rolling window is the twelve months up to `as_of` (orders by order date, credit notes by issue date);
 * - average basket = order revenue / order count; monthly spend = net revenue / months since the first purchase
 *   (at least one); quarterly spend likewise per three months; orders per month likewise;
 * - mean interval = days between the first and the last purchase / (order count − 1);
 * - open balance = what remains due on open invoices after payments and credit notes;
 * - a late payment is an invoice paid after its due date, or still unpaid past it; days late count to the
 *   payment (or to `as_of` while unpaid);
 * - return rate = orders with a return (not rejected) / orders; promotion share = orders bought on promotion /
 *   orders; NPS: the latest and the average of the answers given.
 */
import { sql, type RawBuilder } from 'kysely';
import { SYSTEM_ACTOR, type Ctx } from '../../platform/context.ts';

export interface MetricsOptions {
  /** The day the rolling window ends; today by default (tests pin it). */
  asOf?: string;
}

/**
 * The statement for a set of customers: `ids` null means every customer of the workspace. With ids, each source
 * table is read through its (workspace, customer) index for those customers only.
 */
function metricsStatement(ctx: Ctx, ids: readonly string[] | null, asOf: string | undefined): RawBuilder<unknown> {
  const of = (column: string) => (ids ? sql`${sql.ref(column)} = any(${[...ids]}::uuid[])` : sql`true`);
  const target = sql`select id as party_id from parties where workspace_id = ${ctx.workspaceId} and ${of('id')}`;
  const ws = ctx.workspaceId;
  const day = asOf ? sql`${asOf}::date` : sql`current_date`;
  const windowStart = sql`(${day} - interval '12 months')`;
  return sql`
    with target as (${target}),
    o as (
      select customer_id as party_id,
        count(*)::int as order_count,
        (count(*) filter (where ordered_at >= ${windowStart}))::int as order_count_12m,
        sum(total_excl_tax) as revenue,
        coalesce(sum(total_excl_tax) filter (where ordered_at >= ${windowStart}), 0) as revenue_12m,
        sum(margin) as margin,
        coalesce(sum(margin) filter (where ordered_at >= ${windowStart}), 0) as margin_12m,
        min(ordered_at) as first_at,
        max(ordered_at) as last_at,
        (count(*) filter (where on_promotion))::int as promotion_orders
      from orders
      where workspace_id = ${ws} and status <> 'cancelled' and ${of('customer_id')}
      group by customer_id
    ),
    cn as (
      select customer_id as party_id,
        sum(total_excl_tax) as amount,
        sum(total_excl_tax - cost_total) as margin,
        coalesce(sum(total_excl_tax) filter (where issued_on >= ${windowStart}), 0) as amount_12m,
        coalesce(sum(total_excl_tax - cost_total) filter (where issued_on >= ${windowStart}), 0) as margin_12m
      from invoices
      where workspace_id = ${ws} and kind = 'credit_note' and status <> 'cancelled' and ${of('customer_id')}
      group by customer_id
    ),
    credited as (
      select credited_invoice_id as invoice_id, sum(total_incl_tax) as amount
      from invoices
      where workspace_id = ${ws} and kind = 'credit_note' and status <> 'cancelled' and credited_invoice_id is not null
        and ${of('customer_id')}
      group by credited_invoice_id
    ),
    inv as (
      select i.customer_id as party_id,
        coalesce(sum(greatest(i.total_incl_tax - i.amount_paid - coalesce(c.amount, 0), 0))
          filter (where i.status in ('open', 'partially_paid')), 0) as open_balance,
        (count(*) filter (where late.days > 0))::int as late_count,
        avg(late.days) filter (where late.days > 0) as late_days
      from invoices i
      left join credited c on c.invoice_id = i.id
      cross join lateral (
        select case
          when i.paid_at is not null then (i.paid_at at time zone 'Europe/Paris')::date - i.due_on
          when i.status in ('open', 'partially_paid') then ${day} - i.due_on
          else 0 end as days
      ) late
      where i.workspace_id = ${ws} and i.kind = 'invoice' and i.status <> 'cancelled' and ${of('i.customer_id')}
      group by i.customer_id
    ),
    r as (
      select customer_id as party_id, count(distinct order_id)::int as returned_orders
      from returns
      where workspace_id = ${ws} and status <> 'rejected' and ${of('customer_id')}
      group by customer_id
    ),
    cs as (
      select party_id, count(*)::int as cases, (count(*) filter (where type = 'complaint'))::int as complaints
      from cases
      where workspace_id = ${ws} and ${of('party_id')}
      group by party_id
    ),
    fb as (
      select party_id, count(*)::int as answers,
        (array_agg(nps order by received_at desc, id desc) filter (where nps is not null))[1] as last_nps,
        avg(nps) as average_nps
      from feedback
      where workspace_id = ${ws} and ${of('party_id')}
      group by party_id
    ),
    computed as (
      select t.party_id,
        coalesce(o.revenue, 0) - coalesce(cn.amount, 0) as revenue,
        coalesce(o.margin, 0) - coalesce(cn.margin, 0) as margin,
        coalesce(o.revenue_12m, 0) - coalesce(cn.amount_12m, 0) as revenue_12m,
        coalesce(o.margin_12m, 0) - coalesce(cn.margin_12m, 0) as margin_12m,
        coalesce(o.order_count, 0) as order_count,
        coalesce(o.order_count_12m, 0) as order_count_12m,
        o.first_at, o.last_at, o.promotion_orders, o.revenue as order_revenue,
        greatest(1, (${day} - (o.first_at at time zone 'Europe/Paris')::date) / 30.4375) as months,
        coalesce(inv.open_balance, 0) as open_balance,
        coalesce(inv.late_count, 0) as late_count, inv.late_days,
        coalesce(r.returned_orders, 0) as returned_orders,
        coalesce(cs.cases, 0) as cases, coalesce(cs.complaints, 0) as complaints,
        coalesce(fb.answers, 0) as answers, fb.last_nps, fb.average_nps,
        (o.party_id is not null or cn.party_id is not null or inv.party_id is not null or r.party_id is not null
          or cs.party_id is not null or fb.party_id is not null) as has_history
      from target t
      left join o on o.party_id = t.party_id
      left join cn on cn.party_id = t.party_id
      left join inv on inv.party_id = t.party_id
      left join r on r.party_id = t.party_id
      left join cs on cs.party_id = t.party_id
      left join fb on fb.party_id = t.party_id
    ),
    removed as (
      delete from customer_metrics m
      using computed c
      where m.workspace_id = ${ws} and m.party_id = c.party_id and not c.has_history
    )
    insert into customer_metrics (
      workspace_id, party_id, as_of, revenue, margin, revenue_12m, margin_12m, order_count, order_count_12m,
      average_basket, monthly_spend, quarterly_spend, orders_per_month, mean_interval_days, first_purchase_at,
      last_purchase_at, open_balance, late_payment_count, average_days_late, case_count, complaint_count,
      returned_order_count, return_rate, promotion_order_count, promotion_share, feedback_count, last_nps,
      average_nps, updated_at)
    select ${ws}, c.party_id, ${day}, c.revenue, c.margin, c.revenue_12m, c.margin_12m, c.order_count, c.order_count_12m,
      round(c.order_revenue / nullif(c.order_count, 0), 2),
      case when c.order_count > 0 then round(c.revenue / c.months, 2) end,
      case when c.order_count > 0 then round(c.revenue / greatest(1, c.months / 3), 2) end,
      case when c.order_count > 0 then round(c.order_count / c.months, 3) end,
      case when c.order_count > 1 then round((extract(epoch from c.last_at - c.first_at) / 86400 / (c.order_count - 1))::numeric, 1) end,
      c.first_at, c.last_at, c.open_balance, c.late_count, round(c.late_days, 1), c.cases, c.complaints,
      c.returned_orders, round(c.returned_orders::numeric / nullif(c.order_count, 0), 4),
      coalesce(c.promotion_orders, 0), round(c.promotion_orders::numeric / nullif(c.order_count, 0), 4),
      c.answers, c.last_nps, round(c.average_nps, 2), now()
    from computed c
    where c.has_history
    on conflict (workspace_id, party_id) do update set
      as_of = excluded.as_of, revenue = excluded.revenue, margin = excluded.margin, revenue_12m = excluded.revenue_12m,
      margin_12m = excluded.margin_12m, order_count = excluded.order_count, order_count_12m = excluded.order_count_12m,
      average_basket = excluded.average_basket, monthly_spend = excluded.monthly_spend,
      quarterly_spend = excluded.quarterly_spend, orders_per_month = excluded.orders_per_month,
      mean_interval_days = excluded.mean_interval_days, first_purchase_at = excluded.first_purchase_at,
      last_purchase_at = excluded.last_purchase_at, open_balance = excluded.open_balance,
      late_payment_count = excluded.late_payment_count, average_days_late = excluded.average_days_late,
      case_count = excluded.case_count, complaint_count = excluded.complaint_count,
      returned_order_count = excluded.returned_order_count, return_rate = excluded.return_rate,
      promotion_order_count = excluded.promotion_order_count, promotion_share = excluded.promotion_share,
      feedback_count = excluded.feedback_count, last_nps = excluded.last_nps, average_nps = excluded.average_nps,
      updated_at = excluded.updated_at`;
}

/**
 * Recomputes the metrics of `partyIds` (the customers whose commercial history just changed). Call it in the
 * transaction that made the change.
 */
export async function refreshCustomerMetrics(ctx: Ctx, partyIds: readonly string[], options: MetricsOptions = {}): Promise<void> {
  const ids = [...new Set(partyIds.filter(Boolean))];
  if (ids.length === 0) return;
  await metricsStatement(ctx, ids, options.asOf).execute(ctx.db);
}

/** Recomputes every customer's metrics in the workspace in one statement; rows of customers without history go. */
export async function recomputeAllCustomerMetrics(ctx: Ctx, options: MetricsOptions = {}): Promise<void> {
  await metricsStatement(ctx, null, options.asOf).execute(ctx.db);
}

/**
 * The rolling twelve-month figures age without any change to the data: once a day, recomputes the metrics of
 * every workspace whose rows were computed before today. Returns how many workspaces were refreshed.
 */
export async function refreshAgedMetrics(db: Ctx['db']): Promise<number> {
  const { rows } = await sql<{ workspace_id: string }>`
    select distinct workspace_id from customer_metrics where as_of < current_date`.execute(db);
  for (const { workspace_id } of rows) {
    await recomputeAllCustomerMetrics({ db, workspaceId: workspace_id, actor: SYSTEM_ACTOR });
  }
  return rows.length;
}

const AGE_CHECK_MS = 60 * 60_000;

/** Checks every hour for metrics computed before today; returns the stop function. */
export function scheduleMetricsRefresh(db: Ctx['db'], onError: (error: unknown) => void): () => void {
  let timer: NodeJS.Timeout;
  const run = (delay: number) => {
    timer = setTimeout(() => {
      refreshAgedMetrics(db)
        .catch(onError)
        .finally(() => run(AGE_CHECK_MS));
    }, delay);
    timer.unref();
  };
  run(AGE_CHECK_MS / 12);
  return () => clearTimeout(timer);
}
