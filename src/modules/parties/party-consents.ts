/**
 * Consent per channel (email, SMS, phone, post) and purpose (marketing, service), each with its source and
 * time. A channel with no answer recorded is "unknown", which campaigns must treat as no. The change log keeps
 * every earlier state. Do-not-contact, on the record itself, overrides everything.
 */
import { sql } from 'kysely';
import { scoped } from '../../platform/db/scoped.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { recordPartyChange } from '../timeline/timeline-writer.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { notFound } from '../../platform/errors.ts';
import { assertMayEdit, editAccess } from './record-access.ts';

import { CONSENT_CHANNELS, CONSENT_PURPOSES, type ConsentChannel, type ConsentPurpose } from '../../shared/reference/party.ts';

export { CONSENT_CHANNELS, CONSENT_PURPOSES, type ConsentChannel, type ConsentPurpose };

export interface ConsentView {
  channel: ConsentChannel;
  purpose: ConsentPurpose;
  status: 'granted' | 'denied' | 'unknown';
  source: string | null;
  recordedAt: string | null;
}

export interface ConsentInput {
  channel: ConsentChannel;
  purpose: ConsentPurpose;
  status: 'granted' | 'denied';
  source: string;
  /** When the person gave or refused it; now by default. */
  recordedAt?: string;
}

export async function listConsents(ctx: Ctx, partyId: string): Promise<ConsentView[]> {
  const rows = await scoped(ctx.db, ctx.workspaceId).selectFrom('party_consents').selectAll().where('party_id', '=', partyId).execute();
  return CONSENT_CHANNELS.flatMap((channel) =>
    CONSENT_PURPOSES.map((purpose) => {
      const row = rows.find((r) => r.channel === channel && r.purpose === purpose);
      return {
        channel,
        purpose,
        status: (row?.status ?? 'unknown') as ConsentView['status'],
        source: row?.source ?? null,
        recordedAt: row ? new Date(row.recorded_at).toISOString() : null,
      };
    }),
  );
}

/** Records answers for some channel–purpose pairs; the others stay as they were. */
export async function setConsents(ctx: Ctx, partyId: string, answers: ConsentInput[]): Promise<ConsentView[]> {
  return inTransaction(ctx, async (tx) => {
    const party = await scoped(tx.db, tx.workspaceId)
      .selectFrom('parties')
      .select(['id', 'owner_id', 'team_id'])
      .where('id', '=', partyId)
      .forUpdate()
      .executeTakeFirst();
    if (!party) throw notFound('Customer record');
    assertMayEdit(await editAccess(tx), party);
    const before = await listConsents(tx, partyId);
    // The last answer for a pair wins, as it would if they had been sent one after the other.
    const latest = [...new Map(answers.map((a) => [`${a.channel}/${a.purpose}`, a])).values()];
    if (latest.length > 0) {
      await tx.db
        .insertInto('party_consents')
        .values(
          latest.map((a) => ({
            workspace_id: tx.workspaceId,
            party_id: partyId,
            channel: a.channel,
            purpose: a.purpose,
            status: a.status,
            source: a.source.trim(),
            recorded_at: a.recordedAt ? new Date(a.recordedAt) : new Date(),
          })),
        )
        .onConflict((oc) =>
          oc.columns(['workspace_id', 'party_id', 'channel', 'purpose']).doUpdateSet({
            status: sql`excluded.status`,
            source: sql`excluded.source`,
            recorded_at: sql`excluded.recorded_at`,
          }),
        )
        .execute();
    }
    const after = await listConsents(tx, partyId);
    const asLog = (list: ConsentView[]) =>
      Object.fromEntries(list.map((c) => [`consent.${c.channel}.${c.purpose}`, c.status === 'unknown' ? null : `${c.status} (${c.source})`]));
    await recordChange(tx, { entity: 'party', entityId: partyId, action: 'update', before: asLog(before), after: asLog(after) });
    await recordPartyChange(tx, partyId, asLog(before), asLog(after));
    return after;
  });
}
