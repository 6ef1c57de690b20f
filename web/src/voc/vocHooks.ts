/**
 * Data hooks of the Voice of the Customer screens. Query keys: ['voc', 'summary', …], ['voc', 'worst', …],
 * ['feedback', query].
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../app/api.ts';
import type { FeedbackInput } from '../../../src/modules/feedback/feedback-service.ts';
import type { VocDimension, VocGrouping } from '../../../src/modules/feedback/feedback-reference.ts';
import type { Feedback, FeedbackPage, VocSummary, VocWorst } from './vocTypes.ts';

export function useVocSummary(from: string, to: string, groupBy: VocGrouping) {
  return useQuery({
    queryKey: ['voc', 'summary', from, to, groupBy],
    queryFn: ({ signal }) => api<VocSummary>('/api/voc/summary', { signal, query: { from, to, groupBy } }),
    placeholderData: keepPreviousData,
  });
}

export function useVocWorst(from: string, to: string, dimension: VocDimension, minAnswers?: number) {
  return useQuery({
    queryKey: ['voc', 'worst', from, to, dimension, minAnswers],
    queryFn: ({ signal }) => api<VocWorst>('/api/voc/worst', { signal, query: { from, to, dimension, minAnswers } }),
    placeholderData: keepPreviousData,
  });
}

/** Answers matching `query`, page after page ("more"). */
export function useFeedbackList(query: Record<string, QueryValue>, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: ['feedback', query, pageSize],
    queryFn: ({ pageParam, signal }) => api<FeedbackPage>('/api/feedback', { signal, query: { ...query, limit: pageSize, cursor: pageParam } }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useCreateFeedback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedbackInput) => api<Feedback>('/api/feedback', { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['feedback'] });
      void queryClient.invalidateQueries({ queryKey: ['voc'] });
      void queryClient.invalidateQueries({ queryKey: ['timeline'] });
      void queryClient.invalidateQueries({ queryKey: ['metrics'] });
    },
  });
}
