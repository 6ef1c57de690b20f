/**
 * One upload from start to end: received into a temporary file within the size limit, recognised and checked
 * against the allow list, then kept and attached. A refused file leaves nothing behind.
 */
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { Ctx } from '../../platform/context.ts';
import { validationError } from '../../platform/errors.ts';
import type { AttachmentStore } from '../../platform/storage/attachment-store.ts';
import { classifyFile, receiveToTemporaryFile } from './attachment-intake.ts';
import { sanitiseFileName } from './attachment-names.ts';
import { addAttachment, assertOwner, type AttachmentOwner, type AttachmentRow } from './attachment-service.ts';

/** A file as the multipart parser hands it over. */
export interface UploadedStream {
  stream: Readable;
  fileName: string;
  declaredType: string;
  /** Whether the parser cut the file at the size limit. */
  truncated(): boolean;
}

export interface UploadOptions {
  store: AttachmentStore;
  maxBytes: number;
  owner: AttachmentOwner;
  /** Starts reading the request's file; called only once the owner is known to exist. */
  receive: () => Promise<UploadedStream>;
}

export async function uploadAttachment(ctx: Ctx, { store, maxBytes, owner, receive }: UploadOptions): Promise<AttachmentRow> {
  await assertOwner(ctx, owner);
  const upload = await receive();
  const received = await receiveToTemporaryFile(upload.stream, { dir: store.incomingDir, maxBytes, truncated: upload.truncated });
  const fileName = sanitiseFileName(upload.fileName);
  let contentType: string;
  try {
    if (received.size === 0) throw validationError('body.file', 'must not be empty');
    contentType = (await classifyFile(received.path, fileName, upload.declaredType)).mime;
  } catch (error) {
    await rm(received.path, { force: true });
    throw error;
  }
  return addAttachment(ctx, store, owner, { ...received, contentType, fileName });
}
