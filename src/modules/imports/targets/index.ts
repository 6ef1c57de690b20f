/**
 * The kinds of record an import can bring in, by name. A target that is not registered here cannot be chosen:
 * the mapping step refuses it and `GET /api/imports/targets` does not list it.
 */
import { AppError } from '../../../platform/errors.ts';
import type { ImportTarget, ImportTargetName } from '../import-types.ts';
import { interactionsTarget } from './interaction-target.ts';
import { ordersTarget } from './order-target.ts';
import { organisationsTarget, peopleTarget } from './party-target.ts';
import { productsTarget } from './product-target.ts';

const TARGETS: Partial<Record<ImportTargetName, ImportTarget>> = {
  people: peopleTarget as ImportTarget,
  organisations: organisationsTarget as ImportTarget,
  orders: ordersTarget as ImportTarget,
  interactions: interactionsTarget as ImportTarget,
  products: productsTarget as ImportTarget,
};

/** Every registered target, in the order the wizard offers them. */
export function importTargets(): ImportTarget[] {
  return Object.values(TARGETS);
}

/** The target called `name`; a 400 naming `field` when there is none. */
export function importTarget(name: string, field = 'body.target'): ImportTarget {
  const target = TARGETS[name as ImportTargetName];
  if (!target) {
    throw new AppError('validation_failed', `${field} must be one of ${Object.keys(TARGETS).join(', ')}`, [
      { field, rule: `must be one of ${Object.keys(TARGETS).join(', ')}` },
    ]);
  }
  return target;
}
