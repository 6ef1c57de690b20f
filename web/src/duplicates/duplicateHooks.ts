/**
 * Data hooks of the duplicate screens. Query keys: ['duplicates', 'list', query], ['duplicates', 'summary'],
 * ['duplicates', 'settings'], ['duplicates', 'check', kind, body], ['merges', 'preview', …], ['merges', 'party', id].
 * A merge or its undo changes records everywhere: lists, records, timelines, metrics and the queue are fetched again.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../app/api.ts';
import type { PartyKind } from '../parties/partyTypes.ts';
import type {
  BulkResult,
  Candidate,
  CandidatePage,
  DuplicateMatch,
  DuplicateSettings,
  DuplicateSummary,
  MergeBody,
  MergeOut,
  MergePreview,
} from './duplicateTypes.ts';

export function useCandidates(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['duplicates', 'list', query],
    queryFn: ({ signal }) => api<CandidatePage>('/api/duplicates', { signal, query }),
    placeholderData: keepPreviousData,
  });
}

/** The open counts and the scan state; read again every second while a scan runs or is awaited. */
export function useDuplicateSummary(polling: boolean) {
  return useQuery({
    queryKey: ['duplicates', 'summary'],
    queryFn: ({ signal }) => api<DuplicateSummary>('/api/duplicates/summary', { signal }),
    refetchInterval: (query) => (polling || query.state.data?.scanning ? 1000 : false),
  });
}

export function useStartScan() {
  return useMutation({
    mutationFn: (kind: PartyKind) => api<{ jobId: string }>('/api/duplicates/scan', { method: 'POST', body: { kind } }),
  });
}

/** Everything a merge, an undo or a decision on a pair may have changed. */
export function refreshAfterDecision(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ['duplicates'] });
  void queryClient.invalidateQueries({ queryKey: ['parties'] });
  void queryClient.invalidateQueries({ queryKey: ['party'] });
  void queryClient.invalidateQueries({ queryKey: ['merges'] });
  void queryClient.invalidateQueries({ queryKey: ['timeline'] });
  void queryClient.invalidateQueries({ queryKey: ['metrics'] });
}

/** Ignores a pair for good, or reopens an ignored one. */
export function useDecideCandidate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'ignore' | 'reopen' }) =>
      api<Candidate>(`/api/duplicates/${encodeURIComponent(id)}/${action}`, { method: 'POST' }),
    onSuccess: () => refreshAfterDecision(queryClient),
  });
}

export function useBulkDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[]; action: 'ignore' | 'merge' }) => api<BulkResult>('/api/duplicates/bulk', { method: 'POST', body }),
    onSettled: () => refreshAfterDecision(queryClient),
  });
}

/** The likely duplicates of a record being created; off until `enabled` (enough typed to be worth asking). */
export function useDuplicateCheck(kind: PartyKind, record: object, enabled: boolean) {
  return useQuery({
    queryKey: ['duplicates', 'check', kind, record],
    queryFn: ({ signal }) => api<{ matches: DuplicateMatch[] }>('/api/duplicates/check', { method: 'POST', body: { kind, record }, signal }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    // A check that fails must not stand in the way of creating the record: the warning simply does not show.
    retry: false,
  });
}

export function useDuplicateSettings(enabled = true) {
  return useQuery({
    queryKey: ['duplicates', 'settings'],
    queryFn: ({ signal }) => api<DuplicateSettings>('/api/duplicates/settings', { signal }),
    enabled,
  });
}

export function useSaveDuplicateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DuplicateSettings) => api<DuplicateSettings>('/api/duplicates/settings', { method: 'PUT', body }),
    onSuccess: (settings) => {
      queryClient.setQueryData(['duplicates', 'settings'], settings);
      void queryClient.invalidateQueries({ queryKey: ['duplicates', 'list'] });
    },
  });
}

/** What merging `absorbedId` into `survivorId` would do; the manual strategy starts from the most complete one. */
export function useMergePreview(survivorId: string, absorbedId: string, strategy: 'most_recent' | 'most_complete') {
  return useQuery({
    queryKey: ['merges', 'preview', survivorId, absorbedId, strategy],
    queryFn: ({ signal }) => api<MergePreview>('/api/merges/preview', { signal, query: { survivorId, absorbedId, strategy } }),
    placeholderData: keepPreviousData,
  });
}

export function useMerge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MergeBody) => api<MergeOut>('/api/merges', { method: 'POST', body }),
    onSuccess: () => refreshAfterDecision(queryClient),
  });
}

/** The merges a record took part in, as survivor or absorbed, newest first, undone ones included. */
export function usePartyMerges(partyId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['merges', 'party', partyId],
    queryFn: ({ signal }) => api<{ items: MergeOut[] }>('/api/merges', { signal, query: { partyId } }),
    select: (page) => page.items,
    enabled,
  });
}

/** Undoes a merge. A plain function, since it runs from a notification, outside the pages' providers. */
export async function undoMerge(queryClient: QueryClient, mergeId: string): Promise<MergeOut> {
  const merge = await api<MergeOut>(`/api/merges/${encodeURIComponent(mergeId)}/undo`, { method: 'POST' });
  refreshAfterDecision(queryClient);
  return merge;
}

