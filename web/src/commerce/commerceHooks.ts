/**
 * Data hooks of the catalogue, quotes and orders. Query keys: ['catalogue', 'products' | 'categories', …],
 * ['orders', 'list' | 'detail', …], ['quotes', 'list' | 'detail', …]. A change to an order or quote also
 * refreshes the customer's record: ['party', id], ['timeline'] and ['metrics', id].
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../app/api.ts';
import type { OrderCreateBody, QuoteCreateBody } from '../../../src/modules/commerce/order-schemas.ts';
import type { Category, Order, OrderSummary, Page, Product, Quote, QuoteSummary } from './commerceTypes.ts';
import type { OrderStatus } from './commerceModel.ts';

// ------------------------------------------------------------------------------------------------ catalogue

export function useProducts(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['catalogue', 'products', query],
    queryFn: ({ signal }) => api<Page<Product>>('/api/catalogue/products', { signal, query }),
    placeholderData: keepPreviousData,
  });
}

export function useCategories() {
  return useQuery({
    queryKey: ['catalogue', 'categories'],
    queryFn: ({ signal }) => api<{ data: Category[] }>('/api/catalogue/categories', { signal }).then((r) => r.data),
  });
}

function useCatalogueMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['catalogue'] }) });
}

export type ProductBody = Record<string, unknown>;

export function useSaveProduct() {
  return useCatalogueMutation(({ id, body }: { id: string | null; body: ProductBody }) =>
    id
      ? api<Product>(`/api/catalogue/products/${encodeURIComponent(id)}`, { method: 'PATCH', body })
      : api<Product>('/api/catalogue/products', { method: 'POST', body }),
  );
}

export function useRemoveProduct() {
  return useCatalogueMutation((id: string) =>
    api<{ outcome: 'deleted' | 'archived' }>(`/api/catalogue/products/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  );
}

export function useCreateCategory() {
  return useCatalogueMutation((name: string) => api<Category>('/api/catalogue/categories', { method: 'POST', body: { name } }));
}

export function useRenameCategory() {
  return useCatalogueMutation(({ id, name }: { id: string; name: string }) =>
    api<Category>(`/api/catalogue/categories/${encodeURIComponent(id)}`, { method: 'PATCH', body: { name } }),
  );
}

export function useDeleteCategory() {
  return useCatalogueMutation((id: string) => api<void>(`/api/catalogue/categories/${encodeURIComponent(id)}`, { method: 'DELETE' }));
}

// ---------------------------------------------------------------------------------------- orders and quotes

/** After an order or quote changed: its lists and pages, and the customer's record around it. */
function refreshCommerce(queryClient: QueryClient, customerId: string | undefined): void {
  void queryClient.invalidateQueries({ queryKey: ['orders'] });
  void queryClient.invalidateQueries({ queryKey: ['quotes'] });
  void queryClient.invalidateQueries({ queryKey: ['timeline'] });
  if (customerId) {
    void queryClient.invalidateQueries({ queryKey: ['party', customerId] });
    void queryClient.invalidateQueries({ queryKey: ['metrics', customerId] });
  }
}

export function useOrders(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['orders', 'list', query],
    queryFn: ({ signal }) => api<Page<OrderSummary>>('/api/orders', { signal, query }),
    placeholderData: keepPreviousData,
  });
}

export function useOrder(id: string) {
  return useQuery({
    queryKey: ['orders', 'detail', id],
    queryFn: ({ signal }) => api<Order>(`/api/orders/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useCreateOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrderCreateBody) => api<Order>('/api/orders', { method: 'POST', body }),
    onSuccess: (order) => refreshCommerce(queryClient, order.customer.id),
  });
}

export function useOrderStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ status, reason }: { status: OrderStatus; reason?: string }) =>
      api<Order>(`/api/orders/${encodeURIComponent(id)}/status`, { method: 'POST', body: reason ? { status, reason } : { status } }),
    onSuccess: (order) => {
      queryClient.setQueryData(['orders', 'detail', id], order);
      refreshCommerce(queryClient, order.customer.id);
    },
  });
}

export function useUpdateOrder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; notes?: string | null }) =>
      api<Order>(`/api/orders/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: (order) => {
      queryClient.setQueryData(['orders', 'detail', id], order);
      void queryClient.invalidateQueries({ queryKey: ['orders', 'list'] });
    },
  });
}

export function useQuotes(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['quotes', 'list', query],
    queryFn: ({ signal }) => api<Page<QuoteSummary>>('/api/quotes', { signal, query }),
    placeholderData: keepPreviousData,
  });
}

export function useQuote(id: string) {
  return useQuery({
    queryKey: ['quotes', 'detail', id],
    queryFn: ({ signal }) => api<Quote>(`/api/quotes/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useCreateQuote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: QuoteCreateBody) => api<Quote>('/api/quotes', { method: 'POST', body }),
    onSuccess: (quote) => refreshCommerce(queryClient, quote.customer.id),
  });
}

export type QuoteAction = 'send' | 'decline' | 'expire' | 'accept';

export function useQuoteAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: QuoteAction): Promise<{ quote: Quote; order?: Order }> => {
      const path = `/api/quotes/${encodeURIComponent(id)}/${action}`;
      if (action === 'accept') return api<{ quote: Quote; order: Order }>(path, { method: 'POST', body: {} });
      return { quote: await api<Quote>(path, { method: 'POST', body: {} }) };
    },
    onSuccess: ({ quote }) => {
      queryClient.setQueryData(['quotes', 'detail', id], quote);
      refreshCommerce(queryClient, quote.customer.id);
    },
  });
}
