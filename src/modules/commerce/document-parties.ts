/**
 * The customer and contact a quote or order names: the customer is a person or an organisation of this
 * workspace that was not erased; the contact, when given, is such a person.
 */
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import type { Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';

export interface DocumentParties {
  customerId?: string;
  contactId?: string | null;
}

/** Throws a 422 `unprocessable` naming `body.customerId` or `body.contactId` when either cannot take an order. */
export async function assertDocumentParties(ctx: Ctx, parties: DocumentParties): Promise<void> {
  const ids = [parties.customerId, parties.contactId].filter((id): id is string => typeof id === 'string');
  if (ids.length === 0) return;
  const rows = await scoped(ctx.db, ctx.workspaceId).selectFrom('parties').select(['id', 'kind', 'erased_at']).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const issues: FieldIssue[] = [];
  if (parties.customerId) {
    const customer = byId.get(parties.customerId);
    if (!customer) issues.push({ field: 'body.customerId', rule: 'must be a person or an organisation of this workspace' });
    else if (customer.erased_at) issues.push({ field: 'body.customerId', rule: 'names an erased record, which can no longer buy' });
  }
  if (parties.contactId) {
    const contact = byId.get(parties.contactId);
    if (!contact || contact.kind !== 'person') issues.push({ field: 'body.contactId', rule: 'must be a person of this workspace' });
    else if (contact.erased_at) issues.push({ field: 'body.contactId', rule: 'names an erased person' });
  }
  if (issues.length > 0) throw new AppError('unprocessable', issues.map((i) => `${i.field} ${i.rule}`).join('; '), issues);
}
