/**
 * Where the bytes of attached files live. The database row of an attachment keeps its name, type, size, hash
 * and key; the store keeps the bytes under that key: on disk by default, or in a bucket of any S3-compatible
 * service. Which one is a setting (`RAPPORT_ATTACHMENTS_STORE`), read once per configuration.
 */
import type { Readable } from 'node:stream';
import type { Config } from '../config.ts';
import { diskStore } from './disk-store.ts';
import { s3Store } from './s3-store.ts';

/** A file received completely into a temporary file, ready to be kept. */
export interface IncomingFile {
  /** The temporary file, inside the store's `incomingDir`. */
  path: string;
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  contentType: string;
}

export interface AttachmentStore {
  readonly kind: 'disk' | 's3';
  /** Where uploads are received before they are kept (on the store's own file system for a disk store). */
  readonly incomingDir: string;
  /** Keeps the file under `key`. The temporary file is gone afterwards, whether this succeeds or fails. */
  put(key: string, file: IncomingFile): Promise<void>;
  /** The bytes kept under `key`, or null when there are none. */
  get(key: string): Promise<Readable | null>;
  /** Forgets the bytes under `key`; missing bytes are not an error. */
  delete(key: string): Promise<void>;
}

/** Keys are `<workspace id>/<attachment id>`: nothing a file name or a client could steer. */
const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

export function attachmentKey(workspaceId: string, attachmentId: string): string {
  const key = `${workspaceId}/${attachmentId}`;
  assertKey(key);
  return key;
}

export function assertKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`Not an attachment key: ${key}`);
}

const stores = new WeakMap<Config, AttachmentStore>();

/** The store the configuration names, one per configuration object. */
export function attachmentStore(config: Config): AttachmentStore {
  let store = stores.get(config);
  if (!store) {
    const { s3 } = config.attachments;
    store = config.attachments.store === 's3' && s3 ? s3Store(s3) : diskStore(config.dataDir);
    stores.set(config, store);
  }
  return store;
}
