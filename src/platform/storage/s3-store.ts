/**
 * Attachments in a bucket of any S3-compatible service (AWS, Scaleway, OVHcloud, MinIO, Garage…), addressed
 * path-style (`<endpoint>/<bucket>/<key>`) and signed with AWS Signature V4. Uploads are streamed from the
 * temporary file; the SHA-256 computed while receiving it is sent as the payload hash, so the service checks
 * the bytes it got without Rapport reading the file twice.
 */
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AwsClient } from 'aws4fetch';
import type { S3Settings } from '../config.ts';
import { AppError } from '../errors.ts';
import { assertKey, type AttachmentStore, type IncomingFile } from './attachment-store.ts';

function unavailable(action: string, status: number): AppError {
  return new AppError('unavailable', `The attachment store could not ${action} the file (it answered HTTP ${status})`);
}

export function s3Store(settings: S3Settings): AttachmentStore {
  // A streamed body cannot be sent twice, so the client must not retry on its own.
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    region: settings.region,
    service: 's3',
    retries: 0,
  });
  const urlOf = (key: string) => {
    assertKey(key);
    return `${settings.endpoint}/${encodeURIComponent(settings.bucket)}/${key}`;
  };
  const incomingDir = path.join(tmpdir(), 'rapport-incoming');
  return {
    kind: 's3',
    incomingDir,

    async put(key: string, file: IncomingFile): Promise<void> {
      try {
        const body = Readable.toWeb(createReadStream(file.path)) as unknown as ReadableStream<Uint8Array>;
        const response = await client.fetch(urlOf(key), {
          method: 'PUT',
          body,
          headers: {
            'content-type': file.contentType,
            'content-length': String(file.size),
            'x-amz-content-sha256': file.sha256,
          },
        });
        await response.body?.cancel();
        if (!response.ok) throw unavailable('keep', response.status);
      } finally {
        await rm(file.path, { force: true });
      }
    },

    async get(key: string): Promise<Readable | null> {
      const response = await client.fetch(urlOf(key), { method: 'GET' });
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        throw unavailable('read', response.status);
      }
      return Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>);
    },

    async delete(key: string): Promise<void> {
      const response = await client.fetch(urlOf(key), { method: 'DELETE' });
      await response.body?.cancel();
      if (!response.ok && response.status !== 404) throw unavailable('delete', response.status);
    },
  };
}

