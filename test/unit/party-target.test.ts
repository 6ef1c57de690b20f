/**
 * Preparing people and organisations rows for an import: French dates, decimal commas and labels read as the
 * app stores them, full names split, every problem named by its column title and value, the match value
 * normalised; and, whatever the cells hold, preparing a row never throws.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CustomFieldFull } from '../../src/modules/custom-fields/custom-field-service.ts';
import type { BatchOptions, MappedRow, MatchKey } from '../../src/modules/imports/import-types.ts';
import { ORGANISATION_FIELDS, PERSON_FIELDS, customTargetField } from '../../src/modules/imports/targets/party-fields.ts';
import { preparePartyRow } from '../../src/modules/imports/targets/party-prepare.ts';
import { storedValues } from '../../src/modules/imports/targets/party-stored-values.ts';
import { splitFullName } from '../../src/modules/imports/targets/party-values.ts';
import { mergeRecords } from '../../src/modules/imports/targets/party-write.ts';

const CUSTOM = new Map<string, CustomFieldFull>([
  ['budget', { id: 'f1', key: 'budget', label: 'Budget annuel', type: 'money', options: [], sensitive: false }],
  ['taille', { id: 'f2', key: 'taille', label: 'Taille de vêtement', type: 'choice', options: ['S', 'M', 'L'], sensitive: false }],
  ['premier_achat', { id: 'f3', key: 'premier_achat', label: 'Premier achat', type: 'date', options: [], sensitive: false }],
]);

function options(matchKey: MatchKey | null = null, conversion: Partial<BatchOptions['conversion']> = {}): BatchOptions {
  return { importId: '00000000-0000-4000-8000-000000000000', matchKey, conversion: { dateOrder: 'dmy', decimalSeparator: ',', ...conversion } };
}

/** A mapped row from [column title, field key, cell] triples. */
function row(cells: [string, string, string][], rowNumber = 2): MappedRow {
  const values = new Map<string, string[]>();
  const columns = new Map<string, string>();
  for (const [title, key, cell] of cells) {
    values.set(key, [...(values.get(key) ?? []), cell]);
    if (!columns.has(key)) columns.set(key, title);
  }
  return { rowNumber, values, columns };
}

const person = (cells: [string, string, string][], opts = options()) => preparePartyRow('person', row(cells), opts, CUSTOM);
const organisation = (cells: [string, string, string][], opts = options()) => preparePartyRow('organisation', row(cells), opts, CUSTOM);

test('a French row is read as the app stores it: dates, labels, phones, lists, decimal commas', () => {
  const prepared = person([
    ['Civilité', 'civility', 'Mme'],
    ['Prénom', 'firstName', 'Élodie'],
    ['Nom', 'lastName', 'Marchand'],
    ['Date de naissance', 'birthDate', '12/04/1986'],
    ['Courriel', 'email', 'Elodie.Marchand@Example.FR'],
    ['Email pro', 'email.work', 'e.marchand@societe.fr'],
    ['Portable', 'phone.mobile', '06 12 34 56 78'],
    ['Adresse', 'address.line1', '12 rue des Tilleuls'],
    ['CP', 'address.postcode', '69003'],
    ['Ville', 'address.city', 'Lyon'],
    ['Étiquettes', 'tags', 'VIP; salon-2026'],
    ['Statut', 'roles', 'Client'],
    ['CSP', 'pcsGroup', 'Cadres'],
    ['Situation familiale', 'familySituation', 'Mariée'],
    ['Enfants', 'childrenCount', '2'],
    ['Ne pas contacter', 'doNotContact', 'oui'],
    ['Budget annuel', 'custom.budget', '1 234,56'],
    ['Taille de vêtement', 'custom.taille', 'm'],
    ['Premier achat', 'custom.premier_achat', '03/02/2021'],
  ]);
  assert.deepEqual(prepared.issues, []);
  const { columns, emails, phones, addresses, custom } = prepared.record.input;
  assert.equal(columns.civility, 'ms');
  assert.equal(columns.birth_date, '1986-04-12');
  assert.equal(columns.pcs_group, '3');
  assert.equal(columns.family_situation, 'married');
  assert.equal(columns.children_count, 2);
  assert.equal(columns.do_not_contact, true);
  assert.deepEqual(columns.tags, ['VIP', 'salon-2026']);
  assert.deepEqual(prepared.record.body.roles, ['customer']);
  assert.deepEqual(emails?.map((e) => [e.email, e.type]), [['elodie.marchand@example.fr', 'personal'], ['e.marchand@societe.fr', 'work']]);
  assert.deepEqual(phones?.map((p) => [p.phone, p.type]), [['+33612345678', 'mobile']]);
  assert.equal(addresses?.[0]?.departement, '69');
  assert.equal(addresses?.[0]?.type, 'home');
  assert.deepEqual(custom, { budget: 1234.56, taille: 'M', premier_achat: '2021-02-03' });
  const values = storedValues(prepared.record);
  assert.equal(values['phone.mobile'], '+33612345678');
  assert.equal(values['email.work'], 'e.marchand@societe.fr');
  assert.equal(values.birthDate, '1986-04-12');
  assert.equal(values['custom.budget'], 1234.56);
  assert.equal(values['address.postcode'], '69003');
});

test('English exports read with the month first and a decimal point; civilities and genders by their English labels', () => {
  const prepared = person(
    [
      ['Title', 'civility', 'Mrs.'],
      ['Last Name', 'lastName', 'Smith'],
      ['Gender', 'gender', 'Female'],
      ['Birthday', 'birthDate', '04/12/1986'],
      ['Budget', 'custom.budget', '1,234.50'],
      ['Country', 'address.country', 'United Kingdom'],
      ['Street', 'address.line1', '10 Downing Street'],
      ['City', 'address.city', 'London'],
    ],
    options(null, { dateOrder: 'mdy', decimalSeparator: '.' }),
  );
  assert.deepEqual(prepared.issues, []);
  assert.equal(prepared.record.input.columns.civility, 'ms');
  assert.equal(prepared.record.input.columns.gender, 'female');
  assert.equal(prepared.record.input.columns.birth_date, '1986-04-12');
  assert.equal(prepared.record.input.custom?.budget, 1234.5);
  assert.equal(prepared.record.input.addresses?.[0]?.country, 'GB');
});

test('a full name is split: capitals are the family name, else the last word is', () => {
  assert.deepEqual(splitFullName('DUPONT Jean'), { lastName: 'Dupont', firstName: 'Jean' });
  assert.deepEqual(splitFullName('Jean DUPONT'), { lastName: 'Dupont', firstName: 'Jean' });
  assert.deepEqual(splitFullName('Jean-Pierre DE LA TOUR'), { lastName: 'De La Tour', firstName: 'Jean-Pierre' });
  assert.deepEqual(splitFullName('LE-GALL Anne Marie'), { lastName: 'Le-Gall', firstName: 'Anne Marie' });
  assert.deepEqual(splitFullName('Marie Claire Durand'), { lastName: 'Durand', firstName: 'Marie Claire' });
  assert.deepEqual(splitFullName('Durand, Marie'), { lastName: 'Durand', firstName: 'Marie' });
  assert.deepEqual(splitFullName('Cher'), { lastName: 'Cher', firstName: null });
  const prepared = person([['Nom complet', 'fullName', 'MARTIN Sophie']]);
  assert.deepEqual(prepared.issues, []);
  assert.equal(prepared.record.input.columns.last_name, 'Martin');
  assert.equal(prepared.record.input.columns.first_name, 'Sophie');
  const withFirst = person([['Nom complet', 'fullName', 'Paul Bernard'], ['Prénom', 'firstName', 'Paulo']]);
  assert.equal(withFirst.record.input.columns.first_name, 'Paulo', 'a first-name column wins over the split');
  assert.equal(withFirst.record.input.columns.last_name, 'Bernard');
});

test('every problem names its column title, the value and the rule', () => {
  const prepared = person([
    ['Nom', 'lastName', 'Durand'],
    ['Portable', 'phone.mobile', '06 12'],
    ['Courriel', 'email', 'pas-une-adresse'],
    ['Date de naissance', 'birthDate', '31/02/1990'],
    ['Civilité', 'civility', 'Sa Majesté'],
    ['Adresse', 'address.line1', '1 rue Haute'],
    ['CP', 'address.postcode', '99999'],
    ['Ville', 'address.city', 'Nulle-part'],
    ['Taille de vêtement', 'custom.taille', 'XXL'],
  ]);
  const byColumn = new Map(prepared.issues.map((i) => [i.column, i]));
  assert.deepEqual([...byColumn.keys()].sort(), ['CP', 'Civilité', 'Courriel', 'Date de naissance', 'Portable', 'Taille de vêtement'].sort());
  assert.equal(byColumn.get('Portable')!.value, '06 12');
  assert.equal(byColumn.get('CP')!.value, '99999');
  assert.equal(byColumn.get('Courriel')!.value, 'pas-une-adresse');
  assert.match(byColumn.get('Civilité')!.reason, /civility/);
  assert.match(byColumn.get('Taille de vêtement')!.reason, /S, M, L/);
  for (const issue of prepared.issues) assert.equal(issue.rowNumber, 2);
});

test('a row without its required name is invalid, saying so', () => {
  const noName = person([['Prénom', 'firstName', 'Jean'], ['Nom', 'lastName', '   ']]);
  assert.deepEqual(noName.issues.map((i) => [i.column, i.reason]), [['Nom', 'the last name is required']]);
  const noLegal = organisation([['Nom commercial', 'tradeName', 'Durand Bois']]);
  assert.match(noLegal.issues[0]!.reason, /legal name is required/);
  const halfAddress = person([['Nom', 'lastName', 'Roux'], ['Ville', 'address.city', 'Nantes']]);
  assert.equal(halfAddress.issues[0]!.column, 'Ville');
  assert.match(halfAddress.issues[0]!.reason, /street line/);
});

test('organisations: SIRET checked at its column, head count from a number, revenue with a decimal comma', () => {
  const good = organisation(
    [
      ['Raison sociale', 'legalName', 'Menuiserie Durand SARL'],
      ['N° SIRET', 'siret', '732 829 320 00074'],
      ['Effectif', 'headcountBand', '15'],
      ['CA', 'annualRevenue', '1 234 567,89'],
      ['Téléphone', 'phone', '02 40 12 34 56'],
    ],
    options('siret'),
  );
  assert.deepEqual(good.issues, []);
  assert.equal(good.record.input.columns.siret, '73282932000074');
  assert.equal(good.record.input.columns.siren, '732829320');
  assert.equal(good.record.input.columns.headcount_band, '11');
  assert.equal(good.record.input.columns.annual_revenue, '1234567.89');
  assert.equal(good.matchValue, '73282932000074');
  const bad = organisation([['Raison sociale', 'legalName', 'X'], ['N° SIRET', 'siret', '73282932000075']]);
  assert.equal(bad.issues[0]!.column, 'N° SIRET');
  assert.equal(bad.issues[0]!.value, '73282932000075');
});

test('the match value is normalised: email lower case, phone E.164, customer number canonical, external id trimmed', () => {
  const base: [string, string, string][] = [['Nom', 'lastName', 'Petit']];
  assert.equal(person([...base, ['Email', 'email', ' Anne.Petit@Mail.FR ']], options('email')).matchValue, 'anne.petit@mail.fr');
  assert.equal(person([...base, ['Mobile', 'phone.mobile', '06.12.34.56.78']], options('phone')).matchValue, '+33612345678');
  assert.equal(person([...base, ['N° client', 'customerNumber', 'c00012318']], options('customerNumber')).matchValue, 'C-000123-18');
  assert.equal(person([...base, ['Id', 'externalId', '  ERP-42 ']], options('externalId')).matchValue, 'ERP-42');
  assert.equal(person(base, options('email')).matchValue, null);
  const wrongNumber = person([...base, ['N° client', 'customerNumber', 'C-000123-19']], options('customerNumber'));
  assert.equal(wrongNumber.issues[0]!.column, 'N° client');
});

test('Google cells holding several emails give several emails, each once', () => {
  const prepared = person([
    ['Name', 'fullName', 'Ana Lopez'],
    ['E-mail 1 - Value', 'email', 'ana@x.fr ::: ana.lopez@y.com'],
    ['E-mail 2 - Value', 'email.work', 'ANA@x.fr'],
  ]);
  assert.deepEqual(prepared.record.input.emails?.map((e) => e.email), ['ana@x.fr', 'ana.lopez@y.com']);
});

test('two rows of one record: the later values win and the lists join', () => {
  const a = person([['Nom', 'lastName', 'Moreau'], ['Email', 'email', 'a@x.fr'], ['Tags', 'tags', 'vip']]).record;
  const b = person([['Nom', 'lastName', 'Moreau-Petit'], ['Email', 'email', 'b@x.fr'], ['Tags', 'tags', 'salon']]).record;
  const merged = mergeRecords(a, b);
  assert.equal(merged.input.columns.last_name, 'Moreau-Petit');
  assert.deepEqual(merged.input.emails?.map((e) => e.email), ['a@x.fr', 'b@x.fr']);
  assert.deepEqual(merged.input.columns.tags, ['vip', 'salon']);
});

test('fields carry folded French and English synonyms, custom fields their label', () => {
  const synonyms = (key: string, fields = PERSON_FIELDS) => fields.find((f) => f.key === key)!.synonyms;
  assert.ok(synonyms('lastName').includes('nom de famille') && synonyms('lastName').includes('surname'));
  assert.ok(synonyms('email').includes('courriel') && synonyms('email').includes('e mail'));
  assert.ok(synonyms('address.postcode').includes('cp') && synonyms('address.postcode').includes('zip'));
  assert.ok(synonyms('siret', ORGANISATION_FIELDS).includes('n siret'));
  for (const field of [...PERSON_FIELDS, ...ORGANISATION_FIELDS]) {
    for (const synonym of field.synonyms) assert.match(synonym, /^[a-z0-9]+( [a-z0-9]+)*$/, `${field.key}: "${synonym}" is folded`);
  }
  const custom = customTargetField(CUSTOM.get('taille')!);
  assert.equal(custom.key, 'custom.taille');
  assert.ok(custom.synonyms.includes('taille de vetement'));
  assert.deepEqual(custom.values, ['S', 'M', 'L']);
});

test('property: preparing never throws, whatever the cells, and a row without issues has its name', () => {
  const keys = [...new Set([...PERSON_FIELDS, ...ORGANISATION_FIELDS].map((f) => f.key)), 'custom.budget', 'custom.taille', 'custom.premier_achat', 'custom.unknown'];
  const cell = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', ' ', '06 12 34 56 78', '31/12/1999', 'oui', '1,5', 'a@b.fr', 'DUPONT Jean'));
  const cells = fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...keys), cell), { maxLength: 12 });
  const key = fc.constantFrom<MatchKey | null>(null, 'email', 'phone', 'siret', 'customerNumber', 'externalId');
  fc.assert(
    fc.property(fc.constantFrom('person' as const, 'organisation' as const), cells, key, (kind, triples, matchKey) => {
      const prepared = preparePartyRow(kind, row(triples), options(matchKey), CUSTOM);
      assert.ok(Array.isArray(prepared.issues));
      if (prepared.issues.length === 0) {
        const name = prepared.record.input.columns[kind === 'person' ? 'last_name' : 'legal_name'];
        assert.ok(typeof name === 'string' && name.trim() !== '');
      }
      for (const issue of prepared.issues) assert.ok(issue.reason.length > 0);
    }),
    { numRuns: 400 },
  );
});
