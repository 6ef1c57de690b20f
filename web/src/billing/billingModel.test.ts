import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ApiError } from '../app/api.ts';
import { deliveryMoves, errorAboveForm, invoiceListQuery, namesField, parseInvoiceListSearch, paymentBody, readAmount, returnActions, takesPayment } from './billingModel.ts';

test('the invoice list keeps only well-formed filters from the URL, and always asks for invoices', () => {
  assert.deepEqual(parseInvoiceListSearch({ status: 'partially_paid', overdue: 'true', customerId: 'nope', page: 3 }), { status: 'partially_paid', overdue: true });
  assert.deepEqual(parseInvoiceListSearch({ status: 'late', overdue: false }), {});
  assert.deepEqual(invoiceListQuery({ overdue: true }), { kind: 'invoice', status: undefined, overdue: true, customerId: undefined });
});

test('amounts are read as people type them, and refused when they are not amounts', () => {
  assert.equal(readAmount('1 234,5'), '1234.50');
  assert.equal(readAmount('€ 30'), '30.00');
  assert.equal(readAmount('007.10'), '7.10');
  for (const bad of ['', '12,345', '-5', '1.2.3', 'abc', '12 €s']) assert.equal(readAmount(bad), null, bad);
});

test('any amount in cents, written the French or the English way, reads back to the same cents', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), fc.boolean(), (cents, french) => {
      const whole = Math.floor(cents / 100).toString();
      const fraction = String(cents % 100).padStart(2, '0');
      const grouped = french ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f') : whole;
      const typed = `${grouped}${french ? ',' : '.'}${fraction}`;
      assert.equal(readAmount(typed), `${whole}.${fraction}`);
    }),
  );
});

test('a payment body sends the amount as read, a time only for an earlier day, and no empty reference', () => {
  assert.deepEqual(paymentBody({ amount: '60,5', method: 'card', paidOn: '2026-03-12', reference: ' ' }, '2026-03-12'), { amount: '60.50', method: 'card' });
  const earlier = paymentBody({ amount: '60', method: 'cheque', paidOn: '2026-03-01', reference: 'CHQ 12' }, '2026-03-12');
  assert.equal(earlier.reference, 'CHQ 12');
  assert.equal(new Date(earlier.paidAt!).getDate(), 1);
});

test('what a delivery, a return and an invoice offer next', () => {
  assert.deepEqual(deliveryMoves({ status: 'prepared' }), ['shipped', 'delivered', 'late']);
  assert.deepEqual(deliveryMoves({ status: 'delivered' }), []);
  assert.deepEqual(returnActions('requested'), ['receive', 'reject']);
  assert.deepEqual(returnActions('received'), ['refund', 'reject']);
  assert.equal(takesPayment({ kind: 'invoice', status: 'partially_paid', balanceDue: '10.00', refundOwed: '0.00' }), true);
  assert.equal(takesPayment({ kind: 'invoice', status: 'paid', balanceDue: '0.00', refundOwed: '30.00' }), false);
  assert.equal(takesPayment({ kind: 'credit_note', status: 'open', balanceDue: '0.00', refundOwed: '30.00' }), true);
});

test('a refusal naming a form field, or a field inside it, is shown at the field', () => {
  const error = new ApiError(422, 'unprocessable', 'x', [{ field: 'body.lines[1].quantity', rule: 'must be at most 1' }]);
  assert.equal(namesField(error, 'lines'), true);
  assert.equal(namesField(error, 'amount'), false);
  assert.equal(namesField(new Error('network'), 'lines'), false);
  assert.equal(errorAboveForm(error, 'lines'), null);
  assert.equal(errorAboveForm(error, 'amount'), error);
  assert.equal(errorAboveForm(null, 'amount'), null);
});
