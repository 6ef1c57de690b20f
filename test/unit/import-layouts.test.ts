/**
 * Recognising contact exports from their column titles, their ready mappings, and the mapping suggested from
 * titles for any other file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyseSource } from '../../src/modules/imports/readers/source.ts';
import { detectLayout, presetMapping } from '../../src/modules/imports/readers/layouts.ts';
import { VCARD_COLUMNS } from '../../src/modules/imports/readers/vcard-reader.ts';
import { foldHeader, suggestMapping } from '../../src/modules/imports/mapping/suggest.ts';
import type { TargetField } from '../../src/modules/imports/import-types.ts';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'imports');

/** The mapping as title → field key, for the mapped columns only. */
function mapped(headers: readonly string[], mapping: ReadonlyArray<string | null> | null): Record<string, string> {
  assert.ok(mapping, 'expected a mapping');
  assert.equal(mapping.length, headers.length);
  return Object.fromEntries(headers.map((header, i) => [header, mapping[i]]).filter((pair): pair is [string, string] => pair[1] !== null));
}

test('folding titles: case, accents, ligatures and punctuation do not count', () => {
  assert.equal(foldHeader('E-mail Address'), 'e mail address');
  assert.equal(foldHeader('  Téléphone (bureau) '), 'telephone bureau');
  assert.equal(foldHeader("Nom complet de l'adresse"), 'nom complet de l adresse');
  assert.equal(foldHeader('Sœur_Cœur'), 'soeur coeur');
});

test('Outlook in French: layout recognised, both "Titre" columns mapped to civility and job title', async () => {
  const analysis = await analyseSource(path.join(FIXTURES, 'outlook-fr.csv'), 'contacts.csv');
  assert.equal(analysis.layout, 'outlook');
  const mapping = mapped(analysis.headers, presetMapping('outlook', analysis.headers, 'people'));
  assert.deepEqual(mapping, {
    Titre: 'civility',
    Prénom: 'firstName',
    Nom: 'lastName',
    Société: 'organisation',
    'Titre (2)': 'jobTitle',
    'Rue (bureau)': 'workAddress.line1',
    'Rue (bureau) 2': 'workAddress.line2',
    'Ville (bureau)': 'workAddress.city',
    'Code postal (bureau)': 'workAddress.postcode',
    'Pays/Région (bureau)': 'workAddress.country',
    'Rue (domicile)': 'address.line1',
    'Rue (domicile) 2': 'address.line2',
    'Ville (domicile)': 'address.city',
    'Code postal (domicile)': 'address.postcode',
    'Pays/Région (domicile)': 'address.country',
    'Téléphone (bureau)': 'phone.work',
    'Téléphone (domicile)': 'phone.home',
    'Téléphone mobile': 'phone.mobile',
    'Adresse de messagerie': 'email',
    Anniversaire: 'birthDate',
    Catégories: 'tags',
    Notes: 'notes',
    Sexe: 'gender',
  });
  assert.equal(presetMapping('outlook', analysis.headers, 'organisations'), null);
});

test('Outlook in English and Google Contacts: layouts and their key columns', async () => {
  const outlook = await analyseSource(path.join(FIXTURES, 'outlook-en.csv'), 'outlook.csv');
  const outlookMapping = mapped(outlook.headers, presetMapping(outlook.layout, outlook.headers, 'people'));
  assert.equal(outlook.layout, 'outlook');
  assert.deepEqual(
    ['First Name', 'Last Name', 'E-mail Address', 'E-mail 2 Address', 'Mobile Phone', 'Business Phone', 'Home Street', 'Business Street', 'Job Title', 'Company'].map((h) => outlookMapping[h]),
    ['firstName', 'lastName', 'email', 'email.work', 'phone.mobile', 'phone.work', 'address.line1', 'workAddress.line1', 'jobTitle', 'organisation'],
  );
  assert.equal(outlookMapping['E-mail Display Name'], undefined);

  const google = await analyseSource(path.join(FIXTURES, 'google-contacts.csv'), 'google.csv');
  assert.equal(google.layout, 'google');
  const googleMapping = mapped(google.headers, presetMapping('google', google.headers, 'people'));
  assert.deepEqual(
    ['First Name', 'Last Name', 'E-mail 1 - Value', 'E-mail 2 - Value', 'Phone 1 - Value', 'Phone 2 - Value', 'Address 1 - Street', 'Address 1 - Postal Code', 'Organization Name', 'Organization Title', 'Birthday', 'Labels', 'Notes'].map((h) => googleMapping[h]),
    ['firstName', 'lastName', 'email', 'email.work', 'phone.mobile', 'phone.work', 'address.line1', 'address.postcode', 'organisation', 'jobTitle', 'birthDate', 'tags', 'notes'],
  );
  assert.equal(googleMapping['Phone 1 - Label'], undefined);

  const oldGoogle = ['Name', 'Given Name', 'Additional Name', 'Family Name', 'E-mail 1 - Type', 'E-mail 1 - Value', 'Phone 1 - Type', 'Phone 1 - Value', 'Address 1 - Street'];
  assert.equal(detectLayout(oldGoogle), 'google');
  assert.deepEqual(mapped(oldGoogle, presetMapping('google', oldGoogle, 'people')), {
    'Given Name': 'firstName',
    'Family Name': 'lastName',
    'E-mail 1 - Value': 'email',
    'Phone 1 - Value': 'phone.mobile',
    'Address 1 - Street': 'address.line1',
  });
});

test('vCard columns have a preset; a generic file has none', () => {
  const mapping = mapped(VCARD_COLUMNS, presetMapping('vcard', VCARD_COLUMNS, 'people'));
  assert.deepEqual([mapping['N family'], mapping['N given'], mapping['TEL 1'], mapping['EMAIL 2'], mapping['ADR work city'], mapping['UID']], ['lastName', 'firstName', 'phone.mobile', 'email.work', 'workAddress.city', 'externalId']);
  assert.equal(mapping['TEL 1 type'], undefined);
  assert.equal(detectLayout(['Nom', 'Prénom', 'Email']), 'generic');
  assert.equal(presetMapping('generic', ['Nom'], 'people'), null);
});

const FIELDS: TargetField[] = [
  { key: 'lastName', type: 'text', synonyms: ['nom', 'nom de famille', 'last name', 'surname', 'family name'] },
  { key: 'firstName', type: 'text', synonyms: ['prenom', 'first name', 'given name'] },
  { key: 'email', type: 'email', synonyms: ['email', 'e mail', 'courriel', 'adresse email', 'adresse e mail', 'mail'] },
  { key: 'email.work', type: 'email', synonyms: ['email professionnel', 'email pro', 'work email'] },
  { key: 'phone.mobile', type: 'phone', synonyms: ['portable', 'mobile', 'tel portable', 'telephone mobile', 'gsm'] },
  { key: 'address.postcode', type: 'text', synonyms: ['code postal', 'cp', 'postcode', 'zip'] },
  { key: 'address.city', type: 'text', synonyms: ['ville', 'city', 'commune'] },
  { key: 'tags', type: 'list', synonyms: ['tags', 'etiquettes', 'tag'] },
  { key: 'birthDate', type: 'date', synonyms: ['date de naissance', 'naissance', 'birth date', 'birthday'] },
];

test('suggested mapping: exact synonyms, near misses, qualifiers, one column per field except lists', () => {
  const headers = ['NOM', 'Prénom', 'Adresse e-mail', 'E-mail pro', 'Tél. portable', 'Code Postal', 'Villes', 'Tag 1', 'Tag 2', 'Nom société', 'Date de naissance client', 'Nom de famille', 'Divers'];
  assert.deepEqual(suggestMapping(headers, FIELDS), [
    'lastName',
    'firstName',
    'email',
    'email.work',
    'phone.mobile',
    'address.postcode',
    'address.city',
    'tags',
    'tags',
    null,
    'birthDate',
    null,
    null,
  ]);
  // The better title wins a contested field wherever it stands.
  assert.deepEqual(suggestMapping(['E-mails', 'Email'], FIELDS), [null, 'email']);
  assert.deepEqual(suggestMapping([], FIELDS), []);
});
