/**
 * Who wants to hear about which changes. A capability subscribes once at start-up; every matching change then
 * queues a job of the subscriber's kind, which the job runner hands to the registered handler.
 */
import type { ChangeAction } from './change-log.ts';

export interface Subscription {
  /** Job kind queued for each matching event; a handler of that kind must be registered with the runner. */
  jobKind: string;
  entities: readonly string[] | '*';
  actions?: readonly ChangeAction[];
}

const subscriptions: Subscription[] = [];

/** Declares interest in changes of some entities; returns a function that withdraws it. */
export function subscribe(subscription: Subscription): () => void {
  subscriptions.push(subscription);
  return () => {
    const index = subscriptions.indexOf(subscription);
    if (index >= 0) subscriptions.splice(index, 1);
  };
}

export function subscribersFor(entity: string, action: ChangeAction): Subscription[] {
  return subscriptions.filter(
    (s) => (s.entities === '*' || s.entities.includes(entity)) && (!s.actions || s.actions.includes(action)),
  );
}
