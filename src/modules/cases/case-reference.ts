/**
 * The vocabulary of after-sales cases and the arithmetic of their service-level targets, shared by the server
 * (which enforces and presents them) and the web app (which offers them). Pure: no database, no clock of its own.
 */
import { INTERACTION_CHANNELS, type InteractionChannel } from '../../shared/interactions/interaction-reference.ts';

export const CASE_TYPES = ['question', 'complaint', 'repair', 'return', 'billing', 'technical', 'other'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** Most urgent first. */
export const CASE_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

export const CASE_STATUSES = ['new', 'open', 'waiting_customer', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which the case still waits for work (the queue's "open" filter). */
export const ACTIVE_STATUSES: readonly CaseStatus[] = ['new', 'open', 'waiting_customer'];

/** How the customer reached us: the channels of interactions. */
export const CASE_CHANNELS = INTERACTION_CHANNELS;
export type CaseChannel = InteractionChannel;

/**
 * Where a case may go next: new → open → waiting for the customer ↔ open → resolved → closed, and a resolved
 * case may be reopened. A closed case stays closed (a new case is opened instead).
 */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['open'],
  open: ['waiting_customer', 'resolved'],
  waiting_customer: ['open'],
  resolved: ['closed', 'open'],
  closed: [],
};

export function mayMoveCase(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

/** Targets of one priority, in minutes of elapsed time (nights and week-ends count). */
export interface SlaTarget {
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

/** The targets used for a priority the workspace has not set. */
export const DEFAULT_SLA: Record<CasePriority, SlaTarget> = {
  urgent: { firstResponseMinutes: 60, resolutionMinutes: 8 * 60 },
  high: { firstResponseMinutes: 4 * 60, resolutionMinutes: 24 * 60 },
  normal: { firstResponseMinutes: 8 * 60, resolutionMinutes: 72 * 60 },
  low: { firstResponseMinutes: 24 * 60, resolutionMinutes: 120 * 60 },
};

const MINUTE = 60_000;

/** When a case opened at `openedAt` must have had its first answer and its resolution. */
export function dueTimes(openedAt: Date, target: SlaTarget): { firstResponseDueAt: Date; resolutionDueAt: Date } {
  return {
    firstResponseDueAt: new Date(openedAt.getTime() + target.firstResponseMinutes * MINUTE),
    resolutionDueAt: new Date(openedAt.getTime() + target.resolutionMinutes * MINUTE),
  };
}

/** A timer still running is "at risk" once less than this share of its window is left. */
export const AT_RISK_SHARE = 0.25;

export type SlaState = 'none' | 'on_track' | 'at_risk' | 'breached' | 'met';

export interface SlaTimer {
  breached: boolean;
  /** Minutes until the due time while the target is pending (negative once overdue); null once met or without target. */
  minutesLeft: number | null;
  state: SlaState;
}

/** One target's state at `now`: met in time, met late (breached), or still running. */
export function slaTimer(startedAt: Date, dueAt: Date | null, doneAt: Date | null, now: Date): SlaTimer {
  if (!dueAt) return { breached: false, minutesLeft: null, state: 'none' };
  if (doneAt) {
    const breached = doneAt.getTime() > dueAt.getTime();
    return { breached, minutesLeft: null, state: breached ? 'breached' : 'met' };
  }
  const left = dueAt.getTime() - now.getTime();
  const minutesLeft = Math.floor(left / MINUTE);
  if (left < 0) return { breached: true, minutesLeft, state: 'breached' };
  const window = dueAt.getTime() - startedAt.getTime();
  return { breached: false, minutesLeft, state: left <= window * AT_RISK_SHARE ? 'at_risk' : 'on_track' };
}

/** The case's state as a queue shows it: the worse of its two timers. */
export function overallSlaState(firstResponse: SlaTimer, resolution: SlaTimer): SlaState {
  const states = [firstResponse.state, resolution.state];
  for (const state of ['breached', 'at_risk', 'on_track'] as const) {
    if (states.includes(state)) return state;
  }
  return states.includes('met') ? 'met' : 'none';
}
