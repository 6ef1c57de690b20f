/**
 * Hands out customer numbers. The workspace's counter row is bumped with one upsert inside the caller's
 * transaction: concurrent creations queue on that row, so no two records get the same number, and a number is
 * only ever handed out once (a rolled-back creation also rolls the counter back, so nothing was ever seen).
 * Bulk callers (imports, demo data) take a whole range in one statement.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { formatCustomerNumber } from '../../shared/identifiers/customer-number.ts';

/** Takes `count` consecutive customer numbers for the context's workspace. Must run inside a transaction. */
export async function takeCustomerNumbers(ctx: Ctx, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const { rows } = await sql<{ prefix: string; last_sequence: number }>`
    insert into customer_number_counters (workspace_id, last_sequence) values (${ctx.workspaceId}, ${count})
    on conflict (workspace_id) do update set last_sequence = customer_number_counters.last_sequence + excluded.last_sequence
    returning prefix, last_sequence`.execute(ctx.db);
  const { prefix, last_sequence: last } = rows[0]!;
  const first = last - count + 1;
  return Array.from({ length: count }, (_, i) => formatCustomerNumber(prefix, first + i));
}
