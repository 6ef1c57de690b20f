/**
 * Merging two records of the same customer into one. The survivor keeps its id and number and takes the values
 * survivorship chooses; every row that pointed at the absorbed record moves to it; the absorbed record stays,
 * marked `merged_into_id`, so its page redirects and its number resolves to the survivor. All of it happens in
 * one transaction, and what was moved is remembered so the merge can be undone (see merge-undo.ts).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { actorUserId, inTransaction, type Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { AppError, notFound, throwIfIssues, validationError, type FieldIssue } from '../../platform/errors.ts';
import { recordTimeline } from '../timeline/timeline-writer.ts';
import { refreshCustomerMetrics } from '../metrics/metrics-service.ts';
import { assertMayEdit, editAccess } from '../parties/record-access.ts';
import { partyNameKey } from './name-key.ts';
import { countReferences, moveReferences, settleRolePeriods, type MovedRows } from './merge-moves.ts';
import { parisToday } from '../tasks/paris-time.ts';
import { comparableState, displayNameOf, loadSnapshot, mergeSideOf, primaryColumns, writeColumns, writeOwnRows, type PartySnapshot } from './merge-snapshot.ts';
import { chooseSurvivor, mergeFieldsOf, survive, type MergeStrategy, type Side, type Survivorship } from './survivorship.ts';
import { loadMergeView, loadMergeViews, type MergeView } from './merge-presenter.ts';

export type { MergeView };

export interface MergeInput {
  survivorId: string;
  absorbedId: string;
  strategy: MergeStrategy;
  /** Field (API name) → the side whose value to keep, whatever the strategy says. */
  picks?: Record<string, Side> | undefined;
  /** The duplicate pair this merge settles, when it came from the review queue. */
  candidateId?: string | undefined;
}

/** What `party_merges.moved` holds: the rows moved, and the survivor as the merge left it (to tell later changes). */
export interface StoredMoves extends MovedRows {
  survivorAfter: PartySnapshot;
  counts: Record<string, number>;
}

interface PartyHead {
  id: string;
  kind: string;
  customer_number: string;
  display_name: string;
  owner_id: string | null;
  team_id: string | null;
  erased_at: Date | null;
  merged_into_id: string | null;
  version: number;
}

/**
 * Reads both records, locking them when asked, always in id order so two merges of the same pair wait for each
 * other instead of deadlocking. Unknown ids are 404s.
 */
export async function readPair(ctx: Ctx, survivorId: string, absorbedId: string, lock: boolean): Promise<{ survivor: PartyHead; absorbed: PartyHead }> {
  const found = new Map<string, PartyHead>();
  for (const id of [survivorId, absorbedId].sort()) {
    let query = scoped(ctx.db, ctx.workspaceId)
      .selectFrom('parties')
      .select(['id', 'kind', 'customer_number', 'display_name', 'owner_id', 'team_id', 'erased_at', 'merged_into_id', 'version'])
      .where('id', '=', id);
    if (lock) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row) throw notFound('Customer record');
    found.set(id, row);
  }
  return { survivor: found.get(survivorId)!, absorbed: found.get(absorbedId)! };
}

/** Refuses a pair that cannot be merged, saying why. */
function assertMergeable(survivor: PartyHead, absorbed: PartyHead): void {
  for (const [field, party] of [
    ['survivorId', survivor],
    ['absorbedId', absorbed],
  ] as const) {
    if (party.erased_at) throw new AppError('conflict', `${party.customer_number} was erased; an erased record cannot be merged`, [{ field: `body.${field}`, rule: 'must not be erased' }]);
    if (party.merged_into_id) {
      throw new AppError('conflict', `${party.customer_number} was already merged into another record; undo that merge first`, [
        { field: `body.${field}`, rule: 'must not be already merged' },
      ]);
    }
  }
  if (survivor.kind !== absorbed.kind) {
    throw validationError('body.absorbedId', `must be of the same kind as the survivor (a ${absorbed.kind} cannot be merged into a ${survivor.kind})`);
  }
}

function checkInput(input: MergeInput, kind: string): void {
  if (input.survivorId === input.absorbedId) throw validationError('body.absorbedId', 'must be another record than survivorId (a record cannot be merged with itself)');
  const known = new Set(mergeFieldsOf(kind).map((f) => f.field));
  const issues: FieldIssue[] = Object.keys(input.picks ?? {})
    .filter((field) => !known.has(field))
    .map((field) => ({ field: `body.picks.${field}`, rule: `is not a field a merge of ${kind === 'person' ? 'people' : 'organisations'} chooses` }));
  throwIfIssues(issues);
}

/** What the merge would do, without doing it: chosen values, united contact points and consent, rows to move. */
export async function previewMerge(ctx: Ctx, input: MergeInput) {
  if (input.survivorId === input.absorbedId) checkInput(input, '');
  const { survivor, absorbed } = await readPair(ctx, input.survivorId, input.absorbedId, false);
  checkInput(input, survivor.kind);
  assertMergeable(survivor, absorbed);
  const [survivorSnapshot, absorbedSnapshot] = [await loadSnapshot(ctx, survivor.id), await loadSnapshot(ctx, absorbed.id)];
  const result = survive(survivor.kind, mergeSideOf(survivorSnapshot), mergeSideOf(absorbedSnapshot), input.strategy, input.picks);
  return { survivor, absorbed, result, moves: await countReferences(ctx, absorbed.id) };
}

async function checkCandidate(ctx: Ctx, candidateId: string, survivorId: string, absorbedId: string): Promise<void> {
  const [a, b] = [survivorId, absorbedId].sort();
  const candidate = await scoped(ctx.db, ctx.workspaceId)
    .selectFrom('duplicate_candidates')
    .select(['party_a', 'party_b'])
    .where('id', '=', candidateId)
    .executeTakeFirst();
  if (!candidate || candidate.party_a !== a || candidate.party_b !== b) {
    throw validationError('body.candidateId', 'must be the duplicate pair of these two records');
  }
}

/** The survivor's columns after the merge: the chosen values, its display name, phonetic key and primary contacts. */
function survivorColumns(kind: string, result: Survivorship): Record<string, unknown> {
  const columns = { ...result.columns };
  return {
    ...columns,
    display_name: displayNameOf(kind, columns),
    name_key: partyNameKey({
      kind,
      lastName: columns.last_name as string | null,
      legalName: columns.legal_name as string | null,
      tradeName: columns.trade_name as string | null,
    }),
    ...primaryColumns(result.emails, result.phones, result.addresses),
  };
}

/** Copies the kinds of each record's open alerts onto it, after alerts moved. */
export async function refreshActiveAlerts(ctx: Ctx, partyIds: readonly string[]): Promise<void> {
  await sql`
    update parties p set active_alerts = coalesce(
      (select array_agg(distinct a.kind order by a.kind) from alerts a
       where a.workspace_id = p.workspace_id and a.party_id = p.id and a.resolved_at is null), '{}')
    where p.workspace_id = ${ctx.workspaceId} and p.id = any(${[...partyIds]}::uuid[])`.execute(ctx.db);
}

/** Merges `absorbedId` into `survivorId` (see the file comment). */
export async function mergeParties(ctx: Ctx, input: MergeInput): Promise<MergeView> {
  const id = await inTransaction(ctx, async (tx) => {
    if (input.survivorId === input.absorbedId) checkInput(input, '');
    const { survivor, absorbed } = await readPair(tx, input.survivorId, input.absorbedId, true);
    checkInput(input, survivor.kind);
    assertMergeable(survivor, absorbed);
    const access = await editAccess(tx);
    assertMayEdit(access, survivor);
    assertMayEdit(access, absorbed);
    if (input.candidateId) await checkCandidate(tx, input.candidateId, survivor.id, absorbed.id);

    const survivorBefore = await loadSnapshot(tx, survivor.id);
    const absorbedBefore = await loadSnapshot(tx, absorbed.id);
    const result = survive(survivor.kind, mergeSideOf(survivorBefore), mergeSideOf(absorbedBefore), input.strategy, input.picks);
    const counts = await countReferences(tx, absorbed.id);
    const userId = actorUserId(tx.actor);
    const moved = await moveReferences(tx, survivor.id, absorbed.id, userId);

    const columns = survivorColumns(survivor.kind, result);
    await writeColumns(tx, survivor.id, columns, survivor.version + 1);
    await writeOwnRows(tx, survivor.id, result);
    moved.rolePeriods = await settleRolePeriods(tx, survivor.id, (columns.roles as string[] | undefined) ?? [], parisToday());
    await writeColumns(tx, absorbed.id, { merged_into_id: survivor.id }, absorbed.version + 1);
    await scoped(tx.db, tx.workspaceId).insertInto('customer_number_aliases', [{ customer_number: absorbed.customer_number, party_id: survivor.id }]).execute();
    moved.aliasesAdded = [absorbed.customer_number];
    await refreshActiveAlerts(tx, [survivor.id, absorbed.id]);
    await refreshCustomerMetrics(tx, [survivor.id, absorbed.id]);

    const survivorAfter = await loadSnapshot(tx, survivor.id);
    const mergeId = randomUUID();
    const stored: StoredMoves = { ...moved, survivorAfter, counts };
    await scoped(tx.db, tx.workspaceId)
      .insertInto('party_merges', [
        {
          id: mergeId,
          survivor_id: survivor.id,
          absorbed_id: absorbed.id,
          candidate_id: input.candidateId ?? null,
          strategy: input.strategy,
          picks: JSON.stringify(input.picks ?? {}),
          survivor_before: JSON.stringify(survivorBefore),
          absorbed_before: JSON.stringify(absorbedBefore),
          moved: JSON.stringify(stored),
          merged_by: userId,
        },
      ])
      .execute();
    await recordChange(tx, {
      entity: 'party',
      entityId: survivor.id,
      action: 'update',
      before: { ...comparableState(survivorBefore), merged_with: null },
      after: { ...comparableState(survivorAfter), merged_with: absorbed.customer_number },
    });
    await recordChange(tx, {
      entity: 'party',
      entityId: absorbed.id,
      action: 'update',
      before: { merged_into_id: null },
      after: { merged_into_id: survivor.id, merged_into: survivor.customer_number },
    });
    await recordTimeline(tx, {
      partyId: survivor.id,
      kind: 'record',
      data: { action: 'merged', title: `merged with ${absorbed.customer_number}`, number: absorbed.customer_number, mergeId },
    });
    return mergeId;
  });
  return loadMergeView(ctx, id);
}

/**
 * Merges a pair nobody arbitrated (bulk merge, auto-merge): the more complete record survives (the older when
 * equal) and values follow `most_complete`.
 */
export async function mergeMostComplete(ctx: Ctx, pair: { aId: string; bId: string; candidateId?: string }): Promise<MergeView> {
  const read = async (id: string) => {
    const snapshot = await loadSnapshot(ctx, id);
    if (!snapshot.row) throw notFound('Customer record');
    return { ...mergeSideOf(snapshot), id, kind: String(snapshot.row.kind), createdAt: String(snapshot.row.created_at) };
  };
  const a = await read(pair.aId);
  const b = await read(pair.bId);
  const { survivor, absorbed } = chooseSurvivor(a.kind, a, b);
  return mergeParties(ctx, { survivorId: survivor.id, absorbedId: absorbed.id, strategy: 'most_complete', candidateId: pair.candidateId });
}

export interface MergeListOptions {
  partyId?: string | undefined;
}

/** The merges a record took part in (as survivor or absorbed), newest first; the latest 100 without a record. */
export async function listMerges(ctx: Ctx, options: MergeListOptions): Promise<MergeView[]> {
  return loadMergeViews(ctx, options.partyId);
}
