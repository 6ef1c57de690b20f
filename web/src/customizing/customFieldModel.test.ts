import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyFromLabel } from '../../../src/modules/custom-fields/custom-field-values.ts';
import {
  createBody,
  draftOf,
  draftProblems,
  emptyDraft,
  moveField,
  updateBody,
  withLabel,
  type CustomField,
} from './customFieldModel.ts';

const field = (id: string, position: number, archived = false): CustomField => ({
  id,
  entity: 'person',
  key: id,
  label: id.toUpperCase(),
  type: 'text',
  options: [],
  purpose: 'why',
  sensitive: false,
  position,
  archivedAt: archived ? '2026-01-01T00:00:00.000Z' : null,
  createdAt: '2026-01-01T00:00:00.000Z',
});

test('a key is derived from the label: no accents, lower case, underscores, a letter first, 40 characters', () => {
  assert.equal(keyFromLabel('Taille de vêtement'), 'taille_de_vetement');
  assert.equal(keyFromLabel('2e adresse'), 'f_2e_adresse');
  assert.equal(keyFromLabel('  Centres d’intérêt  '), 'centres_d_interet');
  assert.equal(keyFromLabel('Œuvre préférée'), 'oeuvre_preferee');
  assert.equal(keyFromLabel('N° TVA / pays'), 'n_tva_pays');
  assert.equal(keyFromLabel('A'.repeat(60)), 'a'.repeat(40));
});

test('the key follows the label until the admin edits it', () => {
  let draft = withLabel(emptyDraft(), 'Taille');
  assert.equal(draft.key, 'taille');
  assert.equal(withLabel(draft, 'Taille de vêtement').key, keyFromLabel('Taille de vêtement'));
  assert.equal(withLabel(draft, '   ').key, '', 'a blank label suggests no key');
  draft = withLabel({ ...draft, key: 'size', keyEdited: true }, 'Taille de vêtement');
  assert.equal(draft.key, 'size');
});

test('a draft needs a label, a well-formed key, a purpose, and two choices for a choice field', () => {
  assert.deepEqual(draftProblems(emptyDraft()), { label: 'required', key: 'required', purpose: 'required' });
  const draft = { ...withLabel(emptyDraft(), 'Taille'), type: 'choice' as const, options: ['S', ' S ', ''], purpose: 'Offres' };
  assert.deepEqual(draftProblems(draft), { options: 'twoOptions' });
  assert.deepEqual(draftProblems({ ...draft, options: ['S', 'M'], key: 'Taille' }), { key: 'keyShape' });
  assert.deepEqual(draftProblems({ ...draft, options: ['S', 'M'] }), {});
});

test('the create body carries trimmed text, clean choices, and no choices for other types', () => {
  const draft = { ...withLabel(emptyDraft(), ' Taille '), type: 'choice' as const, options: [' S', 'M', 'M', ''], purpose: ' Offres ' };
  assert.deepEqual(createBody('person', draft), {
    entity: 'person',
    label: 'Taille',
    key: 'taille',
    type: 'choice',
    options: ['S', 'M'],
    purpose: 'Offres',
    sensitive: false,
  });
  assert.deepEqual(createBody('organisation', { ...draft, type: 'text' }).options, []);
});

test('the update body lists only what changed', () => {
  const size = { ...field('size', 1), type: 'choice' as const, options: ['S', 'M'] };
  assert.equal(updateBody(size, draftOf(size)), null);
  assert.deepEqual(updateBody(size, { ...draftOf(size), label: ' New ', options: ['S', 'M', 'L'], sensitive: true }), {
    label: 'New',
    options: ['S', 'M', 'L'],
    sensitive: true,
  });
  assert.deepEqual(updateBody(size, { ...draftOf(size), options: ['M', 'S'] }), { options: ['M', 'S'] }, 'reordering choices is a change');
});

test('moving a field renumbers only the fields whose position changes', () => {
  const fields = [field('a', 1), field('b', 2), field('c', 3)];
  assert.deepEqual(moveField(fields, 'c', -1), [
    { id: 'c', position: 2 },
    { id: 'b', position: 3 },
  ]);
  assert.deepEqual(moveField(fields, 'a', -1), [], 'the first field cannot go up');
  assert.deepEqual(moveField(fields, 'c', 1), [], 'the last field cannot go down');
  // Positions with gaps and ties (fields created concurrently) are made 1, 2, 3.
  assert.deepEqual(moveField([field('a', 5), field('b', 5), field('c', 9)], 'a', 1), [
    { id: 'b', position: 1 },
    { id: 'a', position: 2 },
    { id: 'c', position: 3 },
  ]);
});

test('a field moves past its visible neighbour, hidden archived fields keep their place', () => {
  const fields = [field('a', 1), field('x', 2, true), field('b', 3)];
  const visible = (f: CustomField) => f.archivedAt === null;
  assert.deepEqual(moveField(fields, 'b', -1, visible), [
    { id: 'b', position: 1 },
    { id: 'a', position: 2 },
    { id: 'x', position: 3 },
  ]);
});
