/**
 * Everything that followed one order, in one answer for the order page: per line what is delivered, invoiced,
 * credited and returned (and so what remains to do), the deliveries, invoices with credit notes, returns, and
 * what the order's invoices add up to.
 */
import type { Ctx } from '../../platform/context.ts';
import { getOrder } from '../commerce/order-service.ts';
import { amount, cents, milli, quantityText } from './billing-math.ts';
import type { DeliveryOut, ReturnOut } from './billing-presenter.ts';
import type { InvoiceSummaryOut } from './invoice-presenter.ts';
import { deliveriesOfOrder } from './delivery-service.ts';
import { listOrderInvoices } from './invoice-read.ts';
import { orderProgress, progressOf } from './order-progress.ts';
import { returnsOfOrder } from './return-service.ts';

export interface OrderLineProgressOut {
  position: number;
  sku: string;
  description: string;
  ordered: string;
  /** On deliveries not sent back. */
  planned: string;
  shipped: string;
  delivered: string;
  invoiced: string;
  credited: string;
  returned: string;
  toDeliver: string;
  toInvoice: string;
  /** Delivered minus returned: what a return may still take. */
  returnable: string;
}

export interface OrderBillingOut {
  orderId: string;
  orderNumber: string;
  orderStatus: string;
  currency: string;
  customerId: string;
  lines: OrderLineProgressOut[];
  deliveries: DeliveryOut[];
  /** Invoices and credit notes, oldest first. */
  invoices: InvoiceSummaryOut[];
  returns: ReturnOut[];
  totals: { invoiced: string; paid: string; credited: string; balanceDue: string; refundOwed: string; overdue: boolean };
}

export async function getOrderBilling(ctx: Ctx, orderId: string): Promise<OrderBillingOut> {
  const order = await getOrder(ctx, orderId);
  const [progress, deliveries, invoices, returns] = await Promise.all([
    orderProgress(ctx, orderId),
    deliveriesOfOrder(ctx, orderId),
    listOrderInvoices(ctx, orderId),
    returnsOfOrder(ctx, orderId),
  ]);
  const lines = order.lines.map((line) => {
    const p = progressOf(progress, line.position);
    const ordered = milli(line.quantity);
    const positive = (units: bigint) => quantityText(units > 0n ? units : 0n);
    return {
      position: line.position,
      sku: line.sku,
      description: line.description,
      ordered: quantityText(ordered),
      planned: quantityText(p.planned),
      shipped: quantityText(p.shipped),
      delivered: quantityText(p.delivered),
      invoiced: quantityText(p.invoiced),
      credited: quantityText(p.credited),
      returned: quantityText(p.returned),
      toDeliver: positive(ordered - p.planned),
      toInvoice: positive(ordered - p.invoiced),
      returnable: positive(p.delivered - p.returned),
    };
  });
  const live = invoices.filter((invoice) => invoice.kind === 'invoice' && invoice.status !== 'cancelled');
  const sum = (pick: (invoice: InvoiceSummaryOut) => string) => amount(live.reduce((total, invoice) => total + cents(pick(invoice)), 0n));
  return {
    orderId,
    orderNumber: order.number,
    orderStatus: order.status,
    currency: order.currency,
    customerId: order.customer.id,
    lines,
    deliveries,
    invoices,
    returns,
    totals: {
      invoiced: sum((invoice) => invoice.totalInclTax),
      paid: sum((invoice) => invoice.amountPaid),
      credited: sum((invoice) => invoice.creditedTotal),
      balanceDue: sum((invoice) => invoice.balanceDue),
      refundOwed: sum((invoice) => invoice.refundOwed),
      overdue: live.some((invoice) => invoice.isOverdue),
    },
  };
}
