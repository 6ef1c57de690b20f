/**
 * Preparing orders and interactions rows for an import: French and English labels of statuses, channels and
 * directions, decimal commas, durations in minutes or hours, customer references normalised, every problem
 * named by its column title; and, whatever the cells hold, preparing a row never throws.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Ctx } from '../../src/platform/context.ts';
import type { BatchOptions, MappedRow } from '../../src/modules/imports/import-types.ts';
import { ordersTarget } from '../../src/modules/imports/targets/order-target.ts';
import { interactionsTarget } from '../../src/modules/imports/targets/interaction-target.ts';
import { formatCustomerNumber } from '../../src/shared/identifiers/customer-number.ts';

const options: BatchOptions = { importId: '00000000-0000-4000-8000-000000000000', matchKey: null, conversion: { dateOrder: 'dmy', decimalSeparator: ',' } };
// Preparing reads nothing from the database.
const ctx = {} as Ctx;

/** A mapped row from [column title, field key, cell] triples. */
function row(cells: [string, string, string][], rowNumber = 2): MappedRow {
  const values = new Map<string, string[]>();
  const columns = new Map<string, string>();
  for (const [title, key, cell] of cells) {
    if (!columns.has(key)) columns.set(key, title);
    if (cell.trim() !== '') values.set(key, [...(values.get(key) ?? []), cell]);
  }
  return { rowNumber, values, columns };
}

const CUSTOMER = formatCustomerNumber('C', 123);

test('an order line: labels, decimal commas, a percentage VAT cell, a customer number typed loosely', async () => {
  const prepared = await ordersTarget.prepare(
    ctx,
    row([
      ['Commande', 'orderNumber', ' A-1 '],
      ['Client', 'customerNumber', CUSTOMER.toLowerCase().replace(/-/g, ' ')],
      ['Date', 'orderedAt', '31/12/2025 23:30'],
      ['Canal', 'channel', 'Salon / événement'],
      ['Statut', 'status', 'Expédiée'],
      ['SKU', 'line.sku', 'CHA-01'],
      ['Qté', 'line.quantity', '1,5'],
      ['PU', 'line.unitPrice', '1 234,50 €'],
      ['Remise', 'line.discountPercent', '12,5 %'],
      ['TVA', 'line.vatRate', '0,055'],
    ]),
    options,
  );
  assert.deepEqual(prepared.issues, []);
  const r = prepared.record;
  assert.deepEqual(r.problems, []);
  assert.equal(prepared.matchValue, 'A-1');
  assert.deepEqual(r.customer && { key: r.customer.key, value: r.customer.value }, { key: 'customerNumber', value: CUSTOMER });
  assert.equal(r.orderedAt, '2025-12-31T22:30:00.000Z');
  assert.deepEqual([r.channel, r.status, r.quantity, r.unitPrice, r.discountPercent, r.vatRate], ['event', 'shipped', '1.500', '1234.50', '12.50', '5.50']);
});

test('an order line keeps its problems for the writer to refuse the whole order; without an order number it is refused at once', async () => {
  const cells: [string, string, string][] = [
    ['Commande', 'orderNumber', 'A-1'],
    ['Email', 'customerEmail', 'pas-un-email'],
    ['Date', 'orderedAt', '31/02/2025'],
    ['Statut', 'status', 'perdue'],
    ['SKU', 'line.sku', 'CHA-01'],
    ['Qté', 'line.quantity', '0'],
  ];
  const prepared = await ordersTarget.prepare(ctx, row(cells), options);
  assert.deepEqual(prepared.issues, [], 'the row goes on to the writer, which refuses its order with it');
  assert.deepEqual(prepared.record.problems.map((p) => p.column), ['Date', 'Qté', 'Email', 'Statut']);
  assert.match(prepared.record.problems.find((p) => p.column === 'Qté')!.reason, /greater than 0/);

  const orphan = await ordersTarget.prepare(ctx, row([['Commande', 'orderNumber', ''], ...cells.slice(1)]), options);
  assert.equal(orphan.issues[0]!.column, 'Commande');
  assert.match(orphan.issues[0]!.reason, /order number is required/);
});

test('an interaction: labels, Paris time, durations in minutes or hours, the customer by email', async () => {
  const base: [string, string, string][] = [
    ['Email', 'customerEmail', ' Jean.Dupont@Example.FR '],
    ['Canal', 'channel', 'Appel'],
    ['Sens', 'direction', 'Entrant'],
    ['Quand', 'occurredAt', '01/07/2025 9h05'],
    ['Objet', 'subject', 'Rappel'],
  ];
  const prepared = await interactionsTarget.prepare(ctx, row([...base, ['Durée', 'durationMinutes', '1h30']]), options);
  assert.deepEqual(prepared.issues, []);
  const r = prepared.record;
  assert.deepEqual([r.customer.value, r.channel, r.direction, r.occurredAt, r.durationMinutes], ['jean.dupont@example.fr', 'phone', 'inbound', '2025-07-01T07:05:00.000Z', 90]);
  for (const [text, minutes] of [['45', 45], ['45 min', 45], ['0:50', 50], ['2h', 120]] as const) {
    const again = await interactionsTarget.prepare(ctx, row([...base, ['Durée', 'durationMinutes', text]]), options);
    assert.equal(again.record.durationMinutes, minutes, text);
  }
  const bad = await interactionsTarget.prepare(ctx, row([...base, ['Durée', 'durationMinutes', '1h75']]), options);
  assert.equal(bad.issues[0]!.column, 'Durée');
});

test('an interaction without customer, channel, date or subject is refused, each problem naming its column', async () => {
  const prepared = await interactionsTarget.prepare(
    ctx,
    row([
      ['Client', 'customerNumber', ''],
      ['Canal', 'channel', ''],
      ['Quand', 'occurredAt', 'demain'],
      ['Objet', 'subject', ''],
    ]),
    options,
  );
  assert.deepEqual(prepared.issues.map((i) => i.column).sort(), ['Canal', 'Client', 'Objet', 'Quand']);
});

test('preparing never throws, whatever the cells hold', async () => {
  const orderKeys = ['orderNumber', 'customerNumber', 'customerEmail', 'customerExternalId', 'orderedAt', 'channel', 'status', 'promoCode', 'notes', 'line.sku', 'line.description', 'line.quantity', 'line.unitPrice', 'line.discountPercent', 'line.vatRate'];
  const interactionKeys = ['externalId', 'customerNumber', 'customerEmail', 'customerExternalId', 'channel', 'direction', 'occurredAt', 'durationMinutes', 'subject', 'body', 'outcome'];
  const cell = fc.oneof(fc.string(), fc.constantFrom('', '12,5', '1 234,56', '31/02/2025', '1h75', '-3', 'C-000123-18', 'a@b', '1e400', '٣'));
  await fc.assert(
    fc.asyncProperty(fc.array(cell, { minLength: orderKeys.length, maxLength: orderKeys.length }), fc.array(cell, { minLength: interactionKeys.length, maxLength: interactionKeys.length }), async (orderCells, interactionCells) => {
      const order = await ordersTarget.prepare(ctx, row(orderKeys.map((key, i) => [key, key, orderCells[i]!])), options);
      assert.equal(typeof order.record.orderNumber, 'string');
      for (const issue of [...order.issues, ...order.record.problems]) assert.ok(orderKeys.includes(issue.column!), issue.column!);
      const interaction = await interactionsTarget.prepare(ctx, row(interactionKeys.map((key, i) => [key, key, interactionCells[i]!])), options);
      for (const issue of interaction.issues) assert.ok(interactionKeys.includes(issue.column!), issue.column!);
    }),
    { numRuns: 300 },
  );
});
