/**
 * The check before (and right after) creating a record: the existing records most likely to be the same, found
 * with indexed lookups on what the new record says (e-mail, phone, SIRET/SIREN, external id, phonetic name key,
 * birth date), then scored in memory. The web calls it to warn; creating a record stores what it finds.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { normaliseEmail } from '../../shared/contact/email.ts';
import { normalisePhone } from '../../shared/contact/phone.ts';
import type { PartyBody, PartyKind } from '../parties/party-schemas.ts';
import { prepare, type DedupInput } from './dedup-record.ts';
import { getDuplicateSettings } from './duplicate-settings.ts';
import { inputOfRow, LIVE, RECORD_COLUMNS, RECORD_JOIN, upsertCandidates, type DedupRow } from './duplicate-store.ts';
import { digitsOnly } from './normalise.ts';
import { partyNameKey } from './name-key.ts';
import { scorePair, type FieldComparison } from './score.ts';

export interface DuplicateMatch {
  id: string;
  kind: PartyKind;
  displayName: string;
  customerNumber: string;
  score: number;
  level: 'match' | 'possible';
  fields: FieldComparison[];
}

export interface CheckOptions {
  /** The record being edited or just created, never its own duplicate. */
  excludeId?: string | undefined;
  limit?: number | undefined;
}

/** How many same-sounding names (or same birthdays) are looked at: enough for any real base, bounded for Martin. */
const NAME_LOOKUPS = 300;

/** A create (or update) body as detection reads it: its first e-mail, phone and address are the primary ones. */
export function inputOfBody(kind: PartyKind, body: PartyBody, id = ''): DedupInput {
  const address = body.addresses?.[0];
  return {
    id,
    kind,
    firstName: body.firstName,
    lastName: body.lastName,
    legalName: body.legalName,
    tradeName: body.tradeName,
    birthDate: body.birthDate,
    email: body.emails?.[0]?.email,
    phone: body.phones?.[0]?.phone,
    line1: address?.line1,
    postcode: address?.postcode,
    city: address?.city,
    siret: body.siret,
    siren: body.siren,
    externalId: (body as { externalId?: string | null }).externalId,
    website: body.website,
  };
}

async function candidateIds(ctx: Ctx, kind: PartyKind, body: PartyBody): Promise<string[]> {
  const ws = ctx.workspaceId;
  const emails = (body.emails ?? []).map((e) => normaliseEmail(e.email)).flatMap((r) => (r.ok ? [r.email] : []));
  const phones = (body.phones ?? []).map((p) => normalisePhone(p.phone)).flatMap((r) => (r.ok ? [r.e164] : []));
  const siret = digitsOnly(body.siret);
  const siren = digitsOnly(body.siren) || siret.slice(0, 9);
  const externalId = (body as { externalId?: string | null }).externalId?.trim();
  const nameKey = partyNameKey({ kind, lastName: body.lastName, legalName: body.legalName, tradeName: body.tradeName });
  const lookups = [
    emails.length > 0 ? sql`select party_id as id from party_emails where workspace_id = ${ws} and email = any(${emails}::text[])` : null,
    phones.length > 0 ? sql`select party_id as id from party_phones where workspace_id = ${ws} and phone = any(${phones}::text[])` : null,
    siret ? sql`select id from parties where workspace_id = ${ws} and siret = ${siret}` : null,
    siren ? sql`select id from parties where workspace_id = ${ws} and siren = ${siren}` : null,
    externalId ? sql`select id from parties where workspace_id = ${ws} and external_id = ${externalId}` : null,
    nameKey
      ? sql`(select id from parties where workspace_id = ${ws} and kind = ${kind} and name_key = ${nameKey} limit ${NAME_LOOKUPS})`
      : null,
    body.birthDate
      ? sql`(select id from parties where workspace_id = ${ws} and birth_date = ${body.birthDate}::date limit ${NAME_LOOKUPS})`
      : null,
  ].filter((lookup) => lookup !== null);
  if (lookups.length === 0) return [];
  const { rows } = await sql<{ id: string }>`${sql.join(lookups, sql` union `)}`.execute(ctx.db);
  return rows.map((r) => r.id);
}

/** The existing records most likely to be the one described by `body`, best first, at or above the possible threshold. */
export async function checkDuplicates(ctx: Ctx, kind: PartyKind, body: PartyBody, options: CheckOptions = {}): Promise<DuplicateMatch[]> {
  const ids = (await candidateIds(ctx, kind, body)).filter((id) => id !== options.excludeId);
  if (ids.length === 0) return [];
  const settings = await getDuplicateSettings(ctx);
  const { rows } = await sql<DedupRow & { display_name: string; customer_number: string }>`
    select ${RECORD_COLUMNS}, p.display_name, p.customer_number from parties p ${RECORD_JOIN}
    where p.workspace_id = ${ctx.workspaceId} and p.kind = ${kind} and ${LIVE} and p.id = any(${ids}::uuid[])`.execute(ctx.db);
  const probe = prepare(inputOfBody(kind, body, options.excludeId ?? ''));
  const matches: DuplicateMatch[] = [];
  for (const row of rows) {
    const scored = scorePair(probe, prepare(inputOfRow(row)), settings);
    if (scored.level === null) continue;
    // The explanation reads "new record" (a) against the existing one (b).
    matches.push({ id: row.id, kind, displayName: row.display_name, customerNumber: row.customer_number, score: scored.score, level: scored.level, fields: scored.fields });
  }
  matches.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1));
  return matches.slice(0, options.limit ?? 5);
}

/** After a record is created: its likely duplicates become candidates (source 'create') for the review queue. */
export async function flagDuplicatesOfNew(ctx: Ctx, kind: PartyKind, id: string, body: PartyBody): Promise<number> {
  const matches = await checkDuplicates(ctx, kind, body, { excludeId: id, limit: 20 });
  await upsertCandidates(
    ctx,
    kind,
    matches.map((m) => ({ a: id, b: m.id, score: m.score, fields: m.fields })),
    'create',
  );
  return matches.length;
}
