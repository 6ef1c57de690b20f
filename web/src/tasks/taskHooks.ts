/**
 * Data hooks of planned work. Query keys: ['tasks', …] for lists, ['my-day'], ['agenda', …] and
 * ['notifications']; any change to a task refreshes all of them, its customer's record (timeline included) and
 * the change history.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../app/api.ts';
import type { TaskRequest } from './taskModel.ts';
import type { Agenda, ClosedTask, MyDay, NotificationList, Task } from './taskTypes.ts';

const PLANNING_KEYS = ['tasks', 'my-day', 'agenda'];

function refreshPlanning(queryClient: QueryClient, partyId?: string | null): void {
  void queryClient.invalidateQueries({ predicate: (query) => PLANNING_KEYS.includes(String(query.queryKey[0])) });
  if (partyId) void queryClient.invalidateQueries({ queryKey: ['party', partyId] });
  void queryClient.invalidateQueries({ queryKey: ['timeline'] });
  void queryClient.invalidateQueries({ queryKey: ['history'] });
}

/** The open tasks of a customer, by due time. */
export function usePartyTasks(partyId: string) {
  return useQuery({
    queryKey: ['tasks', 'party', partyId],
    queryFn: ({ signal }) => api<{ data: Task[] }>('/api/tasks', { signal, query: { partyId, status: 'open', limit: 100 } }),
    select: (page) => page.data,
  });
}

export function useMyDay() {
  return useQuery({
    queryKey: ['my-day'],
    queryFn: ({ signal }) => api<MyDay>('/api/my-day', { signal }),
    refetchInterval: 5 * 60_000,
  });
}

export function useAgenda(from: string, to: string, assignee: string) {
  return useQuery({
    queryKey: ['agenda', from, to, assignee],
    queryFn: ({ signal }) => api<Agenda>('/api/agenda', { signal, query: { from, to, assignee } }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TaskRequest) => api<Task>('/api/tasks', { method: 'POST', body: request }),
    onSuccess: (task) => refreshPlanning(queryClient, task.party?.id),
  });
}

/** Marks a task done (and plans the next one of its series). */
export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (task: Pick<Task, 'id'>) => api<ClosedTask>(`/api/tasks/${encodeURIComponent(task.id)}/complete`, { method: 'POST' }),
    onSuccess: (closed) => refreshPlanning(queryClient, closed.task.party?.id),
  });
}

export function useCancelTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (task: Pick<Task, 'id'>) => api<ClosedTask>(`/api/tasks/${encodeURIComponent(task.id)}/cancel`, { method: 'POST' }),
    onSuccess: (closed) => refreshPlanning(queryClient, closed.task.party?.id),
  });
}

export function useDeleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (task: Task) => api<void>(`/api/tasks/${encodeURIComponent(task.id)}`, { method: 'DELETE' }),
    onSuccess: (_nothing, task) => refreshPlanning(queryClient, task.party?.id),
  });
}

/** My notifications, looked at again every minute. */
export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: ({ signal }) => api<NotificationList>('/api/notifications', { signal }),
    refetchInterval: 60_000,
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ marked: number }>('/api/notifications/read-all', { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
