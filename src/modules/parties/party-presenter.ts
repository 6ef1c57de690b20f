/** API shapes of parties, from rows: derived values (age, next birthday, NAF section) and hidden sensitive fields. */
import { NAF_SECTIONS } from '../../shared/identifiers/naf.ts';
import { findDepartement } from '../../shared/reference/departements.ts';
import { findRegion } from '../../shared/reference/regions.ts';
import type { PartyOutput, PartySummaryOutput, PartyKind } from './party-schemas.ts';
import type { CustomVisibility, PartyDetail, PartyListRow } from './party-service.ts';

function todayUtc(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

/** Age in whole years on `today`. */
export function ageOn(birthDate: string, today: Date): number {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - year;
  const beforeBirthday = today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
  if (beforeBirthday) age -= 1;
  return age;
}

/** The date of the next birthday, today included; people born on 29 February celebrate on 28 February in other years. */
export function nextBirthdayOn(birthDate: string, today: Date): string {
  const [, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  for (const year of [today.getUTCFullYear(), today.getUTCFullYear() + 1]) {
    const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
    const candidate = new Date(Date.UTC(year, month - 1, month === 2 && day === 29 && !leap ? 28 : day));
    if (candidate >= today) return candidate.toISOString().slice(0, 10);
  }
  throw new Error('unreachable: a birthday falls within two years');
}

function nafSectionOf(code: string | null): string | null {
  if (!code) return null;
  const division = Number(code.slice(0, 2));
  return NAF_SECTIONS.find((s) => division >= s.firstDivision && division <= s.lastDivision)?.letter ?? null;
}

/** A département or région code with its name; overseas collectivities keep their code as name. */
function place(code: string | null, kind: 'departement' | 'region') {
  if (!code) return null;
  const found = kind === 'departement' ? findDepartement(code) : findRegion(code);
  return { code, name: found?.name ?? code };
}

function visibleCustom(custom: Record<string, unknown>, visibility: CustomVisibility): { values: Record<string, unknown>; hidden: string[] } {
  const values: Record<string, unknown> = {};
  const hidden: string[] = [];
  for (const [key, value] of Object.entries(custom ?? {})) {
    const field = visibility.fields.get(key);
    if (!field) continue; // archived fields keep their values in storage but leave the API
    if (field.sensitive && !visibility.canReadSensitive) hidden.push(key);
    else values[key] = value;
  }
  return { values, hidden };
}

export function presentPartySummary(row: PartyListRow, visibility: CustomVisibility): PartySummaryOutput {
  const today = todayUtc();
  const custom = visibleCustom(row.custom, visibility);
  return {
    id: row.id,
    kind: row.kind as PartyKind,
    customerNumber: row.customer_number,
    displayName: row.display_name,
    version: row.version,
    civility: row.civility,
    firstName: row.first_name,
    lastName: row.last_name,
    birthDate: row.birth_date,
    age: row.birth_date ? ageOn(row.birth_date, today) : null,
    nextBirthday: row.birth_date ? nextBirthdayOn(row.birth_date, today) : null,
    gender: row.gender,
    pcsGroup: row.pcs_group,
    familySituation: row.family_situation,
    childrenCount: row.children_count,
    childrenAges: row.children_birth_years.map((year) => today.getUTCFullYear() - year),
    childrenBirthYears: row.children_birth_years,
    language: row.language,
    legalName: row.legal_name,
    tradeName: row.trade_name,
    siren: row.siren,
    siret: row.siret,
    nafCode: row.naf_code,
    nafSection: nafSectionOf(row.naf_code),
    headcountBand: row.headcount_band,
    annualRevenue: row.annual_revenue === null ? null : Number(row.annual_revenue),
    website: row.website,
    roles: row.roles,
    tags: row.tags,
    preferredChannels: row.preferred_channels,
    paymentMethods: row.payment_methods,
    interests: row.interests,
    email: row.email,
    phone: row.phone,
    postcode: row.postcode,
    city: row.city,
    departement: row.departement,
    region: row.region,
    country: row.country,
    custom: custom.values,
    hiddenFields: custom.hidden,
    doNotContact: row.do_not_contact,
    owner: row.owner_id && row.owner_name ? { id: row.owner_id, name: row.owner_name } : null,
    team: row.team_id && row.team_name ? { id: row.team_id, name: row.team_name } : null,
    erasedAt: row.erased_at ? new Date(row.erased_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    activeAlerts: row.active_alerts,
    metrics: presentMetricColumns(row),
  };
}

export function presentParty(detail: PartyDetail, visibility: CustomVisibility): PartyOutput {
  return {
    ...presentPartySummary(detail.row, visibility),
    notes: detail.row.notes,
    emails: detail.contact.emails,
    phones: detail.contact.phones,
    addresses: detail.contact.addresses.map((a) => ({
      ...a,
      departement: place(a.departement, 'departement'),
      region: place(a.region, 'region'),
    })),
    mergedIntoId: detail.row.merged_into_id,
    canEdit: detail.canEdit,
  };
}

function presentMetricColumns(row: PartyListRow): PartySummaryOutput['metrics'] {
  if (row.metric_revenue === null || row.metric_revenue === undefined) return null;
  return {
    revenue: row.metric_revenue,
    revenue12m: row.metric_revenue_12m ?? '0.00',
    margin: row.metric_margin ?? '0.00',
    orderCount: row.metric_order_count ?? 0,
    averageBasket: row.metric_average_basket,
    lastPurchaseAt: row.metric_last_purchase_at ? new Date(row.metric_last_purchase_at).toISOString() : null,
    openBalance: row.metric_open_balance ?? '0.00',
    latePaymentCount: row.metric_late_payment_count ?? 0,
    lastNps: row.metric_last_nps,
  };
}
