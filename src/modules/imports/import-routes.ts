/**
 * Imports: upload, mapping with preview, dry run, run, progress, cancel, error report, undo. The rows are
 * written by the import runner (`import-runner.ts`) started with the server; these routes only queue, watch and
 * take back.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors.ts';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams } from '../../platform/http/schemas.ts';
import { formatLimit, tooLarge } from '../interactions/attachment-intake.ts';
import { contentDisposition } from '../interactions/attachment-names.ts';
import { errorReport, errorReportName } from './error-report.ts';
import { presentImport } from './import-presenter.ts';
import { ImportListQuery, ImportOut, ImportPage, MappingIn, MappingOut, StartIn, TargetsOut } from './import-schemas.ts';
import { getImport, listImports, listTargets, setMapping, startImport, uploadImport, type UploadOptions } from './import-service.ts';
import { cancelImport, undoImport } from './import-undo.ts';

const TAGS = ['imports'];
const ACCESS = { access: 'data:import', resource: 'import' } as const;
const CONFLICT = { 409: Type.Ref('ErrorBody') } as const;
/** Room for the multipart boundaries, part headers and the `target` field around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** Reads the parts of the upload form: the file is handed to `store` as it streams, `target` is kept. */
function readForm(request: FastifyRequest, maxBytes: number): UploadOptions['receive'] {
  return async (store) => {
    if (!request.isMultipart()) {
      throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data, in a field named file', [{ field: 'body.file', rule: 'is required' }]);
    }
    if (Number(request.headers['content-length']) > maxBytes + MULTIPART_OVERHEAD) throw tooLarge(maxBytes);
    let target: string | undefined;
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 } })) {
      if (part.type === 'file') {
        if (part.fieldname === 'file') await store({ stream: part.file, fileName: part.filename, truncated: () => part.file.truncated });
        else part.file.resume();
      } else if (part.fieldname === 'target' && typeof part.value === 'string' && part.value.trim() !== '') {
        target = part.value.trim();
      }
    }
    return { target };
  };
}

export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { dataDir, importMaxBytes: maxBytes } = app.deps.config;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1 } });

  app.get(
    '/api/imports/targets',
    {
      config: { access: 'data:import' },
      schema: { tags: TAGS, summary: 'What can be imported: each target with its match keys and fields', response: { 200: TargetsOut, ...ERROR_RESPONSES } },
    },
    async (request) => listTargets(requireAuth(request).ctx),
  );

  app.post(
    '/api/imports',
    {
      config: { access: 'data:import' },
      schema: {
        tags: TAGS,
        summary: 'Upload a file to import (multipart/form-data: the file in "file", optionally the target in "target")',
        description:
          `CSV (any delimiter and usual encodings), XLSX or vCard, at most ${formatLimit(maxBytes)} (RAPPORT_IMPORT_MAX_BYTES; 413 beyond). ` +
          'The file is analysed (encoding, delimiter, layout, column titles, first rows); an empty or unreadable file is a 422.',
        consumes: ['multipart/form-data'],
        response: { 201: ImportOut, ...ERROR_RESPONSES, 413: Type.Ref('ErrorBody'), 415: Type.Ref('ErrorBody'), 422: Type.Ref('ErrorBody') },
      },
    },
    async (request, reply) => {
      const row = await uploadImport(requireAuth(request).ctx, { dataDir, maxBytes, receive: readForm(request, maxBytes) });
      reply.status(201);
      return presentImport(row);
    },
  );

  app.get(
    '/api/imports',
    {
      config: { access: 'data:import' },
      schema: { tags: TAGS, summary: 'The imports of the workspace, newest first', querystring: ImportListQuery, response: { 200: ImportPage, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const page = await listImports(requireAuth(request).ctx, request.query);
      return { items: page.data.map(presentImport), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/imports/:id',
    {
      config: ACCESS,
      schema: { tags: TAGS, summary: 'One import with its progress and counts', params: IdParams, response: { 200: ImportOut, ...ERROR_RESPONSES } },
    },
    async (request) => presentImport(await getImport(requireAuth(request).ctx, request.params.id)),
  );

  app.put(
    '/api/imports/:id/mapping',
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: 'Choose the target, map the columns and preview the first 20 rows as they would be written',
        params: IdParams,
        body: MappingIn,
        response: { 200: MappingOut, ...ERROR_RESPONSES, ...CONFLICT },
      },
    },
    async (request) => {
      const { row, preview } = await setMapping(requireAuth(request).ctx, request.params.id, request.body, dataDir);
      return { import: presentImport(row), preview };
    },
  );

  app.post(
    '/api/imports/:id/start',
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: 'Queue a mapped import; a dry run checks every row and writes nothing',
        params: IdParams,
        body: StartIn,
        response: { 202: ImportOut, ...ERROR_RESPONSES, ...CONFLICT },
      },
    },
    async (request, reply) => {
      const row = await startImport(requireAuth(request).ctx, request.params.id, { dryRun: request.body.dryRun });
      reply.status(202);
      return presentImport(row);
    },
  );

  app.post(
    '/api/imports/:id/cancel',
    {
      config: ACCESS,
      schema: { tags: TAGS, summary: 'Stop a queued or running import and roll back what it wrote', params: IdParams, response: { 200: ImportOut, ...ERROR_RESPONSES, ...CONFLICT } },
    },
    async (request) => {
      const { ctx } = requireAuth(request);
      await cancelImport(ctx, request.params.id, dataDir);
      return presentImport(await getImport(ctx, request.params.id));
    },
  );

  app.post(
    '/api/imports/:id/undo',
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: 'Undo a finished import: delete what it created, restore what it updated (409 when records were used or changed since)',
        params: IdParams,
        response: { 200: ImportOut, ...ERROR_RESPONSES, ...CONFLICT },
      },
    },
    async (request) => {
      const { ctx } = requireAuth(request);
      await undoImport(ctx, request.params.id);
      return presentImport(await getImport(ctx, request.params.id));
    },
  );

  app.get(
    '/api/imports/:id/errors.csv',
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: 'The error report: one line per problem, row;column;value;reason (UTF-8 with BOM, for Excel)',
        params: IdParams,
        response: { 200: Type.String({ description: 'CSV text' }), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { ctx } = requireAuth(request);
      const row = await getImport(ctx, request.params.id);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', contentDisposition('attachment', errorReportName(row.file_name)));
      reply.header('x-content-type-options', 'nosniff');
      return reply.send(errorReport(ctx, row.id));
    },
  );
};
