/**
 * `rapport demo`: loads coherent French demo data into a workspace — companies with the people known there, and
 * households of private customers — from a handful of records to millions, with up to three years of commercial
 * history for those who are or were customers (demo-history.ts). The same seed gives the same records; they are
 * written set-based, a batch of records and their history per transaction, so memory stays flat whatever the volume.
 *
 * Demo records are not change-logged one by one: the change log and its jobs describe what people did, and a
 * million "created" events would bury that.
 */
import { sql } from 'kysely';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { validationError } from '../../platform/errors.ts';
import { luhnCheckDigit } from '../../shared/identifiers/checksums.ts';
import { parseCustomerNumber } from '../../shared/identifiers/customer-number.ts';
import { takeCustomerNumbers } from '../parties/customer-numbers.ts';
import { DAY_MS, currentRoles, type PartyDraft } from './demo-drafts.ts';
import { emptyHistoryCounts, finishHistory, prepareHistory, tellHistories, type HistoryCounts, type HistorySetup } from './demo-history.ts';
import { UUID_LINK, UUID_PARTY, UUID_ROLE, demoUuids } from './demo-random.ts';
import { insertRows, writeStory } from './demo-story.ts';
import { householdUnit } from './demo-households.ts';
import { organisationContacts, organisationUnit } from './demo-organisations.ts';
import type { DemoState } from './demo-units.ts';

export interface DemoOptions {
  /** People to create, company contacts and private customers together. Default 950, or scaled to `organisations`. */
  people?: number;
  /** Organisations to create. Default 60, or scaled to `people`. */
  organisations?: number;
  /** Same seed, same records (default 1). */
  seed?: number;
  /** Records per statement and transaction (default 5,000). */
  batchSize?: number;
  /** The day the data is generated "as of"; created_at spans the three years before it. Default: today (UTC). */
  today?: Date;
  /** Years of orders, deliveries, invoices, cases and feedback before `today`: 0 (none) to 3 (default). */
  historyYears?: number;
  /** How often customers buy, relative to their archetype's usual pace (1, the default); benchmarks raise it for volume. */
  pace?: number;
  /** Called after each committed batch. */
  onProgress?: (progress: { done: number; total: number }) => void;
}

export interface DemoCounts {
  organisations: number;
  /** People working at one of the organisations (employee_of links). */
  contacts: number;
  /** Private customers, in households. */
  consumers: number;
  households: number;
  emails: number;
  phones: number;
  addresses: number;
  roles: number;
  links: number;
  consents: number;
  /** The commercial history: orders and all that follows them, by customer archetype. */
  history: HistoryCounts;
}

export const DEMO_LIMITS = { people: 10_000_000, organisations: 2_000_000, seed: 4_294_967_295, historyYears: 3 } as const;
const DEFAULT_PEOPLE = 950;
const DEFAULT_ORGANISATIONS = 60;
const DEFAULT_BATCH = 5_000;
const HISTORY_MS = 3 * 365 * DAY_MS;

function wholeNumber(field: string, value: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) throw validationError(field, `must be a whole number from 0 to ${max}`);
  return value;
}

/** How many organisations, company contacts and private customers a demo will create, before creating any. */
export function planDemo(options: Pick<DemoOptions, 'people' | 'organisations' | 'seed' | 'historyYears' | 'pace'>) {
  const seed = wholeNumber('seed', options.seed ?? 1, DEMO_LIMITS.seed);
  const historyYears = wholeNumber('historyYears', options.historyYears ?? DEMO_LIMITS.historyYears, DEMO_LIMITS.historyYears);
  const pace = options.pace ?? 1;
  if (!(pace > 0 && pace <= 20)) throw validationError('pace', 'must be a number above 0 and at most 20');
  const people = wholeNumber('people', options.people ?? (options.organisations === undefined
    ? DEFAULT_PEOPLE : Math.round((options.organisations * DEFAULT_PEOPLE) / DEFAULT_ORGANISATIONS)), DEMO_LIMITS.people);
  const organisations = wholeNumber('organisations', options.organisations ?? (options.people === undefined
    ? DEFAULT_ORGANISATIONS : Math.round((options.people * DEFAULT_ORGANISATIONS) / DEFAULT_PEOPLE)), DEMO_LIMITS.organisations);
  // Each organisation brings the people its size allows; whatever the budget leaves over are private customers.
  let wanted = 0;
  for (let i = 0; i < organisations && wanted < people; i++) wanted += organisationContacts(seed, i);
  const contacts = Math.min(wanted, people);
  return { seed, people, organisations, contacts, consumers: people - contacts, historyYears, pace };
}

/**
 * Generates demo data into the context's workspace and returns what it created. Records take the next customer
 * numbers; their ids derive from the seed and those numbers, so a seed loaded into a fresh workspace on the same day
 * always gives identical rows, and loading again adds new records rather than colliding. Owners are spread over the
 * workspace's active users. Each batch commits on its own: an interrupted run leaves whole batches behind.
 */
export async function generateDemo(ctx: Ctx, options: DemoOptions = {}): Promise<DemoCounts> {
  const plan = planDemo(options);
  const batchSize = wholeNumber('batchSize', options.batchSize ?? DEFAULT_BATCH, 100_000) || DEFAULT_BATCH;
  const todayMs = Math.floor((options.today ?? new Date()).getTime() / DAY_MS) * DAY_MS;
  const uuid = demoUuids(plan.seed);
  const history = plan.historyYears === 0 ? null
    : await prepareHistory(ctx, { seed: plan.seed, todayMs, startMs: todayMs - plan.historyYears * 365 * DAY_MS, uuid, pace: plan.pace });
  const owners = await scoped(ctx.db, ctx.workspaceId)
    .selectFrom('users')
    .select('id')
    .where('status', '=', 'active')
    .where('role', '<>', 'read_only')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const state: DemoState = {
    seed: plan.seed, todayMs, startMs: todayMs - HISTORY_MS, total: plan.organisations + plan.people, position: 0,
    owners: owners.map((o) => o.id), referrers: [], groups: [],
  };
  const counts: DemoCounts = {
    organisations: 0, contacts: 0, consumers: 0, households: 0, emails: 0, phones: 0, addresses: 0, roles: 0, links: 0, consents: 0,
    history: emptyHistoryCounts(),
  };
  let contactsLeft = plan.contacts;
  let done = 0;

  while (counts.organisations < plan.organisations || counts.consumers < plan.consumers) {
    const batch: PartyDraft[] = [];
    while (batch.length < batchSize && (counts.organisations < plan.organisations || counts.consumers < plan.consumers)) {
      // Companies and households alternate in proportion, so customer numbers and creation dates mix both.
      const organisationNext = counts.organisations < plan.organisations
        && (counts.consumers >= plan.consumers || counts.organisations * plan.consumers <= counts.consumers * plan.organisations);
      if (organisationNext) {
        const unit = organisationUnit(state, counts.organisations++, contactsLeft);
        contactsLeft -= unit.length - 1;
        counts.contacts += unit.length - 1;
        batch.push(...unit);
      } else {
        const unit = householdUnit(state, counts.households++, plan.consumers - counts.consumers);
        counts.consumers += unit.length;
        batch.push(...unit);
      }
    }
    await inTransaction(ctx, (tx) => writeBatch(tx, batch, uuid, counts, history));
    done += batch.length;
    options.onProgress?.({ done, total: state.total });
  }
  // Fresh statistics for the planner: the embedded engine runs no autovacuum, and after a bulk load PostgreSQL's
  // would come later than the first queries.
  await sql`analyze parties, party_emails, party_phones, party_addresses, party_roles, party_links, party_consents, search_words`.execute(ctx.db);
  if (history) await finishHistory(ctx, todayMs);
  return counts;
}

const SIREN_SPACE = 90_000_000;
const SIREN_STEP = 55_623_059; // prime to SIREN_SPACE, so sequence → SIREN is one-to-one

/**
 * A valid SIREN for a customer number sequence: eight digits spread from 10000000 to 99999999 by a bijection of the
 * sequence, and the Luhn check digit. Distinct records of a workspace never share one.
 */
function sirenFor(sequence: number): string {
  const payload = 10_000_000 + ((SIREN_STEP * (sequence % SIREN_SPACE)) % SIREN_SPACE + 31_415_926) % SIREN_SPACE;
  return `${payload}${luhnCheckDigit(String(payload))}`;
}

/**
 * Writes a batch of records: takes their customer numbers (which give them their ids), then their rows, and with
 * `history` their commercial history. Exported for the benchmarks' key account.
 */
export async function writeBatch(tx: Ctx, batch: PartyDraft[], uuid: ReturnType<typeof demoUuids>, counts: DemoCounts, history: HistorySetup | null): Promise<void> {
  const numbers = await takeCustomerNumbers(tx, batch.length);
  // takeCustomerNumbers hands out a consecutive range.
  const first = parseCustomerNumber(numbers[0]!)!.sequence;
  batch.forEach((party, i) => {
    party.sequence = first + i;
    party.customerNumber = numbers[i]!;
    party.id = uuid(party.sequence, UUID_PARTY, 0);
  });

  const story = history ? tellHistories(history, uuid, batch, counts.history) : null;
  type Row = Record<string, unknown>;
  const parties: Row[] = [], emails: Row[] = [], phones: Row[] = [], addresses: Row[] = [];
  const roles: Row[] = [], links: Row[] = [], consents: Row[] = [];
  for (const party of batch) {
    const f = party.fields;
    const home = party.addresses[0];
    const siren = party.kind === 'organisation' ? sirenFor(party.sequence) : null;
    const siretPayload = siren === null ? null : `${siren}${party.nic}`;
    parties.push({
      ...f,
      id: party.id, kind: party.kind, customer_number: party.customerNumber,
      siren, siret: siretPayload === null ? null : `${siretPayload}${luhnCheckDigit(siretPayload)}`,
      roles: currentRoles(party.roles), active_alerts: party.activeAlerts ?? [],
      email: party.emails[0]?.email ?? null, phone: party.phones[0]?.phone ?? null,
      postcode: home?.commune.postcode ?? null, city: home?.commune.name ?? null,
      departement: home?.commune.departement ?? null, region: home?.commune.region ?? null, country: home ? 'FR' : null,
      updated_at: f.created_at,
    });
    party.emails.forEach((e, position) => emails.push({ party_id: party.id, position, ...e }));
    party.phones.forEach((p, position) => phones.push({ party_id: party.id, position, ...p }));
    party.addresses.forEach((a, position) => addresses.push({
      party_id: party.id, position, type: a.type, line1: a.line1, line2: a.line2, postcode: a.commune.postcode,
      city: a.commune.name, country: 'FR', departement: a.commune.departement, region: a.commune.region,
    }));
    party.roles.forEach((r, i) => roles.push({ id: uuid(party.sequence, UUID_ROLE, i), party_id: party.id, ...r, created_at: f.created_at }));
    party.links.forEach((l, i) => links.push({
      id: uuid(party.sequence, UUID_LINK, i), party_id: party.id, kind: l.kind, other_party_id: l.to.id,
      function: l.function, decision_role: l.decision_role, started_on: l.started_on, created_at: f.created_at,
    }));
    party.consents.forEach((c) => consents.push({ party_id: party.id, ...c, source: 'demo' }));
  }

  await insertRows(tx, 'parties', parties);
  await insertRows(tx, 'party_emails', emails);
  await insertRows(tx, 'party_phones', phones);
  await insertRows(tx, 'party_addresses', addresses);
  await insertRows(tx, 'party_roles', roles);
  await insertRows(tx, 'party_links', links);
  await insertRows(tx, 'party_consents', consents);
  if (story) await writeStory(tx, story);
  counts.emails += emails.length;
  counts.phones += phones.length;
  counts.addresses += addresses.length;
  counts.roles += roles.length;
  counts.links += links.length;
  counts.consents += consents.length;
  // Records of this batch stay reachable from later ones (referrals, groups) only through their id.
  for (const party of batch) {
    party.links = [];
    party.emails = [];
    party.phones = [];
    party.addresses = [];
    party.roles = [];
    party.consents = [];
  }
}
