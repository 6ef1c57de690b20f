/**
 * Attachments on the local disk, under `<data dir>/attachments/<workspace id>/<attachment id>`. Uploads arrive
 * in `attachments/.incoming` on the same file system, so keeping one is an atomic rename: a file is either
 * absent or complete, never half written.
 */
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { assertKey, type AttachmentStore, type IncomingFile } from './attachment-store.ts';

export function diskStore(dataDir: string): AttachmentStore {
  const root = path.join(dataDir, 'attachments');
  const fileOf = (key: string) => {
    assertKey(key);
    return path.join(root, ...key.split('/'));
  };
  return {
    kind: 'disk',
    incomingDir: path.join(root, '.incoming'),

    async put(key: string, file: IncomingFile): Promise<void> {
      const target = fileOf(key);
      try {
        await mkdir(path.dirname(target), { recursive: true });
        await rename(file.path, target);
      } finally {
        await rm(file.path, { force: true });
      }
    },

    async get(key: string): Promise<Readable | null> {
      const file = fileOf(key);
      const found = await stat(file).catch(() => null);
      return found?.isFile() ? createReadStream(file) : null;
    },

    async delete(key: string): Promise<void> {
      await rm(fileOf(key), { force: true });
    },
  };
}
