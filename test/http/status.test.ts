/**
 * The status endpoint: by a customer number typed loosely, the open and recent orders with their delivery state,
 * invoices with what remains due, returns and repairs, each with a sentence in French (by default) or English;
 * a reference narrows it to one document; an unknown number is a 404 and a malformed one a 400.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeWorkspace, type TestWorkspace } from '../helpers/factories.ts';
import { makeCustomer, makeOrder } from '../helpers/billing-fixtures.ts';
import { addDays, todayInFrance } from '../../src/modules/billing/billing-math.ts';
import { shortDay } from '../../src/modules/billing/status-summaries.ts';
import { formatCustomerNumber } from '../../src/shared/identifiers/customer-number.ts';
import { expectError } from './expect-error.ts';

let t: TestApp;
let ws: TestWorkspace;
let customer: { id: string; customerNumber: string };
let orderNumber: string;
let deliveryNumber: string;
let invoiceNumber: string;
let returnNumber: string;
let repairNumber: string;
const shippedAt = `${addDays(todayInFrance(), -2)}T10:00:00.000Z`;
const promisedOn = addDays(todayInFrance(), -1);

const post = (url: string, body: unknown) => call(t.app, { method: 'POST', url, body, session: ws.adminSession });
const get = (url: string) => call(t.app, { url, session: ws.adminSession });

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db, 'Status Test');
  customer = await makeCustomer(ws.ctx, 'Statut');
  // An order shipped by Colissimo and now late, with its invoice overdue and half paid.
  const order = await makeOrder(ws.ctx, {
    customerId: customer.id,
    lines: [
      { product: { name: 'Fauteuil', unitPrice: '100.00' }, quantity: 1 },
      { product: { name: 'Coussin', unitPrice: '25.00' }, quantity: 2 },
    ],
  });
  orderNumber = order.number;
  const delivery = (await post(`/api/orders/${order.id}/deliveries`, { promisedOn })).json();
  deliveryNumber = delivery.number;
  await post(`/api/deliveries/${delivery.id}/status`, { status: 'shipped', at: shippedAt, carrier: 'Colissimo', trackingNumber: '6A12345' });
  const invoice = (await post(`/api/orders/${order.id}/invoices`, { issuedOn: addDays(todayInFrance(), -40), paymentTermDays: 30 })).json();
  invoiceNumber = invoice.number;
  await post(`/api/invoices/${invoice.id}/payments`, { amount: '90.00', method: 'card' });
  // An older order, delivered, with a return on its way back.
  const earlier = await makeOrder(ws.ctx, { customerId: customer.id, lines: [{ product: { name: 'Lampe', unitPrice: '40.00' }, quantity: 1 }] });
  const handed = (await post(`/api/orders/${earlier.id}/deliveries`, {})).json();
  await post(`/api/deliveries/${handed.id}/status`, { status: 'delivered' });
  returnNumber = (await post(`/api/orders/${earlier.id}/returns`, { lines: [{ orderLinePosition: 1 }], reason: 'Abîmée' })).json().number;
  // A repair in progress.
  const repair = await post('/api/cases', { partyId: customer.id, type: 'repair', channel: 'phone', subject: 'Lave-linge en panne' });
  assert.equal(repair.statusCode, 201, repair.body);
  repairNumber = repair.json().number;
});
after(() => t.close());

test('by a loosely typed customer number, in French by default: orders with delivery state, invoices, returns, repairs', async () => {
  const loose = customer.customerNumber.toLowerCase().replace(/-/g, ' ');
  const response = await get(`/api/status/by-customer-number/${encodeURIComponent(loose)}`);
  assert.equal(response.statusCode, 200, response.body);
  const status = response.json();
  assert.equal(status.customer.id, customer.id);
  assert.equal(status.language, 'fr');

  const shipped = status.orders.find((o: { number: string }) => o.number === orderNumber);
  assert.equal(shipped.status, 'shipped');
  assert.equal(shipped.isLate, true);
  assert.deepEqual(
    [shipped.deliveries[0].carrier, shipped.deliveries[0].trackingNumber, shipped.deliveries[0].promisedOn, shipped.deliveries[0].isLate],
    ['Colissimo', '6A12345', promisedOn, true],
  );
  const day = shortDay(shippedAt, 'fr');
  assert.match(day, /^\d{2}\/\d{2}$/);
  assert.equal(
    shipped.summary,
    `Votre commande ${orderNumber} a été expédiée le ${day} par Colissimo, suivi 6A12345. Elle a pris du retard : la livraison était prévue le ${shortDay(promisedOn, 'fr')}, nous vous prions de nous en excuser.`,
  );

  const invoice = status.invoices.find((i: { number: string }) => i.number === invoiceNumber);
  assert.deepEqual([invoice.totalInclTax, invoice.balanceDue, invoice.daysOverdue], ['180.00', '90.00', 10]);
  assert.equal(invoice.summary, `Votre facture ${invoiceNumber} de 180,00 € était à régler le ${shortDay(addDays(todayInFrance(), -10), 'fr')} : il reste 90,00 € à payer (10 jours de retard).`);

  assert.equal(status.returns[0].number, returnNumber);
  assert.match(status.returns[0].summary, new RegExp(`^Votre retour ${returnNumber} \\(commande CMD-\\d{4}-\\d{6}\\) est enregistré`));
  assert.equal(status.repairs[0].number, repairNumber);
  assert.match(status.repairs[0].summary, new RegExp(`^Votre réparation ${repairNumber} « Lave-linge en panne » est en cours`));
  assert.ok(status.summary.startsWith(status.orders[0].summary));
  assert.ok(status.summary.includes(invoice.summary));
});

test('in English on request, and narrowed to one document by a reference typed loosely', async () => {
  const english = (await get(`/api/status/by-customer-number/${customer.customerNumber}?lang=en`)).json();
  const shipped = english.orders.find((o: { number: string }) => o.number === orderNumber);
  assert.match(shipped.summary, new RegExp(`^Your order ${orderNumber} was shipped on \\d{1,2} \\w{3} by Colissimo, tracking 6A12345\\. It is running late`));
  const invoice = english.invoices.find((i: { number: string }) => i.number === invoiceNumber);
  assert.match(invoice.summary, /was due on .*: €90\.00 remains to be paid \(10 days late\)\.$/);

  const byDelivery = (await get(`/api/status/by-customer-number/${customer.customerNumber}?reference=${deliveryNumber.toLowerCase().replace(/-/g, '')}`)).json();
  assert.deepEqual(byDelivery.orders.map((o: { number: string }) => o.number), [orderNumber]);
  assert.deepEqual([byDelivery.invoices.length, byDelivery.returns.length, byDelivery.repairs.length], [0, 0, 0]);
  assert.equal(byDelivery.summary, byDelivery.orders[0].summary);
  const byInvoice = (await get(`/api/status/by-customer-number/${customer.customerNumber}?reference=${invoiceNumber}`)).json();
  assert.deepEqual([byInvoice.orders.length, byInvoice.invoices.map((i: { number: string }) => i.number)], [0, [invoiceNumber]]);

  expectError(await get(`/api/status/by-customer-number/${customer.customerNumber}?reference=CMD-1999-000001`), 404, 'not_found');
});

test('an unknown customer number is a 404, a malformed one a 400, and a customer with nothing going on is told so', async () => {
  expectError(await get(`/api/status/by-customer-number/${formatCustomerNumber('C', 999_999)}`), 404, 'not_found');
  expectError(await get('/api/status/by-customer-number/not-a-number'), 400, 'validation_failed');
  const quiet = await makeCustomer(ws.ctx, 'Calme');
  const status = (await get(`/api/status/by-customer-number/${quiet.customerNumber}?lang=en`)).json();
  assert.deepEqual([status.orders, status.invoices, status.returns, status.repairs], [[], [], [], []]);
  assert.equal(status.summary, 'We have no order, invoice, return or repair in progress for you.');
});
