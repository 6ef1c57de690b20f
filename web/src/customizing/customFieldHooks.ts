/** Data hooks of the custom field settings. Query keys: ['custom-fields', entity, { includeArchived }]. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api.ts';
import type { CreateCustomFieldBody, CustomField, CustomFieldEntity, UpdateCustomFieldBody } from './customFieldModel.ts';

/** Every custom field of one kind of record, archived ones included. */
export function useCustomFields(entity: CustomFieldEntity) {
  return useQuery({
    queryKey: ['custom-fields', entity, { includeArchived: true }],
    queryFn: ({ signal }) =>
      api<{ data: CustomField[] }>('/api/custom-fields', { signal, query: { entity, includeArchived: true } }).then((r) => r.data),
  });
}

/** Refreshes every list of custom fields, including the ones the record pages read. */
function useRefreshFields() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['custom-fields'] });
}

export function useCreateCustomField() {
  const refresh = useRefreshFields();
  return useMutation({
    mutationFn: (body: CreateCustomFieldBody) => api<CustomField>('/api/custom-fields', { method: 'POST', body }),
    onSuccess: () => refresh(),
  });
}

export function useUpdateCustomField() {
  const refresh = useRefreshFields();
  return useMutation({
    mutationFn: ({ id, ...changes }: UpdateCustomFieldBody & { id: string }) =>
      api<CustomField>(`/api/custom-fields/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: () => refresh(),
  });
}

/** Saves new positions one field after the other, then refreshes once. */
export function useReorderCustomFields() {
  const refresh = useRefreshFields();
  return useMutation({
    mutationFn: async (moves: { id: string; position: number }[]) => {
      for (const move of moves) {
        await api<CustomField>(`/api/custom-fields/${encodeURIComponent(move.id)}`, { method: 'PATCH', body: { position: move.position } });
      }
    },
    onSettled: () => refresh(),
  });
}
