/** Files being sent and why one was refused, pure. */
import { ApiError } from '../app/api.ts';

export type UploadStatus = 'waiting' | 'sending' | 'done' | 'failed';

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  status: UploadStatus;
  /** 0 to 1 while sending. */
  progress: number;
  problem?: UploadProblem;
}

export type UploadProblem =
  | { kind: 'tooLarge'; limitBytes: number | null; message: string }
  | { kind: 'refusedType'; message: string }
  | { kind: 'other'; message: string };

/** What went wrong with one file, from the API's answer: 413 names the limit in bytes, 415 what the bytes were. */
export function uploadProblem(error: unknown): UploadProblem {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError && (error.status === 413 || error.code === 'payload_too_large')) {
    const limit = /\((\d+) bytes\)/.exec(message);
    return { kind: 'tooLarge', limitBytes: limit ? Number(limit[1]) : null, message };
  }
  if (error instanceof ApiError && (error.status === 415 || error.code === 'unsupported_media_type')) return { kind: 'refusedType', message };
  return { kind: 'other', message };
}

/** The upload list for newly chosen files, each waiting its turn. */
export function queued(files: readonly File[], now: number = Date.now()): UploadItem[] {
  return files.map((file, i) => ({ key: `${now}-${i}-${file.name}`, name: file.name, size: file.size, status: 'waiting', progress: 0 }));
}
