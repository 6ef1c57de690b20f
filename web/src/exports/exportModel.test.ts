import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportUrl } from './exportModel.ts';

const ME = '6f1d0c3b-8a0e-4a55-9d43-2f1c7a529e21';
const VIEW = '2f1c7a52-8a0e-4a55-9d43-6f1d0c3b9e21';

function query(url: string): [string, string][] {
  return [...new URL(url, 'http://rapport.test').searchParams];
}

test('the list as shown: its filters for this kind, "me" resolved, its sort and its columns', () => {
  const url = exportUrl(
    'person',
    'csv-excel',
    { q: 'mart', role: 'customer', ownerId: 'me', headcountBand: '12', custom: ['budget>=500', 'taille=M'], sort: '-createdAt' },
    { meId: ME, columns: ['displayName', 'email', 'custom.budget'], viewUnchanged: false },
  );
  assert.ok(url.startsWith('/api/exports/people?'));
  assert.deepEqual(query(url), [
    ['format', 'csv-excel'],
    ['q', 'mart'],
    ['role', 'customer'],
    ['ownerId', ME],
    ['custom', 'budget>=500'],
    ['custom', 'taille=M'],
    ['sort', '-createdAt'],
    ['columns', 'displayName,email,custom.budget'],
  ]);
});

test('the default sort is sent, so the file is in the order of the list', () => {
  const url = exportUrl('organisation', 'xlsx', { headcountBand: '12' }, { meId: ME, columns: [], viewUnchanged: false });
  assert.deepEqual(query(url), [['format', 'xlsx'], ['headcountBand', '12'], ['sort', 'name']]);
});

test('a saved view shown unchanged is exported as the view; a changed one as what the list shows', () => {
  const search = { view: VIEW, tag: 'vip', sort: 'name' as const };
  assert.deepEqual(query(exportUrl('person', 'vcard', search, { meId: ME, columns: ['displayName'], viewUnchanged: true })), [
    ['format', 'vcard'],
    ['view', VIEW],
  ]);
  const changed = query(exportUrl('person', 'csv', search, { meId: ME, columns: ['displayName'], viewUnchanged: false }));
  assert.ok(!changed.some(([key]) => key === 'view'));
  assert.deepEqual(changed, [['format', 'csv'], ['tag', 'vip'], ['sort', 'name'], ['columns', 'displayName']]);
});
