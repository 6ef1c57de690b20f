/**
 * What every billing change leaves behind, in the transaction that made it: one change-log event, one entry on
 * the customer's timeline, and (for what moves money or returns goods) the customer's metrics refreshed.
 */
import type { Ctx } from '../../platform/context.ts';
import { recordChange, type ChangeAction } from '../../platform/events/change-log.ts';
import type { TimelineKind, TimelineSubject } from '../../shared/reference/timeline.ts';
import { refreshCustomerMetrics } from '../metrics/metrics-service.ts';
import { recordTimeline, type TimelineData } from '../timeline/timeline-writer.ts';

export interface BillingEvent {
  customerId: string;
  entity: 'delivery' | 'invoice' | 'credit_note' | 'payment' | 'return';
  entityId: string;
  action: ChangeAction;
  before?: object | null;
  after?: object | null;
  timeline: {
    kind: TimelineKind;
    subjectType: TimelineSubject;
    subjectId: string;
    data: TimelineData;
    occurredAt?: Date | string;
  };
  /** Refresh the customer's purchase metrics (invoices, payments, credit notes, returns). */
  refreshMetrics: boolean;
}

export async function recordBillingEvent(tx: Ctx, event: BillingEvent): Promise<void> {
  await recordChange(tx, { entity: event.entity, entityId: event.entityId, action: event.action, before: event.before, after: event.after });
  await recordTimeline(tx, { partyId: event.customerId, ...event.timeline });
  if (event.refreshMetrics) await refreshCustomerMetrics(tx, [event.customerId]);
}
