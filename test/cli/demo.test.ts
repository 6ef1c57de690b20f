/**
 * `rapport demo`: the same seed gives the same rows whatever the batch size, another seed other rows, and every
 * generated record follows the rules the rest of Rapport keeps (contact points copied onto the party, valid
 * identifiers and phones, coherent links and roles). Also the command itself, on an empty data folder.
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
let sevenAgain: TestWorkspace;
let eight: TestWorkspace;
let standard: TestWorkspace;
let standardCounts: DemoCounts;
/** The day the default dataset was generated "as of": today, since it takes no options. */
let standardDay: Date;

before(async () => {
  database = await openTestDatabase();
  db = database.db;
  [seven, sevenAgain, eight, standard] = [await makeWorkspace(db), await makeWorkspace(db), await makeWorkspace(db), await makeWorkspace(db)];
  await generateDemo(seven.ctx, { ...SMALL, seed: 7, batchSize: 100 });
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

test('bad numbers are refused before anything is written', async () => {
  const ws = await makeWorkspace(db);
  for (const options of [{ people: -1 }, { people: 1.5 }, { organisations: 3_000_000 }, { seed: 2 ** 32 }]) {
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
    const { stdout } = await run(['--people', '40', '--organisations', '4', '--seed', '5']);
    assert.match(stdout, /Created workspace "Rapport" with admin admin@rapport\.local/);
    assert.match(stdout, /Created 4 organisations, \d+ contacts and \d+ private customers in \d+ households/);
    assert.match(stdout, /44 records in [\d.]+ s \([\d,]+ records\/s\)/);

    for (const [args, message] of [
      [['--people', '12x'], /--people <n>' argument '12x' is invalid\. must be a whole number from 0 to 10000000/],
      [['--seed', '-3'], /--seed <n>' argument '-3' is invalid/],
      [['--people', '0', '--organisations', '0'], /Nothing to generate/],
    ] as const) {
      await assert.rejects(run([...args]), (error: { stderr: string }) => message.test(error.stderr) && !/\n\s+at /.test(error.stderr), args.join(' '));
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
