/**
 * People and organisations over HTTP: normalised input, errors naming the field, customer numbers, optimistic
 * locking, lists and filters, roles, links.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeUser, makeWorkspace, sessionFor, type TestWorkspace } from '../helpers/factories.ts';
import { parseCustomerNumber } from '../../src/shared/identifiers/customer-number.ts';

let t: TestApp;
let ws: TestWorkspace;

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db, 'People Test');
});
after(() => t.close());

const post = (url: string, body: unknown, session = ws.adminSession) => call(t.app, { method: 'POST', url, body, session });
const patch = (url: string, body: unknown, session = ws.adminSession) => call(t.app, { method: 'PATCH', url, body, session });
const get = (url: string, session = ws.adminSession) => call(t.app, { url, session });

test('a person is stored normalised: E.164 phone, lower-case email, département and région from the postcode', async () => {
  const response = await post('/api/people', {
    civility: 'ms',
    firstName: '  Élodie ',
    lastName: 'Marchand',
    birthDate: '1986-04-12',
    emails: [{ email: 'Elodie.Marchand@Example.FR' }],
    phones: [{ phone: '06 12 34 56 78' }],
    addresses: [{ line1: '12 rue des Tilleuls', postcode: '69 003', city: 'Lyon' }],
    roles: ['prospect'],
    tags: ['salon-2026'],
  });
  assert.equal(response.statusCode, 201, response.body);
  const person = response.json();
  assert.equal(person.displayName, 'Élodie Marchand');
  assert.equal(person.email, 'elodie.marchand@example.fr');
  assert.equal(person.phone, '+33612345678');
  assert.deepEqual(person.addresses[0].departement, { code: '69', name: 'Rhône' });
  assert.equal(person.addresses[0].region.code, '84');
  assert.equal(person.addresses[0].postcode, '69003');
  assert.equal(person.version, 1);
  assert.deepEqual(person.roles, ['prospect']);
  assert.ok(parseCustomerNumber(person.customerNumber), person.customerNumber);
  assert.ok(person.age >= 40);
  assert.equal(person.owner.id, ws.admin.id);
  assert.equal(person.canEdit, true);
});

test('bad input gets a 400 naming every offending field and writes nothing', async () => {
  const before = (await get('/api/people/count')).json().count;
  const response = await post('/api/people', {
    lastName: 'Faux',
    birthDate: '2090-02-03',
    emails: [{ email: 'not-an-email' }],
    phones: [{ phone: '12' }],
    addresses: [{ line1: '1 rue X', postcode: '99999', city: 'Nulle part' }],
  });
  assert.equal(response.statusCode, 400);
  const fields = response.json().error.issues.map((i: { field: string }) => i.field).sort();
  assert.deepEqual(fields, ['body.addresses[0].postcode', 'body.birthDate', 'body.emails[0].email', 'body.phones[0].phone']);
  const impossible = await post('/api/people', { lastName: 'Faux', birthDate: '2019-02-30' });
  assert.deepEqual(impossible.json().error.issues, [{ field: 'body.birthDate', rule: 'must match format "date"' }]);
  const org = await post('/api/organisations', { legalName: 'Mauvais SIRET', siret: '73282932000075', nafCode: '00.12Z' });
  assert.equal(org.statusCode, 400);
  assert.deepEqual(org.json().error.issues.map((i: { field: string }) => i.field).sort(), ['body.nafCode', 'body.siret']);
  assert.equal((await get('/api/people/count')).json().count, before);
});

test('concurrent creations never share a customer number', async () => {
  const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => post('/api/people', { lastName: `Parallèle ${i}` })));
  const numbers = responses.map((r) => {
    assert.equal(r.statusCode, 201, r.body);
    return r.json().customerNumber as string;
  });
  assert.equal(new Set(numbers).size, 20);
});

test('a record is found by its customer number typed loosely', async () => {
  const created = (await post('/api/people', { lastName: 'Numéro' })).json();
  const loose = created.customerNumber.replace(/-/g, ' ').toLowerCase();
  const found = await get(`/api/parties/by-number/${encodeURIComponent(loose)}`);
  assert.equal(found.statusCode, 200, found.body);
  assert.equal(found.json().id, created.id);
  const typo = created.customerNumber.slice(0, -1) + ((Number(created.customerNumber.slice(-1)) + 1) % 10);
  assert.equal((await get(`/api/parties/by-number/${typo}`)).statusCode, 400);
});

test('a number absorbed by a merge still resolves to the surviving record, by lookup and in the search box', async () => {
  const survivor = (await post('/api/people', { lastName: 'Survivant' })).json();
  const absorbed = (await post('/api/people', { lastName: 'Absorbé' })).json();
  // What a merge leaves behind (merging itself comes with duplicate detection): the absorbed record gone, its number an alias.
  await t.database.db.deleteFrom('parties').where('id', '=', absorbed.id).execute();
  await t.database.db
    .insertInto('customer_number_aliases')
    .values({ workspace_id: ws.id, customer_number: absorbed.customerNumber, party_id: survivor.id })
    .execute();
  const found = await get(`/api/parties/by-number/${absorbed.customerNumber}`);
  assert.equal(found.json().id, survivor.id);
  const hits = (await get(`/api/search?q=${absorbed.customerNumber}`)).json().results;
  assert.deepEqual(hits.map((h: { id: string }) => h.id), [survivor.id]);
});

test('a stale save is refused with 409 and the current record; nothing is overwritten', async () => {
  const created = (await post('/api/people', { lastName: 'Concurrent', firstName: 'Anne' })).json();
  const first = await patch(`/api/people/${created.id}`, { version: 1, firstName: 'Annie' });
  assert.equal(first.statusCode, 200, first.body);
  assert.equal(first.json().version, 2);
  const stale = await patch(`/api/people/${created.id}`, { version: 1, notes: 'écrit sur une version ancienne' });
  assert.equal(stale.statusCode, 409);
  const error = stale.json().error;
  assert.equal(error.code, 'version_conflict');
  assert.equal(error.current.firstName, 'Annie');
  assert.equal(error.current.version, 2);
  const now = (await get(`/api/people/${created.id}`)).json();
  assert.equal(now.notes, null);
  assert.equal(now.firstName, 'Annie');
});

test('roles keep their history: becoming a customer ends prospect, losing one records the reason', async () => {
  const created = (await post('/api/people', { lastName: 'Rôles', roles: ['prospect'] })).json();
  const customer = await patch(`/api/people/${created.id}`, { version: 1, roles: ['prospect', 'customer'] });
  assert.deepEqual(customer.json().roles, ['customer']);
  const lost = await patch(`/api/people/${created.id}`, {
    version: 2,
    roles: ['former_customer'],
    roleReason: 'Prix trop élevé',
    lostToCompetitor: 'Concurrent SA',
  });
  assert.deepEqual(lost.json().roles, ['former_customer']);
  const history = (await get(`/api/parties/${created.id}/roles`)).json().data;
  assert.deepEqual(history.map((r: { role: string }) => r.role).sort(), ['customer', 'former_customer', 'prospect']);
  const former = history.find((r: { role: string }) => r.role === 'former_customer');
  assert.equal(former.competitor, 'Concurrent SA');
  assert.equal(former.reason, 'Prix trop élevé');
  assert.ok(history.find((r: { role: string }) => r.role === 'customer').endedOn);
});

test('organisations: SIRET gives the SIREN, contacts are linked with function and decision role', async () => {
  const impossible = await post('/api/people', { lastName: 'Faux', birthDate: '2019-02-30' });
  assert.deepEqual(impossible.json().error.issues, [{ field: 'body.birthDate', rule: 'must match format "date"' }]);
  const org = await post('/api/organisations', { legalName: 'Menuiserie Durand SARL', tradeName: 'Durand Bois', siret: '732 829 320 00074', nafCode: '1623z', headcountBand: '11' });
  assert.equal(org.statusCode, 201, org.body);
  assert.equal(org.json().siren, '732829320');
  assert.equal(org.json().nafCode, '16.23Z');
  assert.equal(org.json().nafSection, 'C');
  assert.equal(org.json().displayName, 'Durand Bois');
  const person = (await post('/api/people', { lastName: 'Durand', firstName: 'Paul' })).json();
  const link = await post(`/api/parties/${person.id}/links`, { kind: 'employee_of', otherPartyId: org.json().id, function: 'Gérant', decisionRole: 'decision_maker' });
  assert.equal(link.statusCode, 201, link.body);
  const fromOrg = (await get(`/api/parties/${org.json().id}/links`)).json().data;
  assert.equal(fromOrg[0].other.id, person.id);
  assert.equal(fromOrg[0].direction, 'incoming');
  const employees = (await get(`/api/people?organisationId=${org.json().id}`)).json().data;
  assert.deepEqual(employees.map((p: { id: string }) => p.id), [person.id]);
  const wrong = await post(`/api/parties/${org.json().id}/links`, { kind: 'employee_of', otherPartyId: person.id });
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().error.issues[0].field, 'body.kind');
});

test('lists filter by role, tag and city and page by cursor', async () => {
  for (const name of ['Alpha', 'Bravo', 'Charlie']) {
    await post('/api/people', { lastName: `Liste ${name}`, roles: ['customer'], tags: ['liste'], addresses: [{ line1: '1 place', postcode: '44000', city: 'Nantes' }] });
  }
  const first = (await get('/api/people?tag=liste&role=customer&city=nantes&limit=2')).json();
  assert.equal(first.data.length, 2);
  const second = (await get(`/api/people?tag=liste&role=customer&city=nantes&limit=2&cursor=${first.nextCursor}`)).json();
  assert.deepEqual([...first.data, ...second.data].map((p: { lastName: string }) => p.lastName), ['Liste Alpha', 'Liste Bravo', 'Liste Charlie']);
  assert.equal(second.nextCursor, null);
  assert.deepEqual((await get('/api/people/count?tag=liste')).json(), { count: 3, exact: true });
});

test('a sales user limited to their own records may not change a colleague’s', async () => {
  const alice = await makeUser(ws, 'sales', 'Alice Ventes');
  const bob = await makeUser(ws, 'sales', 'Bob Ventes');
  const aliceSession = await sessionFor(ws, alice);
  const bobSession = await sessionFor(ws, bob);
  const put = await call(t.app, { method: 'PUT', url: '/api/record-access', body: { sales: 'own' }, session: ws.adminSession });
  assert.equal(put.statusCode, 200, put.body);
  const record = (await post('/api/people', { lastName: 'Portefeuille' }, aliceSession)).json();
  assert.equal(record.owner.id, alice.id);
  const asBob = await patch(`/api/people/${record.id}`, { version: 1, notes: 'x' }, bobSession);
  assert.equal(asBob.statusCode, 403);
  assert.equal((await get(`/api/people/${record.id}`, bobSession)).json().canEdit, false);
  assert.equal((await patch(`/api/people/${record.id}`, { version: 1, notes: 'ok' }, aliceSession)).statusCode, 200);
  await call(t.app, { method: 'PUT', url: '/api/record-access', body: { sales: 'all' }, session: ws.adminSession });
});

test('a list sorted by city pages through records without a city, both ways', async () => {
  const own = await makeWorkspace(t.database.db);
  const postcodes: Record<string, string> = { Lyon: '69003', Brest: '29200', Annecy: '74000' };
  const cities = ['Lyon', null, 'Brest', null, 'Annecy', 'Lyon', null];
  for (const [i, city] of cities.entries()) {
    const address = city ? { addresses: [{ line1: '1 rue Haute', postcode: postcodes[city], city }] } : {};
    const response = await call(t.app, { method: 'POST', url: '/api/people', session: own.adminSession, body: { firstName: `P${i}`, lastName: 'Ville', ...address } });
    assert.equal(response.statusCode, 201, response.body);
  }
  for (const sort of ['city', '-city']) {
    const seen: (string | null)[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/people?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call(t.app, { url, session: own.adminSession });
      assert.equal(page.statusCode, 200, page.body);
      seen.push(...page.json().data.map((p: { city: string | null }) => p.city));
      cursor = page.json().nextCursor;
    } while (cursor);
    const expected = [null, null, null, 'Annecy', 'Brest', 'Lyon', 'Lyon'];
    assert.deepEqual(seen, sort === 'city' ? expected : [...expected].reverse(), `every record once, in order (${sort})`);
  }
});
