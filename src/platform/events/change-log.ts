/**
 * The change log. A service that creates, updates or deletes a record calls `recordChange` with the same
 * transaction, so the event exists exactly when the change does. Each event also queues one job per subscriber
 * interested in it (see `subscriptions.ts`): the transactional outbox later capabilities build on.
 */
import { sql } from 'kysely';
import type { Ctx } from '../context.ts';
import { actorUserId, whenCommitted } from '../context.ts';
import { wakeJobRunners } from '../jobs/wake.ts';
import { subscribersFor } from './subscriptions.ts';

export type ChangeAction = 'create' | 'update' | 'delete';
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

export interface ChangeInput {
  entity: string;
  entityId: string;
  action: ChangeAction;
  /** The record before the change (null on create). */
  before?: object | null;
  /** The record after the change (null on delete). */
  after?: object | null;
  /** Fields never to copy into the log, such as password hashes. */
  redact?: readonly string[];
}

const ALWAYS_REDACTED = ['password_hash', 'token_hash', 'invite_token_hash', 'csrf_token'];

function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** The fields whose values differ between `before` and `after`, with both values. */
export function diffFields(
  beforeRecord: object | null | undefined,
  afterRecord: object | null | undefined,
  redact: readonly string[] = [],
): FieldChanges {
  const before = beforeRecord as Record<string, unknown> | null | undefined;
  const after = afterRecord as Record<string, unknown> | null | undefined;
  const hidden = new Set([...ALWAYS_REDACTED, ...redact, 'workspace_id', 'updated_at']);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChanges = {};
  for (const key of keys) {
    if (hidden.has(key)) continue;
    const b = comparable(before?.[key] ?? null);
    const a = comparable(after?.[key] ?? null);
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[key] = { before: b, after: a };
  }
  return changes;
}

export interface RecordedChange {
  workspaceId: string;
  entity: string;
  entityId: string;
  action: ChangeAction;
}

const listeners = new Set<(change: RecordedChange) => void>();

/**
 * Calls `listener` in this process for every change recorded from now on: once when it is written, and once
 * more after its transaction commits, so a cache that forgets the record cannot keep a value read in between.
 * Returns the unsubscribe.
 */
export function onChangeRecorded(listener: (change: RecordedChange) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Writes one change event and queues the subscribers' jobs, in the caller's transaction. An update that
 * changed nothing writes nothing and returns null.
 */
export async function recordChange(ctx: Ctx, input: ChangeInput): Promise<number | null> {
  if (!ctx.db.isTransaction) throw new Error('recordChange must run inside the transaction that made the change');
  const changes = diffFields(input.before, input.after, input.redact);
  if (input.action === 'update' && Object.keys(changes).length === 0) return null;

  const actor = ctx.actor;
  const event = await ctx.db
    .insertInto('events')
    .values({
      workspace_id: ctx.workspaceId,
      actor_type: actor.type,
      actor_id: actor.type === 'token' ? actor.tokenId : actorUserId(actor),
      actor_label: actor.label,
      entity: input.entity,
      entity_id: input.entityId,
      action: input.action,
      changes: JSON.stringify(changes),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const recorded: RecordedChange = { workspaceId: ctx.workspaceId, entity: input.entity, entityId: input.entityId, action: input.action };
  const notify = () => listeners.forEach((listener) => listener(recorded));
  notify();
  if (ctx.afterCommit) ctx.afterCommit(notify);

  const subscribers = subscribersFor(input.entity, input.action);
  if (subscribers.length > 0) {
    await ctx.db
      .insertInto('jobs')
      .values(
        subscribers.map((s) => ({
          workspace_id: ctx.workspaceId,
          kind: s.jobKind,
          event_id: event.id,
          payload: JSON.stringify({ eventId: event.id, entity: input.entity, entityId: input.entityId, action: input.action }),
          run_at: sql<Date>`now()` as never,
        })),
      )
      .execute();
    whenCommitted(ctx, wakeJobRunners);
  }
  return event.id;
}
