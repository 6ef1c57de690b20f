/**
 * The pure parts of billing, without a server: shares of a line that always add up to it, amounts spread over VAT
 * rates, document numbers typed loosely, and the sentences the status endpoint reads out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, daysBetween, exclTaxOf, isCalendarDay, shareOf, splitByWeight } from '../../src/modules/billing/billing-math.ts';
import { normaliseReference } from '../../src/modules/billing/status-service.ts';
import { invoiceSummary, money, orderSummary, repairSummary, returnSummary, shortDay } from '../../src/modules/billing/status-summaries.ts';

test('property: however a line is split, its shares add up to its total, each within a cent of its proportion', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.array(fc.bigInt({ min: 1n, max: 5000n }), { minLength: 1, maxLength: 12 }), (total, parts) => {
      const whole = parts.reduce((a, b) => a + b, 0n);
      let before = 0n;
      let sum = 0n;
      for (const part of parts) {
        const share = shareOf(total, whole, before, part);
        const exact = (total * part * 1000n) / whole;
        assert.ok(share * 1000n >= exact - 1000n && share * 1000n <= exact + 1000n, `share ${share} of ${part}/${whole} of ${total}`);
        sum += share;
        before += part;
      }
      assert.equal(sum, total);
    }),
  );
});

test('property: an amount spread by weight adds up exactly, and nothing goes to a zero weight unless all are', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 1, maxLength: 6 }), (total, weights) => {
      const shares = splitByWeight(total, weights);
      assert.equal(shares.reduce((a, b) => a + b, 0n), total);
      if (weights.some((w) => w > 0n)) {
        weights.forEach((weight, i) => {
          if (weight === 0n) assert.equal(shares[i], 0n);
        });
      }
    }),
  );
});

test('the amount excluding tax inside an amount including it, and calendar days', () => {
  assert.equal(exclTaxOf(3000n, '20.00'), 2500n);
  assert.equal(exclTaxOf(1000n, '5.50'), 948n);
  assert.equal(addDays('2026-01-31', 30), '2026-03-02');
  assert.equal(daysBetween('2026-03-02', '2026-01-31'), -30);
  assert.equal(isCalendarDay('2026-02-29'), false);
  assert.equal(isCalendarDay('2028-02-29'), true);
});

test('property: a document number typed in any case, with any separators, reads as the number', () => {
  const separators = fc.constantFrom('', '-', ' ', '.', '/');
  fc.assert(
    fc.property(fc.constantFrom('CMD', 'FAC', 'AV', 'BL', 'RET', 'SAV'), fc.integer({ min: 2020, max: 2099 }), fc.integer({ min: 1, max: 999_999 }), separators, separators, fc.boolean(), (prefix, year, sequence, a, b, lower) => {
      const number = `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
      const typed = `${lower ? prefix.toLowerCase() : prefix}${a}${year}${b}${String(sequence).padStart(6, '0')}`;
      assert.equal(normaliseReference(typed), normaliseReference(number));
    }),
  );
});

test('sentences in French and English, with amounts and days as each language writes them', () => {
  assert.equal(shortDay('2026-03-12', 'fr'), '12/03');
  assert.equal(shortDay('2026-03-12', 'en'), '12 Mar');
  // 23:30 UTC on 11 March is already 12 March in France.
  assert.equal(shortDay('2026-03-11T23:30:00Z', 'fr'), '12/03');
  assert.equal(money('1234.5', 'EUR', 'fr'), '1 234,50 €');
  assert.equal(money('1234.5', 'EUR', 'en'), '€1,234.50');

  const shipped = {
    number: 'CMD-2026-000123',
    status: 'shipped',
    orderedAt: '2026-03-10T09:00:00Z',
    deliveries: [{ number: 'BL-2026-000009', status: 'shipped', carrier: 'Colissimo', trackingNumber: '6A12345', promisedOn: null, shippedAt: '2026-03-12T08:00:00Z', deliveredAt: null, isLate: false }],
  };
  assert.equal(orderSummary(shipped, 'fr'), 'Votre commande CMD-2026-000123 a été expédiée le 12/03 par Colissimo, suivi 6A12345.');
  assert.equal(orderSummary(shipped, 'en'), 'Your order CMD-2026-000123 was shipped on 12 Mar by Colissimo, tracking 6A12345.');
  assert.equal(orderSummary({ ...shipped, status: 'confirmed', deliveries: [] }, 'fr'), 'Votre commande CMD-2026-000123 du 10/03 est confirmée ; elle sera préparée prochainement.');

  const invoice = {
    number: 'FAC-2026-000042',
    kind: 'invoice' as const,
    status: 'open',
    dueOn: '2026-04-15',
    totalInclTax: '120.00',
    balanceDue: '120.00',
    currency: 'EUR',
    paidAt: null,
    daysOverdue: 0,
    creditedInvoiceNumber: null,
    refundOwed: '0.00',
  };
  assert.equal(invoiceSummary(invoice, 'fr'), 'Votre facture FAC-2026-000042 de 120,00 € est à régler avant le 15/04.');
  assert.equal(invoiceSummary({ ...invoice, status: 'paid', balanceDue: '0.00', paidAt: '2026-04-02T10:00:00Z' }, 'en'), 'Your invoice FAC-2026-000042 of €120.00 is paid (payment received on 2 Apr).');
  assert.equal(invoiceSummary({ ...invoice, daysOverdue: 1 }, 'fr'), 'Votre facture FAC-2026-000042 de 120,00 € était à régler le 15/04 : il reste 120,00 € à payer (1 jour de retard).');

  assert.equal(
    returnSummary({ number: 'RET-2026-000003', status: 'refunded', orderNumber: 'CMD-2026-000123', receivedAt: null, creditNoteNumber: 'AV-2026-000002' }, 'fr'),
    'Votre retour RET-2026-000003 (commande CMD-2026-000123) a été remboursé par l’avoir AV-2026-000002.',
  );
  assert.equal(
    repairSummary({ number: 'SAV-2026-000007', status: 'open', subject: 'Lave-linge', resolutionDueAt: '2026-03-20T17:00:00Z', resolvedAt: null }, 'en'),
    'Your repair SAV-2026-000007 “Lave-linge” is in progress; expected to be resolved by 20 Mar.',
  );
});
