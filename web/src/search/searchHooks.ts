/** Data hook of the global search. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../app/api.ts';
import type { SearchResult } from './searchModel.ts';

/** GET /api/search?q=…, only while `query` is not null. */
export function useSearch(query: string | null) {
  return useQuery({
    queryKey: ['search', query],
    queryFn: ({ signal }) => api<{ results: SearchResult[] }>('/api/search', { signal, query: { q: query } }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
