import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeDrills, drillTo, parseVocSearch, periodRange, verbatimQuery } from './vocModel.ts';

test('periods are whole months back from the current one, today included', () => {
  assert.deepEqual(periodRange({}, '2026-11-23'), { from: '2025-12-01', to: '2026-11-23' });
  assert.deepEqual(periodRange({ period: '3m' }, '2026-02-10'), { from: '2025-12-01', to: '2026-02-10' });
  assert.deepEqual(periodRange({ period: 'ytd' }, '2026-11-23'), { from: '2026-01-01', to: '2026-11-23' });
  assert.deepEqual(periodRange({ period: 'custom', from: '2026-10-31', to: '2026-09-01' }, '2026-11-23'), { from: '2026-09-01', to: '2026-10-31' });
});

test('the URL keeps only valid values', () => {
  assert.deepEqual(parseVocSearch({ period: '7y', touchpoint: 'delivery', channel: 'pigeon', month: '2026-13', topic: ' délai ', detractors: 'true' }), {
    touchpoint: 'delivery',
    topic: 'délai',
    detractors: true,
  });
});

test('a click drills down to one group, replacing the previous drill-down but keeping the period', () => {
  const search = drillTo({ period: '6m', touchpoint: 'delivery' }, 'topic', 'emballage');
  assert.deepEqual(search, { period: '6m', from: undefined, to: undefined, topic: 'emballage' });
  assert.deepEqual(activeDrills(search), [['topic', 'emballage']]);
  assert.deepEqual(activeDrills(drillTo(search, 'detractors', true)), [['detractors', 'true']]);
});

test('the verbatims of a month stay within the period', () => {
  const range = { from: '2026-09-15', to: '2026-11-23' };
  assert.deepEqual(verbatimQuery({ month: '2026-09' }, range), {
    from: '2026-09-15',
    to: '2026-09-30',
    touchpoint: undefined,
    channel: undefined,
    topic: undefined,
    npsMax: undefined,
  });
  assert.equal(verbatimQuery({ month: '2026-02' }, { from: '2026-01-01', to: '2026-12-31' }).to, '2026-02-28');
  assert.equal(verbatimQuery({ detractors: true }, range).npsMax, 6);
});
