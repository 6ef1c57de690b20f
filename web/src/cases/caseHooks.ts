/**
 * Data hooks of the cases screens. Query keys: ['cases', 'list', query], ['cases', 'one', id],
 * ['sla-policies'], ['cases', 'orders', partyId], ['cases', 'products', q].
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../app/api.ts';
import type { CaseCreateBody, CaseStatusBody, CaseUpdateBody } from '../../../src/modules/cases/case-schemas.ts';
import type { Case, CasePage, SlaPolicies, SlaPolicy } from './caseTypes.ts';

export function useCaseList(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['cases', 'list', query],
    queryFn: ({ signal }) => api<CasePage>('/api/cases', { signal, query }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: ['cases', 'one', id],
    queryFn: ({ signal }) => api<Case>(`/api/cases/${encodeURIComponent(id)}`, { signal }),
  });
}

/** After any change to a case: the case itself, the lists, and what the customer's record shows of it. */
function useCaseChanged() {
  const queryClient = useQueryClient();
  return (updated: Case) => {
    queryClient.setQueryData(['cases', 'one', updated.id], updated);
    void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['timeline'] });
    void queryClient.invalidateQueries({ queryKey: ['metrics'] });
  };
}

export function useCreateCase() {
  const changed = useCaseChanged();
  return useMutation({
    mutationFn: (body: CaseCreateBody) => api<Case>('/api/cases', { method: 'POST', body }),
    onSuccess: changed,
  });
}

export function useUpdateCase(id: string) {
  const changed = useCaseChanged();
  return useMutation({
    mutationFn: (body: CaseUpdateBody) => api<Case>(`/api/cases/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: changed,
  });
}

export function useCaseStatus(id: string) {
  const changed = useCaseChanged();
  return useMutation({
    mutationFn: (body: CaseStatusBody) => api<Case>(`/api/cases/${encodeURIComponent(id)}/status`, { method: 'POST', body }),
    onSuccess: changed,
  });
}

export function useRespond(id: string) {
  const changed = useCaseChanged();
  return useMutation({
    mutationFn: () => api<Case>(`/api/cases/${encodeURIComponent(id)}/respond`, { method: 'POST' }),
    onSuccess: changed,
  });
}

export function useSlaPolicies() {
  return useQuery({
    queryKey: ['sla-policies'],
    queryFn: ({ signal }) => api<SlaPolicies>('/api/sla-policies', { signal }),
  });
}

export function useSetSlaPolicies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policies: Pick<SlaPolicy, 'priority' | 'firstResponseMinutes' | 'resolutionMinutes'>[]) =>
      api<SlaPolicies>('/api/sla-policies', { method: 'PUT', body: { policies } }),
    onSuccess: (data) => queryClient.setQueryData(['sla-policies'], data),
  });
}

export interface OrderChoice {
  id: string;
  number: string;
  orderedAt: string;
}

/** The customer's latest orders, to link a case to one of them. */
export function usePartyOrders(partyId: string | null) {
  return useQuery({
    queryKey: ['cases', 'orders', partyId],
    queryFn: ({ signal }) =>
      api<{ data: OrderChoice[] }>('/api/orders', { signal, query: { customerId: partyId, limit: 50 } }).then((page) => page.data),
    enabled: partyId !== null,
  });
}

export interface ProductChoice {
  id: string;
  sku: string;
  name: string;
}

/** Products whose SKU or name holds `q`. */
export function useProductChoices(q: string) {
  return useQuery({
    queryKey: ['cases', 'products', q],
    queryFn: ({ signal }) => api<{ data: ProductChoice[] }>('/api/catalogue/products', { signal, query: { q: q || undefined, limit: 30 } }),
    select: (page) => page.data,
    placeholderData: keepPreviousData,
  });
}
