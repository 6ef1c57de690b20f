/**
 * The line arithmetic shared by the server and the order form: known answers, then properties over random lines
 * (totals are the sums of the lines, a line total is never negative nor above its gross, a 100 % discount gives
 * zero, every amount is the exact value rounded half up to the cent), and the reading of numbers from requests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FieldIssue } from '../../src/platform/errors.ts';
import { formatDecimal, marginRate, parseDecimal, priceLine, priceOrder, type LineInput } from '../../src/shared/commerce/order-math.ts';
import { DISCOUNT_RULE, MONEY_RULE, QUANTITY_RULE, readDecimal } from '../../src/modules/commerce/money-input.ts';

const cents = (text: string) => parseDecimal(text, 2)!;

test('known answers: half a cent rounds up, tax is per line, margin rate to two decimals', () => {
  assert.deepEqual(priceLine({ quantity: '1', unitPrice: '0.05', discountPercent: '50', vatRate: '20', unitCost: '0' }), {
    gross: '0.05',
    lineTotal: '0.03',
    tax: '0.01',
    lineCost: '0.00',
  });
  assert.equal(priceLine({ quantity: '1.5', unitPrice: '10.01', discountPercent: '0', vatRate: '20', unitCost: '70' }).lineTotal, '15.02');
  assert.equal(priceLine({ quantity: '2', unitPrice: '119.99', discountPercent: '12.5', vatRate: '20', unitCost: '70' }).lineTotal, '209.98');
  const { totals } = priceOrder([
    { quantity: '3', unitPrice: '24.90', discountPercent: '10', vatRate: '5.5', unitCost: '11.20' },
    { quantity: '2', unitPrice: '119.99', discountPercent: '12.5', vatRate: '20', unitCost: '70' },
  ]);
  assert.deepEqual(totals, {
    subtotal: '314.68',
    discountTotal: '37.47',
    totalExclTax: '277.21',
    taxTotal: '45.70',
    totalInclTax: '322.91',
    costTotal: '173.60',
    margin: '103.61',
    marginRate: '37.38',
  });
  assert.equal(marginRate('0.00', '5.00'), null);
  assert.equal(marginRate('10.00', '12.50'), '-25.00');
  assert.equal(parseDecimal('1.230', 2), 123n, 'trailing zeros beyond the scale are fine');
  assert.equal(parseDecimal('1.234', 2), null, 'a third significant decimal is refused, not rounded');
  assert.equal(parseDecimal('1e3', 2), null);
  assert.equal(parseDecimal(0.1, 2), 10n);
});

const decimal = (maxUnits: number, scale: number) => fc.integer({ min: 0, max: maxUnits }).map((units) => formatDecimal(BigInt(units), scale));
const line: fc.Arbitrary<LineInput> = fc.record({
  quantity: decimal(99_999_999, 3).filter((q) => q !== '0.000'),
  unitPrice: decimal(9_999_999_99, 2),
  discountPercent: decimal(100_00, 2),
  vatRate: decimal(99_99, 2),
  unitCost: decimal(9_999_999_99, 2),
});

/** Whether `rounded` cents is `numerator / denominator` cents rounded half up (numerator ≥ 0). */
function isRoundedHalfUp(rounded: bigint, numerator: bigint, denominator: bigint): boolean {
  const twice = 2n * (rounded * denominator - numerator); // 2 × (rounded − exact) × denominator
  return twice > -denominator && twice <= denominator;
}

test('totals are the sums of the lines, and every figure adds up', () => {
  fc.assert(
    fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
      const priced = priceOrder(lines);
      const sum = (pick: (l: (typeof priced.lines)[number]) => string) => priced.lines.reduce((total, l) => total + cents(pick(l)), 0n);
      const t = priced.totals;
      assert.equal(cents(t.totalExclTax), sum((l) => l.lineTotal));
      assert.equal(cents(t.taxTotal), sum((l) => l.tax));
      assert.equal(cents(t.costTotal), sum((l) => l.lineCost));
      assert.equal(cents(t.subtotal), sum((l) => l.gross));
      assert.equal(cents(t.totalInclTax), cents(t.totalExclTax) + cents(t.taxTotal));
      assert.equal(cents(t.discountTotal), cents(t.subtotal) - cents(t.totalExclTax));
      assert.equal(cents(t.margin), cents(t.totalExclTax) - cents(t.costTotal));
      assert.ok(cents(t.discountTotal) >= 0n);
      priced.lines.forEach((l, i) => assert.deepEqual(l, priceLine(lines[i]!)));
    }),
  );
});

test('a line total is never negative nor above its gross, and is the exact amount rounded half up to the cent', () => {
  fc.assert(
    fc.property(line, (input) => {
      const out = priceLine(input);
      for (const amount of Object.values(out)) assert.match(amount, /^\d+\.\d{2}$/);
      const total = cents(out.lineTotal);
      assert.ok(total >= 0n);
      assert.ok(total <= cents(out.gross));
      const quantity = parseDecimal(input.quantity, 3)!;
      const price = parseDecimal(input.unitPrice, 2)!;
      const keep = 100_00n - parseDecimal(input.discountPercent, 2)!;
      assert.ok(isRoundedHalfUp(total, quantity * price * keep, 1000n * 100_00n), `${JSON.stringify(input)} → ${out.lineTotal}`);
      assert.ok(isRoundedHalfUp(cents(out.tax), total * parseDecimal(input.vatRate, 2)!, 100_00n));
      assert.ok(isRoundedHalfUp(cents(out.lineCost), quantity * parseDecimal(input.unitCost, 2)!, 1000n));
    }),
  );
});

test('a 100 % discount makes the line free, and no discount leaves it at its gross', () => {
  fc.assert(
    fc.property(line, (input) => {
      const free = priceLine({ ...input, discountPercent: '100' });
      assert.equal(free.lineTotal, '0.00');
      assert.equal(free.tax, '0.00');
      const full = priceLine({ ...input, discountPercent: '0' });
      assert.equal(full.lineTotal, full.gross);
    }),
  );
});

test('reading a number from a request never throws: a value in range with the right decimals, or an issue', () => {
  const anything = fc.oneof(fc.double(), fc.integer(), fc.string({ maxLength: 12 }), fc.constantFrom('1.5', '-0', '00.10', ' 2 ', '1e2', '0.001', '100.00', '12.345'));
  fc.assert(
    fc.property(anything, fc.constantFrom(MONEY_RULE, QUANTITY_RULE, DISCOUNT_RULE), (value, rule) => {
      const issues: FieldIssue[] = [];
      const read = readDecimal(value, 'body.x', rule, issues);
      if (read === undefined) {
        assert.deepEqual(issues.map((i) => i.field), ['body.x']);
        return;
      }
      assert.equal(issues.length, 0);
      const units = parseDecimal(read, rule.scale)!;
      assert.equal(formatDecimal(units, rule.scale), read, 'the value is written with exactly its scale');
      const unit = 10 ** rule.scale;
      if (rule.min !== undefined) assert.ok(rule.exclusiveMin ? units > BigInt(rule.min * unit) : units >= BigInt(rule.min * unit));
      if (rule.max !== undefined) assert.ok(units <= BigInt(rule.max * unit));
    }),
  );
});
