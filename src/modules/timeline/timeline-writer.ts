/**
 * Writing to customers' timelines. A service that records something exchanged with a customer calls
 * `recordTimeline` in the transaction that made the change, once per customer concerned, so the timeline holds
 * an entry exactly when the change exists.
 */
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../platform/context.ts';
import { actorUserId } from '../../platform/context.ts';
import { diffFields } from '../../platform/events/change-log.ts';
import type { TimelineKind, TimelineSubject } from '../../shared/reference/timeline.ts';

/** What an entry shows. `action` names what happened (created, status_changed, completed, …). */
export interface TimelineData {
  action: string;
  title?: string | null;
  number?: string | null;
  status?: string | null;
  previousStatus?: string | null;
  amount?: string | null;
  currency?: string | null;
  [key: string]: unknown;
}

export interface TimelineInput {
  partyId: string;
  kind: TimelineKind;
  data: TimelineData;
  /** When it happened; now by default. Backdated entries (an interaction logged afterwards) sort by this. */
  occurredAt?: Date | string;
  channel?: string | null;
  subjectType?: TimelineSubject | null;
  subjectId?: string | null;
}

export async function recordTimeline(ctx: Ctx, entries: TimelineInput | readonly TimelineInput[]): Promise<void> {
  const list = Array.isArray(entries) ? (entries as readonly TimelineInput[]) : [entries as TimelineInput];
  if (list.length === 0) return;
  if (!ctx.db.isTransaction) throw new Error('recordTimeline must run inside the transaction that made the change');
  const actor = ctx.actor;
  const actorId = actorUserId(actor);
  await ctx.db
    .insertInto('timeline_entries')
    .values(
      list.map((entry) => ({
        workspace_id: ctx.workspaceId,
        id: randomUUID(),
        party_id: entry.partyId,
        occurred_at: entry.occurredAt ? new Date(entry.occurredAt) : new Date(),
        kind: entry.kind,
        channel: entry.channel ?? null,
        subject_type: entry.subjectType ?? null,
        subject_id: entry.subjectId ?? null,
        actor_id: actorId ?? null,
        actor_label: actor.label ?? null,
        data: JSON.stringify(entry.data),
      })) as never,
    )
    .execute();
}

/**
 * The customer record's own changes on its timeline: consent changes, role changes and field changes each as
 * their own entry, with the changed fields and their values (sensitive values arrive already redacted).
 */
export async function recordPartyChange(ctx: Ctx, partyId: string, before: object | null, after: object): Promise<void> {
  if (before === null) {
    await recordTimeline(ctx, { partyId, kind: 'record', subjectType: null, data: { action: 'created' } });
    return;
  }
  const changes = diffFields(before, after, ['version', 'search_text', 'sort_name']);
  const groups: Record<'consent' | 'role' | 'field_change', Record<string, unknown>> = { consent: {}, role: {}, field_change: {} };
  for (const [key, change] of Object.entries(changes)) {
    const group = key.startsWith('consent.') ? 'consent' : key === 'roles' ? 'role' : 'field_change';
    groups[group][key] = change;
  }
  const entries: TimelineInput[] = [];
  for (const [kind, fields] of Object.entries(groups) as ['consent' | 'role' | 'field_change', Record<string, unknown>][]) {
    if (Object.keys(fields).length > 0) entries.push({ partyId, kind, data: { action: 'changed', changes: fields } });
  }
  await recordTimeline(ctx, entries);
}
