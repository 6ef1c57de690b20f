import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatShare, marginRate, warnings, type CustomerMetrics } from './metricsModel.ts';

const base: CustomerMetrics = {
  asOf: '2026-11-23', currency: 'EUR', revenue: '1000.00', margin: '400.00', revenue12m: '300.00', margin12m: '120.00',
  orderCount: 10, orderCount12m: 3, averageBasket: '100.00', monthlySpend: '50.00', quarterlySpend: '150.00',
  ordersPerMonth: 0.5, meanIntervalDays: 30, firstPurchaseAt: '2025-01-01T00:00:00.000Z', lastPurchaseAt: '2026-11-01T00:00:00.000Z',
  daysSinceLastPurchase: 22, openBalance: '0.00', latePaymentCount: 0, averageDaysLate: null, caseCount: 0, complaintCount: 0,
  returnedOrderCount: 0, returnRate: 0, promotionOrderCount: 0, promotionShare: 0, feedbackCount: 0, lastNps: null,
  averageNps: null, updatedAt: '2026-11-23T00:00:00.000Z',
};

test('a good customer raises no warning; each problem raises its own', () => {
  assert.deepEqual([...warnings(base)], []);
  assert.deepEqual([...warnings({ ...base, openBalance: '12.00', latePaymentCount: 2 })].sort(), ['late', 'openBalance']);
  assert.deepEqual([...warnings({ ...base, complaintCount: 3 })], ['complaints']);
  assert.deepEqual([...warnings({ ...base, complaintCount: 3, orderCount: 40 })], [], 'three complaints over forty orders is no pattern');
  assert.deepEqual([...warnings({ ...base, lastNps: 4 })], ['nps']);
  assert.deepEqual([...warnings({ ...base, daysSinceLastPurchase: 120 })], ['lapsing']);
});

test('margin rate and shares read as people expect', () => {
  assert.equal(marginRate(base), 0.4);
  assert.equal(marginRate({ revenue: '0.00', margin: '0.00' }), null);
  assert.equal(formatShare(0.254, 'en'), '25%');
  assert.equal(formatShare(null, 'fr'), '—');
});
