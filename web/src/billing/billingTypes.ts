/** The shapes the billing API answers, as the server's presenters declare them. */
import type { DeliveryOut, PaymentOut, ReturnOut } from '../../../src/modules/billing/billing-presenter.ts';
import type { InvoiceSummaryOut } from '../../../src/modules/billing/invoice-presenter.ts';
import type { InvoiceDetailOut, InvoiceTotalsOut } from '../../../src/modules/billing/invoice-read.ts';
import type { OrderBillingOut } from '../../../src/modules/billing/order-billing.ts';
import type { StatusOut } from '../../../src/modules/billing/status-service.ts';

export type Delivery = DeliveryOut;
export type InvoiceSummary = InvoiceSummaryOut;
export type Invoice = InvoiceDetailOut;
export type Payment = PaymentOut;
export type Return = ReturnOut;
export type OrderBilling = OrderBillingOut;
export type InvoiceTotals = InvoiceTotalsOut;
export type CustomerStatus = StatusOut;

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
