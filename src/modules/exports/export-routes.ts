/**
 * Exports of lists and saved views to CSV, XLSX and vCard, streamed: GET /api/exports/people and
 * /api/exports/organisations take the list's filters (or a saved view) and answer with the file as it is written.
 */
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, StringEnum } from '../../platform/http/schemas.ts';
import { validatorCompiler } from '../../platform/http/validation.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import { OrganisationFilters, PersonFilters } from '../parties/party-routes.ts';
import { SORT_COLUMNS, type ListPartiesOptions } from '../parties/party-service.ts';
import type { PartyKind } from '../parties/party-schemas.ts';
import { EXPORT_FORMATS, openPages, planExport, writeExport, type ExportFormat, type FilterCheck } from './export-service.ts';
import { EXPORT_ONLY_COLUMNS } from './export-columns.ts';

const FILES: Record<ExportFormat, { extension: string; contentType: string }> = {
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8' },
  'csv-excel': { extension: 'csv', contentType: 'text/csv; charset=utf-8' },
  xlsx: { extension: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  vcard: { extension: 'vcf', contentType: 'text/vcard; charset=utf-8' },
};

const SORTS = Object.keys(SORT_COLUMNS).flatMap((field) => [field, `-${field}`]);

interface KindExport {
  kind: PartyKind;
  path: string;
  word: string;
  filters: Record<string, TSchema>;
}

const KINDS: KindExport[] = [
  { kind: 'person', path: '/api/exports/people', word: 'people', filters: PersonFilters },
  { kind: 'organisation', path: '/api/exports/organisations', word: 'organisations', filters: OrganisationFilters },
];

/** Checks a saved view's filters with the list's own schema (the filters of the other kind dropped first). */
function filterCheck(filters: Record<string, TSchema>): FilterCheck {
  const validate = validatorCompiler({ schema: Type.Object(filters, { additionalProperties: false }), httpPart: 'querystring', url: '', method: 'GET' });
  return (values) => {
    for (const key of Object.keys(values)) if (!(key in filters) || values[key] === undefined) delete values[key];
    if (validate(values) === true) return [];
    const errors = (validate as unknown as { errors?: { instancePath: string; message?: string }[] }).errors ?? [];
    return errors.map((e): FieldIssue => ({ field: e.instancePath.replace(/^\//, '').replace(/\//g, '.'), rule: e.message ?? 'is not a valid filter' }));
  };
}

/** "people-2026-11-25.csv": what the file is and the day it was taken. */
function fileName(word: string, format: ExportFormat): string {
  return `${word}-${new Date().toISOString().slice(0, 10)}.${FILES[format].extension}`;
}

export const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  for (const k of KINDS) {
    const check = filterCheck(k.filters);
    const querystring = Type.Object(
      {
        format: Type.Optional(StringEnum(EXPORT_FORMATS, { default: 'csv', description: 'csv-excel: semicolons and decimal commas, for French Excel' })),
        view: Type.Optional(Type.String({ format: 'uuid', description: 'A saved view: its filters, sort and columns (parameters given here replace the view’s)' })),
        columns: Type.Optional(
          Type.String({
            maxLength: 4000,
            description: `Column ids separated by commas: the list's columns, custom.<key>, and ${EXPORT_ONLY_COLUMNS.join(', ')}`,
          }),
        ),
        sort: Type.Optional(StringEnum(SORTS, { description: 'The list sort (name by default)' })),
        ...k.filters,
      },
      { additionalProperties: false },
    );

    app.get(
      k.path,
      {
        config: { access: 'data:export' },
        exposeHeadRoute: false,
        schema: {
          tags: ['exports'],
          summary: `Export the ${k.word} list (its filters or a saved view) as CSV, CSV for French Excel, XLSX or vCard`,
          querystring,
          response: { 200: Type.String({ format: 'binary', description: 'The file, streamed' }), ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const { ctx } = requireAuth(request);
        const { format = 'csv', view, columns, sort, ...filters } = request.query as Record<string, unknown> & {
          format?: ExportFormat;
          view?: string;
          columns?: string;
          sort?: string;
        };
        const plan = await planExport(ctx, k.kind, { format, view, columns, sort, filters: filters as ListPartiesOptions }, check);
        const pages = await openPages(ctx, plan);
        const out = new PassThrough();
        writeExport(ctx, plan, pages, out).catch((error: unknown) => {
          request.log.error({ err: error }, 'export failed part way');
          out.destroy(error instanceof Error ? error : new Error(String(error)));
        });
        reply.header('content-type', FILES[format].contentType);
        reply.header('content-disposition', `attachment; filename="${fileName(k.word, format)}"`);
        reply.header('cache-control', 'no-store');
        reply.header('x-content-type-options', 'nosniff');
        return reply.send(out);
      },
    );
  }
};
