/**
 * Custom fields: typed values checked against their definition, filters on them, sensitive values hidden from
 * roles that may not read them and kept out of the change log, archived fields leaving the API.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeUser, makeWorkspace, sessionFor, type TestWorkspace } from '../helpers/factories.ts';

let t: TestApp;
let ws: TestWorkspace;
let salesSession: { cookie: string; csrfToken: string };

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db, 'Custom Fields Test');
  salesSession = await sessionFor(ws, await makeUser(ws, 'sales'));
  const fields = [
    { entity: 'person', label: 'Taille', type: 'choice', options: ['S', 'M', 'L'], purpose: 'Proposer la bonne taille' },
    { entity: 'person', label: 'Budget annuel', type: 'money', purpose: 'Adapter les offres' },
    { entity: 'person', label: 'Centres d’intérêt', key: 'hobbies', type: 'multi_choice', options: ['vélo', 'jardin', 'lecture'], purpose: 'Ciblage' },
    { entity: 'person', label: 'Allergies', type: 'text', purpose: 'Sécurité lors des dégustations', sensitive: true },
    { entity: 'person', label: 'Client depuis', type: 'date', purpose: 'Ancienneté' },
    { entity: 'person', label: 'Abonné', type: 'boolean', purpose: 'Suivi abonnement' },
  ];
  for (const field of fields) {
    const response = await call(t.app, { method: 'POST', url: '/api/custom-fields', body: field, session: ws.adminSession });
    assert.equal(response.statusCode, 201, response.body);
  }
});
after(() => t.close());

const createPerson = (body: object, session = ws.adminSession) => call(t.app, { method: 'POST', url: '/api/people', body, session });

test('keys come from labels, and a field must state its purpose', async () => {
  const list = (await call(t.app, { url: '/api/custom-fields?entity=person', session: ws.adminSession })).json().data;
  assert.deepEqual(list.map((f: { key: string }) => f.key), ['taille', 'budget_annuel', 'hobbies', 'allergies', 'client_depuis', 'abonne']);
  const noPurpose = await call(t.app, { method: 'POST', url: '/api/custom-fields', body: { entity: 'person', label: 'X', type: 'text', purpose: ' ' }, session: ws.adminSession });
  assert.equal(noPurpose.statusCode, 400);
  assert.equal(noPurpose.json().error.issues[0].field, 'body.purpose');
  const asSales = await call(t.app, { method: 'POST', url: '/api/custom-fields', body: { entity: 'person', label: 'Y', type: 'text', purpose: 'p' }, session: salesSession });
  assert.equal(asSales.statusCode, 403);
});

test('values are checked by type, each error naming the field', async () => {
  const response = await createPerson({
    lastName: 'Typée',
    custom: { taille: 'XXL', budget_annuel: 'beaucoup', hobbies: ['ski'], client_depuis: '2024-13-01', abonne: 'oui', inconnu: 1 },
  });
  assert.equal(response.statusCode, 400);
  const fields = response.json().error.issues.map((i: { field: string }) => i.field).sort();
  assert.deepEqual(fields, [
    'body.custom.abonne',
    'body.custom.budget_annuel',
    'body.custom.client_depuis',
    'body.custom.hobbies',
    'body.custom.inconnu',
    'body.custom.taille',
  ]);
});

test('lists filter on custom values by equality, range and multiple choice', async () => {
  const people = [
    { lastName: 'Cf Un', custom: { taille: 'M', budget_annuel: 1200.456, hobbies: ['vélo', 'jardin'], abonne: true, client_depuis: '2019-03-01' } },
    { lastName: 'Cf Deux', custom: { taille: 'L', budget_annuel: 300, hobbies: ['lecture'], abonne: false, client_depuis: '2024-11-30' } },
    { lastName: 'Cf Trois', custom: { taille: 'M', budget_annuel: 50, abonne: true } },
  ];
  for (const person of people) assert.equal((await createPerson(person)).statusCode, 201);
  const names = async (query: string) =>
    (await call(t.app, { url: `/api/people?q=cf&${query}`, session: ws.adminSession })).json().data.map((p: { lastName: string }) => p.lastName).sort();
  assert.deepEqual(await names('custom=taille%3DM'), ['Cf Trois', 'Cf Un']);
  assert.deepEqual(await names('custom=budget_annuel%3E%3D300'), ['Cf Deux', 'Cf Un']);
  assert.deepEqual(await names('custom=hobbies%3Dv%C3%A9lo'), ['Cf Un']);
  assert.deepEqual(await names('custom=abonne%3Dtrue&custom=budget_annuel%3C%3D100'), ['Cf Trois']);
  assert.deepEqual(await names('custom=client_depuis%3E%3D2020-01-01'), ['Cf Deux']);
  assert.deepEqual(await names('custom=client_depuis%3C%3D2020-01-01'), ['Cf Un']);
  const stored = (await call(t.app, { url: '/api/people?q=cf%20un', session: ws.adminSession })).json().data[0];
  assert.equal(stored.custom.budget_annuel, 1200.46);
  const bad = await call(t.app, { url: '/api/people?custom=taille%3E%3D3', session: ws.adminSession });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.issues[0].field, 'query.custom[0]');
});

test('sensitive values are hidden from sales, shown to admins, and never written to the change log', async () => {
  const created = (await createPerson({ lastName: 'Sensible', custom: { allergies: 'arachides' } })).json();
  assert.equal(created.custom.allergies, 'arachides');
  const asSales = (await call(t.app, { url: `/api/people/${created.id}`, session: salesSession })).json();
  assert.equal(asSales.custom.allergies, undefined);
  assert.deepEqual(asSales.hiddenFields, ['allergies']);
  const history = await call(t.app, { url: `/api/history/party/${created.id}`, session: ws.adminSession });
  assert.equal(history.statusCode, 200);
  assert.ok(!history.body.includes('arachides'), history.body);
  const creation = history.json().data.at(-1).changes;
  assert.deepEqual(creation['custom.allergies'], { before: null, after: '(sensitive)' });
});

test('a choice still in use cannot be removed; an archived field leaves the API but keeps its values', async () => {
  const list = (await call(t.app, { url: '/api/custom-fields?entity=person', session: ws.adminSession })).json().data;
  const taille = list.find((f: { key: string }) => f.key === 'taille');
  const removeUsed = await call(t.app, { method: 'PATCH', url: `/api/custom-fields/${taille.id}`, body: { options: ['S', 'L'] }, session: ws.adminSession });
  assert.equal(removeUsed.statusCode, 409);
  const archive = await call(t.app, { method: 'PATCH', url: `/api/custom-fields/${taille.id}`, body: { archived: true }, session: ws.adminSession });
  assert.equal(archive.statusCode, 200);
  const person = (await call(t.app, { url: '/api/people?q=cf%20un', session: ws.adminSession })).json().data[0];
  assert.equal(person.custom.taille, undefined);
  await call(t.app, { method: 'PATCH', url: `/api/custom-fields/${taille.id}`, body: { archived: false }, session: ws.adminSession });
  const restored = (await call(t.app, { url: '/api/people?q=cf%20un', session: ws.adminSession })).json().data[0];
  assert.equal(restored.custom.taille, 'M');
});
