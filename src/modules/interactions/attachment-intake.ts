/**
 * Receiving an uploaded file: streamed to a temporary file while its SHA-256 is computed, cut off at the size
 * limit (the partial file removed), then recognised from its bytes and checked against the allow list. What
 * the client says the file is counts only where bytes cannot tell (plain text, CSV, e-mail messages) and to
 * refuse a name that contradicts the content (`invoice.pdf` holding a program).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';
import { AppError } from '../../platform/errors.ts';
import type { IncomingFile } from '../../platform/storage/attachment-store.ts';
import { ATTACHMENT_TYPES, type AttachmentType } from '../../shared/interactions/interaction-reference.ts';
import { extensionOf } from './attachment-names.ts';

/** `20971520` → `20 MiB`, `1500` → `1500 bytes`: how limits are named in messages. */
export function formatLimit(bytes: number): string {
  const units = [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const;
  for (const [unit, size] of units) {
    if (bytes >= size && bytes % (size / 16) === 0) return `${Number((bytes / size).toFixed(2))} ${unit}`;
  }
  return `${bytes} bytes`;
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `The file is larger than the limit of ${formatLimit(maxBytes)} (${maxBytes} bytes)`, [
    { field: 'body.file', rule: `must be at most ${formatLimit(maxBytes)} (${maxBytes} bytes)` },
  ]);
}

const ALLOWED_RULE =
  'must be a photo (JPEG, PNG, WebP, GIF, HEIC), a PDF, an office document (DOCX, XLSX, PPTX, ODT, ODS), plain text, CSV or an e-mail (EML)';

function refused(message: string): AppError {
  return new AppError('unsupported_media_type', message, [{ field: 'body.file', rule: ALLOWED_RULE }]);
}

/**
 * Writes `stream` to a new temporary file in `dir`, hashing as it goes. `truncated()` says whether the
 * multipart parser cut the file at the limit; then the partial file is removed and the answer is a 413.
 */
export async function receiveToTemporaryFile(
  stream: Readable,
  options: { dir: string; maxBytes: number; truncated: () => boolean },
): Promise<Omit<IncomingFile, 'contentType'>> {
  await mkdir(options.dir, { recursive: true });
  const file = path.join(options.dir, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      // The parser stops at the limit; counting here too keeps the promise without relying on it.
      if (size > options.maxBytes) return done(tooLarge(options.maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, meter, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    if (options.truncated()) throw tooLarge(options.maxBytes);
  } catch (error) {
    await rm(file, { force: true });
    if (error instanceof AppError) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(options.maxBytes);
    throw error;
  }
  return { path: file, size, sha256: hash.digest('hex') };
}

/** True when the file is UTF-8 text (a BOM allowed) with no NUL byte: what plain text, CSV and e-mails are. */
async function isUtf8Text(file: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(file)) {
      if ((chunk as Buffer).includes(0)) return false;
      decoder.decode(chunk as Buffer, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

function describe(type: { mime: string; ext?: string }): string {
  return type.ext ? `${type.mime} (.${type.ext})` : type.mime;
}

/**
 * The allowed type of the received file, recognised from its bytes. Refuses (415, naming what was found) a
 * type off the allow list, bytes that are neither a known format nor text, and a name whose extension says
 * another type than the content.
 */
export async function classifyFile(file: string, fileName: string, declaredType: string): Promise<AttachmentType> {
  const extension = extensionOf(fileName);
  const sniffed = await fileTypeFromFile(file);
  if (sniffed) {
    const allowed = ATTACHMENT_TYPES.find((t) => t.mime === sniffed.mime && !t.text);
    if (!allowed) throw refused(`Files of type ${describe(sniffed)} are not accepted`);
    if (extension && !allowed.extensions.includes(extension)) {
      throw refused(`${fileName} is named .${extension} but its content is ${describe(sniffed)}`);
    }
    return allowed;
  }
  // No magic number: text formats are told by the extension, or by the declared type when the name has none.
  const declared = declaredType.split(';')[0]!.trim().toLowerCase();
  const textual = extension
    ? ATTACHMENT_TYPES.find((t) => t.text && t.extensions.includes(extension))
    : (ATTACHMENT_TYPES.find((t) => t.text && t.mime === declared) ??
      (declared.startsWith('text/') ? ATTACHMENT_TYPES.find((t) => t.mime === 'text/plain') : undefined));
  const text = await isUtf8Text(file);
  if (!textual || !text) {
    const found = text ? 'text' : 'unknown binary data';
    throw refused(`The content of ${fileName} is not a type Rapport accepts (declared ${extension ? `.${extension}` : declared || 'nothing'}, found ${found})`);
  }
  return textual;
}
