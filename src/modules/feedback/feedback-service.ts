/**
 * Feedback captured at a touch point: recording an answer (scores, verbatim, topics, a sentiment derived when
 * none is given) on the customer's timeline, and listing answers — the dashboard's drill-down to the verbatims.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { FeedbackTable } from '../../platform/db/schema.ts';
import { actorUserId, inTransaction, type Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { throwIfIssues, throwIfUnprocessable, type FieldIssue } from '../../platform/errors.ts';
import { paginate, type PageRequest, type PageResult } from '../../platform/http/pagination.ts';
import { refreshCustomerMetrics } from '../metrics/metrics-service.ts';
import { recordTimeline } from '../timeline/timeline-writer.ts';
import { normaliseTopics, type FeedbackSubject } from './feedback-reference.ts';
import { checkFeedbackSubject } from './feedback-subjects.ts';
import { deriveSentiment, type Sentiment } from './sentiment.ts';

export type FeedbackRow = Selectable<FeedbackTable> & { party_kind: string; party_name: string; party_number: string };

export interface FeedbackInput {
  partyId: string;
  touchpoint: string;
  channel: string;
  subjectType?: FeedbackSubject | null;
  subjectId?: string | null;
  receivedAt?: string;
  nps?: number | null;
  csat?: number | null;
  effort?: number | null;
  verbatim?: string | null;
  topics?: string[];
  sentiment?: Sentiment | null;
}

/** The time zone that days and months of feedback are counted in. */
export const BUSINESS_TIME_ZONE = 'Europe/Paris';
const EXCERPT_LENGTH = 160;
const CLOCK_SKEW_MS = 5 * 60_000;

function withParty(ctx: Ctx) {
  return scoped(ctx.db, ctx.workspaceId)
    .selectFrom('feedback')
    .innerJoin('parties', (j) => j.onRef('parties.workspace_id', '=', 'feedback.workspace_id').onRef('parties.id', '=', 'feedback.party_id'))
    .selectAll('feedback')
    .select(['parties.kind as party_kind', 'parties.display_name as party_name', 'parties.customer_number as party_number']);
}

function readInput(input: FeedbackInput, issues: FieldIssue[]) {
  const verbatim = input.verbatim?.trim() || null;
  const scores = [input.nps, input.csat, input.effort].filter((s) => s !== null && s !== undefined);
  if (scores.length === 0 && !verbatim) issues.push({ field: 'body', rule: 'needs at least one score (nps, csat, effort) or a verbatim' });
  const hasSubjectType = input.subjectType !== undefined && input.subjectType !== null;
  const hasSubjectId = input.subjectId !== undefined && input.subjectId !== null;
  if (hasSubjectType !== hasSubjectId) {
    issues.push({ field: input.subjectType ? 'body.subjectId' : 'body.subjectType', rule: 'must be given together with the other' });
  }
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
  if (receivedAt.getTime() > Date.now() + CLOCK_SKEW_MS) issues.push({ field: 'body.receivedAt', rule: 'must not be in the future' });
  return { verbatim, receivedAt };
}

/** Records one answer; the sentiment is derived from the scores and the verbatim unless given. */
export async function createFeedback(ctx: Ctx, input: FeedbackInput): Promise<FeedbackRow> {
  const issues: FieldIssue[] = [];
  const { verbatim, receivedAt } = readInput(input, issues);
  throwIfIssues(issues);
  return inTransaction(ctx, async (tx) => {
    const party = await scoped(tx.db, tx.workspaceId).selectFrom('parties').select('id').where('id', '=', input.partyId).executeTakeFirst();
    if (!party) issues.push({ field: 'body.partyId', rule: 'must be a person or organisation of this workspace' });
    else if (input.subjectType && input.subjectId) await checkFeedbackSubject(tx, input.partyId, input.subjectType, input.subjectId, issues);
    throwIfUnprocessable(issues);

    const id = randomUUID();
    const sentiment = input.sentiment ?? deriveSentiment({ nps: input.nps, csat: input.csat, verbatim });
    const row = await scoped(tx.db, tx.workspaceId)
      .insertInto('feedback', [
        {
          id,
          party_id: input.partyId,
          touchpoint: input.touchpoint,
          channel: input.channel,
          subject_type: input.subjectType ?? null,
          subject_id: input.subjectId ?? null,
          received_at: receivedAt,
          nps: input.nps ?? null,
          csat: input.csat ?? null,
          effort: input.effort ?? null,
          verbatim,
          topics: normaliseTopics(input.topics ?? []),
          sentiment,
          created_by: actorUserId(tx.actor),
        },
      ])
      .returningAll()
      .executeTakeFirstOrThrow();
    const { workspace_id, created_at, ...logged } = row;
    await recordChange(tx, { entity: 'feedback', entityId: id, action: 'create', after: logged });
    await recordTimeline(tx, {
      partyId: row.party_id,
      kind: 'feedback',
      data: {
        action: 'received',
        nps: row.nps,
        csat: row.csat,
        effort: row.effort,
        sentiment: row.sentiment,
        touchpoint: row.touchpoint,
        excerpt: verbatim && verbatim.length > EXCERPT_LENGTH ? `${verbatim.slice(0, EXCERPT_LENGTH - 1)}…` : verbatim,
      },
      occurredAt: receivedAt,
      channel: row.channel,
      subjectType: 'feedback',
      subjectId: id,
    });
    await refreshCustomerMetrics(tx, [row.party_id]);
    return (await withParty(tx).where('feedback.id', '=', id).executeTakeFirstOrThrow()) as FeedbackRow;
  });
}

/** Filters shared by the list and the dashboard: a period (days, inclusive) and what the answers are about. */
export interface FeedbackFilters {
  from?: string;
  to?: string;
  partyId?: string;
  touchpoint?: string;
  channel?: string;
  topic?: string;
  sentiment?: string;
  npsMin?: number;
  npsMax?: number;
  csatMin?: number;
  csatMax?: number;
  subjectType?: string;
  subjectId?: string;
}

/** `received_at` on or after the start of day `from` and before the end of day `to`, in the business time zone. */
export function periodCondition(from: string | undefined, to: string | undefined, column = sql.ref('feedback.received_at')) {
  const parts = [sql<boolean>`true`];
  if (from) parts.push(sql<boolean>`${column} >= (${from}::date)::timestamp at time zone ${BUSINESS_TIME_ZONE}`);
  if (to) parts.push(sql<boolean>`${column} < (${to}::date + 1)::timestamp at time zone ${BUSINESS_TIME_ZONE}`);
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

export interface ListFeedbackOptions extends FeedbackFilters, PageRequest {}

export const FEEDBACK_SORT_COLUMNS = { receivedAt: 'feedback.received_at' } as const;

/** Answers matching the filters, newest first by default. */
export async function listFeedback(ctx: Ctx, options: ListFeedbackOptions): Promise<PageResult<FeedbackRow>> {
  let query = withParty(ctx).where(periodCondition(options.from, options.to));
  if (options.partyId) query = query.where('feedback.party_id', '=', options.partyId);
  if (options.touchpoint) query = query.where('feedback.touchpoint', '=', options.touchpoint);
  if (options.channel) query = query.where('feedback.channel', '=', options.channel);
  if (options.topic) query = query.where(sql<boolean>`feedback.topics @> array[${options.topic.trim().toLowerCase()}]::text[]`);
  if (options.sentiment) query = query.where('feedback.sentiment', '=', options.sentiment);
  if (options.npsMin !== undefined) query = query.where('feedback.nps', '>=', options.npsMin);
  if (options.npsMax !== undefined) query = query.where('feedback.nps', '<=', options.npsMax);
  if (options.csatMin !== undefined) query = query.where('feedback.csat', '>=', options.csatMin);
  if (options.csatMax !== undefined) query = query.where('feedback.csat', '<=', options.csatMax);
  if (options.subjectType) query = query.where('feedback.subject_type', '=', options.subjectType);
  if (options.subjectId) query = query.where('feedback.subject_id', '=', options.subjectId);
  const page = await paginate(query, options, { sortColumns: FEEDBACK_SORT_COLUMNS, defaultSort: '-receivedAt', idColumn: 'feedback.id' });
  return page as PageResult<FeedbackRow>;
}
