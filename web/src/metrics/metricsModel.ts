/** The purchase metrics as the API gives them, and how the record page groups and words them. Pure. */
export interface CustomerMetrics {
  asOf: string;
  currency: string;
  revenue: string;
  margin: string;
  revenue12m: string;
  margin12m: string;
  orderCount: number;
  orderCount12m: number;
  averageBasket: string | null;
  monthlySpend: string | null;
  quarterlySpend: string | null;
  ordersPerMonth: number | null;
  meanIntervalDays: number | null;
  firstPurchaseAt: string | null;
  lastPurchaseAt: string | null;
  daysSinceLastPurchase: number | null;
  openBalance: string;
  latePaymentCount: number;
  averageDaysLate: number | null;
  caseCount: number;
  complaintCount: number;
  returnedOrderCount: number;
  returnRate: number | null;
  promotionOrderCount: number;
  promotionShare: number | null;
  feedbackCount: number;
  lastNps: number | null;
  averageNps: number | null;
  updatedAt: string;
}

/** `0.1234` → `12 %` (fr) / `12%` (en); null → dash. */
export function formatShare(value: number | null, locale: string): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** A number with at most `digits` decimals in the reader's language; null → dash. */
export function formatNumber(value: number | null, locale: string, digits = 1): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** Margin rate of the revenue, or null when there is no revenue. */
export function marginRate(metrics: Pick<CustomerMetrics, 'revenue' | 'margin'>): number | null {
  const revenue = Number(metrics.revenue);
  return revenue > 0 ? Number(metrics.margin) / revenue : null;
}

/** What deserves a warning colour: money still due, late payments, many complaints, a detractor's NPS. */
export function warnings(metrics: CustomerMetrics): Set<'openBalance' | 'late' | 'complaints' | 'nps' | 'lapsing'> {
  const found = new Set<'openBalance' | 'late' | 'complaints' | 'nps' | 'lapsing'>();
  if (Number(metrics.openBalance) > 0) found.add('openBalance');
  if (metrics.latePaymentCount > 0) found.add('late');
  if (metrics.complaintCount >= 2 && metrics.complaintCount / Math.max(1, metrics.orderCount) >= 0.25) found.add('complaints');
  if (metrics.lastNps !== null && metrics.lastNps <= 6) found.add('nps');
  // A regular buyer silent for three times the usual interval is slipping away.
  if (
    metrics.daysSinceLastPurchase !== null &&
    metrics.meanIntervalDays !== null &&
    metrics.orderCount >= 3 &&
    metrics.daysSinceLastPurchase > 3 * Math.max(metrics.meanIntervalDays, 7)
  ) {
    found.add('lapsing');
  }
  return found;
}
