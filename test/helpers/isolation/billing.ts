import type { IsolationSeed } from './seed.ts';
import { changeDeliveryStatus, createDelivery } from '../../../src/modules/billing/delivery-service.ts';
import { invoiceOrder } from '../../../src/modules/billing/invoice-service.ts';
import { recordPayment } from '../../../src/modules/billing/payment-service.ts';
import { createCreditNote } from '../../../src/modules/billing/credit-note-service.ts';
import { createReturn } from '../../../src/modules/billing/return-service.ts';
import { makeOrder } from '../billing-fixtures.ts';

/**
 * Records of workspace A for the billing routes (see tenant-isolation.test.ts): an order of A's person, delivered
 * (with a distinctive carrier and tracking number), invoiced, partly paid, credited, and partly returned.
 */
export const seed: IsolationSeed = async ({ workspace, personId }) => {
  const ctx = workspace.ctx;
  const order = await makeOrder(ctx, {
    customerId: personId,
    lines: [{ product: { name: 'Lampe isolée 8842', unitPrice: '40.00', unitCost: '15.00' }, quantity: 4 }],
  });
  const delivery = await createDelivery(ctx, order.id, { carrier: 'Transports Isolés 6617', trackingNumber: 'ISOTRACK-55210', promisedOn: '2026-01-15' });
  await changeDeliveryStatus(ctx, delivery.id, { status: 'delivered' });
  const invoice = await invoiceOrder(ctx, order.id, {});
  await recordPayment(ctx, invoice.id, { amount: '50.00', method: 'transfer', reference: 'VIR-ISOLE-3390' });
  await createCreditNote(ctx, invoice.id, { amount: '10.00', reason: 'Geste isolé 7204' });
  const ret = await createReturn(ctx, order.id, { lines: [{ orderLinePosition: 1, quantity: 1 }], reason: 'Retour isolé 9137' });
  return {
    resources: { delivery: delivery.id, invoice: invoice.id, return: ret.id },
    secrets: ['Transports Isolés 6617', 'ISOTRACK-55210', 'VIR-ISOLE-3390', 'Geste isolé 7204', 'Retour isolé 9137', 'Lampe isolée 8842', order.id, invoice.id, delivery.id, ret.id],
  };
};
