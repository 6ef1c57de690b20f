import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../app/api.ts';
import { EMPTY_PARTY_FORM, formFieldOf, formIssues, organisationBody, personBody } from './partyFormModel.ts';

test('a person is sent with what was filled, blanks left out', () => {
  assert.deepEqual(personBody({ ...EMPTY_PARTY_FORM, lastName: ' Marchand ' }), { lastName: 'Marchand' });
  assert.deepEqual(
    personBody({
      ...EMPTY_PARTY_FORM,
      civility: 'ms',
      firstName: 'Élodie',
      lastName: 'Marchand',
      email: ' elodie@example.fr ',
      phone: '06 12 34 56 78',
      line1: '12 rue des Tilleuls',
      postcode: '69003',
      city: 'Lyon',
      roles: ['prospect'],
      tags: ['salon', ' salon ', ''],
    }),
    {
      civility: 'ms',
      firstName: 'Élodie',
      lastName: 'Marchand',
      emails: [{ email: 'elodie@example.fr' }],
      phones: [{ phone: '06 12 34 56 78' }],
      addresses: [{ type: 'home', line1: '12 rue des Tilleuls', city: 'Lyon', postcode: '69003' }],
      roles: ['prospect'],
      tags: ['salon'],
    },
  );
});

test('a partial address is still sent, so that the server names the missing field', () => {
  assert.deepEqual(personBody({ ...EMPTY_PARTY_FORM, lastName: 'X', city: 'Nantes' }).addresses, [{ type: 'home', line1: '', city: 'Nantes' }]);
});

test('an organisation is sent with its identifiers and a head-office address', () => {
  assert.deepEqual(
    organisationBody({
      ...EMPTY_PARTY_FORM,
      legalName: 'Menuiserie Durand SARL',
      tradeName: 'Durand Bois',
      siret: '732 829 320 00074',
      nafCode: '16.23Z',
      headcountBand: '11',
      website: '',
      line1: '4 avenue de la Gare',
      postcode: '44000',
      city: 'Nantes',
      roles: ['lead'],
    }),
    {
      legalName: 'Menuiserie Durand SARL',
      tradeName: 'Durand Bois',
      siret: '732 829 320 00074',
      nafCode: '16.23Z',
      headcountBand: '11',
      addresses: [{ type: 'head_office', line1: '4 avenue de la Gare', city: 'Nantes', postcode: '44000' }],
      roles: ['lead'],
    },
  );
});

test('API issues land on the form field they are about', () => {
  assert.equal(formFieldOf('body.emails[0].email'), 'email');
  assert.equal(formFieldOf('body.phones[0].phone'), 'phone');
  assert.equal(formFieldOf('body.addresses[0].postcode'), 'postcode');
  assert.equal(formFieldOf('body.addresses'), 'line1');
  assert.equal(formFieldOf('body.emails'), 'email');
  assert.equal(formFieldOf('body.lastName'), 'lastName');
  assert.equal(formFieldOf('body.tags[2]'), 'tags');
  const error = new ApiError(400, 'validation_failed', 'invalid', [
    { field: 'body.phones[0].phone', rule: 'must be a phone number' },
    { field: 'body.siret', rule: 'must have a valid check digit' },
    { field: 'body.siret', rule: 'second rule' },
  ]);
  assert.deepEqual(formIssues(error), { phone: 'must be a phone number', siret: 'must have a valid check digit' });
  assert.deepEqual(formIssues(new Error('boom')), {});
});
