/**
 * The workspace's duplicate thresholds: from which score a pair is a likely match and a possible one, and whether
 * (and from which score) pairs are merged without review. A workspace without a row uses the defaults.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { throwIfIssues, type FieldIssue } from '../../platform/errors.ts';

export interface DuplicateSettings {
  matchThreshold: number;
  possibleThreshold: number;
  autoMerge: boolean;
  autoMergeThreshold: number;
}

/** Off by default: merging moves orders and invoices, a decision people take until they trust the scores. */
export const DEFAULT_SETTINGS: DuplicateSettings = { matchThreshold: 80, possibleThreshold: 60, autoMerge: false, autoMergeThreshold: 97 };

/** The workspace's settings, or the defaults. */
export async function getDuplicateSettings(ctx: Ctx): Promise<DuplicateSettings> {
  const row = await scoped(ctx.db, ctx.workspaceId).selectFrom('duplicate_settings').selectAll().executeTakeFirst();
  if (!row) return { ...DEFAULT_SETTINGS };
  return {
    matchThreshold: Number(row.match_threshold),
    possibleThreshold: Number(row.possible_threshold),
    autoMerge: row.auto_merge,
    autoMergeThreshold: Number(row.auto_merge_threshold),
  };
}

/** Checks the order of the thresholds, naming the field that breaks it. */
export function checkSettings(settings: DuplicateSettings): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of ['matchThreshold', 'possibleThreshold', 'autoMergeThreshold'] as const) {
    const value = settings[field];
    if (!Number.isFinite(value) || value < 0 || value > 100) issues.push({ field: `body.${field}`, rule: 'must be a number from 0 to 100' });
  }
  if (issues.length > 0) return issues;
  if (settings.possibleThreshold > settings.matchThreshold) {
    issues.push({ field: 'body.possibleThreshold', rule: 'must not be above matchThreshold' });
  }
  if (settings.matchThreshold > settings.autoMergeThreshold) {
    issues.push({ field: 'body.autoMergeThreshold', rule: 'must not be below matchThreshold' });
  }
  return issues;
}

/** Replaces the workspace's settings after checking them (400 naming the field otherwise). */
export async function saveDuplicateSettings(ctx: Ctx, settings: DuplicateSettings): Promise<DuplicateSettings> {
  throwIfIssues(checkSettings(settings));
  const values = {
    match_threshold: String(settings.matchThreshold),
    possible_threshold: String(settings.possibleThreshold),
    auto_merge: settings.autoMerge,
    auto_merge_threshold: String(settings.autoMergeThreshold),
  };
  await scoped(ctx.db, ctx.workspaceId)
    .insertInto('duplicate_settings', [values])
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ ...values, updated_at: sql<Date>`now()` as never }))
    .execute();
  return getDuplicateSettings(ctx);
}
