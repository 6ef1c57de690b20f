/**
 * Attachments: upload a file to an interaction or an after-sales case (multipart, one file in the field
 * `file`), list them, download one, delete one. Uploads are limited in size (413) and recognised from their
 * bytes against an allow list (415); downloads carry the exact file name and are never sniffed by browsers.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { AppError, validationError } from '../../platform/errors.ts';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams, StringEnum } from '../../platform/http/schemas.ts';
import type { AttachmentStore } from '../../platform/storage/attachment-store.ts';
import { attachmentFamily, type AttachmentOwnerType } from '../../shared/interactions/interaction-reference.ts';
import { tooLarge } from './attachment-intake.ts';
import { contentDisposition } from './attachment-names.ts';
import { presentAttachment } from './interaction-presenter.ts';
import { AttachmentOut } from './interaction-schemas.ts';
import { deleteAttachment, listAttachments, readAttachment } from './attachment-service.ts';
import { uploadAttachment, type UploadedStream } from './attachment-upload.ts';

export interface AttachmentRouteOptions {
  store: AttachmentStore;
  maxBytes: number;
}

const TAGS = ['attachments'];
const UPLOAD_REFUSALS = { 413: Type.Ref('ErrorBody'), 415: Type.Ref('ErrorBody') } as const;
/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

const OWNER_ROUTES: { type: AttachmentOwnerType; path: string; label: string }[] = [
  { type: 'interaction', path: '/api/interactions/:id/attachments', label: 'an interaction' },
  { type: 'case', path: '/api/cases/:id/attachments', label: 'an after-sales case' },
];

/** The one file of a multipart request, refused early when the request is too large to hold an acceptable one. */
async function uploadedFile(request: FastifyRequest, maxBytes: number): Promise<UploadedStream> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data, in a field named file', [{ field: 'body.file', rule: 'is required' }]);
  }
  if (Number(request.headers['content-length']) > maxBytes + MULTIPART_OVERHEAD) throw tooLarge(maxBytes);
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11 }, throwFileSizeLimit: false });
  if (!part) throw validationError('body.file', 'is required');
  return { stream: part.file, fileName: part.filename, declaredType: part.mimetype, truncated: () => part.file.truncated };
}

/** Images and PDFs may be shown in the browser when asked; everything else is always a download. */
function dispositionFor(contentType: string, wanted: 'attachment' | 'inline' | undefined): 'attachment' | 'inline' {
  const family = attachmentFamily(contentType);
  const showable = (family === 'image' && !contentType.startsWith('image/hei')) || family === 'pdf';
  return wanted === 'inline' && showable ? 'inline' : 'attachment';
}

export const attachmentRoutes: FastifyPluginAsyncTypebox<AttachmentRouteOptions> = async (app, { store, maxBytes }) => {
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1 } });

  for (const owner of OWNER_ROUTES) {
    app.get(
      owner.path,
      {
        config: { access: 'customers:read', resource: owner.type },
        schema: {
          tags: TAGS,
          summary: `The files attached to ${owner.label}, oldest first`,
          params: IdParams,
          response: { 200: Type.Object({ data: Type.Array(AttachmentOut) }), ...ERROR_RESPONSES },
        },
      },
      async (request) => {
        const rows = await listAttachments(requireAuth(request).ctx, { type: owner.type, id: request.params.id });
        return { data: rows.map(presentAttachment) };
      },
    );

    app.post(
      owner.path,
      {
        config: { access: 'customers:write', resource: owner.type },
        schema: {
          tags: TAGS,
          summary: `Attach a file to ${owner.label}: multipart/form-data with one file in the field "file"`,
          description:
            `At most ${maxBytes} bytes (RAPPORT_ATTACHMENT_MAX_BYTES; 413 beyond). Accepted: JPEG, PNG, WebP, GIF, HEIC, PDF, DOCX, XLSX, PPTX, ` +
            'ODT, ODS, plain text, CSV and EML, recognised from the bytes; anything else, or a name whose extension contradicts the content, is refused with 415.',
          consumes: ['multipart/form-data'],
          params: IdParams,
          response: { 201: AttachmentOut, ...ERROR_RESPONSES, ...UPLOAD_REFUSALS },
        },
      },
      async (request, reply) => {
        const row = await uploadAttachment(requireAuth(request).ctx, {
          store,
          maxBytes,
          owner: { type: owner.type, id: request.params.id },
          receive: () => uploadedFile(request, maxBytes),
        });
        reply.status(201);
        return presentAttachment(row);
      },
    );
  }

  app.get(
    '/api/attachments/:id/content',
    {
      config: { access: 'customers:read', resource: 'attachment' },
      schema: {
        tags: TAGS,
        summary: 'Download the bytes of an attached file',
        params: IdParams,
        querystring: Type.Object(
          { disposition: Type.Optional(StringEnum(['attachment', 'inline'] as const, { description: 'inline shows images and PDFs in the browser' })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.String({ format: 'binary', description: 'The file' }), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { row, content } = await readAttachment(requireAuth(request).ctx, store, request.params.id);
      const textual = row.content_type.startsWith('text/') || row.content_type === 'message/rfc822';
      reply.header('content-type', textual ? `${row.content_type}; charset=utf-8` : row.content_type);
      reply.header('content-length', String(row.size_bytes));
      reply.header('content-disposition', contentDisposition(dispositionFor(row.content_type, request.query.disposition), row.file_name));
      reply.header('x-content-type-options', 'nosniff');
      reply.header('etag', `"${row.sha256}"`);
      return reply.send(content);
    },
  );

  app.delete(
    '/api/attachments/:id',
    {
      config: { access: 'customers:write', resource: 'attachment' },
      schema: { tags: TAGS, summary: 'Delete an attached file', params: IdParams, response: { 204: Type.Null(), ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      await deleteAttachment(requireAuth(request).ctx, store, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
