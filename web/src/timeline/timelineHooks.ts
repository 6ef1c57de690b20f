/** The data hook of a customer's timeline: pages of entries, newest first, for the chosen kinds and channel. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../app/api.ts';
import type { TimelinePage } from './timelineModel.ts';

const PAGE_SIZE = 30;

export function useTimeline(partyId: string, kinds: readonly string[], channel: string | null) {
  return useInfiniteQuery({
    queryKey: ['timeline', partyId, kinds.join(','), channel ?? ''],
    queryFn: ({ signal, pageParam }) =>
      api<TimelinePage>(`/api/parties/${encodeURIComponent(partyId)}/timeline`, {
        signal,
        query: { limit: PAGE_SIZE, cursor: pageParam, kind: kinds.length ? kinds.join(',') : undefined, channel: channel ?? undefined },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
