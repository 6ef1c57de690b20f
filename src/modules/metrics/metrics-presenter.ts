/** What the API shows of a customer's purchase metrics, with the days since the last purchase counted today. */
import { Type, type Static } from 'typebox';
import type { CustomerMetricsTable } from '../../platform/db/schema.ts';
import type { Selectable } from 'kysely';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Money = Type.String({ description: 'Euros excluding tax, two decimals' });

export const MetricsOut = Type.Object({
  asOf: Type.String({ description: 'Day the rolling twelve-month window ends' }),
  currency: Type.String(),
  revenue: Money,
  margin: Money,
  revenue12m: Money,
  margin12m: Money,
  orderCount: Type.Integer(),
  orderCount12m: Type.Integer(),
  averageBasket: Nullable(Money),
  monthlySpend: Nullable(Money),
  quarterlySpend: Nullable(Money),
  ordersPerMonth: Nullable(Type.Number()),
  meanIntervalDays: Nullable(Type.Number()),
  firstPurchaseAt: Nullable(Type.String({ format: 'date-time' })),
  lastPurchaseAt: Nullable(Type.String({ format: 'date-time' })),
  daysSinceLastPurchase: Nullable(Type.Integer()),
  openBalance: Type.String({ description: 'Euros including tax still due' }),
  latePaymentCount: Type.Integer(),
  averageDaysLate: Nullable(Type.Number()),
  caseCount: Type.Integer(),
  complaintCount: Type.Integer(),
  returnedOrderCount: Type.Integer(),
  returnRate: Nullable(Type.Number()),
  promotionOrderCount: Type.Integer(),
  promotionShare: Nullable(Type.Number()),
  feedbackCount: Type.Integer(),
  lastNps: Nullable(Type.Integer()),
  averageNps: Nullable(Type.Number()),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type MetricsOutput = Static<typeof MetricsOut>;

const num = (value: string | null) => (value === null ? null : Number(value));
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const DAY_MS = 86_400_000;

/** The metrics of a customer; a customer without history gets zeros, not a 404. */
export function presentMetrics(row: Selectable<CustomerMetricsTable> | undefined, now: Date = new Date()): MetricsOutput {
  const last = row?.last_purchase_at ? new Date(row.last_purchase_at) : null;
  return {
    asOf: row?.as_of ?? now.toISOString().slice(0, 10),
    currency: 'EUR',
    revenue: row?.revenue ?? '0.00',
    margin: row?.margin ?? '0.00',
    revenue12m: row?.revenue_12m ?? '0.00',
    margin12m: row?.margin_12m ?? '0.00',
    orderCount: row?.order_count ?? 0,
    orderCount12m: row?.order_count_12m ?? 0,
    averageBasket: row?.average_basket ?? null,
    monthlySpend: row?.monthly_spend ?? null,
    quarterlySpend: row?.quarterly_spend ?? null,
    ordersPerMonth: num(row?.orders_per_month ?? null),
    meanIntervalDays: num(row?.mean_interval_days ?? null),
    firstPurchaseAt: iso(row?.first_purchase_at ?? null),
    lastPurchaseAt: iso(last),
    daysSinceLastPurchase: last ? Math.floor((now.getTime() - last.getTime()) / DAY_MS) : null,
    openBalance: row?.open_balance ?? '0.00',
    latePaymentCount: row?.late_payment_count ?? 0,
    averageDaysLate: num(row?.average_days_late ?? null),
    caseCount: row?.case_count ?? 0,
    complaintCount: row?.complaint_count ?? 0,
    returnedOrderCount: row?.returned_order_count ?? 0,
    returnRate: num(row?.return_rate ?? null),
    promotionOrderCount: row?.promotion_order_count ?? 0,
    promotionShare: num(row?.promotion_share ?? null),
    feedbackCount: row?.feedback_count ?? 0,
    lastNps: row?.last_nps ?? null,
    averageNps: num(row?.average_nps ?? null),
    updatedAt: iso(row?.updated_at ?? now)!,
  };
}
