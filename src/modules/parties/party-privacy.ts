/**
 * Data-protection requests about one person: the subject access export (everything Rapport holds about them,
 * as JSON) and erasure. Erasure anonymises: personal data goes (names, birth date, contact points, notes,
 * custom values, consents, links, and the before/after values of their change log), while the record, its
 * customer number, its roles and anything counted from it (orders and their totals, later) stay, so
 * statistics keep adding up. It cannot be undone.
 */
import { sql } from 'kysely';
import { scoped } from '../../platform/db/scoped.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { AppError, notFound, validationError } from '../../platform/errors.ts';
import { getPartyDetail, type PartyDetail } from './party-service.ts';
import { roleHistory } from './party-roles.ts';
import { listLinks } from './party-links.ts';
import { listConsents } from './party-consents.ts';

export interface SubjectAccessExport {
  generatedAt: string;
  record: unknown;
  customFields: { key: string; label: string; purpose: string; value: unknown }[];
  roles: unknown[];
  links: unknown[];
  consents: unknown[];
  history: { occurredAt: string; actor: string | null; action: string; changes: unknown }[];
}

/** Everything about one party; `present` turns the record into its API shape (sensitive fields included). */
export async function exportParty(ctx: Ctx, partyId: string, present: (detail: PartyDetail) => unknown): Promise<SubjectAccessExport> {
  const detail = await getPartyDetail(ctx, partyId);
  const fields = await scoped(ctx.db, ctx.workspaceId).selectFrom('custom_fields').selectAll().where('entity', '=', detail.row.kind).execute();
  const custom = detail.row.custom ?? {};
  const events = await scoped(ctx.db, ctx.workspaceId)
    .selectFrom('events')
    .select(['occurred_at', 'actor_label', 'action', 'changes'])
    .where('entity', '=', 'party')
    .where('entity_id', '=', partyId)
    .orderBy('id')
    .execute();
  return {
    generatedAt: new Date().toISOString(),
    record: present(detail),
    customFields: fields
      .filter((f) => custom[f.key] !== undefined)
      .map((f) => ({ key: f.key, label: f.label, purpose: f.purpose, value: custom[f.key] })),
    roles: await roleHistory(ctx, partyId),
    links: await listLinks(ctx, partyId),
    consents: (await listConsents(ctx, partyId)).filter((c) => c.status !== 'unknown'),
    history: events.map((e) => ({ occurredAt: new Date(e.occurred_at).toISOString(), actor: e.actor_label, action: e.action, changes: e.changes })),
  };
}

/** Anonymises a person. `confirm` must repeat their customer number, so an erasure is never a slip. */
export async function eraseParty(ctx: Ctx, partyId: string, confirm: string): Promise<PartyDetail> {
  return inTransaction(ctx, async (tx) => {
    const db = scoped(tx.db, tx.workspaceId);
    const before = await db.selectFrom('parties').selectAll().where('id', '=', partyId).forUpdate().executeTakeFirst();
    if (!before) throw notFound('Customer record');
    if (before.kind !== 'person') throw validationError('params.id', 'must be a person: erasure applies to people, not organisations');
    if (before.erased_at) throw new AppError('conflict', 'This person was already erased');
    if (confirm.trim().toUpperCase() !== before.customer_number) {
      throw validationError('body.confirm', `must repeat the customer number ${before.customer_number}`);
    }
    await db
      .updateTable('parties')
      .set({
        display_name: `Anonymised ${before.customer_number}`,
        civility: null,
        first_name: null,
        last_name: null,
        birth_date: null,
        gender: null,
        pcs_group: null,
        family_situation: null,
        children_count: null,
        children_birth_years: [],
        language: null,
        tags: [],
        preferred_channels: [],
        payment_methods: [],
        interests: [],
        notes: null,
        email: null,
        phone: null,
        postcode: null,
        city: null,
        custom: JSON.stringify({}),
        do_not_contact: true,
        erased_at: new Date(),
        version: before.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', partyId)
      .execute();
    // Name words only this person used leave the search dictionary too.
    await sql`
      delete from search_words w
      where w.workspace_id = ${tx.workspaceId}
        and w.word in (select regexp_split_to_table(rapport_fold(${before.display_name}), '[^a-z0-9]+'))
        and not exists (select 1 from parties p where p.workspace_id = w.workspace_id and p.search_text like '%' || w.word || '%')`.execute(tx.db);
    for (const table of ['party_emails', 'party_phones', 'party_addresses', 'party_consents'] as const) {
      await db.deleteFrom(table).where('party_id', '=', partyId).execute();
    }
    await db.deleteFrom('party_links').where((eb) => eb.or([eb('party_id', '=', partyId), eb('other_party_id', '=', partyId)])).execute();
    // The change log held their data as before/after values: keep that changes happened, not what they were.
    await db
      .updateTable('events')
      .set({ changes: sql`(select coalesce(jsonb_object_agg(key, '{"before":"(erased)","after":"(erased)"}'::jsonb), '{}'::jsonb) from jsonb_object_keys(changes) as key)` })
      .where('entity', '=', 'party')
      .where('entity_id', '=', partyId)
      .execute();
    // The same on the timeline; and what the person said or wrote in interactions and feedback goes (the
    // records stay, for the history of the accounts and the statistics).
    await sql`
      update timeline_entries set data = jsonb_build_object('action', data->'action', 'changes',
        (select coalesce(jsonb_object_agg(key, '{"before":"(erased)","after":"(erased)"}'::jsonb), '{}'::jsonb)
         from jsonb_object_keys(coalesce(data->'changes', '{}'::jsonb)) as key))
      where workspace_id = ${tx.workspaceId} and party_id = ${partyId} and kind in ('field_change', 'consent', 'role')`.execute(tx.db);
    await sql`
      update feedback set verbatim = null where workspace_id = ${tx.workspaceId} and party_id = ${partyId} and verbatim is not null`.execute(tx.db);
    await sql`
      update timeline_entries set data = data - 'excerpt'
      where workspace_id = ${tx.workspaceId} and party_id = ${partyId} and kind = 'feedback'`.execute(tx.db);
    await sql`
      update interactions i set body = null, outcome = null
      where i.workspace_id = ${tx.workspaceId}
        and exists (select 1 from interaction_participants ip where ip.workspace_id = i.workspace_id and ip.interaction_id = i.id and ip.party_id = ${partyId})`.execute(tx.db);
    await recordChange(tx, {
      entity: 'party',
      entityId: partyId,
      action: 'update',
      before: { erased: false },
      after: { erased: true },
    });
    return getPartyDetail(tx, partyId);
  });
}
