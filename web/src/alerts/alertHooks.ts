/**
 * Data hooks of alerts. ['party', id, 'alerts'] for a customer's; raising or resolving one also refreshes the
 * record itself (its active alert badges), its timeline and the planning lists that show those badges.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../app/api.ts';
import type { AlertKind, CustomerAlert } from './alertModel.ts';

function refresh(queryClient: QueryClient, partyId: string): void {
  void queryClient.invalidateQueries({ queryKey: ['party', partyId] });
  void queryClient.invalidateQueries({ queryKey: ['parties'] });
  void queryClient.invalidateQueries({ queryKey: ['timeline'] });
  void queryClient.invalidateQueries({ predicate: (query) => ['tasks', 'my-day', 'agenda', 'alerts'].includes(String(query.queryKey[0])) });
}

export function usePartyAlerts(partyId: string) {
  return useQuery({
    queryKey: ['party', partyId, 'alerts'],
    queryFn: ({ signal }) => api<{ data: CustomerAlert[] }>(`/api/parties/${encodeURIComponent(partyId)}/alerts`, { signal }),
    select: (page) => page.data,
  });
}

export function useRaiseAlert(partyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: AlertKind; note: string | null }) =>
      api<CustomerAlert>(`/api/parties/${encodeURIComponent(partyId)}/alerts`, { method: 'POST', body }),
    onSuccess: () => refresh(queryClient, partyId),
  });
}

export function useResolveAlert(partyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ alert, resolution }: { alert: CustomerAlert; resolution: string | null }) =>
      api<CustomerAlert>(`/api/alerts/${encodeURIComponent(alert.id)}/resolve`, { method: 'POST', body: { resolution } }),
    onSuccess: () => refresh(queryClient, partyId),
  });
}
