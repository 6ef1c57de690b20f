/** Data hooks of the signed-in user's API tokens. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api.ts';
import type { ApiToken, TokenScope } from './tokenModel.ts';

const TOKENS_KEY = ['tokens'];

export function useTokens() {
  return useQuery({
    queryKey: TOKENS_KEY,
    queryFn: ({ signal }) => api<{ data: ApiToken[] }>('/api/tokens', { signal }),
    select: (body) => body.data,
  });
}

export interface NewToken {
  name: string;
  scope: TokenScope;
  expiresInDays?: number;
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewToken) => api<{ token: ApiToken; secret: string }>('/api/tokens', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
