/** Reading the metrics of one customer, alone or with the record and its latest events (the 360 view). */
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { customVisibility, getPartyDetail } from '../parties/party-service.ts';
import { presentParty } from '../parties/party-presenter.ts';
import type { PartyKind } from '../parties/party-schemas.ts';
import { listTimeline } from '../timeline/timeline-service.ts';
import { presentMetrics } from './metrics-presenter.ts';

async function metricsRow(ctx: Ctx, partyId: string) {
  return scoped(ctx.db, ctx.workspaceId).selectFrom('customer_metrics').selectAll().where('party_id', '=', partyId).executeTakeFirst();
}

export async function customerMetrics(ctx: Ctx, partyId: string) {
  const [exists, row] = await Promise.all([
    scoped(ctx.db, ctx.workspaceId).selectFrom('parties').select('id').where('id', '=', partyId).executeTakeFirst(),
    metricsRow(ctx, partyId),
  ]);
  if (!exists) throw notFound('Customer record');
  return presentMetrics(row);
}

export async function customerOverview(ctx: Ctx, partyId: string, events: number) {
  const detail = await getPartyDetail(ctx, partyId);
  const [visibility, row, latest] = await Promise.all([
    customVisibility(ctx, detail.row.kind as PartyKind),
    metricsRow(ctx, partyId),
    events > 0 ? listTimeline(ctx, partyId, { limit: events }) : Promise.resolve({ data: [] }),
  ]);
  return { party: presentParty(detail, visibility), metrics: presentMetrics(row), latest: latest.data };
}
