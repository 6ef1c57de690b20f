/**
 * Reading cases: one case with its customer, assignee, order and product, and the queue. The first response a
 * case had is the earlier of the one recorded on the case and the first outbound interaction logged against it,
 * so an email sent from the interactions screen counts without anyone pressing "responded".
 */
import { sql, type Selectable } from 'kysely';
import type { CasesTable } from '../../platform/db/schema.ts';
import { scoped } from '../../platform/db/scoped.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { paginate, type PageRequest, type PageResult } from '../../platform/http/pagination.ts';
import { actorUserId } from '../../platform/context.ts';
import { ACTIVE_STATUSES } from './case-reference.ts';

export type CaseRow = Selectable<CasesTable>;

export interface CaseListRow extends CaseRow {
  party_kind: string;
  party_name: string;
  party_number: string;
  assignee_name: string | null;
  order_number: string | null;
  product_name: string | null;
  product_sku: string | null;
  /** The first response as it counts: the stored one or the first outbound interaction, whichever came first. */
  responded_at: Date | null;
  /** The next deadline of a case still waiting for work; 'infinity' once resolved or closed. */
  urgency_at: Date;
}

const FIRST_OUTBOUND = sql<Date | null>`(
  select min(i.occurred_at) from interactions i
  where i.workspace_id = cases.workspace_id and i.case_id = cases.id and i.direction = 'outbound')`;
const RESPONDED_AT = sql<Date | null>`least(cases.first_response_at, ${FIRST_OUTBOUND})`;
const ACTIVE = sql.join(ACTIVE_STATUSES.map((s) => sql.lit(s)));
const URGENCY_AT = sql<Date>`case when cases.status in (${ACTIVE})
  then coalesce(least(case when ${RESPONDED_AT} is null then cases.first_response_due_at end, cases.resolution_due_at), 'infinity'::timestamptz)
  else 'infinity'::timestamptz end`;

/** Cases with what a queue row or the case page shows beside them, as a table `c` to filter and sort on. */
function caseTable(ctx: Ctx) {
  const inner = scoped(ctx.db, ctx.workspaceId)
    .selectFrom('cases')
    .innerJoin('parties', (j) => j.onRef('parties.workspace_id', '=', 'cases.workspace_id').onRef('parties.id', '=', 'cases.party_id'))
    .leftJoin('users as assignee', (j) => j.onRef('assignee.workspace_id', '=', 'cases.workspace_id').onRef('assignee.id', '=', 'cases.assignee_id'))
    .leftJoin('orders', (j) => j.onRef('orders.workspace_id', '=', 'cases.workspace_id').onRef('orders.id', '=', 'cases.order_id'))
    .leftJoin('products', (j) => j.onRef('products.workspace_id', '=', 'cases.workspace_id').onRef('products.id', '=', 'cases.product_id'))
    .selectAll('cases')
    .select([
      'parties.kind as party_kind',
      'parties.display_name as party_name',
      'parties.customer_number as party_number',
      'assignee.name as assignee_name',
      'orders.number as order_number',
      'products.name as product_name',
      'products.sku as product_sku',
      RESPONDED_AT.as('responded_at'),
      URGENCY_AT.as('urgency_at'),
    ]);
  return ctx.db.selectFrom(inner.as('c')).selectAll('c');
}

/** One case, or a 404 (also for another workspace's id). */
export async function findCase(ctx: Ctx, id: string): Promise<CaseListRow> {
  const row = await caseTable(ctx).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Case');
  return row as CaseListRow;
}

export interface ListCasesOptions extends PageRequest {
  status?: string;
  /** A user id, `me` for the signed-in user, or `none` for unassigned cases. */
  assignee?: string;
  priority?: string;
  type?: string;
  partyId?: string;
  orderId?: string;
  /** Only cases that missed (or are missing) a target. */
  breached?: boolean;
  /** Only cases still waiting for work (new, open, waiting for the customer). */
  open?: boolean;
  /** Part of the subject, or the case number. */
  q?: string;
}

export const CASE_SORT_COLUMNS = {
  urgency: 'c.urgency_at',
  openedAt: 'c.opened_at',
  updatedAt: 'c.updated_at',
  number: 'c.number',
} as const;

/** The queue: filtered, most urgent first unless another sort is asked for, one keyset page at a time. */
export async function listCases(ctx: Ctx, options: ListCasesOptions): Promise<PageResult<CaseListRow>> {
  let query = caseTable(ctx);
  if (options.status) query = query.where('c.status', '=', options.status);
  if (options.open) query = query.where('c.status', 'in', ACTIVE_STATUSES);
  if (options.priority) query = query.where('c.priority', '=', options.priority);
  if (options.type) query = query.where('c.type', '=', options.type);
  if (options.partyId) query = query.where('c.party_id', '=', options.partyId);
  if (options.orderId) query = query.where('c.order_id', '=', options.orderId);
  if (options.assignee === 'none') query = query.where('c.assignee_id', 'is', null);
  else if (options.assignee === 'me') query = query.where('c.assignee_id', '=', actorUserId(ctx.actor) ?? '00000000-0000-0000-0000-000000000000');
  else if (options.assignee) query = query.where('c.assignee_id', '=', options.assignee);
  if (options.breached) {
    query = query.where(
      sql<boolean>`(coalesce(c.responded_at, now()) > c.first_response_due_at or coalesce(c.resolved_at, now()) > c.resolution_due_at)`,
    );
  }
  if (options.q && options.q.trim() !== '') {
    const text = options.q.trim();
    query = query.where(sql<boolean>`(c.subject ilike ${`%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`} or c.number ilike ${text})`);
  }
  const page = await paginate(query, options, { sortColumns: CASE_SORT_COLUMNS, defaultSort: 'urgency', idColumn: 'c.id' });
  return page as PageResult<CaseListRow>;
}
