/**
 * Data hooks of the billing screens. Query keys: ['billing', orderId] (everything that followed an order),
 * ['invoices', 'list' | 'totals', query], ['status', number, lang]. Every change refreshes the order's billing,
 * the order itself (its status may follow), the invoice lists, and the customer's timeline and metrics.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../app/api.ts';
import type { CustomerStatus, Delivery, Invoice, InvoiceSummary, InvoiceTotals, OrderBilling, Page, Return } from './billingTypes.ts';
import type { DeliveryStatus, ReturnVerb } from './billingModel.ts';

const path = (template: string, id: string) => template.replace(':id', encodeURIComponent(id));

function refreshAfterChange(queryClient: QueryClient, orderId: string, customerId?: string): void {
  void queryClient.invalidateQueries({ queryKey: ['billing', orderId] });
  void queryClient.invalidateQueries({ queryKey: ['orders'] });
  void queryClient.invalidateQueries({ queryKey: ['invoices'] });
  void queryClient.invalidateQueries({ queryKey: ['timeline'] });
  if (customerId) {
    void queryClient.invalidateQueries({ queryKey: ['party', customerId] });
    void queryClient.invalidateQueries({ queryKey: ['metrics', customerId] });
  }
}

export function useOrderBilling(orderId: string) {
  return useQuery({
    queryKey: ['billing', orderId],
    queryFn: ({ signal }) => api<OrderBilling>(path('/api/orders/:id/billing', orderId), { signal }),
  });
}

/** Every mutation of the order's billing shares one shape: call the API, then refresh what it changes. */
function useBillingMutation<Input, Output>(orderId: string, customerId: string | undefined, send: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => refreshAfterChange(queryClient, orderId, customerId) });
}

export interface DeliveryBody {
  lines?: { orderLinePosition: number; quantity: string }[];
  carrier?: string;
  trackingNumber?: string;
  promisedOn?: string;
  address?: string;
}

export function useCreateDelivery(orderId: string, customerId?: string) {
  return useBillingMutation(orderId, customerId, (body: DeliveryBody) => api<Delivery>(path('/api/orders/:id/deliveries', orderId), { method: 'POST', body }));
}

export function useMoveDelivery(orderId: string, customerId?: string) {
  return useBillingMutation(orderId, customerId, ({ id, status }: { id: string; status: DeliveryStatus }) =>
    api<Delivery>(path('/api/deliveries/:id/status', id), { method: 'POST', body: { status } }),
  );
}

export function useCreateInvoice(orderId: string, customerId?: string) {
  return useBillingMutation(orderId, customerId, (body: { paymentTermDays?: number }) => api<Invoice>(path('/api/orders/:id/invoices', orderId), { method: 'POST', body }));
}

export function useCancelInvoice(orderId: string, customerId?: string) {
  return useBillingMutation(orderId, customerId, (id: string) => api<Invoice>(path('/api/invoices/:id/cancel', id), { method: 'POST', body: {} }));
}

export interface PaymentBody {
  amount: string;
  method: string;
  paidAt?: string;
  reference?: string;
}

export function useRecordPayment(orderId: string, customerId?: string) {
  return useBillingMutation(orderId, customerId, ({ invoiceId, body }: { invoiceId: string; body: PaymentBody }) =>
    api<{ invoice: Invoice }>(path('/api/invoices/:id/payments', invoiceId), { method: 'POST', body }),
  );
}

export function useCreateCreditNote(orderId: string, customerId?: string) {
  return useBillingMutation(orderId, customerId, ({ invoiceId, amount, reason }: { invoiceId: string; amount: string; reason: string }) =>
    api<Invoice>(path('/api/invoices/:id/credit-notes', invoiceId), { method: 'POST', body: { amount, reason } }),
  );
}

export function useCreateReturn(orderId: string, customerId?: string) {
  return useBillingMutation(orderId, customerId, (body: { lines: { orderLinePosition: number; quantity: string }[]; reason: string }) =>
    api<Return>(path('/api/orders/:id/returns', orderId), { method: 'POST', body }),
  );
}

export function useReturnAction(orderId: string, customerId?: string) {
  return useBillingMutation(orderId, customerId, ({ id, verb }: { id: string; verb: ReturnVerb }) =>
    api<Return>(path(`/api/returns/:id/${verb}`, id), { method: 'POST', body: {} }),
  );
}

/** One page of the invoice list; the previous page stays on screen while the next one loads. */
export function useInvoices(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['invoices', 'list', query],
    queryFn: ({ signal }) => api<Page<InvoiceSummary>>('/api/invoices', { signal, query }),
    placeholderData: keepPreviousData,
  });
}

export function useInvoiceTotals(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['invoices', 'totals', query],
    queryFn: ({ signal }) => api<{ totals: InvoiceTotals[] }>('/api/invoices/totals', { signal, query }),
  });
}

/** Where a customer's business stands, by customer number; asked only once a number is given. */
export function useCustomerStatus(number: string | null, lang: 'fr' | 'en') {
  return useQuery({
    queryKey: ['status', number, lang],
    queryFn: ({ signal }) => api<CustomerStatus>(`/api/status/by-customer-number/${encodeURIComponent(number ?? '')}`, { signal, query: { lang } }),
    enabled: number !== null && number.trim() !== '',
    retry: false,
  });
}
