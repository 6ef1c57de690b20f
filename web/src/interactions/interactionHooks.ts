/**
 * Data hooks of interactions and attachments. Query keys: ['interactions', 'detail', id] for one interaction,
 * ['attachments', ownerType, ownerId] for the files of a record. Anything that changes an interaction or its
 * files refreshes every query starting with ['interactions'] and ['timeline'], where it shows.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, uploadForm } from '../app/api.ts';
import type { Attachment, AttachmentOwnerType, Interaction } from './interactionTypes.ts';

const interactionPath = (id: string) => `/api/interactions/${encodeURIComponent(id)}`;
const attachmentsPath = (ownerType: AttachmentOwnerType, ownerId: string) =>
  `/api/${ownerType === 'interaction' ? 'interactions' : 'cases'}/${encodeURIComponent(ownerId)}/attachments`;

export const attachmentsKey = (ownerType: AttachmentOwnerType, ownerId: string) => ['attachments', ownerType, ownerId] as const;

export function refreshInteractions(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ['interactions'] });
  void queryClient.invalidateQueries({ queryKey: ['timeline'] });
}

export function useInteraction(id: string | null) {
  return useQuery({
    queryKey: ['interactions', 'detail', id],
    queryFn: ({ signal }) => api<Interaction>(interactionPath(id!), { signal }),
    enabled: id !== null,
  });
}

export function useCreateInteraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: object) => api<Interaction>('/api/interactions', { method: 'POST', body }),
    onSuccess: () => refreshInteractions(queryClient),
  });
}

export function useUpdateInteraction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: object) => api<Interaction>(interactionPath(id), { method: 'PATCH', body }),
    onSuccess: (interaction) => {
      queryClient.setQueryData(['interactions', 'detail', id], interaction);
      refreshInteractions(queryClient);
    },
  });
}

export function useDeleteInteraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(interactionPath(id), { method: 'DELETE' }),
    onSuccess: (_nothing, id) => {
      queryClient.removeQueries({ queryKey: ['interactions', 'detail', id] });
      refreshInteractions(queryClient);
    },
  });
}

export function useAttachments(ownerType: AttachmentOwnerType, ownerId: string) {
  return useQuery({
    queryKey: attachmentsKey(ownerType, ownerId),
    queryFn: ({ signal }) => api<{ data: Attachment[] }>(attachmentsPath(ownerType, ownerId), { signal }),
    select: (page) => page.data,
  });
}

/** After files of a record changed: its list, and for an interaction its count on the timeline. */
export function refreshAttachments(queryClient: QueryClient, ownerType: AttachmentOwnerType, ownerId: string): void {
  void queryClient.invalidateQueries({ queryKey: attachmentsKey(ownerType, ownerId) });
  if (ownerType === 'interaction') refreshInteractions(queryClient);
}

export function useDeleteAttachment(ownerType: AttachmentOwnerType, ownerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachment: Attachment) => api<void>(`/api/attachments/${encodeURIComponent(attachment.id)}`, { method: 'DELETE' }),
    onSuccess: () => refreshAttachments(queryClient, ownerType, ownerId),
  });
}

/**
 * Sends one file to a record, reporting progress from 0 to 1. Refusals arrive as ApiError (413 too large,
 * 415 refused type).
 */
export function uploadAttachment(
  ownerType: AttachmentOwnerType,
  ownerId: string,
  file: File,
  onProgress: (fraction: number) => void = () => {},
): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return uploadForm<Attachment>(attachmentsPath(ownerType, ownerId), form, onProgress);
}
