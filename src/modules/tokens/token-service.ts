/**
 * Personal API tokens for integrations. The secret is shown once at creation; only its hash is kept.
 * A token acts as its owner with the owner's role, limited to reads when its scope is `read`.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { ApiTokensTable } from '../../platform/db/schema.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { actorUserId, inTransaction, type Ctx } from '../../platform/context.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { makeApiToken } from '../../platform/auth/credentials.ts';
import { can } from '../../platform/auth/permissions.ts';

export type ApiToken = Selectable<ApiTokensTable>;
export type TokenScope = 'read' | 'read_write';

function ownerOf(ctx: Ctx): string {
  const userId = actorUserId(ctx.actor);
  if (!userId) throw new AppError('forbidden', 'Only a user can own API tokens');
  return userId;
}

export async function createApiToken(
  ctx: Ctx,
  options: { name: string; scope: TokenScope; expiresInDays?: number },
): Promise<{ token: ApiToken; secret: string }> {
  const userId = ownerOf(ctx);
  if (ctx.actor.type === 'token' && ctx.actor.scope === 'read') throw new AppError('forbidden', 'Forbidden: this API token is read-only');
  const { value, hash, hint } = makeApiToken(ctx.workspaceId);
  return inTransaction(ctx, async (tx) => {
    const token = await scoped(tx.db, tx.workspaceId)
      .insertInto('api_tokens', [
        {
          id: randomUUID(),
          user_id: userId,
          name: options.name.trim(),
          scope: options.scope,
          token_hash: hash,
          token_hint: hint,
          expires_at: options.expiresInDays ? new Date(Date.now() + options.expiresInDays * 86_400_000) : null,
        },
      ])
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, { entity: 'api_token', entityId: token.id, action: 'create', after: token });
    return { token, secret: value };
  });
}

/** The caller's own tokens; admins holding `users:manage` may ask for everyone's. */
export async function listApiTokens(ctx: Ctx, options: { all?: boolean } = {}): Promise<ApiToken[]> {
  let query = scoped(ctx.db, ctx.workspaceId).selectFrom('api_tokens').selectAll();
  if (!(options.all && can(ctx.actor, 'users:manage'))) query = query.where('user_id', '=', ownerOf(ctx));
  return query.orderBy('created_at', 'desc').orderBy('id').execute();
}

/** Revokes a token the caller owns (or any token, for an admin). Revoking twice is harmless. */
export async function revokeApiToken(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const tokens = scoped(tx.db, tx.workspaceId);
    const before = await tokens.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    const mayRevoke = before && (before.user_id === actorUserId(tx.actor) || can(tx.actor, 'users:manage'));
    if (!before || !mayRevoke) throw notFound('API token');
    if (before.revoked_at) return;
    const after = await tokens
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, { entity: 'api_token', entityId: id, action: 'update', before, after });
  });
}
