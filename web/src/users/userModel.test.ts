import { test } from 'node:test';
import assert from 'node:assert/strict';
import { absoluteUrl, initials, nextStatus, parseUserFilters, sortDirection, toggleSort } from './userModel.ts';

test('parseUserFilters keeps what the API accepts and drops the rest', () => {
  assert.deepEqual(parseUserFilters({ q: 'ann', role: 'admin', status: 'invited', sort: '-email' }), {
    q: 'ann',
    role: 'admin',
    status: 'invited',
    sort: '-email',
  });
  assert.deepEqual(parseUserFilters({ q: '  ', role: 'king', status: 42, sort: 'password' }), {});
});

test('clicking a column sorts by it ascending, clicking again flips it', () => {
  assert.equal(toggleSort('name', 'email'), 'email');
  assert.equal(toggleSort('email', 'email'), '-email');
  assert.equal(toggleSort('-email', 'email'), 'email');
  assert.equal(sortDirection('-createdAt', 'createdAt'), 'descending');
  assert.equal(sortDirection('name', 'name'), 'ascending');
  assert.equal(sortDirection('name', 'email'), null);
});

test('disabled users are enabled, everyone else disabled', () => {
  assert.equal(nextStatus({ status: 'disabled' }), 'active');
  assert.equal(nextStatus({ status: 'active' }), 'disabled');
  assert.equal(nextStatus({ status: 'invited' }), 'disabled');
});

test('initials come from the first and last words of the name, else the email', () => {
  assert.equal(initials({ name: 'Ada Lovelace', email: 'a@x.test' }), 'AL');
  assert.equal(initials({ name: 'Jean-Paul de la Tour', email: 'j@x.test' }), 'JT');
  assert.equal(initials({ name: 'Cher', email: 'c@x.test' }), 'C');
  assert.equal(initials({ name: '  ', email: 'zoe@x.test' }), 'Z');
});

test('an invitation path becomes a full address on this origin; a full URL is kept', () => {
  assert.equal(absoluteUrl('/accept-invite?token=abc', 'https://crm.example'), 'https://crm.example/accept-invite?token=abc');
  assert.equal(absoluteUrl('https://other.example/accept-invite?token=abc', 'https://crm.example'), 'https://other.example/accept-invite?token=abc');
});
