import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Party } from '../parties/partyTypes.ts';
import {
  changedFields,
  conflictRows,
  defaultChoices,
  fieldValue,
  keepMine,
  makePrimary,
  mergeChanges,
  numberOrNull,
  parseYears,
  removeAt,
  sameValue,
  textOrNull,
  updateAt,
} from './recordModel.ts';
import { ruleKey } from './fieldIssues.ts';

function party(overrides: Partial<Party> = {}): Party {
  return {
    id: '4f3c0d7e-0000-4000-8000-000000000001',
    kind: 'person',
    customerNumber: 'C-000001-18',
    displayName: 'Élodie Marchand',
    version: 3,
    civility: 'ms',
    firstName: 'Élodie',
    lastName: 'Marchand',
    birthDate: '1986-04-12',
    age: 40,
    nextBirthday: '2027-04-12',
    gender: null,
    pcsGroup: null,
    familySituation: null,
    childrenCount: null,
    childrenAges: [],
    childrenBirthYears: [],
    language: 'fr',
    legalName: null,
    tradeName: null,
    siren: null,
    siret: null,
    nafCode: null,
    nafSection: null,
    headcountBand: null,
    annualRevenue: null,
    website: null,
    roles: ['prospect'],
    tags: ['salon'],
    preferredChannels: [],
    paymentMethods: [],
    interests: [],
    email: 'elodie@example.fr',
    phone: null,
    postcode: '69003',
    city: 'Lyon',
    departement: '69',
    region: '84',
    country: 'FR',
    custom: { size: 'M' },
    hiddenFields: [],
    doNotContact: false,
    owner: { id: 'u1', name: 'Claire' },
    team: null,
    erasedAt: null,
    activeAlerts: [],
    metrics: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-02T10:00:00.000Z',
    notes: null,
    emails: [{ email: 'elodie@example.fr', type: 'personal', valid: true }],
    phones: [],
    addresses: [
      {
        type: 'home',
        line1: '12 rue des Tilleuls',
        line2: null,
        postcode: '69003',
        city: 'Lyon',
        country: 'FR',
        departement: { code: '69', name: 'Rhône' },
        region: { code: '84', name: 'Auvergne-Rhône-Alpes' },
        valid: true,
      },
    ],
    mergedIntoId: null,
    canEdit: true,
    ...overrides,
  };
}

test('fieldValue reads a record in the shape a PATCH sends', () => {
  const p = party();
  assert.equal(fieldValue(p, 'firstName'), 'Élodie');
  assert.equal(fieldValue(p, 'ownerId'), 'u1');
  assert.equal(fieldValue(p, 'teamId'), null);
  assert.equal(fieldValue(p, 'custom.size'), 'M');
  assert.equal(fieldValue(p, 'custom.unknown'), null);
  assert.deepEqual(fieldValue(p, 'addresses'), [
    { type: 'home', line1: '12 rue des Tilleuls', line2: null, postcode: '69003', city: 'Lyon', country: 'FR', valid: true },
  ]);
});

test('changedFields lists custom fields one by one and leaves companions of roles out', () => {
  assert.deepEqual(changedFields({ firstName: 'Élo', custom: { size: 'L', vip: true }, roles: ['former_customer'], roleReason: 'prix' }), [
    'firstName',
    'custom.size',
    'custom.vip',
    'roles',
  ]);
});

test('sameValue ignores key order and treats empty text as null', () => {
  assert.ok(sameValue({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }));
  assert.ok(sameValue('', null));
  assert.ok(sameValue(undefined, null));
  assert.ok(!sameValue([1, 2], [2, 1]));
});

test('conflictRows puts my value, the value I read and the value stored now side by side', () => {
  const base = party();
  const current = party({ version: 4, firstName: 'Elodie', lastName: 'Marchand-Roux', custom: { size: 'S' } });
  const rows = conflictRows({ firstName: 'Élodie-Anne', lastName: 'Marchand-Roux', custom: { size: 'L' } }, base, current);
  assert.deepEqual(rows, [
    { field: 'firstName', mine: 'Élodie-Anne', base: 'Élodie', theirs: 'Elodie', theyChanged: true, same: false },
    { field: 'lastName', mine: 'Marchand-Roux', base: 'Marchand', theirs: 'Marchand-Roux', theyChanged: true, same: true },
    { field: 'custom.size', mine: 'L', base: 'M', theirs: 'S', theyChanged: true, same: false },
  ]);
});

test('a field the other person did not touch is marked as not changed by them', () => {
  const rows = conflictRows({ notes: 'Rappeler lundi' }, party(), party({ version: 4, tags: ['vip'] }));
  assert.deepEqual(rows, [{ field: 'notes', mine: 'Rappeler lundi', base: null, theirs: null, theyChanged: false, same: false }]);
});

test('mergeChanges keeps the fields where I chose mine, drops theirs and identical ones', () => {
  const changes = { firstName: 'Élodie-Anne', lastName: 'Marchand-Roux', tags: ['a'], custom: { size: 'L', vip: true } };
  const current = party({ version: 4, firstName: 'Elodie', lastName: 'Marchand-Roux', custom: { size: 'S' } });
  const rows = conflictRows(changes, party(), current);
  const merged = mergeChanges(changes, rows, { ...defaultChoices(rows), tags: 'theirs', 'custom.vip': 'theirs' });
  assert.deepEqual(merged, { firstName: 'Élodie-Anne', custom: { size: 'L' } });
});

test('mergeChanges sends the reason for a role change only with the roles', () => {
  const changes = { roles: ['former_customer' as const], roleReason: 'Trop cher', lostToCompetitor: 'Durand', notes: 'x' };
  const rows = conflictRows(changes, party(), party({ version: 4, roles: ['customer'] }));
  assert.deepEqual(mergeChanges(changes, rows, defaultChoices(rows)), changes);
  assert.deepEqual(mergeChanges(changes, rows, { roles: 'theirs', notes: 'mine' }), { notes: 'x' });
});

test('choosing theirs everywhere leaves nothing to save', () => {
  const changes = { firstName: 'A' };
  const rows = conflictRows(changes, party(), party({ version: 4, firstName: 'B' }));
  assert.equal(mergeChanges(changes, rows, { firstName: 'theirs' }), null);
  assert.deepEqual(defaultChoices(rows), { firstName: 'mine' });
  assert.equal(keepMine(changes), changes);
});

test('contact list helpers: the first entry is primary', () => {
  assert.deepEqual(makePrimary(['a', 'b', 'c'], 2), ['c', 'a', 'b']);
  assert.deepEqual(makePrimary(['a', 'b'], 0), ['a', 'b']);
  assert.deepEqual(makePrimary(['a'], 5), ['a']);
  assert.deepEqual(removeAt(['a', 'b', 'c'], 1), ['a', 'c']);
  assert.deepEqual(updateAt([{ v: 1 }, { v: 2 }], 1, { v: 3 }), [{ v: 1 }, { v: 3 }]);
});

test('typed values: years, numbers and text', () => {
  assert.deepEqual(parseYears(['2012', ' 2015 ', 'abc', '1850', '2014.5']), [2012, 2015]);
  assert.equal(numberOrNull(''), null);
  assert.equal(numberOrNull('1 234,5'), 1234.5);
  assert.equal(numberOrNull(12), 12);
  assert.equal(numberOrNull('douze'), null);
  assert.equal(textOrNull('  '), null);
  assert.equal(textOrNull(' Lyon '), 'Lyon');
});

test('API rules map to translated messages where the rule is known', () => {
  assert.equal(ruleKey('body.emails[0].email', 'must contain exactly one @'), 'record.rules.email.one-at');
  assert.equal(ruleKey('body.phones[1].phone', 'is too short to be a phone number'), 'record.rules.phone.too-short');
  assert.equal(ruleKey('body.addresses[0].postcode', 'is required for an address in France'), 'record.rules.fields.postcode');
  assert.equal(ruleKey('body.siret', 'anything'), 'record.rules.fields.siret');
  assert.equal(ruleKey('body.custom.size', 'must be one of S, M'), null);
});
