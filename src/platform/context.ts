/**
 * What every service function receives: the database handle (a transaction when one is open), the workspace
 * it acts in, and who is acting. Services never reach for a global database.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './db/schema.ts';
import type { Role } from './auth/permissions.ts';

export type Actor =
  | { type: 'user'; userId: string; role: Role; label: string }
  | { type: 'token'; userId: string; role: Role; label: string; tokenId: string; scope: 'read' | 'read_write' }
  | { type: 'system'; label: string };

export interface Ctx {
  db: Kysely<DB>;
  workspaceId: string;
  actor: Actor;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', label: 'system' };

/** Runs `work` in one transaction; nested calls reuse the open transaction. */
export async function inTransaction<T>(ctx: Ctx, work: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  return ctx.db.transaction().execute((trx: Transaction<DB>) => work({ ...ctx, db: trx }));
}

/** The user behind the actor, or null for the system. */
export function actorUserId(actor: Actor): string | null {
  return actor.type === 'system' ? null : actor.userId;
}
