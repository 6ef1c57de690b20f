import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EDIT_SCOPES as SERVER_EDIT_SCOPES } from '../../../src/modules/parties/record-access.ts';
import { CONFIGURABLE_ROLES, EDIT_SCOPES, fixedScope, isEditScope, teamNameTaken } from './accessModel.ts';

test('the web app offers the edit scopes the server knows, in its order', () => {
  assert.deepEqual(EDIT_SCOPES, SERVER_EDIT_SCOPES);
  assert.equal(isEditScope('own'), true);
  assert.equal(isEditScope('mine'), false);
});

test('admins always change everything and read-only users nothing; the other roles are chosen', () => {
  assert.equal(fixedScope('admin'), 'all');
  assert.equal(fixedScope('read_only'), 'none');
  assert.equal(fixedScope('sales'), null);
  assert.deepEqual(CONFIGURABLE_ROLES, ['manager', 'sales', 'marketing', 'support']);
});

test('a team name is taken whatever its case, except by the team being renamed', () => {
  const teams = [{ id: 't1', name: 'Ventes Ouest', memberCount: 2 }];
  assert.equal(teamNameTaken(teams, ' ventes ouest '), true);
  assert.equal(teamNameTaken(teams, 'Ventes Ouest', 't1'), false);
  assert.equal(teamNameTaken(teams, 'Ventes Est'), false);
});
