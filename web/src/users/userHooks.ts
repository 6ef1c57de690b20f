/** Data hooks of the user pages. Query keys: ['users', 'list', params] and ['users', 'detail', id]. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api.ts';
import type { Role, User, UserFilters } from './userModel.ts';

export interface UserPage {
  data: User[];
  nextCursor: string | null;
}

export interface UserListParams extends UserFilters {
  limit: number;
  cursor: string | null;
}

/** One page of the user list; the previous page stays on screen while the next one loads. */
export function useUserList(params: UserListParams) {
  return useQuery({
    queryKey: ['users', 'list', params],
    queryFn: ({ signal }) => api<UserPage>('/api/users', { signal, query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: ['users', 'detail', id],
    queryFn: ({ signal }) => api<User>(`/api/users/${encodeURIComponent(id)}`, { signal }),
  });
}

export interface InviteInput {
  email: string;
  name: string;
  role: Role;
}

export interface InviteResult {
  user: User;
  inviteUrl: string;
}

export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InviteInput) => api<InviteResult>('/api/users/invitations', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

export interface UserUpdate {
  name?: string;
  role?: Role;
  status?: 'active' | 'disabled';
}

/** PATCH /api/users/:id, then refresh the lists, the user page and its history. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...changes }: UserUpdate & { id: string }) =>
      api<User>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: (user) => {
      queryClient.setQueryData(['users', 'detail', user.id], user);
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['history', 'user', user.id] });
      void queryClient.invalidateQueries({ queryKey: ['events'] });
    },
  });
}
