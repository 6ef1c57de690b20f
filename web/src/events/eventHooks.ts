/** Data hooks of the change log: the workspace's recent activity and one record's history. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../app/api.ts';
import type { EventPage } from './eventModel.ts';

const PAGE_SIZE = 20;

/** GET /api/events, newest first, one page at a time. */
export function useActivityFeed(entity?: string) {
  return useInfiniteQuery({
    queryKey: ['events', entity ?? 'all'],
    queryFn: ({ signal, pageParam }) =>
      api<EventPage>('/api/events', { signal, query: { limit: PAGE_SIZE, cursor: pageParam, entity } }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** GET /api/history/:entity/:id, newest first, one page at a time. */
export function useHistory(entity: string, id: string) {
  return useInfiniteQuery({
    queryKey: ['history', entity, id],
    queryFn: ({ signal, pageParam }) =>
      api<EventPage>(`/api/history/${encodeURIComponent(entity)}/${encodeURIComponent(id)}`, {
        signal,
        query: { limit: PAGE_SIZE, cursor: pageParam },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
