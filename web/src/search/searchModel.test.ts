import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flattenGroups, groupByKind, isAppPath, moveHighlight, searchableQuery, type SearchResult } from './searchModel.ts';

const result = (kind: string, id: string): SearchResult => ({ kind, id, title: id, subtitle: null, url: `/${kind}/${id}` });

test('results are grouped by kind in the order the server ranked them', () => {
  const groups = groupByKind([result('user', 'a'), result('company', 'b'), result('user', 'c')]);
  assert.deepEqual(
    groups.map((g) => [g.kind, g.results.map((r) => r.id)]),
    [
      ['user', ['a', 'c']],
      ['company', ['b']],
    ],
  );
  assert.deepEqual(flattenGroups(groups).map((r) => r.id), ['a', 'c', 'b']);
});

test('the arrow keys wrap around the list', () => {
  assert.equal(moveHighlight(-1, 1, 3), 0);
  assert.equal(moveHighlight(-1, -1, 3), 2);
  assert.equal(moveHighlight(2, 1, 3), 0);
  assert.equal(moveHighlight(0, -1, 3), 2);
  assert.equal(moveHighlight(0, 1, 0), -1);
});

test('queries shorter than two characters are not sent', () => {
  assert.equal(searchableQuery(' a '), null);
  assert.equal(searchableQuery(' ad '), 'ad');
});

test('only paths of this app are followed', () => {
  assert.equal(isAppPath('/users/1'), true);
  assert.equal(isAppPath('https://evil.example'), false);
  assert.equal(isAppPath('//evil.example'), false);
});
