/**
 * The review queue: pairs best first, a summary for the badge, and the decisions (ignore, reopen, in bulk, merge
 * in bulk). Every query is scoped by workspace; the `:id` of another workspace is simply not found.
 */
import { sql } from 'kysely';
import { actorUserId, inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { decodeCursor, DEFAULT_LIMIT, encodeCursor } from '../../platform/http/pagination.ts';
import { getDuplicateSettings } from './duplicate-settings.ts';
import { mergeMoreComplete } from './duplicate-auto-merge.ts';
import { presentCandidate, type CandidateRow, type CandidateView } from './duplicate-presenter.ts';
import type { CandidateListQuery } from './duplicate-schemas.ts';

export const SCAN_JOB = 'duplicates.scan';

const SIDE_COLUMNS = ['id', 'kind', 'display_name', 'customer_number', 'email', 'phone', 'city', 'birth_date', 'updated_at'];
const sideColumns = (alias: 'a' | 'b') => sql.raw(SIDE_COLUMNS.map((c) => `${alias}.${c === 'birth_date' ? 'birth_date::text' : c} as ${alias}_${c}`).join(', '));

const CANDIDATE_SELECT = sql`
  select c.id, c.kind, c.score, c.status, c.source, c.fields, c.detected_at, c.decided_at, ${sideColumns('a')}, ${sideColumns('b')}
  from duplicate_candidates c
  join parties a on a.workspace_id = c.workspace_id and a.id = c.party_a
  join parties b on b.workspace_id = c.workspace_id and b.id = c.party_b`;

/** One page of pairs, highest score first. */
export async function listCandidates(ctx: Ctx, query: CandidateListQuery): Promise<{ items: CandidateView[]; nextCursor: string | null }> {
  const settings = await getDuplicateSettings(ctx);
  const limit = query.limit ?? DEFAULT_LIMIT;
  const conditions = [sql`c.workspace_id = ${ctx.workspaceId}`, sql`c.status = ${query.status ?? 'open'}`];
  if (query.kind) conditions.push(sql`c.kind = ${query.kind}`);
  if (query.level === 'match') conditions.push(sql`c.score >= ${settings.matchThreshold}`);
  if (query.level === 'possible') conditions.push(sql`c.score < ${settings.matchThreshold}`);
  if (query.partyId) conditions.push(sql`(c.party_a = ${query.partyId} or c.party_b = ${query.partyId})`);
  if (query.cursor) {
    const [score, id] = decodeCursor(query.cursor, 'score');
    if (!Number.isFinite(Number(score)) || !/^[0-9a-f-]{36}$/i.test(id)) throw decodeCursorError();
    conditions.push(sql`(c.score, c.id) < (${score}::numeric, ${id}::uuid)`);
  }
  const { rows } = await sql<CandidateRow>`
    ${CANDIDATE_SELECT} where ${sql.join(conditions, sql` and `)}
    order by c.score desc, c.id desc limit ${limit + 1}`.execute(ctx.db);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => presentCandidate(row, settings)),
    nextCursor: rows.length > limit && last ? encodeCursor('score', String(last.score), last.id) : null,
  };
}

function decodeCursorError(): AppError {
  return new AppError('invalid_cursor', 'query.cursor is not a cursor this API issued', [{ field: 'query.cursor', rule: 'must be the nextCursor of a previous page' }]);
}

/** One pair as the API shows it; 404 when it is not a pair of this workspace. */
export async function getCandidate(ctx: Ctx, id: string): Promise<CandidateView> {
  const { rows } = await sql<CandidateRow>`${CANDIDATE_SELECT} where c.workspace_id = ${ctx.workspaceId} and c.id = ${id}`.execute(ctx.db);
  if (!rows[0]) throw notFound('Duplicate pair');
  return presentCandidate(rows[0], await getDuplicateSettings(ctx));
}

/** Open pairs per kind, when the last scan finished, and whether one is queued or running. */
export async function duplicateSummary(ctx: Ctx) {
  const { rows } = await sql<{ kind: string; n: number }>`
    select kind, count(*)::int as n from duplicate_candidates
    where workspace_id = ${ctx.workspaceId} and status = 'open' group by kind`.execute(ctx.db);
  const { rows: jobs } = await sql<{ last_scan_at: Date | null; scanning: boolean }>`
    select max(completed_at) filter (where status = 'done') as last_scan_at, bool_or(status = 'pending') as scanning
    from jobs where workspace_id = ${ctx.workspaceId} and kind = ${SCAN_JOB}`.execute(ctx.db);
  const count = (kind: string) => rows.find((r) => r.kind === kind)?.n ?? 0;
  return {
    open: { person: count('person'), organisation: count('organisation') },
    lastScanAt: jobs[0]?.last_scan_at ? new Date(jobs[0].last_scan_at).toISOString() : null,
    scanning: jobs[0]?.scanning ?? false,
  };
}

function setStatus(outer: Ctx, id: string, status: 'ignored' | 'open'): Promise<CandidateView> {
  return inTransaction(outer, async (ctx) => {
  const current = await sql<{ status: string }>`
    select status from duplicate_candidates where workspace_id = ${ctx.workspaceId} and id = ${id} for update`.execute(ctx.db);
  const row = current.rows[0];
  if (!row) throw notFound('Duplicate pair');
  if (row.status === 'merged') throw new AppError('conflict', 'This pair was merged; undo the merge instead');
  const decided = status === 'ignored';
  await sql`
    update duplicate_candidates
    set status = ${status}, decided_by = ${decided ? actorUserId(ctx.actor) : null}, decided_at = ${decided ? sql`now()` : null}
    where workspace_id = ${ctx.workspaceId} and id = ${id}`.execute(ctx.db);
  return getCandidate(ctx, id);
  });
}

/** Marks a pair as not a duplicate: scans keep it ignored. */
export function ignoreCandidate(ctx: Ctx, id: string): Promise<CandidateView> {
  return setStatus(ctx, id, 'ignored');
}

/** Puts an ignored pair back in the queue; a merged pair is undone through its merge, not here (409). */
export function reopenCandidate(ctx: Ctx, id: string): Promise<CandidateView> {
  return setStatus(ctx, id, 'open');
}

/**
 * Ignores or merges several pairs, each on its own: one that fails (already merged, a record one may not change)
 * is reported and the others go through. A merge keeps the more complete record.
 */
export async function bulkDecide(ctx: Ctx, ids: readonly string[], action: 'ignore' | 'merge') {
  let done = 0;
  const failed: { id: string; message: string }[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      if (action === 'ignore') {
        await ignoreCandidate(ctx, id);
      } else {
        const pair = await sql<{ party_a: string; party_b: string; status: string }>`
          select party_a, party_b, status from duplicate_candidates where workspace_id = ${ctx.workspaceId} and id = ${id}`.execute(ctx.db);
        const row = pair.rows[0];
        if (!row) throw notFound('Duplicate pair');
        if (row.status !== 'open') throw new AppError('conflict', `This pair is ${row.status}; only open pairs are merged`);
        await mergeMoreComplete(ctx, row.party_a, row.party_b, id);
      }
      done += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failed.push({ id, message: error.message });
    }
  }
  return { done, failed };
}
