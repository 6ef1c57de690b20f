/**
 * Data hooks of the record page. Query keys: ['parties', 'detail', id] for the record (beside the lists'
 * ['parties', kind, …]) and ['party', id, …] for what surrounds it, so one invalidation refreshes all of a record.
 * Custom fields, owners and teams share the keys and shapes of the list and settings pages' hooks.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../app/api.ts';
import type { CustomField, Party, PartyKind } from '../parties/partyTypes.ts';
import { linkRequest, partyApiPath, type Consent, type ConsentChannel, type ConsentPurpose, type Link, type NewLink, type RoleSpell } from './relationModel.ts';

export const partyKey = (id: string) => ['parties', 'detail', id] as const;

export function useParty(kind: PartyKind, id: string) {
  return useQuery({
    queryKey: partyKey(id),
    queryFn: ({ signal }) => api<Party>(partyApiPath(kind, id), { signal }),
  });
}

/** After a record changed: its page, the lists, its role history and its change history show the new state. */
export function refreshParty(queryClient: QueryClient, party: Party): void {
  queryClient.setQueryData(partyKey(party.id), party);
  void queryClient.invalidateQueries({ queryKey: ['parties', party.kind] });
  void queryClient.invalidateQueries({ queryKey: ['party', party.id, 'roles'] });
  void queryClient.invalidateQueries({ queryKey: ['history', 'party', party.id] });
}

export function useRoleHistory(id: string) {
  return useQuery({
    queryKey: ['party', id, 'roles'],
    queryFn: ({ signal }) => api<{ data: RoleSpell[] }>(`/api/parties/${encodeURIComponent(id)}/roles`, { signal }),
    select: (page) => page.data,
  });
}

export function useLinks(id: string) {
  return useQuery({
    queryKey: ['party', id, 'links'],
    queryFn: ({ signal }) => api<{ data: Link[] }>(`/api/parties/${encodeURIComponent(id)}/links`, { signal }),
    select: (page) => page.data,
  });
}

/** Changes to links touch both ends: both records' lists and histories are refreshed. */
function refreshLinks(queryClient: QueryClient, ...ids: string[]) {
  for (const id of ids) {
    void queryClient.invalidateQueries({ queryKey: ['party', id] });
    void queryClient.invalidateQueries({ queryKey: ['history', 'party', id] });
  }
  void queryClient.invalidateQueries({ queryKey: ['history', 'party_link'] });
}

export function useAddLink(partyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (link: NewLink) => {
      const request = linkRequest(partyId, link);
      return api<Link>(`/api/parties/${encodeURIComponent(request.partyId)}/links`, { method: 'POST', body: request.body });
    },
    onSuccess: (_link, input) => refreshLinks(queryClient, partyId, input.otherPartyId),
  });
}

export interface LinkChange {
  link: Link;
  changes: { endedOn?: string | null; function?: string | null; decisionRole?: string | null };
}

export function useUpdateLink(partyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ link, changes }: LinkChange) =>
      api<Link>(`/api/parties/${encodeURIComponent(partyId)}/links/${encodeURIComponent(link.id)}`, { method: 'PATCH', body: changes }),
    onSuccess: (_link, { link }) => refreshLinks(queryClient, partyId, link.other.id),
  });
}

export function useDeleteLink(partyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (link: Link) =>
      api<void>(`/api/parties/${encodeURIComponent(partyId)}/links/${encodeURIComponent(link.id)}`, { method: 'DELETE' }),
    onSuccess: (_nothing, link) => refreshLinks(queryClient, partyId, link.other.id),
  });
}

export function useConsents(id: string) {
  return useQuery({
    queryKey: ['party', id, 'consents'],
    queryFn: ({ signal }) => api<{ data: Consent[] }>(`/api/parties/${encodeURIComponent(id)}/consents`, { signal }),
    select: (page) => page.data,
  });
}

export interface ConsentAnswer {
  channel: ConsentChannel;
  purpose: ConsentPurpose;
  status: 'granted' | 'denied';
  source: string;
}

export function useSetConsents(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (consents: ConsentAnswer[]) =>
      api<{ data: Consent[] }>(`/api/parties/${encodeURIComponent(id)}/consents`, { method: 'PUT', body: { consents } }),
    onSuccess: (page) => {
      queryClient.setQueryData(['party', id, 'consents'], page);
      void queryClient.invalidateQueries({ queryKey: ['history', 'party', id] });
    },
  });
}

export type CustomFieldDefinition = CustomField;

/** The custom fields of a kind, archived ones left out, in their order. */
export function useCustomFields(kind: PartyKind) {
  return useQuery({
    queryKey: ['custom-fields', kind],
    queryFn: ({ signal }) => api<{ data: CustomField[] }>('/api/custom-fields', { signal, query: { entity: kind } }).then((r) => r.data),
    select: (fields) => [...fields].sort((a, b) => a.position - b.position),
    staleTime: 5 * 60_000,
  });
}

export interface NamedRef {
  id: string;
  name: string;
}

/** Active users, who may own a record (the first 200, by name). */
export function useOwners(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'owners'],
    queryFn: ({ signal }) =>
      api<{ data: NamedRef[] }>('/api/users', { signal, query: { status: 'active', sort: 'name', limit: 200 } }).then((r) => r.data),
    select: (users) => users.map(({ id, name }) => ({ id, name })),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useTeams(enabled: boolean) {
  return useQuery({
    queryKey: ['teams'],
    queryFn: ({ signal }) => api<{ data: NamedRef[] }>('/api/teams', { signal }).then((r) => r.data),
    select: (teams) => teams.map(({ id, name }) => ({ id, name })),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export interface PartyHit {
  kind: string;
  id: string;
  title: string;
  subtitle: string | null;
}

/** People and organisations whose name, email or number matches `q` (2 characters at least). */
export function usePartySearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: ['search', 'parties', query],
    queryFn: ({ signal }) => api<{ results: PartyHit[] }>('/api/search', { signal, query: { q: query, limit: 20 } }),
    select: (page) => page.results.filter((hit) => hit.kind === 'person' || hit.kind === 'organisation'),
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** Downloads the subject access export as a JSON file named after the customer number. */
export async function downloadExport(party: Pick<Party, 'id' | 'customerNumber'>): Promise<void> {
  const document = await api<unknown>(`/api/parties/${encodeURIComponent(party.id)}/export`);
  const blob = new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const anchor = window.document.createElement('a');
  anchor.href = url;
  anchor.download = `rapport-${party.customerNumber}.json`;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function useErase(party: Pick<Party, 'id'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirm: string) => api<Party>(`/api/parties/${encodeURIComponent(party.id)}/erase`, { method: 'POST', body: { confirm } }),
    onSuccess: (erased) => {
      refreshParty(queryClient, erased);
      // Erasure also drops the links and consents.
      void queryClient.invalidateQueries({ queryKey: ['party', erased.id] });
    },
  });
}
