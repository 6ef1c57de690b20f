/**
 * Consent, subject access export and erasure: what is recorded, what comes out, what erasure removes and what it
 * keeps.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeUser, makeWorkspace, sessionFor, type TestWorkspace } from '../helpers/factories.ts';

let t: TestApp;
let ws: TestWorkspace;

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db, 'Privacy Test');
});
after(() => t.close());

async function person(body: object = {}) {
  const response = await call(t.app, {
    method: 'POST',
    url: '/api/people',
    session: ws.adminSession,
    body: {
      firstName: 'Camille',
      lastName: 'Lefèvre',
      birthDate: '1990-05-17',
      emails: [{ email: 'camille.lefevre@example.fr' }],
      phones: [{ phone: '0612345678' }],
      addresses: [{ line1: '3 rue Nationale', postcode: '59000', city: 'Lille' }],
      notes: 'Préfère être appelée le matin',
      roles: ['customer'],
      ...body,
    },
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

test('consent is recorded per channel and purpose with its source; unanswered pairs stay unknown', async () => {
  const p = await person();
  const put = await call(t.app, {
    method: 'PUT',
    url: `/api/parties/${p.id}/consents`,
    session: ws.adminSession,
    body: { consents: [{ channel: 'email', purpose: 'marketing', status: 'granted', source: 'Formulaire web' }, { channel: 'sms', purpose: 'marketing', status: 'denied', source: 'Appel' }] },
  });
  assert.equal(put.statusCode, 200, put.body);
  const consents = put.json().data;
  assert.equal(consents.length, 8);
  const email = consents.find((c: { channel: string; purpose: string }) => c.channel === 'email' && c.purpose === 'marketing');
  assert.equal(email.status, 'granted');
  assert.equal(email.source, 'Formulaire web');
  assert.equal(consents.find((c: { channel: string; purpose: string }) => c.channel === 'post' && c.purpose === 'service').status, 'unknown');
  const history = (await call(t.app, { url: `/api/history/party/${p.id}`, session: ws.adminSession })).json().data;
  assert.ok(history.some((e: { changes: Record<string, unknown> }) => 'consent.email.marketing' in e.changes));
  const bad = await call(t.app, { method: 'PUT', url: `/api/parties/${p.id}/consents`, session: ws.adminSession, body: { consents: [{ channel: 'fax', purpose: 'marketing', status: 'granted', source: 'x' }] } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.issues[0].field, 'body.consents[0].channel');
});

test('the subject access export holds the record, its roles, links, consents and history', async () => {
  const p = await person({ lastName: 'Exportée' });
  const response = await call(t.app, { url: `/api/parties/${p.id}/export`, session: ws.adminSession });
  assert.equal(response.statusCode, 200, response.body);
  assert.match(String(response.headers['content-disposition']), new RegExp(p.customerNumber));
  const doc = response.json();
  assert.equal(doc.record.lastName, 'Exportée');
  assert.equal(doc.record.emails[0].email, 'camille.lefevre@example.fr');
  assert.equal(doc.roles[0].role, 'customer');
  assert.ok(doc.history.length >= 1);
  const sales = await sessionFor(ws, await makeUser(ws, 'sales'));
  assert.equal((await call(t.app, { url: `/api/parties/${p.id}/export`, session: sales })).statusCode, 403);
});

test('erasure anonymises personal data, scrubs the change log, keeps number and roles, and needs the number to confirm', async () => {
  const p = await person({ lastName: 'Effacée' });
  const wrong = await call(t.app, { method: 'POST', url: `/api/parties/${p.id}/erase`, session: ws.adminSession, body: { confirm: 'C-000000-00' } });
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().error.issues[0].field, 'body.confirm');
  const erased = await call(t.app, { method: 'POST', url: `/api/parties/${p.id}/erase`, session: ws.adminSession, body: { confirm: p.customerNumber } });
  assert.equal(erased.statusCode, 200, erased.body);
  const after = erased.json();
  assert.ok(after.erasedAt);
  assert.equal(after.customerNumber, p.customerNumber);
  assert.deepEqual(after.roles, ['customer']);
  assert.equal(after.lastName, null);
  assert.equal(after.birthDate, null);
  assert.deepEqual(after.emails, []);
  assert.deepEqual(after.phones, []);
  assert.equal(after.notes, null);
  assert.equal(after.doNotContact, true);
  const { rows } = await sql<{ text: string }>`select changes::text as text from events where entity_id = ${p.id}`.execute(t.database.db);
  for (const row of rows) {
    assert.ok(!row.text.includes('Effacée') && !row.text.includes('camille'), row.text);
  }
  const words = await sql<{ word: string }>`select word from search_words where workspace_id = ${ws.id}`.execute(t.database.db);
  assert.ok(!words.rows.some((w) => w.word === 'effacee'), 'the erased name left the search dictionary');
  assert.ok(words.rows.some((w) => w.word === 'camille'), 'words others still use stay');
  const search = (await call(t.app, { url: '/api/search?q=Effac%C3%A9e', session: ws.adminSession })).json();
  assert.ok(!JSON.stringify(search).includes(p.id));
  const again = await call(t.app, { method: 'PATCH', url: `/api/people/${p.id}`, session: ws.adminSession, body: { version: after.version, lastName: 'Retour' } });
  assert.equal(again.statusCode, 409);
});
