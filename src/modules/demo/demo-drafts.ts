/**
 * Demo records before they are numbered, and the pieces every record is made of: dates, email addresses, phone
 * numbers, postal addresses, role histories and consents, each as the rest of Rapport stores them (lower-case
 * emails, E.164 phones, département and région codes).
 */
import type { Selectable } from 'kysely';
import type { PartiesTable } from '../../platform/db/schema.ts';
import { CHANNELS } from '../../shared/reference/party.ts';
import type { Commune, Weighted } from './demo-data.ts';
import type { Random } from './demo-random.ts';

export type RoleName = 'prospect' | 'lead' | 'customer' | 'former_customer' | 'partner' | 'supplier' | 'collaborator';
export type Channel = (typeof CHANNELS)[number];

export interface RoleDraft {
  role: RoleName;
  started_on: string;
  ended_on: string | null;
  reason: string | null;
  competitor: string | null;
}

export interface LinkDraft {
  kind: 'household' | 'spouse' | 'employee_of' | 'subsidiary_of' | 'referred_by';
  to: PartyDraft;
  function: string | null;
  decision_role: string | null;
  started_on: string | null;
}

export interface AddressDraft {
  type: 'home' | 'work' | 'head_office' | 'other';
  line1: string;
  line2: string | null;
  commune: Commune;
}

export interface ConsentDraft {
  channel: Channel;
  purpose: 'marketing' | 'service';
  status: 'granted' | 'denied';
  recorded_at: string;
}

/** The columns of a parties row that the generator decides (identity, numbering and workspace come later). */
export type PartyFields = Pick<
  Selectable<PartiesTable>,
  | 'display_name'
  | 'civility'
  | 'first_name'
  | 'last_name'
  | 'birth_date'
  | 'gender'
  | 'pcs_group'
  | 'family_situation'
  | 'children_count'
  | 'children_birth_years'
  | 'language'
  | 'legal_name'
  | 'trade_name'
  | 'naf_code'
  | 'headcount_band'
  | 'annual_revenue'
  | 'website'
  | 'tags'
  | 'payment_methods'
  | 'interests'
  | 'notes'
  | 'do_not_contact'
  | 'owner_id'
> & { preferred_channels: Channel[]; created_at: string };

/** One person or organisation, with its contact points, roles, links and consents. */
export interface PartyDraft {
  kind: 'person' | 'organisation';
  fields: PartyFields;
  emails: { email: string; type: 'personal' | 'work' | 'billing' }[];
  phones: { phone: string; type: 'mobile' | 'home' | 'work' }[];
  addresses: AddressDraft[];
  roles: RoleDraft[];
  links: LinkDraft[];
  consents: ConsentDraft[];
  /** Organisations: the 4-digit establishment number of the head office, completed into a SIRET when numbered. */
  nic: string | null;
  /** People: the year of birth, which the record may not show. */
  birthYear: number;
  /** Set when the batch takes its customer numbers. */
  id: string;
  customerNumber: string;
  sequence: number;
  /** The kinds of the open alerts its commercial history left (parties.active_alerts). */
  activeAlerts?: string[];
  /** A key account: buys on most working days and has exactly this many timeline entries (benchmarks). */
  keyAccount?: { timelineEntries: number };
}

export const DAY_MS = 86_400_000;

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A name as it appears in an email address: no accents, no spaces or apostrophes, lower case. */
export function emailPart(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');
}

/** A name as it appears in a domain: no accents, words joined by dashes. */
export function domainPart(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
}

function digits(random: Random, count: number): string {
  return String(random.int(0, 10 ** count - 1)).padStart(count, '0');
}

// The ARCEP keeps one block of landline numbers per zone for films and books ("numéros de fiction"); demo landlines
// use them, so a demo never rings a real subscriber. libphonenumber refuses the fiction mobile block (06 39 98), so
// mobiles use ordinary ranges.
const FICTION_LANDLINES: Readonly<Record<number, string>> = { 1: '+3319900', 2: '+3326191', 3: '+3335301', 4: '+3346571', 5: '+3353649' };
const SOUTH_EAST_OCCITANIE = new Set(['11', '30', '34', '48', '66']);

/** The landline zone (01 to 05) of a metropolitan commune. */
function landlineZone(commune: Commune): number {
  switch (commune.region) {
    case '11':
      return 1;
    case '24': case '28': case '52': case '53':
      return 2;
    case '27': case '32': case '44':
      return 3;
    case '75':
      return 5;
    case '76':
      return SOUTH_EAST_OCCITANIE.has(commune.departement) ? 4 : 5;
    default:
      return 4;
  }
}

/** A mobile number in E.164 for someone living in the commune (the overseas départements have their own ranges). */
export function mobileNumber(random: Random, commune: Commune): string {
  switch (commune.departement) {
    case '971': return `+590690${digits(random, 6)}`;
    case '972': return `+596696${digits(random, 6)}`;
    case '973': return `+594694${String(random.int(0, 38)).padStart(2, '0')}${digits(random, 4)}`;
    case '974': return `+262692${digits(random, 6)}`;
    case '976': return `+262639${random.int(60, 79)}${digits(random, 4)}`;
    default: {
      if (random.chance(0.3)) return `+337${random.int(50, 89)}${digits(random, 6)}`;
      const block = random.int(10, 88);
      return `+336${block >= 39 ? block + 1 : block}${digits(random, 6)}`;
    }
  }
}

/** A landline number in E.164 for the commune. */
export function landlineNumber(random: Random, commune: Commune): string {
  switch (commune.departement) {
    case '971': return `+590590${random.int(81, 86)}${digits(random, 4)}`;
    case '972': return `+596596${random.int(50, 79)}${digits(random, 4)}`;
    case '973': return `+594594${random.int(20, 49)}${digits(random, 4)}`;
    case '974': return `+262262${digits(random, 6)}`;
    case '976': return `+262269${random.int(60, 69)}${digits(random, 4)}`;
    default: return `${FICTION_LANDLINES[landlineZone(commune)]}${digits(random, 4)}`;
  }
}

/** A street address: a number (sometimes bis), a street, and now and then a second line. */
export function streetAddress(
  random: Random,
  streets: Weighted<string>,
  line2: Weighted<string>,
  line2Chance: number,
): { line1: string; line2: string | null } {
  const number = random.chance(0.7) ? random.int(1, 40) : random.int(41, 180);
  const suffix = random.chance(0.05) ? ' bis' : '';
  return {
    line1: `${number}${suffix} ${random.pickWeighted(streets)}`,
    line2: random.chance(line2Chance) ? random.pickWeighted(line2) : null,
  };
}

/** A day between two instants (inclusive), as 'YYYY-MM-DD'. */
export function dayBetween(random: Random, fromMs: number, toMs: number): string {
  return isoDay(fromMs + Math.floor(random.next() * Math.max(0, toMs - fromMs)));
}

/**
 * The history behind a current role: customers were often prospects first, prospects sometimes leads, former
 * customers were customers until they left (the former_customer row says why and, when known, for whom).
 */
export function roleHistory(
  random: Random,
  role: RoleName,
  createdMs: number,
  todayMs: number,
  reasons: Weighted<string>,
  competitors: Weighted<string>,
): RoleDraft[] {
  const created = isoDay(createdMs);
  const open = (name: RoleName, startedOn: string, reason: string | null = null, competitor: string | null = null): RoleDraft =>
    ({ role: name, started_on: startedOn, ended_on: null, reason, competitor });
  const closed = (name: RoleName, startedOn: string, endedOn: string): RoleDraft =>
    ({ role: name, started_on: startedOn, ended_on: endedOn, reason: null, competitor: null });
  const later = () => dayBetween(random, createdMs, Math.min(todayMs, createdMs + 240 * DAY_MS));

  if (role === 'customer' && random.chance(0.5)) {
    const converted = later();
    return [closed('prospect', created, converted), open('customer', converted)];
  }
  if (role === 'prospect' && random.chance(0.3)) {
    const qualified = later();
    return [closed('lead', created, qualified), open('prospect', qualified)];
  }
  if (role === 'former_customer') {
    const left = dayBetween(random, createdMs, todayMs);
    const reason = random.pickWeighted(reasons);
    const toCompetitor = reason === 'Parti chez un concurrent' || (reason === 'Prix jugé trop élevé' && random.chance(0.5));
    return [closed('customer', created, left), open('former_customer', left, reason, toCompetitor ? random.pickWeighted(competitors) : null)];
  }
  return [open(role, created)];
}

/** The roles a history leaves open, sorted as the party service stores them in parties.roles. */
export function currentRoles(roles: readonly RoleDraft[]): RoleName[] {
  return roles.filter((r) => r.ended_on === null).map((r) => r.role).sort();
}

/** Channels in their usual order, without repeats. */
export function orderedChannels(channels: Iterable<Channel>): Channel[] {
  const set = new Set(channels);
  return CHANNELS.filter((c) => set.has(c));
}

/**
 * Consent a person gave or refused for marketing by email, SMS and post, and for service emails; someone who asked
 * not to be contacted has refused everything. Returns the consents and the channels the person prefers among those
 * granted.
 */
export function consentsFor(
  random: Random,
  options: { hasEmail: boolean; hasMobile: boolean; doNotContact: boolean; createdMs: number; todayMs: number; rates: { email: number; sms: number; post: number } },
): { consents: ConsentDraft[]; preferred: Channel[] } {
  const { hasEmail, hasMobile, doNotContact, createdMs, todayMs, rates } = options;
  const consents: ConsentDraft[] = [];
  const recordedAt = () => new Date(Math.min(todayMs - 1, createdMs + Math.floor(random.next() * 20 * DAY_MS))).toISOString();
  const add = (channel: Channel, purpose: 'marketing' | 'service', rate: number) => {
    consents.push({ channel, purpose, status: !doNotContact && random.chance(rate) ? 'granted' : 'denied', recorded_at: recordedAt() });
  };
  if (hasEmail && random.chance(0.9)) add('email', 'marketing', rates.email);
  if (hasEmail && random.chance(0.4)) add('email', 'service', 0.97);
  if (hasMobile && random.chance(0.7)) add('sms', 'marketing', rates.sms);
  if (random.chance(0.3)) add('post', 'marketing', rates.post);
  if (doNotContact) return { consents, preferred: [] };
  const granted = consents.filter((c) => c.status === 'granted' && c.purpose === 'marketing').map((c) => c.channel);
  const preferred = granted.filter(() => random.chance(0.6));
  if (random.chance(0.15)) preferred.push('phone');
  return { consents, preferred: orderedChannels(preferred) };
}
