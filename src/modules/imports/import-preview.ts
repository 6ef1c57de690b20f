/**
 * The preview of the mapping step: the first rows prepared and written exactly as the import will write them,
 * inside a transaction that is then rolled back, so the user sees which rows would create, update or be refused
 * (and why) before anything is stored. Valid rows are also checked for a likely duplicate.
 */
import { runTransaction, type Ctx } from '../../platform/context.ts';
import type { BatchOptions, ColumnMapping, ConversionOptions, ImportTarget, MatchKey, PreparedRow, PreviewValue, RowIssue, RowOutcome, SourceRow } from './import-types.ts';
import { inColumns, mapRow } from './import-mapping.ts';
import type { PreviewRowOut } from './import-schemas.ts';

export type PreviewRow = PreviewRowOut;

class RolledBack<T> {
  readonly value: T;
  constructor(value: T) {
    this.value = value;
  }
}

/** Runs `work` in a transaction that is always rolled back, and returns what it computed. */
async function withRollback<T>(ctx: Ctx, work: (tx: Ctx) => Promise<T>): Promise<T> {
  try {
    await runTransaction(ctx.db, async (trx, afterCommit) => {
      throw new RolledBack(await work({ ...ctx, db: trx, afterCommit }));
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.value as T;
    throw error;
  }
  throw new Error('unreachable: the preview transaction committed');
}

/** The issues the reader found in a row (a ragged row, bytes invalid in the encoding), as row issues. */
export function readerIssues(row: SourceRow): RowIssue[] {
  return row.problems.map((reason) => ({ rowNumber: row.rowNumber, column: null, value: null, reason }));
}

export interface PreviewInput {
  importId: string;
  target: ImportTarget;
  headers: string[];
  mapping: ColumnMapping;
  matchKey: string | null;
  conversion: ConversionOptions;
  rows: SourceRow[];
}

function mappedValues(values: Map<string, string[]>): Record<string, PreviewValue> {
  return Object.fromEntries([...values].map(([key, texts]) => [key, texts.length === 1 ? texts[0]! : texts]));
}

const presentIssues = (issues: RowIssue[]) => issues.map(({ column, value, reason }) => ({ column, value, reason }));

/** The preview of the given rows: action, stored values, issues, matched record and likely duplicate of each. */
export async function previewRows(ctx: Ctx, input: PreviewInput): Promise<PreviewRow[]> {
  const { target } = input;
  const options: BatchOptions = { importId: input.importId, matchKey: input.matchKey as MatchKey | null, conversion: input.conversion };
  const attempt = await withRollback(ctx, async (tx) => {
    const prepared: { mapped: ReturnType<typeof mapRow>; row: PreparedRow; issues: RowIssue[] }[] = [];
    for (const source of input.rows) {
      const mapped = mapRow(source.cells, input.headers, input.mapping, source.rowNumber);
      const row = await target.prepare(tx, mapped, options);
      prepared.push({ mapped, row, issues: [...readerIssues(source), ...row.issues] });
    }
    const valid = prepared.filter((p) => p.issues.length === 0).map((p) => p.row);
    const written = valid.length > 0 ? await target.writeBatch(tx, valid, options) : { outcomes: [] as RowOutcome[] };
    const outcomes = new Map(written.outcomes.map((o) => [o.rowNumber, o]));
    const updatedIds = written.outcomes.filter((o) => (o.action === 'updated' || o.action === 'unchanged') && o.entityId).map((o) => o.entityId!);
    const parties = updatedIds.length > 0 ? await tx.db
      .selectFrom('parties')
      .select(['id', 'kind', 'display_name', 'customer_number'])
      .where('workspace_id', '=', tx.workspaceId)
      .where('id', 'in', updatedIds)
      .execute() : [];
    return { prepared, outcomes, parties: new Map(parties.map((p) => [p.id, p])) };
  });

  const preview: PreviewRow[] = [];
  for (const { mapped, row, issues } of attempt.prepared) {
    const outcome = attempt.outcomes.get(row.rowNumber);
    const allIssues = [...issues, ...(outcome?.issues ?? []).map((issue) => inColumns(issue, mapped))];
    const invalid = allIssues.length > 0 && (issues.length > 0 || !outcome || outcome.action === 'invalid');
    const action = invalid ? 'invalid' : outcome?.action === 'created' ? 'create' : 'update';
    const party = outcome?.entityId && action === 'update' ? attempt.parties.get(outcome.entityId) : undefined;
    const matchedParty = party ? { id: party.id, kind: party.kind as 'person' | 'organisation', displayName: party.display_name, customerNumber: party.customer_number } : null;
    // Looked for outside the rolled-back transaction, so the row's own record is not there to be found.
    const duplicate = !invalid && target.likelyDuplicate ? await target.likelyDuplicate(ctx, row) : null;
    preview.push({
      rowNumber: row.rowNumber,
      action,
      values: target.previewValues ? target.previewValues(row) : mappedValues(mapped.values),
      issues: presentIssues(allIssues),
      matchedParty,
      likelyDuplicate: duplicate && duplicate.id !== matchedParty?.id
        ? { id: duplicate.id, kind: duplicate.kind, displayName: duplicate.displayName, customerNumber: duplicate.customerNumber, score: duplicate.score }
        : null,
    });
  }
  return preview;
}
