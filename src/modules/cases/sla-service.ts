/**
 * The workspace's service-level targets per case priority. A priority nobody has set uses `DEFAULT_SLA`; a case
 * copies its due times when it opens, so changing a target here never moves a deadline already promised.
 */
import { sql } from 'kysely';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { throwIfIssues, type FieldIssue } from '../../platform/errors.ts';
import { CASE_PRIORITIES, DEFAULT_SLA, type CasePriority, type SlaTarget } from './case-reference.ts';

export interface SlaPolicy extends SlaTarget {
  priority: CasePriority;
  /** True when the workspace has not set this priority and the default applies. */
  isDefault: boolean;
  updatedAt: string | null;
}

/** The targets of every priority, most urgent first. */
export async function getSlaPolicies(ctx: Ctx): Promise<SlaPolicy[]> {
  const rows = await scoped(ctx.db, ctx.workspaceId).selectFrom('sla_policies').selectAll().execute();
  return CASE_PRIORITIES.map((priority) => {
    const row = rows.find((r) => r.priority === priority);
    if (!row) return { priority, ...DEFAULT_SLA[priority], isDefault: true, updatedAt: null };
    return {
      priority,
      firstResponseMinutes: row.first_response_minutes,
      resolutionMinutes: row.resolution_minutes,
      isDefault: false,
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  });
}

/** The targets a case of `priority` gets now. */
export async function slaTargetFor(ctx: Ctx, priority: CasePriority): Promise<SlaTarget> {
  const row = await scoped(ctx.db, ctx.workspaceId)
    .selectFrom('sla_policies')
    .select(['first_response_minutes', 'resolution_minutes'])
    .where('priority', '=', priority)
    .executeTakeFirst();
  return row ? { firstResponseMinutes: row.first_response_minutes, resolutionMinutes: row.resolution_minutes } : DEFAULT_SLA[priority];
}

export interface SlaPolicyInput extends SlaTarget {
  priority: CasePriority;
}

/** Sets the targets of the priorities given (the others stay as they are) and returns all of them. */
export async function setSlaPolicies(ctx: Ctx, policies: readonly SlaPolicyInput[]): Promise<SlaPolicy[]> {
  const issues: FieldIssue[] = [];
  policies.forEach((policy, index) => {
    if (policies.findIndex((p) => p.priority === policy.priority) !== index) {
      issues.push({ field: `body.policies[${index}].priority`, rule: 'is given twice' });
    }
    if (policy.resolutionMinutes < policy.firstResponseMinutes) {
      issues.push({ field: `body.policies[${index}].resolutionMinutes`, rule: 'must not be shorter than the first response target' });
    }
  });
  throwIfIssues(issues);
  return inTransaction(ctx, async (tx) => {
    const before = await getSlaPolicies(tx);
    for (const policy of policies) {
      await sql`
        insert into sla_policies (workspace_id, priority, first_response_minutes, resolution_minutes, updated_at)
        values (${tx.workspaceId}, ${policy.priority}, ${policy.firstResponseMinutes}, ${policy.resolutionMinutes}, now())
        on conflict (workspace_id, priority) do update
          set first_response_minutes = excluded.first_response_minutes, resolution_minutes = excluded.resolution_minutes, updated_at = now()`.execute(
        tx.db,
      );
    }
    const after = await getSlaPolicies(tx);
    await recordChange(tx, {
      entity: 'sla_policy',
      entityId: tx.workspaceId,
      action: 'update',
      before: loggable(before),
      after: loggable(after),
    });
    return after;
  });
}

/** `{ "urgent.first_response_minutes": 60, … }`: one field per target, so the log shows exactly what moved. */
function loggable(policies: SlaPolicy[]): Record<string, number> {
  const flat: Record<string, number> = {};
  for (const p of policies) {
    flat[`${p.priority}.first_response_minutes`] = p.firstResponseMinutes;
    flat[`${p.priority}.resolution_minutes`] = p.resolutionMinutes;
  }
  return flat;
}
