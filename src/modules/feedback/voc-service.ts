/**
 * The Voice of the Customer dashboard, computed in SQL over a period: per group (month, touch point, channel or
 * topic) the number of answers, the NPS (% promoters 9–10 minus % detractors 0–6, over the answers that have an
 * NPS), the CSAT (% of 4–5 over the answers that have a CSAT) and its average, the average effort and the share
 * of negative answers; and the groups with the lowest NPS first.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { throwIfIssues } from '../../platform/errors.ts';
import { BUSINESS_TIME_ZONE, periodCondition } from './feedback-service.ts';
import type { VocDimension, VocGrouping } from './feedback-reference.ts';

export interface VocMetrics {
  answers: number;
  npsAnswers: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** −100 to 100, one decimal; null without NPS answers. */
  nps: number | null;
  csatAnswers: number;
  /** Percentage of satisfied answers (4–5), one decimal; null without CSAT answers. */
  csat: number | null;
  csatAverage: number | null;
  effortAnswers: number;
  effortAverage: number | null;
  /** Percentage of the answers labelled negative, one decimal. */
  negativeShare: number | null;
}

export interface VocGroup extends VocMetrics {
  key: string;
}

export interface VocPeriod {
  from: string;
  to: string;
}

const METRICS = sql`
  count(*)::int as answers,
  count(f.nps)::int as nps_answers,
  (count(*) filter (where f.nps >= 9))::int as promoters,
  (count(*) filter (where f.nps between 7 and 8))::int as passives,
  (count(*) filter (where f.nps <= 6))::int as detractors,
  round(100.0 * ((count(*) filter (where f.nps >= 9)) - (count(*) filter (where f.nps <= 6))) / nullif(count(f.nps), 0), 1)::float8 as nps,
  count(f.csat)::int as csat_answers,
  round(100.0 * (count(*) filter (where f.csat >= 4)) / nullif(count(f.csat), 0), 1)::float8 as csat,
  round(avg(f.csat), 2)::float8 as csat_average,
  count(f.effort)::int as effort_answers,
  round(avg(f.effort), 2)::float8 as effort_average,
  round(100.0 * (count(*) filter (where f.sentiment = 'negative')) / nullif(count(*), 0), 1)::float8 as negative_share`;

interface MetricsRow {
  key: string;
  answers: number;
  nps_answers: number;
  promoters: number;
  passives: number;
  detractors: number;
  nps: number | null;
  csat_answers: number;
  csat: number | null;
  csat_average: number | null;
  effort_answers: number;
  effort_average: number | null;
  negative_share: number | null;
}

function present(row: MetricsRow): VocGroup {
  return {
    key: row.key,
    answers: row.answers,
    npsAnswers: row.nps_answers,
    promoters: row.promoters,
    passives: row.passives,
    detractors: row.detractors,
    nps: row.nps,
    csatAnswers: row.csat_answers,
    csat: row.csat,
    csatAverage: row.csat_average,
    effortAnswers: row.effort_answers,
    effortAverage: row.effort_average,
    negativeShare: row.negative_share,
  };
}

const EMPTY: Omit<VocGroup, 'key'> = {
  answers: 0,
  npsAnswers: 0,
  promoters: 0,
  passives: 0,
  detractors: 0,
  nps: null,
  csatAnswers: 0,
  csat: null,
  csatAverage: null,
  effortAnswers: 0,
  effortAverage: null,
  negativeShare: null,
};

/** The day `date` is in the business time zone, as YYYY-MM-DD. */
function businessDay(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** The period asked for; by default the last twelve months, this one included. */
export function resolvePeriod(from: string | undefined, to: string | undefined, now = new Date()): VocPeriod {
  const end = to ?? businessDay(now);
  const [year, month] = end.split('-').map(Number) as [number, number];
  const start = from ?? new Date(Date.UTC(year, month - 12, 1)).toISOString().slice(0, 10);
  if (start > end) throwIfIssues([{ field: 'query.from', rule: 'must not be after query.to' }]);
  return { from: start, to: end };
}

/** The SQL key of a grouping, and the join that unnests topics when grouping by topic. */
function grouping(by: VocGrouping): { key: RawBuilder<unknown>; join: RawBuilder<unknown> } {
  switch (by) {
    case 'month':
      return { key: sql`to_char(f.received_at at time zone ${BUSINESS_TIME_ZONE}, 'YYYY-MM')`, join: sql`` };
    case 'touchpoint':
      return { key: sql`f.touchpoint`, join: sql`` };
    case 'channel':
      return { key: sql`f.channel`, join: sql`` };
    case 'topic':
      return { key: sql`t.topic`, join: sql`cross join lateral unnest(f.topics) as t(topic)` };
  }
}

async function groupMetrics(ctx: Ctx, period: VocPeriod, by: VocGrouping, tail: RawBuilder<unknown>): Promise<VocGroup[]> {
  const { key, join } = grouping(by);
  const { rows } = await sql<MetricsRow>`
    select ${key} as key, ${METRICS}
    from feedback f ${join}
    where f.workspace_id = ${ctx.workspaceId} and ${periodCondition(period.from, period.to, sql.ref('f.received_at'))}
    group by 1
    ${tail}`.execute(ctx.db);
  return rows.map(present);
}

/** Every month from `from` to `to`, as YYYY-MM. */
function monthsBetween(period: VocPeriod): string[] {
  const months: string[] = [];
  let [year, month] = period.from.split('-').map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (let key = ''; key < last; month += 1) {
    if (month > 12) [year, month] = [year + 1, 1];
    key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
  }
  return months;
}

export interface VocSummary extends VocPeriod {
  groupBy: VocGrouping;
  total: VocMetrics;
  groups: VocGroup[];
}

/**
 * The period's figures overall and per group. Months come in order, each one present (an empty month has no
 * scores); other groups come largest first. A topic group counts every answer tagged with that topic.
 */
export async function vocSummary(ctx: Ctx, options: { from?: string; to?: string; groupBy: VocGrouping }): Promise<VocSummary> {
  const period = resolvePeriod(options.from, options.to);
  const { rows } = await sql<MetricsRow>`
    select '' as key, ${METRICS} from feedback f
    where f.workspace_id = ${ctx.workspaceId} and ${periodCondition(period.from, period.to, sql.ref('f.received_at'))}`.execute(ctx.db);
  const { key, ...total } = present(rows[0]!);
  let groups: VocGroup[];
  if (options.groupBy === 'month') {
    const found = new Map((await groupMetrics(ctx, period, 'month', sql``)).map((g) => [g.key, g]));
    groups = monthsBetween(period).map((month) => found.get(month) ?? { key: month, ...EMPTY });
  } else {
    groups = await groupMetrics(ctx, period, options.groupBy, sql`order by count(*) desc, 1`);
  }
  return { ...period, groupBy: options.groupBy, total, groups };
}

/** Groups of `dimension` with at least `minAnswers` NPS answers, lowest NPS first (then lowest CSAT). */
export async function vocWorst(ctx: Ctx, options: { from?: string; to?: string; dimension: VocDimension; minAnswers: number }): Promise<VocPeriod & { data: VocGroup[] }> {
  const period = resolvePeriod(options.from, options.to);
  const data = await groupMetrics(
    ctx,
    period,
    options.dimension,
    sql`having count(f.nps) >= ${options.minAnswers} order by nps asc, csat asc nulls last, 1 limit 50`,
  );
  return { ...period, data };
}
