/**
 * The Voice of the Customer figures over HTTP, on a small set whose NPS, CSAT, averages and negative shares are
 * worked out by hand below: in total, per month, per touch point and per topic; the worst-first ranking with
 * its answer threshold.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeWorkspace, type TestWorkspace } from '../helpers/factories.ts';
import { expectError, issueFor } from './expect-error.ts';
import { createParty } from '../../src/modules/parties/party-service.ts';
import { createFeedback } from '../../src/modules/feedback/feedback-service.ts';

let t: TestApp;
let ws: TestWorkspace;

type Answer = [touchpoint: string, channel: string, day: string, nps: number | null, csat: number | null, effort: number | null, topics: string[]];

/** Sentiments follow from the scores: 2, 3, 4 and 9 are negative (and 10 positive through its words). */
const ANSWERS: Answer[] = [
  ['delivery', 'email', '2026-09-10', 10, 5, 2, ['délai']],
  ['delivery', 'email', '2026-09-15', 3, 2, 6, ['délai', 'emballage']],
  ['delivery', 'sms', '2026-10-02', 6, 3, 5, ['emballage']],
  ['delivery', 'sms', '2026-10-05', 2, 1, 7, ['délai']],
  ['delivery', 'email', '2026-10-20', 8, 4, null, []],
  ['case', 'phone', '2026-09-20', 9, 5, 1, ['accueil']],
  ['case', 'phone', '2026-10-11', 10, 4, 2, ['accueil']],
  ['case', 'email', '2026-10-12', 7, null, 3, []],
  ['store', 'phone', '2026-10-15', null, 2, null, ['accueil']],
  ['store', 'store', '2026-10-16', null, null, null, ['accueil']],
  // Outside the period asked for below.
  ['delivery', 'email', '2026-08-15', 0, 1, 7, ['délai']],
];

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db, 'VOC Test');
  const partyId = (await createParty(ws.ctx, 'person', { lastName: 'Garnier' })).row.id;
  for (const [touchpoint, channel, day, nps, csat, effort, topics] of ANSWERS) {
    const verbatim = nps === null && csat === null ? 'Très bon accueil' : null;
    await createFeedback(ws.ctx, { partyId, touchpoint, channel, receivedAt: `${day}T10:00:00Z`, nps, csat, effort, topics, verbatim });
  }
});
after(() => t.close());

const get = async (url: string) => {
  const response = await call(t.app, { url, session: ws.adminSession });
  assert.equal(response.statusCode, 200, response.body);
  return response.json();
};
const PERIOD = 'from=2026-09-01&to=2026-10-31';

test('totals: NPS over the answers with an NPS, CSAT as the share of 4–5, averages, negative share', async () => {
  const summary = await get(`/api/voc/summary?${PERIOD}&groupBy=touchpoint`);
  assert.equal(summary.from, '2026-09-01');
  assert.equal(summary.to, '2026-10-31');
  assert.deepEqual(summary.total, {
    answers: 10,
    npsAnswers: 8,
    promoters: 3,
    passives: 2,
    detractors: 3,
    nps: 0, // (3 − 3) / 8
    csatAnswers: 8,
    csat: 50, // 4 of 8 are 4 or 5
    csatAverage: 3.25, // 26 / 8
    effortAnswers: 7,
    effortAverage: 3.71, // 26 / 7
    negativeShare: 40, // 4 of 10
  });
});

test('per touch point, largest first', async () => {
  const { groups } = await get(`/api/voc/summary?${PERIOD}&groupBy=touchpoint`);
  const pick = (g: Record<string, unknown>) => [g.key, g.answers, g.nps, g.csat, g.csatAverage, g.effortAverage, g.negativeShare];
  assert.deepEqual(groups.map(pick), [
    ['delivery', 5, -40, 40, 3, 5, 60], // NPS (1 − 3) / 5; CSAT 2 of 5; effort 20 / 4; 3 negative of 5
    ['case', 3, 66.7, 100, 4.5, 2, 0], // NPS (2 − 0) / 3
    ['store', 2, null, 0, 2, null, 50], // no NPS answer at all
  ]);
});

test('per month, every month of the period present; per topic, each tagged answer counted', async () => {
  const months = await get(`/api/voc/summary?${PERIOD}&groupBy=month`);
  assert.deepEqual(
    months.groups.map((g: Record<string, unknown>) => [g.key, g.answers, g.nps, g.csat]),
    [
      ['2026-09', 3, 33.3, 66.7], // NPS 10, 3, 9; CSAT 5, 2, 5
      ['2026-10', 7, -20, 40], // NPS 6, 2, 8, 10, 7; CSAT 3, 1, 4, 4, 2
    ],
  );
  const topics = await get(`/api/voc/summary?${PERIOD}&groupBy=topic`);
  assert.deepEqual(
    topics.groups.map((g: Record<string, unknown>) => [g.key, g.answers, g.nps]),
    [
      ['accueil', 4, 100],
      ['délai', 3, -33.3],
      ['emballage', 2, -100],
    ],
  );
  const year = await get('/api/voc/summary?groupBy=month');
  assert.equal(year.groups.length, 12, 'the last twelve months by default');
  assert.equal(year.total.answers, ANSWERS.length);
  assert.equal(year.groups.at(-1).key, year.to.slice(0, 7));
  assert.equal(year.groups.find((g: { key: string }) => g.key === '2026-07')?.answers, 0);
});

test('worst first: lowest NPS first among groups with enough NPS answers', async () => {
  const keys = async (query: string) => (await get(`/api/voc/worst?${PERIOD}&${query}`)).data.map((g: { key: string; nps: number }) => [g.key, g.nps]);
  assert.deepEqual(await keys('dimension=touchpoint&minAnswers=3'), [['delivery', -40], ['case', 66.7]]);
  assert.deepEqual(await keys('dimension=touchpoint'), [['delivery', -40]], 'five NPS answers at least by default');
  assert.deepEqual(await keys('dimension=channel&minAnswers=2'), [['sms', -100], ['email', 0], ['phone', 100]]);
  assert.deepEqual(await keys('dimension=topic&minAnswers=2'), [['emballage', -100], ['délai', -33.3], ['accueil', 100]]);
  const reversed = await call(t.app, { url: '/api/voc/worst?from=2026-10-01&to=2026-09-01', session: ws.adminSession });
  issueFor(expectError(reversed, 400, 'validation_failed'), 'query.from');
});
