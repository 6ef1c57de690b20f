/**
 * A key account for the benchmarks: one hotel group that has bought on almost every working day of the history,
 * with exactly as many timeline entries as asked — its orders and all that follows them first, then as many calls,
 * emails and visits as make up the count. Written like any demo record, next to a demo already loaded or alone.
 */
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { COMMUNES } from './demo-data.ts';
import { DAY_MS, isoDay, landlineNumber } from './demo-drafts.ts';
import { DEMO_LIMITS, writeBatch, type DemoCounts } from './demo-generator.ts';
import { emptyHistoryCounts, prepareHistory } from './demo-history.ts';
import { demoUuids, seededRandom } from './demo-random.ts';
import { address, draft, emptyFields } from './demo-units.ts';
import { refreshCustomerMetrics } from '../metrics/metrics-service.ts';

export interface KeyAccountOptions {
  /** Timeline entries the account ends up with (10,000 by default). */
  timelineEntries?: number;
  seed?: number;
  today?: Date;
}

export interface KeyAccount {
  partyId: string;
  customerNumber: string;
  counts: DemoCounts['history'];
}

/** Adds the key account to the context's workspace, with its history, and returns it. */
export async function generateKeyAccount(ctx: Ctx, options: KeyAccountOptions = {}): Promise<KeyAccount> {
  const seed = options.seed ?? 1;
  const timelineEntries = options.timelineEntries ?? 10_000;
  // Derived ids number a customer's records of one kind up to 65,535.
  if (!Number.isSafeInteger(timelineEntries) || timelineEntries < 1 || timelineEntries > 60_000) throw new RangeError('timelineEntries must be from 1 to 60,000');
  const todayMs = Math.floor((options.today ?? new Date()).getTime() / DAY_MS) * DAY_MS;
  const startMs = todayMs - DEMO_LIMITS.historyYears * 365 * DAY_MS;
  const uuid = demoUuids(seed);
  const history = await prepareHistory(ctx, { seed, todayMs, startMs, uuid });
  const random = seededRandom(seed ^ 0x6b657961);

  const createdMs = startMs - 60 * DAY_MS;
  const fields = emptyFields('Hôtels du Grand Parc', createdMs, history.users[0]?.id ?? null);
  Object.assign(fields, {
    legal_name: 'SAS Hôtels du Grand Parc', naf_code: '55.10Z', headcount_band: '22', annual_revenue: '18500000.00',
    website: 'https://www.hotels-grand-parc.example', tags: ['grand-compte'], payment_methods: ['transfer'], preferred_channels: ['email'],
  });
  const account = draft('organisation', fields);
  account.nic = '0001';
  const lyon = COMMUNES.items.find((c) => c.postcode === '69003')!;
  account.addresses.push(address('head_office', lyon, { line1: '12 avenue du Parc', line2: null }));
  account.emails.push({ email: 'achats@hotels-grand-parc.example', type: 'work' });
  account.phones.push({ phone: landlineNumber(random, lyon), type: 'work' });
  account.roles.push({ role: 'customer', started_on: isoDay(createdMs), ended_on: null, reason: null, competitor: null });
  account.keyAccount = { timelineEntries };

  const counts: DemoCounts = {
    organisations: 1, contacts: 0, consumers: 0, households: 0, emails: 0, phones: 0, addresses: 0, roles: 0, links: 0, consents: 0,
    history: emptyHistoryCounts(),
  };
  await inTransaction(ctx, async (tx) => {
    await writeBatch(tx, [account], uuid, counts, history);
    await refreshCustomerMetrics(tx, [account.id], { asOf: isoDay(todayMs) });
  });
  return { partyId: account.id, customerNumber: account.customerNumber, counts: counts.history };
}
