/**
 * /api/feedback: recording an answer and listing answers (the drill-down to the verbatims);
 * /api/voc/summary and /api/voc/worst: the Voice of the Customer dashboard's figures.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, Page, StringEnum, Timestamp } from '../../platform/http/schemas.ts';
import { PageQuery, SortQuery } from '../../platform/http/pagination.ts';
import {
  DEFAULT_MIN_ANSWERS,
  FEEDBACK_CHANNELS,
  FEEDBACK_SUBJECTS,
  TOUCHPOINTS,
  VOC_DIMENSIONS,
  VOC_GROUPINGS,
} from './feedback-reference.ts';
import { createFeedback, FEEDBACK_SORT_COLUMNS, listFeedback, type FeedbackRow } from './feedback-service.ts';
import { SENTIMENTS } from './sentiment.ts';
import { vocSummary, vocWorst } from './voc-service.ts';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD, counted in Europe/Paris time' });
const Nps = Type.Integer({ minimum: 0, maximum: 10 });
const Csat = Type.Integer({ minimum: 1, maximum: 5 });
const Effort = Type.Integer({ minimum: 1, maximum: 7, description: 'Customer effort, 1 (very easy) to 7 (very hard)' });

const FeedbackCreate = Type.Object(
  {
    partyId: Uuid,
    touchpoint: StringEnum(TOUCHPOINTS),
    channel: StringEnum(FEEDBACK_CHANNELS),
    subjectType: Type.Optional(Nullable(StringEnum(FEEDBACK_SUBJECTS))),
    subjectId: Type.Optional(Nullable(Uuid)),
    receivedAt: Type.Optional(Type.String({ format: 'date-time', description: 'When the answer was given; now by default' })),
    nps: Type.Optional(Nullable(Nps)),
    csat: Type.Optional(Nullable(Csat)),
    effort: Type.Optional(Nullable(Effort)),
    verbatim: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
    topics: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20, description: 'Tags; stored lower-case, without duplicates' })),
    sentiment: Type.Optional(Nullable(StringEnum(SENTIMENTS, { description: 'Derived from the scores and the verbatim when left out' }))),
  },
  {
    additionalProperties: false,
    examples: [
      {
        partyId: '2f1c7a52-8a0e-4a55-9d43-6f1d0c3b9e21',
        touchpoint: 'delivery',
        channel: 'email',
        nps: 4,
        csat: 2,
        verbatim: 'Livraison en retard de trois jours et carton abîmé.',
        topics: ['délai', 'emballage'],
      },
    ],
  },
);

const FeedbackOut = Type.Object({
  id: Type.String(),
  party: Type.Object({ id: Type.String(), kind: Type.String(), displayName: Type.String(), customerNumber: Type.String() }),
  touchpoint: Type.String(),
  channel: Type.String(),
  subject: Nullable(Type.Object({ type: Type.String(), id: Type.String() })),
  receivedAt: Timestamp,
  nps: Nullable(Type.Integer()),
  csat: Nullable(Type.Integer()),
  effort: Nullable(Type.Integer()),
  verbatim: Nullable(Type.String()),
  topics: Type.Array(Type.String()),
  sentiment: Nullable(Type.String()),
  createdAt: Timestamp,
});

const Period = { from: Type.Optional(Day), to: Type.Optional(Day) };

const ListQuery = Type.Object(
  {
    ...PageQuery,
    sort: SortQuery(Object.keys(FEEDBACK_SORT_COLUMNS) as (keyof typeof FEEDBACK_SORT_COLUMNS)[], '-receivedAt'),
    ...Period,
    partyId: Type.Optional(Uuid),
    touchpoint: Type.Optional(StringEnum(TOUCHPOINTS)),
    channel: Type.Optional(StringEnum(FEEDBACK_CHANNELS)),
    topic: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    sentiment: Type.Optional(StringEnum(SENTIMENTS)),
    npsMin: Type.Optional(Nps),
    npsMax: Type.Optional(Nps),
    csatMin: Type.Optional(Csat),
    csatMax: Type.Optional(Csat),
    subjectType: Type.Optional(StringEnum(FEEDBACK_SUBJECTS)),
    subjectId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

const MetricsFields = {
  answers: Type.Integer(),
  npsAnswers: Type.Integer(),
  promoters: Type.Integer(),
  passives: Type.Integer(),
  detractors: Type.Integer(),
  nps: Nullable(Type.Number({ description: '% promoters (9–10) − % detractors (0–6), over answers with an NPS' })),
  csatAnswers: Type.Integer(),
  csat: Nullable(Type.Number({ description: '% of answers with a CSAT of 4 or 5' })),
  csatAverage: Nullable(Type.Number()),
  effortAnswers: Type.Integer(),
  effortAverage: Nullable(Type.Number()),
  negativeShare: Nullable(Type.Number({ description: '% of answers labelled negative' })),
};
const GroupOut = Type.Object({ key: Type.String(), ...MetricsFields });

function presentFeedback(row: FeedbackRow): Static<typeof FeedbackOut> {
  return {
    id: row.id,
    party: { id: row.party_id, kind: row.party_kind, displayName: row.party_name, customerNumber: row.party_number },
    touchpoint: row.touchpoint,
    channel: row.channel,
    subject: row.subject_type && row.subject_id ? { type: row.subject_type, id: row.subject_id } : null,
    receivedAt: new Date(row.received_at).toISOString(),
    nps: row.nps,
    csat: row.csat,
    effort: row.effort,
    verbatim: row.verbatim,
    topics: row.topics,
    sentiment: row.sentiment,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export const feedbackRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/feedback',
    {
      config: { access: 'customers:write' },
      schema: {
        tags: ['voice of the customer'],
        summary: 'Record feedback: NPS 0–10, CSAT 1–5, effort 1–7 and/or a verbatim; the sentiment is derived when left out',
        body: FeedbackCreate,
        response: { 201: FeedbackOut, ...ERROR_RESPONSES, 422: Type.Ref('ErrorBody') },
      },
    },
    async (request, reply) => {
      const row = await createFeedback(requireAuth(request).ctx, request.body);
      reply.status(201);
      return presentFeedback(row);
    },
  );

  app.get(
    '/api/feedback',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['voice of the customer'],
        summary: 'Feedback answers with their verbatims, newest first; the filters drill down from the dashboard',
        querystring: ListQuery,
        response: { 200: Page(FeedbackOut), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const page = await listFeedback(requireAuth(request).ctx, request.query);
      return { data: page.data.map(presentFeedback), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/voc/summary',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['voice of the customer'],
        summary: 'NPS, CSAT, effort and negative share over a period (the last 12 months by default), in total and per group',
        querystring: Type.Object({ ...Period, groupBy: Type.Optional(StringEnum(VOC_GROUPINGS, { default: 'month' })) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ from: Type.String(), to: Type.String(), groupBy: Type.String(), total: Type.Object(MetricsFields), groups: Type.Array(GroupOut) }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => vocSummary(requireAuth(request).ctx, { ...request.query, groupBy: request.query.groupBy ?? 'month' }),
  );

  app.get(
    '/api/voc/worst',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['voice of the customer'],
        summary: 'Touch points, channels or topics with the lowest NPS first, among those with enough NPS answers',
        querystring: Type.Object(
          {
            ...Period,
            dimension: Type.Optional(StringEnum(VOC_DIMENSIONS, { default: 'touchpoint' })),
            minAnswers: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: DEFAULT_MIN_ANSWERS })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ from: Type.String(), to: Type.String(), data: Type.Array(GroupOut) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { dimension = 'touchpoint', minAnswers = DEFAULT_MIN_ANSWERS, ...period } = request.query;
      return vocWorst(requireAuth(request).ctx, { ...period, dimension, minAnswers });
    },
  );
};
