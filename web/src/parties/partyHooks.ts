/**
 * Data hooks of the people and organisations lists. Query keys: ['parties', kind, 'list' | 'count', query],
 * ['custom-fields', kind], ['views', kind], ['users', 'owners'].
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api.ts';
import type { User } from '../users/userModel.ts';
import type { OrganisationCreateBody, PersonCreateBody } from '../../../src/modules/parties/party-schemas.ts';
import { PARTY_PATHS, type CustomField, type Party, type PartyCount, type PartyKind, type PartyPage, type SavedView } from './partyTypes.ts';

/**
 * The list, page after page as the user scrolls. `query` is the list query string without cursor (see
 * `listQueryString`); while a new filter loads, the previous rows stay on screen.
 */
export function usePartyList(kind: PartyKind, query: string) {
  return useInfiniteQuery({
    queryKey: ['parties', kind, 'list', query],
    queryFn: ({ pageParam, signal }) => {
      const cursor = pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : '';
      return api<PartyPage>(`${PARTY_PATHS[kind].api}?${query}${cursor}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** How many records match the filters (`query` from `countQueryString`). */
export function usePartyCount(kind: PartyKind, query: string) {
  return useQuery({
    queryKey: ['parties', kind, 'count', query],
    queryFn: ({ signal }) => api<PartyCount>(`${PARTY_PATHS[kind].api}/count${query ? `?${query}` : ''}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The custom fields of a kind, archived ones left out. */
export function useCustomFields(kind: PartyKind) {
  return useQuery({
    queryKey: ['custom-fields', kind],
    queryFn: ({ signal }) => api<{ data: CustomField[] }>('/api/custom-fields', { signal, query: { entity: kind } }).then((r) => r.data),
    staleTime: 5 * 60_000,
  });
}

/** The active users, who may own records: the owner filter's choices. */
export function useOwners() {
  return useQuery({
    queryKey: ['users', 'owners'],
    queryFn: ({ signal }) =>
      api<{ data: User[] }>('/api/users', { signal, query: { status: 'active', sort: 'name', limit: 200 } }).then((r) => r.data),
    staleTime: 5 * 60_000,
  });
}

export function useSavedViews(kind: PartyKind) {
  return useQuery({
    queryKey: ['views', kind],
    queryFn: ({ signal }) => api<{ data: SavedView[] }>('/api/views', { signal, query: { entity: kind } }).then((r) => r.data),
  });
}

export type ViewInput = Pick<SavedView, 'name' | 'shared' | 'columns' | 'sort' | 'filters'>;

export function useCreateView(kind: PartyKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ViewInput) => api<SavedView>('/api/views', { method: 'POST', body: { entity: kind, ...input } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['views', kind] }),
  });
}

export function useUpdateView(kind: PartyKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...changes }: Partial<ViewInput> & { id: string }) =>
      api<SavedView>(`/api/views/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['views', kind] }),
  });
}

export function useDeleteView(kind: PartyKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/views/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['views', kind] }),
  });
}

/** POST /api/people or /api/organisations; the lists and counts of the kind are fetched again. */
export function useCreateParty(kind: PartyKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonCreateBody | OrganisationCreateBody) => api<Party>(PARTY_PATHS[kind].api, { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['parties', kind, 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['parties', kind, 'count'] });
    },
  });
}
