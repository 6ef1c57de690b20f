/**
 * `rapport demo`: the same seed gives the same rows whatever the batch size, another seed other rows, and every
 * generated record follows the rules the rest of Rapport keeps (contact points copied onto the party, valid
 * identifiers and phones, coherent links and roles). The commercial history shows every customer archetype and
 * keeps the books straight (totals, payments, numbers, timeline, alerts). Also the command itself, on an empty
 * data folder.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/database.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { generateDemo, type DemoCounts } from '../../src/modules/demo/demo-generator.ts';
import { ARCHETYPES } from '../../src/modules/demo/demo-archetypes.ts';
import { generateKeyAccount } from '../../src/modules/demo/demo-key-account.ts';
import { checkSiren, checkSiret, checkNafCode, parseCustomerNumber } from '../../src/shared/identifiers/index.ts';
import { normaliseEmail } from '../../src/shared/contact/email.ts';
import { normalisePhone } from '../../src/shared/contact/phone.ts';
import { checkFrenchPostcode } from '../../src/shared/contact/postcode.ts';
import { FAMILY_SITUATIONS } from '../../src/shared/reference/person.ts';
import { HEADCOUNT_BANDS } from '../../src/shared/reference/insee.ts';
import { openTestDatabase } from '../helpers/app.ts';
import { makeUser, makeWorkspace, type TestWorkspace } from '../helpers/factories.ts';

const TODAY = new Date('2026-06-15T00:00:00Z');
const SMALL = { people: 300, organisations: 20, today: TODAY };

let database: Database;
let db: Kysely<DB>;
let seven: TestWorkspace;
let sevenTwin: TestWorkspace;
let sevenAgain: TestWorkspace;
let sevenCounts: DemoCounts;
let eight: TestWorkspace;
let standard: TestWorkspace;
let standardCounts: DemoCounts;
/** The day the default dataset was generated "as of": today, since it takes no options. */
let standardDay: Date;

before(async () => {
  database = await openTestDatabase();
  db = database.db;
  [seven, sevenTwin, sevenAgain, eight, standard] = [
    await makeWorkspace(db), await makeWorkspace(db), await makeWorkspace(db), await makeWorkspace(db), await makeWorkspace(db),
  ];
  sevenCounts = await generateDemo(seven.ctx, { ...SMALL, seed: 7, batchSize: 100 });
  await generateDemo(sevenTwin.ctx, { ...SMALL, seed: 7, batchSize: 100 });
  await generateDemo(sevenAgain.ctx, { ...SMALL, seed: 7, batchSize: 1000 });
  await generateDemo(eight.ctx, { ...SMALL, seed: 8 });
  await makeUser(standard, 'sales');
  await makeUser(standard, 'manager');
  await makeUser(standard, 'read_only');
  standardDay = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
  standardCounts = await generateDemo(standard.ctx);
});

after(() => database.close());

// Every column but the workspace; owners are users of that workspace, so only whether there is one is compared.
const FINGERPRINTS = {
  parties: `select md5(string_agg(row(t.*)::text, '|' order by customer_number)) from (
    select customer_number, id, kind, display_name, civility, first_name, last_name, birth_date, gender, pcs_group,
      family_situation, children_count, children_birth_years, language, legal_name, trade_name, siren, siret, naf_code,
      headcount_band, annual_revenue, website, roles, tags, preferred_channels, payment_methods, interests, notes, email,
      phone, postcode, city, departement, region, country, custom, do_not_contact, owner_id is not null as owned,
      version, created_at, updated_at, search_text
    from parties where workspace_id = $ws) t`,
  party_emails: `select md5(string_agg(row(party_id, position, email, type, valid)::text, '|' order by party_id, position)) from party_emails where workspace_id = $ws`,
  party_phones: `select md5(string_agg(row(party_id, position, phone, type, valid)::text, '|' order by party_id, position)) from party_phones where workspace_id = $ws`,
  party_addresses: `select md5(string_agg(row(party_id, position, type, line1, line2, postcode, city, country, departement, region)::text, '|' order by party_id, position)) from party_addresses where workspace_id = $ws`,
  party_roles: `select md5(string_agg(row(id, party_id, role, started_on, ended_on, reason, competitor, created_at)::text, '|' order by id)) from party_roles where workspace_id = $ws`,
  party_links: `select md5(string_agg(row(id, party_id, kind, other_party_id, function, decision_role, started_on, ended_on, created_at)::text, '|' order by id)) from party_links where workspace_id = $ws`,
  party_consents: `select md5(string_agg(row(party_id, channel, purpose, status, source, recorded_at)::text, '|' order by party_id, channel, purpose)) from party_consents where workspace_id = $ws`,
};

async function fingerprint(workspaceId: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const [table, query] of Object.entries(FINGERPRINTS)) {
    const [row] = (await violations(workspaceId, query)) as { md5: string }[];
    result[table] = row!.md5;
  }
  return result;
}

/** The rows of a query over one workspace ($ws in the text). */
async function violations(workspaceId: string, query: string): Promise<unknown[]> {
  const { rows } = await sql.raw(query.replaceAll('$ws', `'${workspaceId}'`)).execute(db);
  return rows;
}

test('the same seed gives identical rows whatever the batch size; another seed gives other rows', async () => {
  const first = await fingerprint(seven.id);
  assert.deepEqual(await fingerprint(sevenAgain.id), first);
  const other = await fingerprint(eight.id);
  for (const table of Object.keys(FINGERPRINTS)) assert.notEqual(other[table], first[table], table);
});

test('the default dataset: about 60 organisations, 250 of their people and 700 private customers, owned by the team', async () => {
  const c = standardCounts;
  assert.equal(c.organisations, 60);
  assert.equal(c.contacts + c.consumers, 950);
  assert.ok(c.contacts >= 200 && c.contacts <= 300, `contacts: ${c.contacts}`);
  assert.ok(c.households >= 300 && c.households < c.consumers, `households: ${c.households}`);

  const tables = ['party_emails', 'party_phones', 'party_addresses', 'party_roles', 'party_links', 'party_consents'] as const;
  const expected = [c.emails, c.phones, c.addresses, c.roles, c.links, c.consents];
  for (const [i, table] of tables.entries()) {
    const { count } = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('count')).where('workspace_id', '=', standard.id).executeTakeFirstOrThrow();
    assert.equal(Number(count), expected[i], table);
  }

  const owners = await sql<{ role: string | null; n: number }>`
    select u.role, count(*)::int as n from parties p left join users u on u.workspace_id = p.workspace_id and u.id = p.owner_id
    where p.workspace_id = ${standard.id} group by u.role`.execute(db);
  const byRole = Object.fromEntries(owners.rows.map((r) => [r.role ?? 'none', r.n]));
  assert.ok(byRole.admin && byRole.sales && byRole.manager, JSON.stringify(byRole));
  assert.equal(byRole.read_only, undefined, 'a read-only user owns no customers');
  assert.ok((byRole.none ?? 0) < 1010 * 0.2, JSON.stringify(byRole));
});

for (const [label, ws, day] of [['default dataset', () => standard, () => standardDay], ['seed 7', () => seven, () => TODAY]] as const) {
  test(`invariants of the generated rows (${label})`, async () => {
    const id = ws().id;
    const today = day().toISOString().slice(0, 10);
    const yearsBefore = (years: number) => `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
    const none = async (what: string, query: string) => assert.deepEqual(await violations(id, query), [], what);

    await none('display_name follows the names', `select id from parties where workspace_id = $ws and display_name is distinct from
      case kind when 'person' then first_name || ' ' || last_name else coalesce(trade_name, legal_name) end`);
    await none('email is the first party_emails row', `select p.id from parties p left join party_emails e
      on e.workspace_id = p.workspace_id and e.party_id = p.id and e.position = 0 where p.workspace_id = $ws and p.email is distinct from e.email`);
    await none('phone is the first party_phones row', `select p.id from parties p left join party_phones e
      on e.workspace_id = p.workspace_id and e.party_id = p.id and e.position = 0 where p.workspace_id = $ws and p.phone is distinct from e.phone`);
    await none('place is the first address', `select p.id from parties p left join party_addresses a
      on a.workspace_id = p.workspace_id and a.party_id = p.id and a.position = 0 where p.workspace_id = $ws and
      (row(p.postcode, p.city, p.departement, p.region, p.country) is distinct from row(a.postcode, a.city, a.departement, a.region, a.country))`);
    await none('positions have no gaps', `select party_id from (select party_id, count(*) n, max(position) m from party_emails where workspace_id = $ws group by party_id
      union all select party_id, count(*), max(position) from party_phones where workspace_id = $ws group by party_id
      union all select party_id, count(*), max(position) from party_addresses where workspace_id = $ws group by party_id) t where m <> n - 1`);
    await none('no address twice in a record', `select party_id from party_emails where workspace_id = $ws group by party_id, email having count(*) > 1
      union all select party_id from party_phones where workspace_id = $ws group by party_id, phone having count(*) > 1`);
    await none('roles are the open party_roles, sorted as the party service keeps them', `select p.id from parties p where p.workspace_id = $ws and
      p.roles <> array(select r.role from party_roles r where r.workspace_id = p.workspace_id and r.party_id = p.id and r.ended_on is null order by r.role collate "C")`);
    await none('former customers say why they left', `select id from party_roles where workspace_id = $ws and role = 'former_customer' and reason is null`);
    await none('links join the right kinds of record', `select l.id from party_links l
      join parties a on a.workspace_id = l.workspace_id and a.id = l.party_id
      join parties b on b.workspace_id = l.workspace_id and b.id = l.other_party_id
      where l.workspace_id = $ws and case l.kind
        when 'employee_of' then a.kind <> 'person' or b.kind <> 'organisation' or l.function is null or l.decision_role is null
        when 'subsidiary_of' then a.kind <> 'organisation' or b.kind <> 'organisation'
        else a.kind <> 'person' or b.kind <> 'person' end`);
    await none('a person works for one organisation and has one spouse', `select party_id from party_links where workspace_id = $ws
      and kind in ('employee_of', 'spouse') group by party_id, kind having count(*) > 1`);
    await none('children match their birth years', `select id from parties where workspace_id = $ws and kind = 'person'
      and children_count is not null and children_count <> cardinality(children_birth_years)`);
    await none('adults of 18 to 90', `select id from parties where workspace_id = $ws
      and (birth_date > date '${yearsBefore(18)}' or birth_date <= date '${yearsBefore(91)}')`);
    await none('created within the three years before "today"', `select id from parties where workspace_id = $ws
      and (created_at < timestamptz '${yearsBefore(3)}' or created_at >= timestamptz '${today}' or updated_at <> created_at)`);
    await none('customer numbers follow creation order', `select id from (select id, created_at, lag(created_at) over (order by customer_number) prev
      from parties where workspace_id = $ws) t where created_at < prev`);
    await none('preferred channels were consented to', `select p.id from parties p, unnest(p.preferred_channels) c where p.workspace_id = $ws
      and p.kind = 'person' and c <> 'phone' and not exists (select 1 from party_consents k where k.workspace_id = p.workspace_id
      and k.party_id = p.id and k.channel = c and k.purpose = 'marketing' and k.status = 'granted')`);
    await none('nobody who asked not to be contacted has consented', `select p.id from parties p join party_consents k on k.workspace_id = p.workspace_id
      and k.party_id = p.id where p.workspace_id = $ws and p.do_not_contact and k.status = 'granted'`);

    const parties = await db.selectFrom('parties').selectAll().where('workspace_id', '=', id).orderBy('customer_number').execute();
    const { last_sequence } = await db.selectFrom('customer_number_counters').select('last_sequence').where('workspace_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(Number(last_sequence), parties.length, 'the counter equals the number of records');
    assert.deepEqual(parties.map((p) => parseCustomerNumber(p.customer_number)?.sequence), parties.map((_, i) => i + 1), 'customer numbers 1..n');

    const families: readonly string[] = FAMILY_SITUATIONS.map((f) => f.code);
    const bands: readonly string[] = HEADCOUNT_BANDS.map((b) => b.code);
    const sirens = new Set<string>();
    for (const p of parties) {
      const where = `${p.customer_number} ${p.display_name}`;
      if (p.email !== null) assert.equal(normaliseEmail(p.email).ok && p.email === p.email.toLowerCase(), true, `${where}: ${p.email}`);
      if (p.phone !== null) assert.deepEqual(pick(normalisePhone(p.phone)), { ok: true, e164: p.phone }, `${where}: ${p.phone}`);
      if (p.postcode !== null) {
        const place = checkFrenchPostcode(p.postcode);
        assert.ok(place.ok && place.departement.code === p.departement && place.region?.code === p.region, `${where}: ${p.postcode}`);
      }
      if (p.kind === 'organisation') {
        assert.ok(checkSiren(p.siren!).ok && checkSiret(p.siret!).ok && p.siret!.startsWith(p.siren!), `${where}: ${p.siren} ${p.siret}`);
        assert.ok(!sirens.has(p.siren!), `${where}: SIREN ${p.siren} twice`);
        sirens.add(p.siren!);
        const naf = checkNafCode(p.naf_code!);
        assert.ok(naf.ok && naf.value === p.naf_code, `${where}: ${p.naf_code}`);
        assert.ok(bands.includes(p.headcount_band!), `${where}: ${p.headcount_band}`);
        assert.ok(p.annual_revenue === null || /^\d+\.\d{2}$/.test(p.annual_revenue), `${where}: ${p.annual_revenue}`);
      } else {
        assert.ok(['mr', 'ms', 'mx'].includes(p.civility!), where);
        assert.ok(p.gender === null || { mr: 'male', ms: 'female', mx: 'other' }[p.civility!] === p.gender, `${where}: ${p.civility} ${p.gender}`);
        assert.ok(p.pcs_group !== null && /^[1-8]$/.test(p.pcs_group), where);
        assert.ok(p.family_situation === null || families.includes(p.family_situation), where);
        assert.equal(p.siren, null, where);
      }
    }

    const emails = await db.selectFrom('party_emails').select('email').where('workspace_id', '=', id).execute();
    for (const { email } of emails) assert.deepEqual(pick(normaliseEmail(email), 'email'), { ok: true, email }, email);
    const phones = await db.selectFrom('party_phones').select(['phone', 'type']).where('workspace_id', '=', id).execute();
    for (const { phone, type } of phones) {
      const read = normalisePhone(phone);
      assert.deepEqual(pick(read), { ok: true, e164: phone }, phone);
      assert.equal(read.ok && read.type === 'mobile', type === 'mobile', `${phone} is stored as ${type}`);
    }
    const addresses = await db.selectFrom('party_addresses').select(['postcode', 'departement', 'region']).where('workspace_id', '=', id).execute();
    for (const a of addresses) {
      const place = checkFrenchPostcode(a.postcode!);
      assert.ok(place.ok && place.departement.code === a.departement && place.region?.code === a.region, a.postcode!);
    }
  });
}

function pick(result: { ok: boolean }, key = 'e164'): Record<string, unknown> {
  return { ok: result.ok, [key]: (result as Record<string, unknown>)[key] };
}

// The commercial history, table by table, as JSON without the workspace and the users (other ids in each workspace)
// and, where the batches differ, without the document numbers (handed out batch by batch).
const HISTORY_TABLES = [
  'products', 'orders', 'order_lines', 'deliveries', 'delivery_lines', 'invoices', 'invoice_lines', 'payments', 'returns',
  'return_lines', 'cases', 'interactions', 'interaction_participants', 'feedback', 'tasks', 'alerts', 'timeline_entries',
];

async function historyPrint(workspaceId: string, numbers: boolean): Promise<Record<string, string>> {
  const hidden = `array['workspace_id', 'created_by', 'assignee_id', 'owner_id', 'raised_by', 'resolved_by', 'actor_id', 'user_id'${numbers ? '' : ", 'number'"}]`;
  const result: Record<string, string> = {};
  for (const table of HISTORY_TABLES) {
    const [row] = (await violations(workspaceId, `select md5(string_agg(x, '|' order by x)) from (
      select (case when j ? 'data' and not ${numbers} then jsonb_set(j, '{data}', (j->'data') - 'number') else j end)::text x
      from (select to_jsonb(t) - ${hidden}::text[] j from ${table} t where workspace_id = $ws) t) t`)) as { md5: string | null }[];
    result[table] = row!.md5 ?? '';
  }
  return result;
}

test('the history is the same for the same seed: same rows and numbers, and the same rows whatever the batch size', async () => {
  const twin = await historyPrint(sevenTwin.id, true);
  assert.deepEqual(await historyPrint(seven.id, true), twin);
  const first = await historyPrint(seven.id, false);
  assert.deepEqual(await historyPrint(sevenAgain.id, false), first);
  const other = await historyPrint(eight.id, false);
  for (const table of HISTORY_TABLES.filter((t) => t !== 'products')) assert.notEqual(other[table], first[table], table);
  assert.ok(sevenCounts.history.orders > 300, `orders: ${sevenCounts.history.orders}`);
});

test('the default history: a few thousand orders from customers of every archetype, each behaving as it should', async () => {
  const h = standardCounts.history;
  assert.ok(h.orders >= 2000 && h.orders <= 5000 && h.orderLines >= 2 * h.orders, `${h.orders} orders, ${h.orderLines} lines`);
  for (const archetype of ARCHETYPES) assert.ok(h.archetypes[archetype] >= 3, `${archetype}: ${h.archetypes[archetype]}`);
  const today = standardDay.toISOString().slice(0, 10);
  const customers = async (what: string, query: string, least = 3) => {
    const [row] = (await violations(standard.id, `select count(*)::int n from (${query}) t`)) as { n: number }[];
    assert.ok(row!.n >= least, `${what}: ${row!.n}`);
  };
  await customers('regular monthly buyers (12 months or more with an order)', `select customer_id from orders where workspace_id = $ws
    group by customer_id having count(distinct date_trunc('month', ordered_at)) >= 12`);
  await customers('seasonal gift buyers (orders in November and December only, two years or more)', `select customer_id from orders
    where workspace_id = $ws group by customer_id having bool_and(extract(month from ordered_at) in (11, 12))
    and count(distinct extract(year from ordered_at)) >= 2`);
  await customers('seasonal garden buyers (three orders or more, March to July only)', `select customer_id from orders
    where workspace_id = $ws group by customer_id having bool_and(extract(month from ordered_at) between 3 and 7) and count(*) >= 3`);
  await customers('lapsed customers (six orders or more, none for eight months)', `select customer_id from orders where workspace_id = $ws
    group by customer_id having count(*) >= 6 and max(ordered_at) < date '${today}' - interval '8 months'`);
  await customers('one-off buyers', `select customer_id from orders where workspace_id = $ws group by customer_id having count(*) = 1`, 20);
  await customers('deal seekers (four orders or more, over 60 % on promotion)', `select customer_id from orders where workspace_id = $ws
    group by customer_id having count(*) >= 4 and avg(on_promotion::int) > 0.6`);
  await customers('late payers (two invoices or more paid 15 days late)', `select customer_id from invoices where workspace_id = $ws
    and kind = 'invoice' and (paid_at at time zone 'Europe/Paris')::date >= due_on + 15 group by customer_id having count(*) >= 2`);
  await customers('customers with an unpaid invoice past its due date', `select distinct customer_id from invoices where workspace_id = $ws
    and status in ('open', 'partially_paid') and due_on < date '${today}'`);
  await customers('partly paid invoices', `select id from invoices where workspace_id = $ws and status = 'partially_paid'`, 1);
  await customers('serial complainers (three cases or more with a complaint, average NPS under 6)', `select c.party_id from cases c
    join customer_metrics m on m.workspace_id = c.workspace_id and m.party_id = c.party_id where c.workspace_id = $ws
    group by c.party_id having count(*) >= 3 and bool_or(c.type = 'complaint') and max(m.average_nps) < 6`);
  await customers('businesses paying by transfer on 30 or 45 days', `select i.id from invoices i join parties p on p.workspace_id = i.workspace_id
    and p.id = i.customer_id join payments m on m.workspace_id = i.workspace_id and m.invoice_id = i.id where i.workspace_id = $ws
    and p.kind = 'organisation' and m.method = 'transfer' and i.due_on - i.issued_on in (30, 45)`, 20);
  await customers('cancelled orders', `select id from orders where workspace_id = $ws and status = 'cancelled'`, 10);
  await customers('late deliveries', `select id from deliveries where workspace_id = $ws and delivered_at::date > promised_on`, 10);
  await customers('refunded returns', `select id from returns where workspace_id = $ws and status = 'refunded'`, 10);
  await customers('breached SLA targets', `select id from cases where workspace_id = $ws and coalesce(resolved_at, date '${today}') > resolution_due_at`, 5);
  await customers('open tasks overdue', `select id from tasks where workspace_id = $ws and status = 'open' and due_at < date '${today}'`, 1);
  await customers('monthly visits', `select id from tasks where workspace_id = $ws and kind = 'visit' and recurrence = 'FREQ=MONTHLY'`, 1);
  for (const kind of ['dispute', 'unpaid_invoice', 'vip_care']) {
    await customers(`customers with an open ${kind} alert`, `select id from parties where workspace_id = $ws and '${kind}' = any(active_alerts)`, 1);
  }
});

for (const [label, ws, day] of [['default dataset', () => standard, () => standardDay], ['seed 7', () => seven, () => TODAY]] as const) {
  test(`the history keeps the books straight (${label})`, async () => {
    const id = ws().id;
    const today = day().toISOString().slice(0, 10);
    const none = async (what: string, query: string) => assert.deepEqual(await violations(id, query), [], what);
    const lines = (table: string, owner: string) => `select ${owner} as owner, count(*) n, sum(round(quantity * unit_price, 2)) gross,
      sum(line_total) total, sum(round(line_total * vat_rate / 100, 2)) tax, sum(line_cost) cost from ${table} where workspace_id = $ws group by ${owner}`;

    // The loader skips foreign-key checks where it may: every reference of the history tables must hold anyway.
    const { rows: references } = await sql<{ child: string; parent: string; columns: string[]; referenced: string[] }>`
      select conrelid::regclass::text as child, confrelid::regclass::text as parent,
        array(select a.attname::text from unnest(conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = conrelid and a.attnum = k.n order by k.i) as columns,
        array(select a.attname::text from unnest(confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = confrelid and a.attnum = k.n order by k.i) as referenced
      from pg_constraint where contype = 'f' and conrelid::regclass::text = any(${HISTORY_TABLES}::text[])`.execute(db);
    assert.ok(references.length >= 20, `${references.length} foreign keys`);
    for (const r of references) {
      const own = r.columns.map((c) => `c.${c}`).join(', ');
      await none(`${r.child} (${r.columns.join(', ')}) references ${r.parent}`, `select 1 from ${r.child} c where c.workspace_id = $ws
        and (${own}) is not null and not exists (select 1 from ${r.parent} p where (${r.referenced.map((c) => `p.${c}`).join(', ')}) = (${own}))`);
    }
    await none('every order has lines, and its totals are theirs', `select o.id from orders o left join (${lines('order_lines', 'order_id')}) l
      on l.owner = o.id where o.workspace_id = $ws and (l.owner is null or o.subtotal <> l.gross or o.total_excl_tax <> l.total
      or o.discount_total <> l.gross - l.total or o.tax_total <> l.tax or o.total_incl_tax <> l.total + l.tax or o.cost_total <> l.cost)`);
    await none('lines are priced from the catalogue', `select l.order_id from order_lines l join products p on p.workspace_id = l.workspace_id
      and p.id = l.product_id where l.workspace_id = $ws and (l.unit_price <> p.unit_price or l.unit_cost <> p.unit_cost or l.vat_rate <> p.vat_rate
      or l.line_total <> round(l.quantity * l.unit_price * (100 - l.discount_percent) / 100, 2) or l.line_cost <> l.quantity * l.unit_cost
      or l.description <> p.name or l.quantity <= 0)`);
    await none('on promotion exactly when discounted', `select o.id from orders o where o.workspace_id = $ws and o.on_promotion <> (o.discount_total > 0)
      or (o.promo_code is not null and not o.on_promotion)`);
    await none('margins of 20 to 60 %', `select sku from products where workspace_id = $ws and unit_cost not between unit_price * 0.4 and unit_price * 0.8`);
    await none('invoices and credit notes: totals are their lines', `select i.id from invoices i left join (${lines('invoice_lines', 'invoice_id')}) l
      on l.owner = i.id where i.workspace_id = $ws and (l.owner is null or i.total_excl_tax <> l.total or i.tax_total <> l.tax
      or i.total_incl_tax <> l.total + l.tax or i.cost_total <> l.cost)`);
    await none('an invoice bills its whole order', `select i.id from invoices i join orders o on o.workspace_id = i.workspace_id and o.id = i.order_id
      where i.workspace_id = $ws and i.kind = 'invoice' and (i.total_incl_tax <> o.total_incl_tax or o.status = 'cancelled' or i.issued_on < o.ordered_at::date)`);
    await none('amount_paid, status and paid_at are what the payments make them, never above the total', `select i.id from invoices i
      left join (select invoice_id, sum(amount) paid, max(paid_at) last, min(paid_at) first from payments where workspace_id = $ws group by invoice_id) p
      on p.invoice_id = i.id where i.workspace_id = $ws and i.kind = 'invoice' and (i.amount_paid <> coalesce(p.paid, 0)
      or coalesce(p.paid, 0) > i.total_incl_tax or i.status <> case when coalesce(p.paid, 0) = 0 then 'open'
        when p.paid < i.total_incl_tax then 'partially_paid' else 'paid' end
      or i.paid_at is distinct from case when p.paid = i.total_incl_tax then p.last end or p.first::date < i.issued_on)`);
    await none("payments belong to the invoice's customer", `select m.id from payments m join invoices i on i.workspace_id = m.workspace_id
      and i.id = m.invoice_id where m.workspace_id = $ws and (m.customer_id <> i.customer_id or i.kind <> 'invoice')`);
    await none('refunded returns have a credit note crediting their paid invoice, for no more than it', `select r.id from returns r
      left join invoices c on c.workspace_id = r.workspace_id and c.id = r.credit_note_id
      left join invoices i on i.workspace_id = c.workspace_id and i.id = c.credited_invoice_id
      where r.workspace_id = $ws and ((r.status = 'refunded') <> (c.id is not null) or (c.id is not null and (c.kind <> 'credit_note'
      or i.order_id <> r.order_id or i.status <> 'paid' or c.total_incl_tax > i.total_incl_tax)))`);
    await none('deliveries carry goods of their order', `select d.id from deliveries d join delivery_lines dl on dl.workspace_id = d.workspace_id
      and dl.delivery_id = d.id left join order_lines l on l.workspace_id = d.workspace_id and l.order_id = d.order_id
      and l.position = dl.order_line_position where d.workspace_id = $ws and (l.order_id is null or l.quantity <> dl.quantity)`);
    await none('the document counters are at least the numbers used', `select t.kind, t.year from (
        select 'order' kind, number from orders where workspace_id = $ws union all select 'delivery', number from deliveries where workspace_id = $ws
        union all select kind, number from invoices where workspace_id = $ws union all select 'return', number from returns where workspace_id = $ws
        union all select 'case', number from cases where workspace_id = $ws) n
      cross join lateral (select n.kind, split_part(n.number, '-', 2)::int as year, split_part(n.number, '-', 3)::int as sequence) t
      left join document_counters c on c.workspace_id = $ws and c.kind = t.kind and c.year = t.year
      group by t.kind, t.year, c.last_sequence having c.last_sequence is null or max(t.sequence) > c.last_sequence or count(*) <> count(distinct t.sequence)`);
    await none('numbers have their prefix and the year of their date', `select number from orders where workspace_id = $ws
      and number <> 'CMD-' || extract(year from ordered_at) || '-' || right(number, 6) union all select number from invoices where workspace_id = $ws
      and number <> case kind when 'invoice' then 'FAC-' else 'AV-' end || extract(year from issued_on) || '-' || right(number, 6)
      union all select number from cases where workspace_id = $ws and number !~ '^SAV-\\d{4}-\\d{6}$'`);
    await none('orders, deliveries, invoices, payments, returns, cases, feedback, tasks and alerts are on the timeline', `
      select 'order', id from orders o where workspace_id = $ws and not exists (select 1 from timeline_entries t where t.workspace_id = $ws
        and t.subject_type = 'order' and t.subject_id = o.id and t.party_id = o.customer_id and t.data->>'action' = 'created' and t.data->>'number' = o.number
        and t.occurred_at = o.ordered_at)
      union all select 'invoice', id from invoices i where workspace_id = $ws and not exists (select 1 from timeline_entries t where t.workspace_id = $ws
        and t.subject_type = 'invoice' and t.subject_id = i.id and t.data->>'number' = i.number and t.data->>'action' = 'issued')
      union all select 'payment', m.id from payments m join invoices i on i.workspace_id = m.workspace_id and i.id = m.invoice_id where m.workspace_id = $ws
        and not exists (select 1 from timeline_entries t where t.workspace_id = $ws and t.subject_type = 'payment' and t.subject_id = m.id
        and t.data->>'number' = i.number and (t.data->>'amount')::numeric = m.amount and t.occurred_at = m.paid_at)
      union all select kind, subject_id from (select 'delivery' kind, id subject_id from deliveries where workspace_id = $ws
        union all select 'return', id from returns where workspace_id = $ws union all select 'case', id from cases where workspace_id = $ws
        union all select 'feedback', id from feedback where workspace_id = $ws union all select 'task', id from tasks where workspace_id = $ws
        union all select 'alert', id from alerts where workspace_id = $ws union all select 'interaction', id from interactions where workspace_id = $ws) s
        where not exists (select 1 from timeline_entries t where t.workspace_id = $ws and t.subject_type = s.kind and t.subject_id = s.subject_id)`);
    await none("the last status change on the timeline is the order's status", `select o.id from orders o cross join lateral (
        select t.data->>'status' status from timeline_entries t where t.workspace_id = $ws and t.subject_type = 'order' and t.subject_id = o.id
        order by t.occurred_at desc, t.data->>'action' = 'status_changed' desc limit 1) t where o.workspace_id = $ws and t.status <> o.status`);
    await none('everything happened before today, and orders while the party was a customer', `select 'timeline', id from timeline_entries
        where workspace_id = $ws and occurred_at >= date '${today}'
      union all select 'order', o.id from orders o join parties p on p.workspace_id = o.workspace_id and p.id = o.customer_id
        join party_roles r on r.workspace_id = o.workspace_id and r.party_id = o.customer_id and r.role = 'customer'
        where o.workspace_id = $ws and (o.ordered_at < p.created_at or o.ordered_at < r.started_on or o.ordered_at >= r.ended_on + 1)`);
    await none('SLA due times follow the default targets', `select id from cases where workspace_id = $ws and (
        first_response_due_at - opened_at, resolution_due_at - opened_at) is distinct from (case priority when 'urgent' then interval '1 hour'
        when 'high' then interval '4 hours' when 'normal' then interval '8 hours' else interval '24 hours' end, case priority
        when 'urgent' then interval '8 hours' when 'high' then interval '24 hours' when 'normal' then interval '72 hours' else interval '120 hours' end)
        or (status in ('resolved', 'closed')) <> (resolved_at is not null)`);
    await none('feedback tone follows the score', `select id from feedback where workspace_id = $ws and ((nps >= 9 and sentiment <> 'positive')
      or (nps <= 4 and sentiment <> 'negative'))`);
    await none('active alerts are the kinds of the open alerts', `select p.id from parties p where p.workspace_id = $ws and p.active_alerts <>
      array(select distinct a.kind from alerts a where a.workspace_id = p.workspace_id and a.party_id = p.id and a.resolved_at is null order by 1)`);
    await none('interactions involve the customer and their owner', `select i.id from interactions i where i.workspace_id = $ws and not exists (
      select 1 from interaction_participants x where x.workspace_id = $ws and x.interaction_id = i.id and x.position = 0 and x.party_id is not null)`);
    await none('metrics for every customer with orders', `select distinct o.customer_id from orders o left join customer_metrics m
      on m.workspace_id = o.workspace_id and m.party_id = o.customer_id where o.workspace_id = $ws and o.status <> 'cancelled' and m.party_id is null`);
  });
}

test('--history-years bounds the history; 0 leaves it out', async () => {
  const [short, none] = [await makeWorkspace(db), await makeWorkspace(db)];
  const counts = await generateDemo(short.ctx, { people: 60, organisations: 4, seed: 2, today: TODAY, historyYears: 1 });
  assert.ok(counts.history.orders > 0);
  assert.deepEqual(await violations(short.id, `select id from orders where workspace_id = $ws and ordered_at < date '2025-06-15'`), []);
  const empty = await generateDemo(none.ctx, { people: 60, organisations: 4, seed: 2, today: TODAY, historyYears: 0 });
  assert.equal(empty.history.orders, 0);
  assert.deepEqual(await violations(none.id, `select 1 from orders where workspace_id = $ws union all select 1 from products where workspace_id = $ws`), []);
});

test('the benchmarks\' key account has exactly the timeline entries asked for, of every kind', async () => {
  const ws = await makeWorkspace(db);
  await generateDemo(ws.ctx, { people: 30, organisations: 2, seed: 4, today: TODAY });
  const key = await generateKeyAccount(ws.ctx, { timelineEntries: 800, seed: 4, today: TODAY });
  const kinds = (await violations(ws.id, `select kind, count(*)::int n from timeline_entries where workspace_id = $ws
    and party_id = '${key.partyId}' group by kind`)) as { kind: string; n: number }[];
  assert.equal(kinds.reduce((sum, k) => sum + k.n, 0), 800);
  for (const kind of ['order', 'delivery', 'invoice', 'payment', 'interaction']) assert.ok(kinds.some((k) => k.kind === kind && k.n >= 20), kind);
  const [metrics] = (await violations(ws.id, `select order_count from customer_metrics where workspace_id = $ws and party_id = '${key.partyId}'`)) as { order_count: number }[];
  assert.ok(metrics && metrics.order_count >= 50, JSON.stringify(metrics));
});

test('bad numbers are refused before anything is written', async () => {
  const ws = await makeWorkspace(db);
  for (const options of [{ people: -1 }, { people: 1.5 }, { organisations: 3_000_000 }, { seed: 2 ** 32 }, { historyYears: 4 }, { pace: 0 }]) {
    await assert.rejects(generateDemo(ws.ctx, options), (error: { code?: string }) => error.code === 'validation_failed', JSON.stringify(options));
  }
  const { count } = await db.selectFrom('parties').select((eb) => eb.fn.countAll<number>().as('count')).where('workspace_id', '=', ws.id).executeTakeFirstOrThrow();
  assert.equal(Number(count), 0);
});

test('loading again adds new records instead of colliding', async () => {
  const ws = await makeWorkspace(db);
  await generateDemo(ws.ctx, { people: 40, organisations: 4, seed: 3, today: TODAY });
  await generateDemo(ws.ctx, { people: 40, organisations: 4, seed: 3, today: TODAY });
  const { count } = await db.selectFrom('parties').select((eb) => eb.fn.countAll<number>().as('count')).where('workspace_id', '=', ws.id).executeTakeFirstOrThrow();
  assert.equal(Number(count), 88);
});

test('rapport demo on an empty data folder creates the workspace, loads and reports; bad numbers are refused plainly', async () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-demo-'));
  try {
    const run = (args: string[]) => promisify(execFile)(process.execPath, [path.join(root, 'bin/rapport.js'), 'demo', ...args], {
      env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent', RAPPORT_DATA_DIR: dataDir, RAPPORT_ADMIN_PASSWORD: 'a long demo password' },
    });
    const { stdout } = await run(['--people', '40', '--organisations', '4', '--seed', '5', '--history-years', '2']);
    assert.match(stdout, /Created workspace "Rapport" with admin admin@rapport\.local/);
    assert.match(stdout, /Created 4 organisations, \d+ contacts and \d+ private customers in \d+ households/);
    assert.match(stdout, /and 2 years of history for \d+ customers: [1-9][\d,]* orders \([\d,]+ lines\)/);
    assert.match(stdout, /44 records in [\d.]+ s \([\d,]+ records\/s\)/);

    for (const [args, message] of [
      [['--people', '12x'], /--people <n>' argument '12x' is invalid\. must be a whole number from 0 to 10000000/],
      [['--seed', '-3'], /--seed <n>' argument '-3' is invalid/],
      [['--history-years', '4'], /--history-years <n>' argument '4' is invalid\. must be a whole number from 0 to 3/],
      [['--people', '0', '--organisations', '0'], /Nothing to generate/],
    ] as const) {
      await assert.rejects(run([...args]), (error: { stderr: string }) => message.test(error.stderr) && !/\n\s+at /.test(error.stderr), args.join(' '));
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
