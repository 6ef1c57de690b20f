/**
 * Undoing a merge: the rows it moved go back by the keys it remembered, both records get back their columns,
 * contact points and consent from the snapshots, the aliases it added go, and the absorbed record lives again.
 * One transaction. Refused (409, saying why) while a later merge involving the survivor is in force, or when
 * either record changed since the merge in a way the undo would silently throw away.
 */
import { sql } from 'kysely';
import { actorUserId, inTransaction, type Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { recordTimeline } from '../timeline/timeline-writer.ts';
import { refreshCustomerMetrics } from '../metrics/metrics-service.ts';
import { assertMayEdit, editAccess } from '../parties/record-access.ts';
import { moveBack } from './merge-moves.ts';
import { loadMergeView, type MergeView } from './merge-presenter.ts';
import { readPair, refreshActiveAlerts, type StoredMoves } from './merge-service.ts';
import { changedFields, comparableState, loadSnapshot, restoreSnapshot, type PartySnapshot } from './merge-snapshot.ts';

/** Refuses the undo while a later merge into or of the survivor is in force: that one must be undone first. */
async function assertNoLaterMerge(ctx: Ctx, merge: { id: string; survivor_id: string; merged_at: Date }, survivorNumber: string): Promise<void> {
  const { rows } = await sql<{ survivor_number: string; absorbed_number: string }>`
    select s.customer_number as survivor_number, a.customer_number as absorbed_number
    from party_merges l
    join parties s on s.workspace_id = l.workspace_id and s.id = l.survivor_id
    join parties a on a.workspace_id = l.workspace_id and a.id = l.absorbed_id
    where l.workspace_id = ${ctx.workspaceId} and l.id <> ${merge.id} and l.undone_at is null and l.merged_at > ${merge.merged_at}
      and (l.survivor_id = ${merge.survivor_id} or l.absorbed_id = ${merge.survivor_id})
    order by l.merged_at desc
    limit 1`.execute(ctx.db);
  const later = rows[0];
  if (later) {
    throw new AppError(
      'conflict',
      `${survivorNumber} took part in a later merge (${later.absorbed_number} into ${later.survivor_number}) that is still in force: undo that one first`,
    );
  }
}

function assertUnchanged(number: string, expected: PartySnapshot, current: PartySnapshot): void {
  const changed = changedFields(expected, current);
  if (changed.length > 0) {
    throw new AppError(
      'conflict',
      `${number} was changed since the merge (${changed.join(', ')}); undoing the merge would lose these changes. Put them back as they were, or keep the merge`,
    );
  }
}

/** Undoes the merge `mergeId` (see the file comment). */
export async function undoMerge(ctx: Ctx, mergeId: string): Promise<MergeView> {
  await inTransaction(ctx, async (tx) => {
    const db = scoped(tx.db, tx.workspaceId);
    const merge = await db.selectFrom('party_merges').selectAll().where('id', '=', mergeId).forUpdate().executeTakeFirst();
    if (!merge) throw notFound('Merge');
    if (merge.undone_at) throw new AppError('conflict', 'This merge was already undone');
    const { survivor, absorbed } = await readPair(tx, merge.survivor_id, merge.absorbed_id, true);
    await assertNoLaterMerge(tx, merge, survivor.customer_number);
    const access = await editAccess(tx);
    assertMayEdit(access, survivor);
    assertMayEdit(access, absorbed);

    const stored = merge.moved as unknown as StoredMoves;
    const survivorBefore = merge.survivor_before as unknown as PartySnapshot;
    const absorbedBefore = merge.absorbed_before as unknown as PartySnapshot;
    const survivorNow = await loadSnapshot(tx, survivor.id);
    const absorbedNow = await loadSnapshot(tx, absorbed.id);
    assertUnchanged(survivor.customer_number, stored.survivorAfter, survivorNow);
    const absorbedAsMerged: PartySnapshot = { ...absorbedBefore, row: { ...absorbedBefore.row, merged_into_id: survivor.id } };
    assertUnchanged(absorbed.customer_number, absorbedAsMerged, absorbedNow);

    await moveBack(tx, stored, survivor.id, absorbed.id);
    if (stored.aliasesAdded.length > 0) {
      await db.deleteFrom('customer_number_aliases').where('party_id', '=', survivor.id).where('customer_number', 'in', stored.aliasesAdded).execute();
    }
    await restoreSnapshot(tx, survivorBefore, survivor.version + 1);
    await restoreSnapshot(tx, absorbedBefore, absorbed.version + 1);
    await refreshActiveAlerts(tx, [survivor.id, absorbed.id]);
    await refreshCustomerMetrics(tx, [survivor.id, absorbed.id]);
    await db
      .updateTable('party_merges')
      .set({ undone_at: new Date(), undone_by: actorUserId(tx.actor) })
      .where('id', '=', mergeId)
      .execute();

    await recordChange(tx, {
      entity: 'party',
      entityId: survivor.id,
      action: 'update',
      before: { ...comparableState(survivorNow), merged_with: absorbed.customer_number },
      after: { ...comparableState(await loadSnapshot(tx, survivor.id)), merged_with: null },
    });
    await recordChange(tx, {
      entity: 'party',
      entityId: absorbed.id,
      action: 'update',
      before: { merged_into_id: survivor.id, merged_into: survivor.customer_number },
      after: { merged_into_id: null },
    });
    await recordTimeline(tx, {
      partyId: survivor.id,
      kind: 'record',
      data: { action: 'unmerged', title: `merge with ${absorbed.customer_number} undone`, number: absorbed.customer_number, mergeId },
    });
  });
  return loadMergeView(ctx, mergeId);
}
