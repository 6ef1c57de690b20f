/**
 * Relationship roles over time. A party holds any set of current roles (a customer may also be a supplier);
 * each role held is a dated row, so the history shows when someone became a lead, a customer, and when and why
 * they were lost. Some changes imply others: becoming a customer ends prospect and lead; becoming a former
 * customer ends customer (the reason and the competitor are kept on that row); becoming a customer again ends
 * former customer.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { scoped } from '../../platform/db/scoped.ts';
import type { Ctx } from '../../platform/context.ts';
import type { PartyRole } from './party-schemas.ts';

/** Roles a newly taken role ends. */
const ENDS: Partial<Record<PartyRole, PartyRole[]>> = {
  customer: ['prospect', 'lead', 'former_customer'],
  former_customer: ['customer', 'prospect', 'lead'],
  lead: ['prospect'],
};

export interface RoleChangeDetails {
  reason?: string | undefined;
  competitor?: string | undefined;
}

/** The roles a party ends up with when it held `current` and asks for `wanted`. */
export function resolveRoles(current: readonly PartyRole[], wanted: readonly PartyRole[]): PartyRole[] {
  const added = wanted.filter((role) => !current.includes(role));
  const ended = new Set(added.flatMap((role) => ENDS[role] ?? []));
  return wanted.filter((role) => !ended.has(role) || added.includes(role)).sort();
}

/**
 * Ends the roles left and opens the roles taken, dated today, in the caller's transaction. Returns the new
 * current roles, which the caller stores on the party.
 */
export async function applyRoleChange(
  ctx: Ctx,
  partyId: string,
  current: readonly PartyRole[],
  wanted: readonly PartyRole[],
  details: RoleChangeDetails,
): Promise<PartyRole[]> {
  const next = resolveRoles(current, wanted);
  const ended = current.filter((role) => !next.includes(role));
  const started = next.filter((role) => !current.includes(role));
  const db = scoped(ctx.db, ctx.workspaceId);
  // The database's date, as every other date it stamps; cast for the insert's typing.
  const today = sql<string>`current_date` as unknown as string;
  if (ended.length > 0) {
    await db
      .updateTable('party_roles')
      .set({ ended_on: today })
      .where('party_id', '=', partyId)
      .where('role', 'in', ended)
      .where('ended_on', 'is', null)
      .execute();
  }
  if (started.length > 0) {
    await db
      .insertInto(
        'party_roles',
        started.map((role) => ({
          id: randomUUID(),
          party_id: partyId,
          role,
          started_on: today,
          reason: details.reason?.trim() || null,
          competitor: role === 'former_customer' ? details.competitor?.trim() || null : null,
        })),
      )
      .execute();
  }
  return next;
}

export interface RoleHistoryEntry {
  id: string;
  role: string;
  startedOn: string;
  endedOn: string | null;
  reason: string | null;
  competitor: string | null;
}

export async function roleHistory(ctx: Ctx, partyId: string): Promise<RoleHistoryEntry[]> {
  const rows = await scoped(ctx.db, ctx.workspaceId)
    .selectFrom('party_roles')
    .select(['id', 'role', 'started_on', 'ended_on', 'reason', 'competitor'])
    .where('party_id', '=', partyId)
    .orderBy('started_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, role: r.role, startedOn: r.started_on, endedOn: r.ended_on, reason: r.reason, competitor: r.competitor }));
}
