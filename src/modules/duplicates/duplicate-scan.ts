/**
 * The scan: every live person (or organisation) of the workspace is read once in keyset pages, prepared in
 * memory, blocked, and the proposed pairs scored; pairs at or above the possible threshold are stored, open pairs
 * that no longer score are removed, and (when the workspace asked for it) the surest pairs are merged.
 * A scan after an import looks only at pairs with at least one record of that import.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { forEachCandidatePair } from './blocking.ts';
import { prepare, type DedupKind, type Prepared } from './dedup-record.ts';
import { getDuplicateSettings } from './duplicate-settings.ts';
import { inputOfRow, LIVE, RECORD_COLUMNS, RECORD_JOIN, upsertCandidates, type DedupRow, type FoundPair } from './duplicate-store.ts';
import { autoMergePairs } from './duplicate-auto-merge.ts';
import { partyNameKey } from './name-key.ts';
import { pairPoints, scorePair } from './score.ts';
import { scoreOfPoints } from './weights.ts';

export interface ScanOptions {
  kind: DedupKind;
  /** Only pairs where at least one record came from this import. */
  importId?: string | undefined;
  source: 'scan' | 'import';
}

export interface ScanResult {
  /** Pairs at or above the possible threshold found by this scan. */
  pairs: number;
  records: number;
  compared: number;
  merged: number;
}

const PAGE = 20_000;
const KEY_BATCH = 20_000;

/**
 * Fills `name_key` where it is missing (records older than the column, demo data): the keys are computed here (the
 * algorithm lives in TypeScript) and written by one set-based update per batch. The records are walked in primary
 * key order and the missing keys picked out of each page: asking the database for "the next rows without a key"
 * instead made it gather and sort every keyless row of the workspace again for each batch.
 */
export async function fillNameKeys(ctx: Ctx, kind: DedupKind): Promise<number> {
  // Most scans find every key in place (records get theirs when written): one indexed look says so.
  const { rows: any } = await sql<{ found: boolean }>`
    select exists (select 1 from parties where workspace_id = ${ctx.workspaceId} and kind = ${kind} and name_key is null
                     and coalesce(last_name, legal_name, trade_name, '') <> '') as found`.execute(ctx.db);
  if (!any[0]?.found) return 0;
  let filled = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await sql<{ id: string; kind: string; missing: boolean; last_name: string | null; legal_name: string | null; trade_name: string | null }>`
      select id, kind, name_key is null as missing, last_name, legal_name, trade_name from parties
      where workspace_id = ${ctx.workspaceId} and id > ${after}::uuid
      order by id limit ${KEY_BATCH}`.execute(ctx.db);
    const keyed = rows
      .filter((r) => r.kind === kind && r.missing)
      .map((r) => ({ id: r.id, key: partyNameKey({ kind, lastName: r.last_name, legalName: r.legal_name, tradeName: r.trade_name }) }))
      .filter((r): r is { id: string; key: string } => r.key !== null);
    if (keyed.length > 0) {
      await sql`
        update parties p set name_key = k.key
        from unnest(${keyed.map((r) => r.id)}::uuid[], ${keyed.map((r) => r.key)}::text[]) as k(id, key)
        where p.workspace_id = ${ctx.workspaceId} and p.id = k.id`.execute(ctx.db);
    }
    filled += keyed.length;
    if (rows.length < KEY_BATCH) return filled;
    after = rows[rows.length - 1]!.id;
  }
}

/** Reads the live records of a kind, page by page in id order. */
async function readRecords(ctx: Ctx, kind: DedupKind, importId: string | undefined): Promise<{ records: Prepared[]; fromImport: Uint8Array }> {
  const records: Prepared[] = [];
  const imported: number[] = [];
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await sql<DedupRow>`
      select ${RECORD_COLUMNS} from parties p ${RECORD_JOIN}
      where p.workspace_id = ${ctx.workspaceId} and p.kind = ${kind} and ${LIVE} and p.id > ${after}::uuid
      order by p.id limit ${PAGE}`.execute(ctx.db);
    for (const row of rows) {
      if (importId && row.import_id === importId) imported.push(records.length);
      records.push(prepare(inputOfRow(row)));
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  const fromImport = new Uint8Array(records.length);
  for (const index of imported) fromImport[index] = 1;
  return { records, fromImport };
}

/** Scans the workspace's records of one kind for duplicates (see the file comment). */
export async function scanDuplicates(ctx: Ctx, options: ScanOptions): Promise<ScanResult> {
  const settings = await getDuplicateSettings(ctx);
  await fillNameKeys(ctx, options.kind);
  const { records, fromImport } = await readRecords(ctx, options.kind, options.importId);

  // Scores are compared as points: the threshold in points saves the curve on every pair.
  const found: { i: number; j: number }[] = [];
  let compared = 0;
  forEachCandidatePair(
    records,
    (i, j) => {
      compared += 1;
      if (scoreOfPoints(pairPoints(records[i]!, records[j]!)) >= settings.possibleThreshold) found.push({ i, j });
    },
    options.importId ? { mustInclude: fromImport } : {},
  );
  const pairs: FoundPair[] = found.map(({ i, j }) => {
    const scored = scorePair(records[i]!, records[j]!, settings);
    return { a: records[i]!.input.id, b: records[j]!.input.id, score: scored.score, fields: scored.fields };
  });

  await upsertCandidates(ctx, options.kind, pairs, options.source, options.importId ?? null);
  await removeStalePairs(ctx, options, pairs);
  const merged = settings.autoMerge ? await autoMergePairs(ctx, options.kind, settings.autoMergeThreshold) : 0;
  return { pairs: pairs.length, records: records.length, compared, merged };
}

/**
 * Open pairs this scan did not find again no longer score (a record changed, was erased or merged): they go.
 * After an import only pairs touching the import's records were looked at, so only those may go. `not in` over
 * the found pairs is planned as one hash of them; `not exists` over the array was a loop over it for every pair.
 */
async function removeStalePairs(ctx: Ctx, options: ScanOptions, pairs: readonly FoundPair[]): Promise<void> {
  const firsts = pairs.map((p) => (p.a < p.b ? p.a : p.b));
  const seconds = pairs.map((p) => (p.a < p.b ? p.b : p.a));
  const touchesImport = options.importId
    ? sql`and exists (select 1 from parties p where p.workspace_id = c.workspace_id and p.id in (c.party_a, c.party_b)
            and p.import_id = ${options.importId})`
    : sql``;
  await sql`
    delete from duplicate_candidates c
    where c.workspace_id = ${ctx.workspaceId} and c.kind = ${options.kind} and c.status = 'open' ${touchesImport}
      and (c.party_a, c.party_b) not in (select f.a, f.b from unnest(${firsts}::uuid[], ${seconds}::uuid[]) as f(a, b))`.execute(
    ctx.db,
  );
}
