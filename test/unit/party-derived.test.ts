/** Values derived from a record: age, next birthday (29 February included), roles implied by a change. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ageOn, nextBirthdayOn } from '../../src/modules/parties/party-presenter.ts';
import { resolveRoles } from '../../src/modules/parties/party-roles.ts';

const day = (text: string) => new Date(`${text}T00:00:00Z`);

test('age counts whole years, turning on the birthday itself', () => {
  assert.equal(ageOn('1986-04-12', day('2026-04-11')), 39);
  assert.equal(ageOn('1986-04-12', day('2026-04-12')), 40);
  assert.equal(ageOn('2000-12-31', day('2026-01-01')), 25);
});

test('the next birthday is today when it is today, next year once passed, 28 February for leap-day births', () => {
  assert.equal(nextBirthdayOn('1986-04-12', day('2026-04-12')), '2026-04-12');
  assert.equal(nextBirthdayOn('1986-04-12', day('2026-04-13')), '2027-04-12');
  assert.equal(nextBirthdayOn('2000-02-29', day('2026-01-10')), '2026-02-28');
  assert.equal(nextBirthdayOn('2000-02-29', day('2027-03-01')), '2028-02-29');
});

test('taking a role ends the roles it replaces, and only those', () => {
  assert.deepEqual(resolveRoles(['prospect'], ['prospect', 'customer']), ['customer']);
  assert.deepEqual(resolveRoles(['customer', 'supplier'], ['customer', 'supplier', 'former_customer']), ['former_customer', 'supplier']);
  assert.deepEqual(resolveRoles(['former_customer'], ['former_customer', 'customer']), ['customer']);
  assert.deepEqual(resolveRoles(['lead'], ['lead', 'partner']), ['lead', 'partner']);
  assert.deepEqual(resolveRoles([], ['prospect', 'lead']), ['lead', 'prospect']);
});
