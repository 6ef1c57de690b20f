import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arrangeIssues, draftMargin, draftTotals, emptyDraft, nextOrderSteps, orderBody, parseOrderListSearch, withProduct, type LineDraft } from './commerceModel.ts';
import type { Product } from './commerceTypes.ts';

const coffee = { id: 'p1', sku: 'CAF', name: 'Café', unitPrice: '24.90', unitCost: '11.20', vatRate: '5.50', currency: 'EUR' } as Product;
const products = new Map([[coffee.id, coffee]]);

test('the order list keeps only well-formed filters from the URL', () => {
  assert.deepEqual(parseOrderListSearch({ status: 'shipped', channel: 'pigeon', from: '2026-01-01', to: 'yesterday', q: '  ', customerId: 'nope' }), {
    status: 'shipped',
    from: '2026-01-01',
  });
});

test('live totals use the product price unless typed over, accept a decimal comma, and skip unreadable lines', () => {
  const line = (changes: Partial<LineDraft>): LineDraft => ({ ...withProduct({ key: 'k', productId: null, quantity: '3', unitPrice: '', discountPercent: '10' }, coffee), ...changes });
  const totals = draftTotals([line({}), line({ quantity: '1,5', unitPrice: '10,01', discountPercent: '0' }), line({ quantity: '-1' })], products);
  assert.equal(totals?.totalExclTax, '82.25'); // 67.23 + 15.02 (rounded half up); the negative line is left out
  assert.equal(totals?.taxTotal, '4.53'); // 5.5 % per line: 3.69765 → 3.70 and 0.8261 → 0.83
  assert.equal(draftTotals([{ key: 'x', productId: null, quantity: '1', unitPrice: '', discountPercent: '0' }], products), null);
});

test('the request body sends a unit price only when it differs from the catalogue, and discounts only when set', () => {
  const draft = { ...emptyDraft('c1'), lines: [withProduct({ key: 'a', productId: null, quantity: '2', unitPrice: '', discountPercent: '0' }, coffee)] };
  assert.deepEqual(orderBody(draft, products).lines, [{ productId: 'p1', quantity: '2' }]);
  draft.lines[0] = { ...draft.lines[0]!, unitPrice: '20', discountPercent: '5' };
  assert.deepEqual(orderBody(draft, products).lines, [{ productId: 'p1', quantity: '2', unitPrice: '20', discountPercent: '5' }]);
});

test('server issues land on their line and field', () => {
  const arranged = arrangeIssues([
    { field: 'body.lines[1].quantity', rule: 'must be greater than 0' },
    { field: 'body.lines[0].productId', rule: 'is archived' },
    { field: 'body.customerId', rule: 'must be a person or an organisation' },
  ]);
  assert.deepEqual(arranged.lines, { 1: { quantity: 'must be greater than 0' }, 0: { productId: 'is archived' } });
  assert.deepEqual(arranged.document, { customerId: 'must be a person or an organisation' });
});

test('margins and next steps', () => {
  assert.deepEqual(draftMargin({ unitPrice: '24,90', unitCost: '11.20' }), { margin: '13.70', rate: '55.02' });
  assert.equal(draftMargin({ unitPrice: 'abc', unitCost: '1' }), null);
  assert.deepEqual(nextOrderSteps('confirmed'), { forward: ['in_preparation'], canCancel: true });
  assert.deepEqual(nextOrderSteps('shipped'), { forward: ['delivered'], canCancel: false });
});
