/**
 * Purchase-behaviour metrics per customer. Placeholder until the set-based refresh lands: services call
 * `refreshCustomerMetrics` in the transaction that changed a customer's orders, invoices, payments, returns,
 * cases or feedback.
 */
import type { Ctx } from '../../platform/context.ts';

export async function refreshCustomerMetrics(_ctx: Ctx, _partyIds: readonly string[]): Promise<void> {}
