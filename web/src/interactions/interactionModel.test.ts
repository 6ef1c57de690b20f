import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../app/api.ts';
import { uploadProblem } from './attachmentModel.ts';
import { formFieldOf, formFromInteraction, formIssues, formatBytes, fromLocalInput, interactionBody, newInteractionForm, toLocalInput } from './interactionModel.ts';
import type { Interaction } from './interactionTypes.ts';

test('a new interaction is a call with the record’s customer, now, and is sent contacts first', () => {
  const now = new Date(2026, 10, 24, 9, 5);
  const form = newInteractionForm({ id: 'p1', label: 'Élodie Marchand' }, now);
  assert.equal(form.occurredAt, '2026-11-24T09:05');
  assert.equal(fromLocalInput(form.occurredAt), now.toISOString());
  const body = interactionBody({ ...form, subject: 'Rappel', users: [{ id: 'u1', name: 'Camille' }], durationMinutes: 5, outcome: ' ' });
  assert.deepEqual(body.participants, [{ partyId: 'p1' }, { userId: 'u1' }]);
  assert.equal(body.durationMinutes, 5);
  assert.equal(body.body, null);
  assert.equal(body.outcome, null);
  assert.equal(fromLocalInput('not a date'), '');
});

test('an interaction read back fills the form, times in the local zone', () => {
  const interaction: Interaction = {
    id: 'i1',
    channel: 'email',
    direction: 'inbound',
    occurredAt: new Date(2026, 0, 2, 8, 30).toISOString(),
    durationMinutes: null,
    subject: 'Devis',
    body: null,
    outcome: 'Envoyé',
    participants: [
      { type: 'user', userId: 'u1', name: 'Camille' },
      { type: 'contact', partyId: 'p1', displayName: 'Atelier Lumière', kind: 'organisation', customerNumber: 'C-000001-00' },
    ],
    orderId: null,
    caseId: null,
    attachmentCount: 0,
    createdBy: null,
    version: 3,
    createdAt: '2026-01-02T08:30:00Z',
    updatedAt: '2026-01-02T08:30:00Z',
  };
  const form = formFromInteraction(interaction);
  assert.equal(form.occurredAt, toLocalInput(new Date(2026, 0, 2, 8, 30)));
  assert.deepEqual(form.contacts, [{ id: 'p1', label: 'Atelier Lumière' }]);
  assert.deepEqual(form.users, [{ id: 'u1', name: 'Camille' }]);
  assert.equal(form.durationMinutes, '');
  assert.equal(form.body, '');
});

test('the API’s refusals land on the form’s fields', () => {
  assert.equal(formFieldOf('body.participants[1].partyId'), 'contacts');
  assert.equal(formFieldOf('body.participants[0].userId'), 'users');
  assert.equal(formFieldOf('body.participants'), 'contacts');
  assert.equal(formFieldOf('body.subject'), 'subject');
  assert.equal(formFieldOf('body.orderId'), 'form');
  const error = new ApiError(422, 'unprocessable', 'x', [{ field: 'body.participants[1].partyId', rule: 'must be a person or organisation of this workspace' }]);
  assert.deepEqual(formIssues(error), { contacts: 'must be a person or organisation of this workspace' });
  assert.deepEqual(formIssues(new Error('boom')), {});
});

test('a refused upload says why: the limit of a 413, the type of a 415', () => {
  const tooLarge = uploadProblem(new ApiError(413, 'payload_too_large', 'The file is larger than the limit of 20 MiB (20971520 bytes)'));
  assert.deepEqual(tooLarge, { kind: 'tooLarge', limitBytes: 20971520, message: 'The file is larger than the limit of 20 MiB (20971520 bytes)' });
  assert.equal(uploadProblem(new ApiError(413, 'bad_request', 'HTTP 413')).kind, 'tooLarge');
  assert.deepEqual(uploadProblem(new ApiError(415, 'unsupported_media_type', 'Files of type application/zip (.zip) are not accepted')), {
    kind: 'refusedType',
    message: 'Files of type application/zip (.zip) are not accepted',
  });
  assert.equal(uploadProblem(new Error('offline')).kind, 'other');
});

test('sizes read in decimal units', () => {
  // Intl separates number and unit with a (narrow) no-break space in some languages.
  assert.match(formatBytes(512, 'en'), /^512\sbyte$/);
  assert.match(formatBytes(1536, 'en'), /^1\.5\skB$/);
  assert.match(formatBytes(20_971_520, 'fr'), /^21\sMo$/);
});
