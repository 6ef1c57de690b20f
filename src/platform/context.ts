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
  /** Inside a transaction opened by `inTransaction`: runs `hook` once that transaction has committed. */
  afterCommit?: (hook: () => void) => void;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', label: 'system' };

/**
 * Runs `work` in a new transaction and, once it has committed, the hooks registered through `afterCommit`
 * (nothing runs them when it rolls back).
 */
export async function runTransaction<T>(
  db: Kysely<DB>,
  work: (trx: Transaction<DB>, afterCommit: (hook: () => void) => void) => Promise<T>,
): Promise<T> {
  const hooks: (() => void)[] = [];
  const result = await db.transaction().execute((trx) => work(trx, (hook) => hooks.push(hook)));
  for (const hook of hooks) {
    try {
      hook();
    } catch (error) {
      // The transaction is committed whatever a hook does; a failing hook must not turn success into an error.
      process.emitWarning(`after-commit hook failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return result;
}

/** Runs `work` in one transaction; nested calls reuse the open transaction. */
export async function inTransaction<T>(ctx: Ctx, work: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  return runTransaction(ctx.db, (trx, afterCommit) => work({ ...ctx, db: trx, afterCommit }));
}

/**
 * Runs `hook` when the context's work is durable: after the commit of its transaction, or at once when there is
 * no transaction (or one this code did not open, whose end it cannot see).
 */
export function whenCommitted(ctx: Ctx, hook: () => void): void {
  if (ctx.db.isTransaction && ctx.afterCommit) ctx.afterCommit(hook);
  else hook();
}

/** The user behind the actor, or null for the system. */
export function actorUserId(actor: Actor): string | null {
  return actor.type === 'system' ? null : actor.userId;
}
