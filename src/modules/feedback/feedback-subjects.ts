/**
 * The record a piece of feedback is about must exist in the workspace and concern the customer who answered:
 * their order (as buyer or the buyer's contact), delivery, case, invoice, or an interaction they took part in.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import type { FeedbackSubject } from './feedback-reference.ts';

/** For each kind of subject: whether the record exists, and whether it is the customer's. */
function subjectQuery(ctx: Ctx, kind: FeedbackSubject, id: string, partyId: string) {
  const ws = ctx.workspaceId;
  switch (kind) {
    case 'order':
      return sql<{ mine: boolean }>`select (customer_id = ${partyId} or contact_id is not distinct from ${partyId}) as mine
        from orders where workspace_id = ${ws} and id = ${id}`;
    case 'delivery':
      return sql<{ mine: boolean }>`select customer_id = ${partyId} as mine from deliveries where workspace_id = ${ws} and id = ${id}`;
    case 'case':
      return sql<{ mine: boolean }>`select party_id = ${partyId} as mine from cases where workspace_id = ${ws} and id = ${id}`;
    case 'invoice':
      return sql<{ mine: boolean }>`select customer_id = ${partyId} as mine from invoices where workspace_id = ${ws} and id = ${id}`;
    case 'interaction':
      return sql<{ mine: boolean }>`select exists (
          select 1 from interaction_participants p
          where p.workspace_id = ${ws} and p.interaction_id = i.id and p.party_id = ${partyId}) as mine
        from interactions i where i.workspace_id = ${ws} and i.id = ${id}`;
  }
}

/** Pushes an issue at body.subjectId when the subject is missing or someone else's. */
export async function checkFeedbackSubject(ctx: Ctx, partyId: string, kind: FeedbackSubject, id: string, issues: FieldIssue[]): Promise<void> {
  const { rows } = await subjectQuery(ctx, kind, id, partyId).execute(ctx.db);
  const found = rows[0];
  if (!found) issues.push({ field: 'body.subjectId', rule: `must be a ${kind} of this workspace` });
  else if (!found.mine) issues.push({ field: 'body.subjectId', rule: `must be a ${kind} of this customer` });
}
