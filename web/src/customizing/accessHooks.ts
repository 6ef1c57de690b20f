/**
 * Data hooks of the edit scopes and teams. Query keys: ['record-access'], ['teams'], and the user list's
 * ['users', 'list', params] for assigning users to teams.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api.ts';
import type { User } from '../users/userModel.ts';
import type { EditScope, EditScopes, Role, Team } from './accessModel.ts';

export function useEditScopes() {
  return useQuery({
    queryKey: ['record-access'],
    queryFn: ({ signal }) => api<EditScopes>('/api/record-access', { signal }),
  });
}

export function useSetEditScope() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ role, scope }: { role: Role; scope: EditScope }) =>
      api<EditScopes>('/api/record-access', { method: 'PUT', body: { [role]: scope } }),
    onSuccess: (scopes) => queryClient.setQueryData(['record-access'], scopes),
  });
}

export function useTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: ({ signal }) => api<{ data: Team[] }>('/api/teams', { signal }).then((r) => r.data),
  });
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<Team>('/api/teams', { method: 'POST', body: { name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['teams'] }),
  });
}

export function useRenameTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      api<Team>(`/api/teams/${encodeURIComponent(id)}`, { method: 'PATCH', body: { name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['teams'] }),
  });
}

/** The most users the team assignment lists at once: the API's largest page. */
export const MEMBER_PAGE_SIZE = 200;

/** A user as the API presents them, with their team. */
export type TeamMember = User & { teamId: string | null };

/** The first users of the workspace by name, with their team. */
export function useTeamMembers() {
  return useQuery({
    queryKey: ['users', 'list', { sort: 'name', limit: MEMBER_PAGE_SIZE }],
    queryFn: ({ signal }) =>
      api<{ data: TeamMember[]; nextCursor: string | null }>('/api/users', { signal, query: { sort: 'name', limit: MEMBER_PAGE_SIZE } }),
  });
}

/** Puts a user in a team (or in none), then refreshes the member counts and the user pages. */
export function useAssignTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, teamId }: { userId: string; teamId: string | null }) =>
      api<TeamMember>(`/api/users/${encodeURIComponent(userId)}`, { method: 'PATCH', body: { teamId } }),
    onSuccess: (user) => {
      queryClient.setQueryData(['users', 'detail', user.id], user);
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
    },
  });
}
