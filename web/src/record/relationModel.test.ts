import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  asksForLossReason,
  consentOf,
  groupLinks,
  linkChoices,
  linkGroup,
  linkRequest,
  sortRoleHistory,
  todayIso,
  type Link,
} from './relationModel.ts';

function link(kind: string, direction: 'outgoing' | 'incoming', name: string, current = true): Link {
  return {
    id: `${kind}-${direction}-${name}`,
    kind,
    direction,
    other: { id: name, kind: 'person', displayName: name, customerNumber: 'C-1' },
    function: null,
    decisionRole: null,
    startedOn: null,
    endedOn: current ? null : '2025-01-01',
    current,
  };
}

test('links read from the record they are seen from', () => {
  assert.equal(linkGroup({ kind: 'employee_of', direction: 'outgoing' }), 'worksAt');
  assert.equal(linkGroup({ kind: 'employee_of', direction: 'incoming' }), 'contacts');
  assert.equal(linkGroup({ kind: 'subsidiary_of', direction: 'outgoing' }), 'parent');
  assert.equal(linkGroup({ kind: 'subsidiary_of', direction: 'incoming' }), 'subsidiaries');
  assert.equal(linkGroup({ kind: 'referred_by', direction: 'incoming' }), 'referred');
  assert.equal(linkGroup({ kind: 'partner_of', direction: 'incoming' }), 'partners');
  assert.equal(linkGroup({ kind: 'spouse', direction: 'incoming' }), 'spouse');
});

test('groupLinks orders groups, leaves empty ones out and puts current links first', () => {
  const groups = groupLinks([
    link('partner_of', 'outgoing', 'P'),
    link('employee_of', 'incoming', 'Old', false),
    link('employee_of', 'incoming', 'New'),
  ]);
  assert.deepEqual(
    groups.map((g) => [g.group, g.links.map((l) => l.other.displayName)]),
    [
      ['contacts', ['New', 'Old']],
      ['partners', ['P']],
    ],
  );
});

test('an organisation adds a contact by storing the link from the person', () => {
  const contact = linkChoices('organisation').find((c) => c.value === 'contacts')!;
  assert.deepEqual(
    linkRequest('org', { choice: contact, otherPartyId: 'ann', function: ' Acheteuse ', decisionRole: 'buyer', startedOn: '', endedOn: null }),
    {
      partyId: 'ann',
      body: { kind: 'employee_of', otherPartyId: 'org', function: 'Acheteuse', decisionRole: 'buyer', startedOn: null, endedOn: null },
    },
  );
  const spouse = linkChoices('person').find((c) => c.value === 'spouse')!;
  assert.deepEqual(linkRequest('ann', { choice: spouse, otherPartyId: 'bob', function: 'x', decisionRole: 'buyer', startedOn: '2020-05-01', endedOn: null }), {
    partyId: 'ann',
    body: { kind: 'spouse', otherPartyId: 'bob', startedOn: '2020-05-01', endedOn: null },
  });
});

test('people are offered person links, organisations organisation links', () => {
  assert.deepEqual(
    linkChoices('person').map((c) => c.value),
    ['worksAt', 'household', 'spouse', 'referredBy', 'partners'],
  );
  assert.deepEqual(
    linkChoices('organisation').map((c) => c.value),
    ['contacts', 'parent', 'subsidiaries', 'referredBy', 'partners'],
  );
});

test('becoming a former customer asks why, staying one does not', () => {
  assert.ok(asksForLossReason(['customer'], ['former_customer']));
  assert.ok(!asksForLossReason(['former_customer'], ['former_customer', 'supplier']));
  assert.ok(!asksForLossReason(['prospect'], ['customer']));
});

test('consentOf is unknown where nothing was recorded', () => {
  const granted = { channel: 'email' as const, purpose: 'marketing' as const, status: 'granted' as const, source: 'web_form', recordedAt: '2026-01-01T00:00:00Z' };
  assert.equal(consentOf([granted], 'email', 'marketing'), granted);
  assert.deepEqual(consentOf([granted], 'sms', 'service'), { channel: 'sms', purpose: 'service', status: 'unknown', source: null, recordedAt: null });
});

test('role history: current roles first, then by the day they ended', () => {
  const spell = (id: string, startedOn: string, endedOn: string | null) => ({ id, role: id, startedOn, endedOn, reason: null, competitor: null });
  const sorted = sortRoleHistory([spell('a', '2020-01-01', '2021-01-01'), spell('b', '2022-01-01', null), spell('c', '2019-01-01', '2023-06-01')]);
  assert.deepEqual(
    sorted.map((s) => s.id),
    ['b', 'c', 'a'],
  );
});

test('todayIso is the local calendar day', () => {
  assert.equal(todayIso(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
});
