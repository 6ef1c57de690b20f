/** How many change-log events a workspace has: a refused or rolled-back request must leave it unchanged. */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';

export async function countEvents(db: Kysely<DB>, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
