/**
 * Deleting a customer record entered by mistake. A customer with a commercial or after-sales history (quotes,
 * orders, deliveries, invoices, payments, returns, cases, feedback) is never deleted: those records must keep
 * their customer (accounting, statistics), so the request is refused with what exists, and erasure
 * (anonymisation, see party-privacy.ts) is the way to honour a deletion request. Otherwise the record goes with
 * what hangs only on it: contact points, roles, links, consent, tasks, alerts, timeline, and the interactions it
 * was the only customer in.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { deleteOwnerAttachments } from '../interactions/attachment-service.ts';
import type { PartyKind } from './party-schemas.ts';
import { assertMayEdit, editAccess } from './record-access.ts';

/** Tables whose rows must keep their customer, with the column naming it. */
const KEPT_HISTORY = [
  ['quotes', 'customer_id'],
  ['orders', 'customer_id'],
  ['deliveries', 'customer_id'],
  ['invoices', 'customer_id'],
  ['payments', 'customer_id'],
  ['returns', 'customer_id'],
  ['cases', 'party_id'],
  ['feedback', 'party_id'],
] as const;

/** Deletes the record; returns the storage keys of the files of the interactions that went with it (to remove after commit). */
export async function deleteParty(ctx: Ctx, kind: PartyKind, id: string): Promise<string[]> {
  const access = await editAccess(ctx);
  return inTransaction(ctx, async (tx) => {
    const db = scoped(tx.db, tx.workspaceId);
    const before = await db.selectFrom('parties').selectAll().where('id', '=', id).where('kind', '=', kind).forUpdate().executeTakeFirst();
    if (!before) throw notFound(kind === 'person' ? 'Person' : 'Organisation');
    assertMayEdit(access, before);
    const counts = sql.join(
      KEPT_HISTORY.map(
        ([table, column]) =>
          sql`select ${table}::text as kind, count(*)::int as n from ${sql.table(table)} where workspace_id = ${tx.workspaceId} and ${sql.ref(column)} = ${id}`,
      ),
      sql` union all `,
    );
    const { rows } = await sql<{ kind: string; n: number }>`${counts}`.execute(tx.db);
    const history = rows.filter((row) => row.n > 0);
    if (history.length > 0) {
      const what = history.map((row) => `${row.n} ${row.kind}`).join(', ');
      throw new AppError('conflict', `This customer has a history (${what}) that must keep its customer: erase the personal data instead of deleting`, [
        { field: 'id', rule: `has ${what}; use POST /api/parties/{id}/erase` },
      ]);
    }
    // Interactions in which this was the only customer would be left about nobody: they go, with their files.
    const { rows: alone } = await sql<{ id: string }>`
      delete from interactions i
      where i.workspace_id = ${tx.workspaceId}
        and exists (select 1 from interaction_participants p where p.workspace_id = i.workspace_id and p.interaction_id = i.id and p.party_id = ${id})
        and not exists (select 1 from interaction_participants p where p.workspace_id = i.workspace_id and p.interaction_id = i.id
                        and p.party_id is not null and p.party_id <> ${id})
      returning i.id`.execute(tx.db);
    const fileKeys: string[] = [];
    for (const interaction of alone) fileKeys.push(...(await deleteOwnerAttachments(tx, { type: 'interaction', id: interaction.id })));
    await db.deleteFrom('parties').where('id', '=', id).execute();
    await recordChange(tx, { entity: 'party', entityId: id, action: 'delete', before: { customer_number: before.customer_number, display_name: before.display_name } });
    return fileKeys;
  });
}
