/** What the attachment tests upload: a browser-like multipart body, and a real (tiny) PNG. */
import { randomUUID } from 'node:crypto';

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** One file in the field `file` of a multipart/form-data body, as a browser sends it. */
export function multipart(fileName: string, contentType: string, bytes: Buffer): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----rapport${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head, 'utf8'), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
