/**
 * The records a case points at must exist in the workspace, and its order must be the customer's own (as buyer
 * or as the buyer's contact). Each refusal names the field, as a 422: the ids are well-formed but unusable.
 */
import type { Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import type { FieldIssue } from '../../platform/errors.ts';

export interface CaseReferences {
  partyId?: string;
  assigneeId?: string | null;
  orderId?: string | null;
  productId?: string | null;
}

/** Pushes one issue per unusable reference; `partyId` is the customer the order must belong to. */
export async function checkCaseReferences(ctx: Ctx, refs: CaseReferences, partyId: string, issues: FieldIssue[]): Promise<void> {
  const db = scoped(ctx.db, ctx.workspaceId);
  if (refs.partyId !== undefined) {
    const party = await db.selectFrom('parties').select('id').where('id', '=', refs.partyId).executeTakeFirst();
    if (!party) issues.push({ field: 'body.partyId', rule: 'must be a person or organisation of this workspace' });
  }
  if (refs.assigneeId) {
    const user = await db.selectFrom('users').select('status').where('id', '=', refs.assigneeId).executeTakeFirst();
    if (!user || user.status === 'disabled') issues.push({ field: 'body.assigneeId', rule: 'must be an active user of this workspace' });
  }
  if (refs.orderId) {
    const order = await db.selectFrom('orders').select(['customer_id', 'contact_id']).where('id', '=', refs.orderId).executeTakeFirst();
    if (!order) issues.push({ field: 'body.orderId', rule: 'must be an order of this workspace' });
    else if (order.customer_id !== partyId && order.contact_id !== partyId) {
      issues.push({ field: 'body.orderId', rule: 'must be an order of this customer' });
    }
  }
  if (refs.productId) {
    const product = await db.selectFrom('products').select('id').where('id', '=', refs.productId).executeTakeFirst();
    if (!product) issues.push({ field: 'body.productId', rule: 'must be a product of this workspace' });
  }
}
