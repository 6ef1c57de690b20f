import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, NullableTimestamp, Page, Timestamp } from '../../platform/http/schemas.ts';
import { PageQuery, paginate } from '../../platform/http/pagination.ts';
import { scoped } from '../../platform/db/scoped.ts';

const Status = Type.Union([Type.Literal('pending'), Type.Literal('done'), Type.Literal('failed')]);
const JobOut = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  status: Status,
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  runAt: Timestamp,
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  completedAt: NullableTimestamp,
});

export const jobRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/jobs',
    {
      config: { access: 'jobs:read' },
      schema: {
        tags: ['jobs'],
        summary: 'Background jobs of the workspace, newest first (failed ones show their last error)',
        querystring: Type.Object({ ...PageQuery, status: Type.Optional(Status) }, { additionalProperties: false }),
        response: { 200: Page(JobOut), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { ctx } = requireAuth(request);
      let query = scoped(ctx.db, ctx.workspaceId).selectFrom('jobs').selectAll('jobs');
      if (request.query.status) query = query.where('status', '=', request.query.status);
      const page = await paginate(query, { ...request.query, sort: '-id' }, { sortColumns: { id: 'jobs.id' }, defaultSort: '-id', idColumn: 'jobs.id' });
      return {
        data: page.data.map((j) => ({
          id: j.id,
          kind: j.kind,
          status: j.status as 'pending' | 'done' | 'failed',
          attempts: j.attempts,
          maxAttempts: j.max_attempts,
          runAt: j.run_at.toISOString(),
          lastError: j.last_error,
          createdAt: j.created_at.toISOString(),
          completedAt: j.completed_at?.toISOString() ?? null,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );
};
