/** A customer's timeline over HTTP: one feed of everything exchanged, newest first, filtered by kind and channel. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { validationError } from '../../platform/errors.ts';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams } from '../../platform/http/schemas.ts';
import { PageQuery } from '../../platform/http/pagination.ts';
import { TIMELINE_KINDS } from '../../shared/reference/timeline.ts';
import { listTimeline } from './timeline-service.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const TimelineEntryOut = Type.Object({
  id: Type.String(),
  occurredAt: Type.String({ format: 'date-time' }),
  kind: Type.String(),
  channel: Nullable(Type.String()),
  subjectType: Nullable(Type.String()),
  subjectId: Nullable(Type.String()),
  actor: Nullable(Type.Object({ id: Nullable(Type.String()), label: Nullable(Type.String()) })),
  data: Type.Record(Type.String(), Type.Unknown(), { description: 'What the entry shows; `action` says what happened' }),
  via: Nullable(Type.Object({ id: Type.String(), kind: Type.String(), displayName: Type.String() }, { description: "The organisation's person this entry belongs to" })),
});

const TimelineQuery = Type.Object(
  {
    ...PageQuery,
    kind: Type.Optional(
      Type.String({ maxLength: 300, description: `Comma-separated kinds among ${TIMELINE_KINDS.join(', ')}` }),
    ),
    channel: Type.Optional(Type.String({ maxLength: 300, description: 'Comma-separated channels (email, phone, web, store, …)' })),
    includePeople: Type.Optional(Type.Boolean({ default: true, description: "For an organisation: also its people's entries" })),
  },
  { additionalProperties: false },
);

function list(value: string | undefined): string[] | undefined {
  const items = value?.split(',').map((item) => item.trim()).filter(Boolean);
  return items?.length ? items : undefined;
}

export const timelineRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/parties/:id/timeline',
    {
      config: { access: 'customers:read', resource: 'party' },
      schema: {
        tags: ['timeline'],
        summary: "The customer's timeline: interactions, tasks, orders, deliveries, invoices, payments, cases, feedback and record changes",
        params: IdParams,
        querystring: TimelineQuery,
        response: { 200: Type.Object({ data: Type.Array(TimelineEntryOut), nextCursor: Nullable(Type.String()) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { ctx } = requireAuth(request);
      const query = request.query;
      const kinds = list(query.kind);
      const unknown = kinds?.filter((kind) => !(TIMELINE_KINDS as readonly string[]).includes(kind));
      if (unknown?.length) {
        throw validationError('query.kind', `has unknown kind ${unknown.join(', ')}; must be among ${TIMELINE_KINDS.join(', ')}`);
      }
      return listTimeline(ctx, request.params.id, {
        kinds,
        channels: list(query.channel),
        includePeople: query.includePeople,
        limit: query.limit,
        cursor: query.cursor,
      });
    },
  );
};
