/**
 * Links between parties: a person employed by an organisation (with a function and a decision role, dated, so
 * someone can work for several organisations over time), an organisation subsidiary of another, a household or
 * spouse, who referred whom, partners. A link is stored once, from `party_id` to `other_party_id`; listing a
 * party's links shows both directions.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { scoped } from '../../platform/db/scoped.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { AppError, notFound, validationError } from '../../platform/errors.ts';
import { assertMayEdit, editAccess } from './record-access.ts';

import { DECISION_ROLES, LINK_KINDS, type LinkKind } from '../../shared/reference/party.ts';

export { DECISION_ROLES, LINK_KINDS, type LinkKind };

/** Which kinds of party each end of a link may be. */
const ENDS: Record<LinkKind, { from: string[]; to: string[] }> = {
  household: { from: ['person'], to: ['person'] },
  spouse: { from: ['person'], to: ['person'] },
  employee_of: { from: ['person'], to: ['organisation'] },
  subsidiary_of: { from: ['organisation'], to: ['organisation'] },
  referred_by: { from: ['person', 'organisation'], to: ['person', 'organisation'] },
  partner_of: { from: ['person', 'organisation'], to: ['person', 'organisation'] },
};

export interface LinkInput {
  kind: LinkKind;
  otherPartyId: string;
  function?: string | null;
  decisionRole?: string | null;
  startedOn?: string | null;
  endedOn?: string | null;
}

export interface LinkView {
  id: string;
  kind: string;
  /** 'outgoing' when this party is the first end (the employee, the subsidiary), 'incoming' otherwise. */
  direction: 'outgoing' | 'incoming';
  other: { id: string; kind: string; displayName: string; customerNumber: string };
  function: string | null;
  decisionRole: string | null;
  startedOn: string | null;
  endedOn: string | null;
  current: boolean;
}

async function lockParty(ctx: Ctx, id: string) {
  const party = await scoped(ctx.db, ctx.workspaceId)
    .selectFrom('parties')
    .select(['id', 'kind', 'owner_id', 'team_id', 'display_name'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!party) throw notFound('Customer record');
  return party;
}

function checkDates(startedOn: string | null | undefined, endedOn: string | null | undefined): void {
  if (startedOn && endedOn && endedOn < startedOn) throw validationError('body.endedOn', 'must not be before startedOn');
}

export async function addLink(ctx: Ctx, partyId: string, input: LinkInput): Promise<LinkView> {
  return inTransaction(ctx, async (tx) => {
    const party = await lockParty(tx, partyId);
    assertMayEdit(await editAccess(tx), party);
    if (input.otherPartyId === partyId) throw validationError('body.otherPartyId', 'must be another record');
    const other = await scoped(tx.db, tx.workspaceId).selectFrom('parties').select(['id', 'kind']).where('id', '=', input.otherPartyId).executeTakeFirst();
    if (!other) throw validationError('body.otherPartyId', 'must be a person or organisation of this workspace');
    const ends = ENDS[input.kind];
    if (!ends.from.includes(party.kind) || !ends.to.includes(other.kind)) {
      throw validationError('body.kind', `${input.kind} links a ${ends.from.join(' or ')} to a ${ends.to.join(' or ')}`);
    }
    if (input.kind !== 'employee_of' && (input.function || input.decisionRole)) {
      throw validationError('body.function', 'and decisionRole apply to employee_of links only');
    }
    checkDates(input.startedOn, input.endedOn);
    if (input.kind === 'subsidiary_of') await refuseOwnershipCycle(tx, partyId, input.otherPartyId);
    const duplicate = await scoped(tx.db, tx.workspaceId)
      .selectFrom('party_links')
      .select('id')
      .where('kind', '=', input.kind)
      .where('ended_on', 'is', null)
      .where((eb) =>
        eb.or([
          eb.and([eb('party_id', '=', partyId), eb('other_party_id', '=', input.otherPartyId)]),
          eb.and([eb('party_id', '=', input.otherPartyId), eb('other_party_id', '=', partyId)]),
        ]),
      )
      .executeTakeFirst();
    if (duplicate) throw new AppError('conflict', 'These two records already have this link', [{ field: 'body.kind', rule: 'must not repeat a current link' }]);
    const row = await scoped(tx.db, tx.workspaceId)
      .insertInto('party_links', [
        {
          id: randomUUID(),
          party_id: partyId,
          kind: input.kind,
          other_party_id: input.otherPartyId,
          function: input.function?.trim() || null,
          decision_role: input.decisionRole ?? null,
          started_on: input.startedOn ?? null,
          ended_on: input.endedOn ?? null,
        },
      ])
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, { entity: 'party_link', entityId: row.id, action: 'create', after: row });
    const view = (await listLinks(tx, partyId)).find((l) => l.id === row.id);
    return view!;
  });
}

/** A subsidiary cannot end up owning its own parent. */
async function refuseOwnershipCycle(ctx: Ctx, childId: string, parentId: string): Promise<void> {
  const { rows } = await sql<{ id: string }>`
    with recursive ancestors(id) as (
      select ${parentId}::uuid
      union
      select l.other_party_id from party_links l join ancestors a on l.party_id = a.id
      where l.workspace_id = ${ctx.workspaceId} and l.kind = 'subsidiary_of' and l.ended_on is null
    )
    select id from ancestors where id = ${childId}::uuid limit 1`.execute(ctx.db);
  if (rows.length > 0) throw validationError('body.otherPartyId', 'would make an organisation its own parent');
}

export interface LinkChanges {
  function?: string | null;
  decisionRole?: string | null;
  startedOn?: string | null;
  endedOn?: string | null;
}

export async function updateLink(ctx: Ctx, partyId: string, linkId: string, changes: LinkChanges): Promise<LinkView> {
  return inTransaction(ctx, async (tx) => {
    const party = await lockParty(tx, partyId);
    assertMayEdit(await editAccess(tx), party);
    const links = scoped(tx.db, tx.workspaceId);
    const before = await links
      .selectFrom('party_links')
      .selectAll()
      .where('id', '=', linkId)
      .where((eb) => eb.or([eb('party_id', '=', partyId), eb('other_party_id', '=', partyId)]))
      .executeTakeFirst();
    if (!before) throw notFound('Link');
    if (before.kind !== 'employee_of' && (changes.function || changes.decisionRole)) {
      throw validationError('body.function', 'and decisionRole apply to employee_of links only');
    }
    const startedOn = changes.startedOn !== undefined ? changes.startedOn : before.started_on;
    const endedOn = changes.endedOn !== undefined ? changes.endedOn : before.ended_on;
    checkDates(startedOn, endedOn);
    const after = await links
      .updateTable('party_links')
      .set({
        ...(changes.function !== undefined ? { function: changes.function?.trim() || null } : {}),
        ...(changes.decisionRole !== undefined ? { decision_role: changes.decisionRole } : {}),
        started_on: startedOn,
        ended_on: endedOn,
      })
      .where('id', '=', linkId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, { entity: 'party_link', entityId: linkId, action: 'update', before, after });
    return (await listLinks(tx, partyId)).find((l) => l.id === linkId)!;
  });
}

export async function deleteLink(ctx: Ctx, partyId: string, linkId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const party = await lockParty(tx, partyId);
    assertMayEdit(await editAccess(tx), party);
    const before = await scoped(tx.db, tx.workspaceId)
      .deleteFrom('party_links')
      .where('id', '=', linkId)
      .where((eb) => eb.or([eb('party_id', '=', partyId), eb('other_party_id', '=', partyId)]))
      .returningAll()
      .executeTakeFirst();
    if (!before) throw notFound('Link');
    await recordChange(tx, { entity: 'party_link', entityId: linkId, action: 'delete', before });
  });
}

/** Both directions of a party's links, current ones first, with the other party's name and number. */
export async function listLinks(ctx: Ctx, partyId: string): Promise<LinkView[]> {
  const { rows } = await sql<{
    id: string;
    kind: string;
    direction: 'outgoing' | 'incoming';
    other_id: string;
    other_kind: string;
    other_name: string;
    other_number: string;
    function: string | null;
    decision_role: string | null;
    started_on: string | null;
    ended_on: string | null;
  }>`
    select l.id, l.kind, case when l.party_id = ${partyId}::uuid then 'outgoing' else 'incoming' end as direction,
           o.id as other_id, o.kind as other_kind, o.display_name as other_name, o.customer_number as other_number,
           l.function, l.decision_role, l.started_on::text as started_on, l.ended_on::text as ended_on
    from party_links l
    join parties o on o.workspace_id = l.workspace_id
      and o.id = case when l.party_id = ${partyId}::uuid then l.other_party_id else l.party_id end
    where l.workspace_id = ${ctx.workspaceId} and (l.party_id = ${partyId}::uuid or l.other_party_id = ${partyId}::uuid)
    order by (l.ended_on is not null), l.kind, o.display_name`.execute(ctx.db);
  const today = new Date().toISOString().slice(0, 10);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    direction: r.direction,
    other: { id: r.other_id, kind: r.other_kind, displayName: r.other_name, customerNumber: r.other_number },
    function: r.function,
    decisionRole: r.decision_role,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    current: r.ended_on === null || r.ended_on >= today,
  }));
}
