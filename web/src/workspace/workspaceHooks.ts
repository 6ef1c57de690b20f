/** Data hooks of the workspace itself. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api.ts';
import { meQuery } from '../auth/authHooks.ts';
import type { Workspace } from '../auth/sessionModel.ts';

/** PATCH /api/workspace; the header shows the new name at once (the workspace comes with /api/me). */
export function useUpdateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) => api<Workspace>('/api/workspace', { method: 'PATCH', body: input }),
    onSuccess: (workspace) => {
      queryClient.setQueryData(meQuery.queryKey, (me) => (me ? { ...me, workspace } : me));
    },
  });
}
