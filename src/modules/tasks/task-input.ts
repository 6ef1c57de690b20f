/**
 * Reading what a client sends for a task beyond what the JSON schema checks: the due time (Paris wall-clock, an
 * instant or a day), the recurrence rule, the reminder time, and the records it points at. Every refusal names
 * its field and rule, so one 400 can list them all.
 */
import type { Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import { floatingFromInstant, instantFromFloating } from '../../shared/time/paris-clock.ts';
import { parisDay, parisDayStart, readPlannedTime } from './paris-time.ts';
import { keepsGoing } from './recurrence.ts';
import { parseRecurrence, RECURRENCE_RULES, type RecurrenceRule } from './recurrence-rule.ts';

export const DUE_AT_RULE = 'must be a date-time such as 2026-03-02T09:30 (Paris time unless an offset is given), or a date for an all-day task';

/** All-day tasks are reminded from the start of the working day. */
const ALL_DAY_REMINDER_HOUR = 9;

export interface Due {
  dueAt: Date;
  allDay: boolean;
}

/**
 * The due instant and all-day flag from `dueAt` text and the `allDay` flag: a day alone means all day; an all-day
 * task is due at the start of its Paris day.
 */
export function readDue(text: string, allDay: boolean | undefined, issues: FieldIssue[]): Due | null {
  const planned = readPlannedTime(text);
  if (!planned) {
    issues.push({ field: 'body.dueAt', rule: DUE_AT_RULE });
    return null;
  }
  let due: Due;
  if (planned.kind === 'day') {
    if (allDay === false) {
      issues.push({ field: 'body.dueAt', rule: 'must have a time of day unless allDay is true' });
      return null;
    }
    due = { dueAt: parisDayStart(planned.day), allDay: true };
  } else {
    due = allDay ? { dueAt: parisDayStart(parisDay(planned.instant)), allDay: true } : { dueAt: planned.instant, allDay: false };
  }
  const year = due.dueAt.getUTCFullYear();
  if (year < 1970 || year > 2999) {
    issues.push({ field: 'body.dueAt', rule: 'must be between the years 1970 and 2999' });
    return null;
  }
  return due;
}

/** An all-day task moved to the start of its day, or a timed one left as it is. */
export function withAllDay(due: Due, allDay: boolean): Due {
  return allDay ? { dueAt: parisDayStart(parisDay(due.dueAt)), allDay: true } : { dueAt: due.dueAt, allDay: false };
}

/** When the assignee is reminded: `minutes` before the due time (before 09:00 of the day for all-day tasks). */
export function reminderTime(due: Due, minutes: number | null): Date | null {
  if (minutes === null) return null;
  const base = due.allDay
    ? instantFromFloating(new Date(floatingFromInstant(due.dueAt).getTime() + ALL_DAY_REMINDER_HOUR * 3_600_000))
    : due.dueAt;
  return new Date(base.getTime() - minutes * 60_000);
}

/** The canonical rule text, or null for no recurrence; a rule that would never give a later date is refused. */
export function readRecurrence(text: string | null | undefined, due: Due | null, issues: FieldIssue[]): { text: string; rule: RecurrenceRule } | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const parsed = parseRecurrence(text);
  if (!parsed.ok) {
    issues.push({ field: 'body.recurrence', rule: parsed.rule });
    return null;
  }
  if (due && !keepsGoing(parsed.rule, due.dueAt)) {
    issues.push({ field: 'body.recurrence', rule: RECURRENCE_RULES.never });
    return null;
  }
  return { text: parsed.text, rule: parsed.rule };
}

export interface References {
  partyId?: string | null;
  orderId?: string | null;
  caseId?: string | null;
  assigneeId?: string;
}

/**
 * Checks that the records a task points at belong to the workspace (and that the assignee is an active user).
 * Returns the customer of the order or case when the client named none.
 */
export async function checkReferences(ctx: Ctx, refs: References, issues: FieldIssue[]): Promise<{ partyFromLink: string | null }> {
  const db = scoped(ctx.db, ctx.workspaceId);
  let partyFromLink: string | null = null;
  if (refs.partyId) {
    const party = await db.selectFrom('parties').select('id').where('id', '=', refs.partyId).executeTakeFirst();
    if (!party) issues.push({ field: 'body.partyId', rule: 'must be a customer record of this workspace' });
  }
  if (refs.orderId) {
    const order = await db.selectFrom('orders').select('customer_id').where('id', '=', refs.orderId).executeTakeFirst();
    if (!order) issues.push({ field: 'body.orderId', rule: 'must be an order of this workspace' });
    else partyFromLink = order.customer_id;
  }
  if (refs.caseId) {
    const found = await db.selectFrom('cases').select('party_id').where('id', '=', refs.caseId).executeTakeFirst();
    if (!found) issues.push({ field: 'body.caseId', rule: 'must be an after-sales case of this workspace' });
    else partyFromLink ??= found.party_id;
  }
  if (refs.assigneeId) {
    const user = await db.selectFrom('users').select('status').where('id', '=', refs.assigneeId).executeTakeFirst();
    if (!user || user.status !== 'active') issues.push({ field: 'body.assigneeId', rule: 'must be an active user of this workspace' });
  }
  return { partyFromLink };
}
