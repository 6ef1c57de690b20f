/**
 * /api/cases: the after-sales queue, one case, opening, changing, the status workflow and the first response;
 * /api/sla-policies: the first-response and resolution targets per priority.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams, Page, StringEnum } from '../../platform/http/schemas.ts';
import { PageQuery, SortQuery } from '../../platform/http/pagination.ts';
import { CASE_PRIORITIES, CASE_STATUSES, CASE_TYPES } from './case-reference.ts';
import { CASE_SORT_COLUMNS, findCase, listCases } from './case-queries.ts';
import { CaseCreate, CaseOut, CaseStatusChange, CaseUpdate, presentCase } from './case-schemas.ts';
import { changeCaseStatus, createCase, respondToCase, updateCase } from './case-service.ts';
import { getSlaPolicies, setSlaPolicies } from './sla-service.ts';

const WRITE_ERRORS = { ...ERROR_RESPONSES, 409: Type.Ref('ErrorBody'), 422: Type.Ref('ErrorBody') } as const;
const Uuid = Type.String({ format: 'uuid' });
const Minutes = Type.Integer({ minimum: 1, maximum: 525_600 });

const SlaPolicyOut = Type.Object({
  priority: Type.String(),
  firstResponseMinutes: Type.Integer(),
  resolutionMinutes: Type.Integer(),
  isDefault: Type.Boolean({ description: 'True while the workspace has not set this priority' }),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
});
const SlaPoliciesOut = Type.Object({
  clock: Type.Literal('elapsed', { description: 'Targets count elapsed time: nights, week-ends and waits for the customer included' }),
  data: Type.Array(SlaPolicyOut),
});

const ListQuery = Type.Object(
  {
    ...PageQuery,
    sort: SortQuery(Object.keys(CASE_SORT_COLUMNS) as (keyof typeof CASE_SORT_COLUMNS)[], 'urgency'),
    status: Type.Optional(StringEnum(CASE_STATUSES)),
    open: Type.Optional(Type.Boolean({ description: 'Only cases still waiting for work: new, open, waiting for the customer' })),
    assignee: Type.Optional(
      Type.Union([Uuid, Type.Literal('me'), Type.Literal('none')], { description: 'A user id, me, or none for unassigned cases' }),
    ),
    priority: Type.Optional(StringEnum(CASE_PRIORITIES)),
    type: Type.Optional(StringEnum(CASE_TYPES)),
    partyId: Type.Optional(Uuid),
    orderId: Type.Optional(Uuid),
    breached: Type.Optional(Type.Boolean({ description: 'Only cases that missed, or are missing, a target' })),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Part of the subject, or the case number' })),
  },
  { additionalProperties: false },
);

export const caseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/sla-policies',
    {
      config: { access: 'customers:read' },
      schema: { tags: ['cases'], summary: 'First-response and resolution targets per priority', response: { 200: SlaPoliciesOut, ...ERROR_RESPONSES } },
    },
    async (request) => ({ clock: 'elapsed' as const, data: await getSlaPolicies(requireAuth(request).ctx) }),
  );

  app.put(
    '/api/sla-policies',
    {
      config: { access: 'service:configure' },
      schema: {
        tags: ['cases'],
        summary: 'Set the targets of some priorities (the others stay); open cases keep the due times they were given',
        body: Type.Object(
          {
            policies: Type.Array(
              Type.Object(
                { priority: StringEnum(CASE_PRIORITIES), firstResponseMinutes: Minutes, resolutionMinutes: Minutes },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: CASE_PRIORITIES.length },
            ),
          },
          { additionalProperties: false, examples: [{ policies: [{ priority: 'urgent', firstResponseMinutes: 30, resolutionMinutes: 240 }] }] },
        ),
        response: { 200: SlaPoliciesOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ clock: 'elapsed' as const, data: await setSlaPolicies(requireAuth(request).ctx, request.body.policies) }),
  );

  app.get(
    '/api/cases',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['cases'],
        summary: 'The after-sales queue, most urgent first (the nearest deadline still to meet)',
        querystring: ListQuery,
        response: { 200: Page(CaseOut), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const page = await listCases(requireAuth(request).ctx, request.query);
      const now = new Date();
      return { data: page.data.map((row) => presentCase(row, now)), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/cases',
    {
      config: { access: 'customers:write' },
      schema: {
        tags: ['cases'],
        summary: 'Open a case; its due times come from the SLA targets of its priority',
        body: CaseCreate,
        response: { 201: CaseOut, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const row = await createCase(requireAuth(request).ctx, request.body);
      reply.status(201);
      return presentCase(row);
    },
  );

  app.get(
    '/api/cases/:id',
    {
      config: { access: 'customers:read', resource: 'case' },
      schema: { tags: ['cases'], summary: 'One case with its SLA timers and breach flags', params: IdParams, response: { 200: CaseOut, ...ERROR_RESPONSES } },
    },
    async (request) => presentCase(await findCase(requireAuth(request).ctx, request.params.id)),
  );

  app.patch(
    '/api/cases/:id',
    {
      config: { access: 'customers:write', resource: 'case' },
      schema: {
        tags: ['cases'],
        summary: 'Change a case; a new priority moves its due times; 409 with the current case when it changed since you read it',
        params: IdParams,
        body: CaseUpdate,
        response: { 200: CaseOut, ...WRITE_ERRORS },
      },
    },
    async (request) => presentCase(await updateCase(requireAuth(request).ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/cases/:id/status',
    {
      config: { access: 'customers:write', resource: 'case' },
      schema: {
        tags: ['cases'],
        summary: 'Move a case: new → open → waiting_customer ↔ open → resolved (with resolution notes) → closed; resolved → open reopens',
        params: IdParams,
        body: CaseStatusChange,
        response: { 200: CaseOut, ...WRITE_ERRORS },
      },
    },
    async (request) => presentCase(await changeCaseStatus(requireAuth(request).ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/cases/:id/respond',
    {
      config: { access: 'customers:write', resource: 'case' },
      schema: {
        tags: ['cases'],
        summary: 'Record that the customer got a first answer now (a new case opens); an outbound interaction logged on the case counts too',
        params: IdParams,
        response: { 200: CaseOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => presentCase(await respondToCase(requireAuth(request).ctx, request.params.id)),
  );
};
