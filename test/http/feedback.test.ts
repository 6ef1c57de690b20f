/**
 * Recording feedback over HTTP: scores checked at their field, at least a score or a verbatim, the subject
 * checked against the customer, topics normalised, the sentiment derived when left out, the timeline entry; and
 * the list's filters, which the dashboard uses to drill down to the verbatims.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeUser, makeWorkspace, sessionFor, type TestWorkspace } from '../helpers/factories.ts';
import { expectError, issueFor } from './expect-error.ts';
import { createParty } from '../../src/modules/parties/party-service.ts';
import { createCase } from '../../src/modules/cases/case-service.ts';
import { scoped } from '../../src/platform/db/scoped.ts';

let t: TestApp;
let ws: TestWorkspace;
let customerId: string;
let otherId: string;

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db, 'Feedback Test');
  customerId = (await createParty(ws.ctx, 'person', { firstName: 'Inès', lastName: 'Moreau' })).row.id;
  otherId = (await createParty(ws.ctx, 'person', { firstName: 'Hugo', lastName: 'Lambert' })).row.id;
});
after(() => t.close());

const post = (body: unknown, session = ws.adminSession) => call(t.app, { method: 'POST', url: '/api/feedback', body, session });
const list = async (query: string) => {
  const response = await call(t.app, { url: `/api/feedback?${query}`, session: ws.adminSession });
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as { data: { id: string; verbatim: string | null; nps: number | null }[]; nextCursor: string | null };
};

const base = () => ({ partyId: customerId, touchpoint: 'delivery', channel: 'email' });

test('scores out of range and answers without any score or verbatim are refused, naming the field', async () => {
  issueFor(expectError(await post({ ...base(), nps: 11 }), 400, 'validation_failed'), 'body.nps');
  issueFor(expectError(await post({ ...base(), csat: 0 }), 400, 'validation_failed'), 'body.csat');
  issueFor(expectError(await post({ ...base(), effort: 8 }), 400, 'validation_failed'), 'body.effort');
  issueFor(expectError(await post({ ...base(), verbatim: '   ' }), 400, 'validation_failed'), 'body');
  issueFor(expectError(await post({ ...base(), nps: null }), 400, 'validation_failed'), 'body');
  issueFor(expectError(await post({ ...base(), nps: 5, subjectType: 'case' }), 400, 'validation_failed'), 'body.subjectId');
  issueFor(expectError(await post({ ...base(), nps: 5, touchpoint: 'moon' }), 400, 'validation_failed'), 'body.touchpoint');
  issueFor(expectError(await post({ ...base(), partyId: randomUUID(), nps: 5 }), 422, 'unprocessable'), 'body.partyId');
  const reader = await sessionFor(ws, await makeUser(ws, 'read_only'));
  expectError(await post({ ...base(), nps: 5 }, reader), 403, 'forbidden');
  assert.equal((await list(`partyId=${customerId}`)).data.length, 0, 'nothing was written');
});

test('the subject must be the customer’s own record', async () => {
  const theirCase = await createCase(ws.ctx, { partyId: otherId, type: 'complaint', channel: 'phone', subject: 'Autre client' });
  const ownCase = await createCase(ws.ctx, { partyId: customerId, type: 'repair', channel: 'phone', subject: 'Réparation' });
  const foreign = await post({ ...base(), touchpoint: 'case', nps: 8, subjectType: 'case', subjectId: theirCase.id });
  assert.match(issueFor(expectError(foreign, 422, 'unprocessable'), 'body.subjectId').rule, /of this customer/);
  const unknown = await post({ ...base(), touchpoint: 'case', nps: 8, subjectType: 'order', subjectId: randomUUID() });
  assert.match(issueFor(expectError(unknown, 422, 'unprocessable'), 'body.subjectId').rule, /of this workspace/);
  const own = await post({ ...base(), touchpoint: 'case', nps: 8, subjectType: 'case', subjectId: ownCase.id });
  assert.equal(own.statusCode, 201, own.body);
  assert.deepEqual(own.json().subject, { type: 'case', id: ownCase.id });
});

test('an answer is stored with normalised topics and a derived sentiment, and lands on the timeline', async () => {
  const response = await post({
    ...base(),
    nps: 3,
    csat: 2,
    effort: 6,
    verbatim: 'Livraison en retard de trois jours, carton abîmé. Le livreur n’était pas aimable.',
    topics: ['Délai', ' délai ', 'EMBALLAGE', ''],
    receivedAt: '2026-10-05T09:30:00.000Z',
  });
  assert.equal(response.statusCode, 201, response.body);
  const created = response.json();
  assert.deepEqual(created.topics, ['délai', 'emballage']);
  assert.equal(created.sentiment, 'negative');
  assert.equal(created.receivedAt, '2026-10-05T09:30:00.000Z');
  assert.equal(created.party.displayName, 'Inès Moreau');

  const given = await post({ ...base(), nps: 3, sentiment: 'mixed' });
  assert.equal(given.json().sentiment, 'mixed', 'a sentiment given is kept');

  const entry = await scoped(t.database.db, ws.id)
    .selectFrom('timeline_entries')
    .selectAll()
    .where('subject_type', '=', 'feedback')
    .where('subject_id', '=', created.id)
    .executeTakeFirstOrThrow();
  assert.equal(entry.kind, 'feedback');
  assert.equal(entry.party_id, customerId);
  assert.equal(new Date(entry.occurred_at).toISOString(), '2026-10-05T09:30:00.000Z');
  assert.deepEqual(entry.data, {
    action: 'received',
    nps: 3,
    csat: 2,
    effort: 6,
    sentiment: 'negative',
    touchpoint: 'delivery',
    excerpt: 'Livraison en retard de trois jours, carton abîmé. Le livreur n’était pas aimable.',
  });
});

test('the list drills down by touch point, channel, topic, sentiment, scores, customer and period', async () => {
  const drill = await makeWorkspace(t.database.db, 'Drill Test');
  const person = (await createParty(drill.ctx, 'person', { lastName: 'Roux' })).row.id;
  const other = (await createParty(drill.ctx, 'person', { lastName: 'Blanc' })).row.id;
  const answers = [
    { partyId: person, touchpoint: 'delivery', channel: 'email', nps: 2, verbatim: 'Colis perdu', topics: ['délai'], receivedAt: '2026-09-10T10:00:00Z' },
    { partyId: person, touchpoint: 'delivery', channel: 'sms', nps: 9, csat: 5, verbatim: 'Parfait', receivedAt: '2026-09-20T10:00:00Z' },
    { partyId: other, touchpoint: 'store', channel: 'store', csat: 1, verbatim: 'Vendeur désagréable', topics: ['accueil'], receivedAt: '2026-10-01T10:00:00Z' },
    // 00:30 on 1 September in Paris: September there, though still 31 August in UTC.
    { partyId: other, touchpoint: 'case', channel: 'phone', nps: 6, verbatim: 'Minuit passé', receivedAt: '2026-08-31T22:30:00Z' },
  ];
  for (const answer of answers) {
    const response = await call(t.app, { method: 'POST', url: '/api/feedback', body: answer, session: drill.adminSession });
    assert.equal(response.statusCode, 201, response.body);
  }
  const verbatims = async (query: string) => {
    const response = await call(t.app, { url: `/api/feedback?${query}`, session: drill.adminSession });
    assert.equal(response.statusCode, 200, response.body);
    return (response.json().data as { verbatim: string }[]).map((f) => f.verbatim);
  };
  assert.deepEqual(await verbatims(''), ['Vendeur désagréable', 'Parfait', 'Colis perdu', 'Minuit passé']);
  assert.deepEqual(await verbatims('touchpoint=delivery'), ['Parfait', 'Colis perdu']);
  assert.deepEqual(await verbatims('channel=sms'), ['Parfait']);
  assert.deepEqual(await verbatims('topic=D%C3%A9lai'), ['Colis perdu']);
  assert.deepEqual(await verbatims('sentiment=negative'), ['Vendeur désagréable', 'Colis perdu', 'Minuit passé']);
  assert.deepEqual(await verbatims('npsMax=6'), ['Colis perdu', 'Minuit passé']);
  assert.deepEqual(await verbatims('npsMin=9'), ['Parfait']);
  assert.deepEqual(await verbatims('csatMax=2'), ['Vendeur désagréable']);
  assert.deepEqual(await verbatims(`partyId=${other}`), ['Vendeur désagréable', 'Minuit passé']);
  assert.deepEqual(await verbatims('from=2026-09-01&to=2026-09-30'), ['Parfait', 'Colis perdu', 'Minuit passé']);
  assert.deepEqual(await verbatims('to=2026-08-31'), []);
  assert.deepEqual(await verbatims('sort=receivedAt&limit=2'), ['Minuit passé', 'Colis perdu']);
  const bad = await call(t.app, { url: '/api/feedback?npsMax=12', session: drill.adminSession });
  issueFor(expectError(bad, 400, 'validation_failed'), 'query.npsMax');
});
