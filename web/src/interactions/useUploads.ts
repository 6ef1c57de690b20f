/**
 * Sending files one after the other to a record, with the progress and outcome of each, so a refused file
 * (too large, wrong type) is reported on its own line while the others go through.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { queued, uploadProblem, type UploadItem } from './attachmentModel.ts';
import { refreshAttachments, uploadAttachment } from './interactionHooks.ts';
import type { AttachmentOwnerType } from './interactionTypes.ts';

export function useUploads() {
  const queryClient = useQueryClient();
  const [items, setItems] = useState<UploadItem[]>([]);
  const [busy, setBusy] = useState(false);

  const update = (key: string, changes: Partial<UploadItem>) => setItems((list) => list.map((item) => (item.key === key ? { ...item, ...changes } : item)));

  /** Sends `files` to the record; resolves with how many failed. */
  const send = useCallback(
    async (ownerType: AttachmentOwnerType, ownerId: string, files: readonly File[]): Promise<number> => {
      const batch = queued(files);
      setItems((list) => [...list.filter((item) => item.status !== 'done'), ...batch]);
      setBusy(true);
      let failed = 0;
      try {
        for (const [i, item] of batch.entries()) {
          update(item.key, { status: 'sending' });
          try {
            await uploadAttachment(ownerType, ownerId, files[i]!, (progress) => update(item.key, { progress }));
            update(item.key, { status: 'done', progress: 1 });
          } catch (error) {
            failed++;
            update(item.key, { status: 'failed', problem: uploadProblem(error) });
          }
        }
      } finally {
        setBusy(false);
        refreshAttachments(queryClient, ownerType, ownerId);
      }
      return failed;
    },
    [queryClient],
  );

  const dismiss = useCallback((key: string) => setItems((list) => list.filter((item) => item.key !== key)), []);
  const clear = useCallback(() => setItems([]), []);
  return { items, busy, send, dismiss, clear };
}
