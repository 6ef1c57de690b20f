/**
 * Data hooks of the imports. Query keys: ['imports', 'list', cursor], ['imports', 'detail', id],
 * ['imports', 'preview', id], ['imports', 'targets']. Whatever changes an import refreshes the list; undoing one
 * also refreshes the customer lists and records it touched.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, uploadForm } from '../app/api.ts';
import { pollInterval } from './importModel.ts';
import type { ImportOut, ImportPage, ImportTargetName, MappingBody, MappingResult, PreviewRow, TargetInfo } from './importTypes.ts';

const path = (id: string, rest = '') => `/api/imports/${encodeURIComponent(id)}${rest}`;

/** The imports, newest first, one page after `cursor`; shaped as the list table reads pages. */
export function useImports(cursor: string | null, limit: number) {
  return useQuery({
    queryKey: ['imports', 'list', cursor, limit],
    queryFn: ({ signal }) => api<ImportPage>('/api/imports', { signal, query: { cursor, limit } }),
    select: (page) => ({ data: page.items, nextCursor: page.nextCursor }),
    placeholderData: keepPreviousData,
  });
}

/** One import, fetched again every 500 ms while it is queued or running so that its progress moves. */
export function useImport(id: string) {
  return useQuery({
    queryKey: ['imports', 'detail', id],
    queryFn: ({ signal }) => api<ImportOut>(path(id), { signal }),
    refetchInterval: (query) => pollInterval(query.state.data?.status),
    // Keep polling while the user looks at another tab: the import goes on regardless.
    refetchIntervalInBackground: true,
  });
}

/** What each kind of record accepts: its fields and the keys it can match existing records on. */
export function useImportTargets() {
  return useQuery({
    queryKey: ['imports', 'targets'],
    queryFn: ({ signal }) => api<{ targets: TargetInfo[] }>('/api/imports/targets', { signal }).then((r) => r.targets),
    staleTime: 5 * 60_000,
  });
}

/**
 * The preview of an import whose mapping is saved. The API computes a preview when a mapping is saved, so a
 * page opened afresh on a mapped import saves the same mapping again (an idempotent PUT) to get it; saving
 * from the mapping step puts its preview here directly.
 */
export function useImportPreview(imp: ImportOut, enabled: boolean) {
  return useQuery({
    queryKey: ['imports', 'preview', imp.id],
    queryFn: ({ signal }) =>
      api<MappingResult>(path(imp.id, '/mapping'), {
        method: 'PUT',
        signal,
        body: { target: imp.target, mapping: imp.mapping, matchKey: imp.matchKey, options: imp.options },
      }).then((result) => result.preview),
    enabled: enabled && imp.target !== null,
    staleTime: Infinity,
  });
}

function refreshList(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
}

function useImportChange<Input>(id: string, request: (input: Input) => Promise<ImportOut>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (imp) => {
      queryClient.setQueryData(['imports', 'detail', id], imp);
      refreshList(queryClient);
    },
  });
}

/** Saves the mapping; resolves with the preview of the first rows as they will be stored. */
export function useSaveMapping(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MappingBody) => api<MappingResult>(path(id, '/mapping'), { method: 'PUT', body }),
    onSuccess: (result) => {
      queryClient.setQueryData(['imports', 'detail', id], result.import);
      queryClient.setQueryData<PreviewRow[]>(['imports', 'preview', id], result.preview);
      refreshList(queryClient);
    },
  });
}

/** Queues the import, for real or as a dry run that writes nothing. */
export function useStartImport(id: string) {
  return useImportChange(id, (dryRun: boolean) => api<ImportOut>(path(id, '/start'), { method: 'POST', body: { dryRun } }));
}

export function useCancelImport(id: string) {
  return useImportChange(id, () => api<ImportOut>(path(id, '/cancel'), { method: 'POST' }));
}

/** Undoes a completed import: what it created is deleted, what it updated restored, so the customer data changes. */
export function useUndoImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ImportOut>(path(id, '/undo'), { method: 'POST' }),
    onSuccess: (imp) => {
      queryClient.setQueryData(['imports', 'detail', imp.id], imp);
      refreshList(queryClient);
      for (const key of ['parties', 'party', 'orders', 'catalogue', 'timeline', 'metrics']) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}

/** The link that downloads the rows refused by an import, with why. */
export function errorReportUrl(id: string): string {
  return path(id, '/errors.csv');
}

/**
 * Sends a file to be imported into `target`, reporting progress from 0 to 1; resolves with the analysed import.
 * Refusals arrive as ApiError (413 too large, 422 empty or unreadable).
 */
export function uploadImport(file: File, target: ImportTargetName, onProgress: (fraction: number) => void): Promise<ImportOut> {
  const form = new FormData();
  // The target first: the server reads the parts in order and needs it to suggest a mapping.
  form.append('target', target);
  form.append('file', file, file.name);
  return uploadForm<ImportOut>('/api/imports', form, onProgress);
}
