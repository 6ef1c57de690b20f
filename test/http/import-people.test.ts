/**
 * Importing people and organisations over HTTP: several emails and phones per person, organisations with their
 * SIRET, matching on email to update instead of creating, re-imports creating nothing twice, rows matching two
 * records reported, employers found or created and linked, undo (and its refusals), and contact exports from
 * Outlook, Google and a phone's vCard file end to end.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { call } from '../helpers/app.ts';
import { makeWorkspace, type TestWorkspace } from '../helpers/factories.ts';
import { createParty, getPartyDetail, updateParty } from '../../src/modules/parties/party-service.ts';
import { createCase } from '../../src/modules/cases/case-service.ts';
import { formatCustomerNumber } from '../../src/shared/identifiers/customer-number.ts';
import { expectError } from './expect-error.ts';
import { createImportApp, runImport, upload, waitForImport, type ImportTestApp } from './imports-helpers.ts';

let t: ImportTestApp;
before(async () => {
  t = await createImportApp();
});
after(async () => t.close());

interface PartyRow {
  id: string;
  customer_number: string;
  first_name: string | null;
  last_name: string | null;
  legal_name: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  version: number;
  import_id: string | null;
  tags: string[];
}

async function parties(ws: TestWorkspace, kind: 'person' | 'organisation'): Promise<PartyRow[]> {
  const { rows } = await sql<PartyRow>`
    select id, customer_number, first_name, last_name, legal_name, email, phone, city, version, import_id, tags
    from parties where workspace_id = ${ws.id} and kind = ${kind} order by display_name`.execute(t.database.db);
  return rows;
}

async function contactPoints(ws: TestWorkspace, id: string) {
  const detail = await getPartyDetail(ws.ctx, id);
  return { emails: detail.contact.emails.map((e) => `${e.email} ${e.type}`), phones: detail.contact.phones.map((p) => `${p.phone} ${p.type}`) };
}

async function importFile(ws: TestWorkspace, fileName: string, text: string, target: string, mapping: (string | null)[] | null, matchKey: string | null) {
  const uploaded = await upload(t, ws.adminSession, fileName, text, target);
  assert.equal(uploaded.statusCode, 201, uploaded.body);
  const created = uploaded.json();
  const finished = await runImport(t, ws.adminSession, created.id, { target, mapping: mapping ?? created.mapping, matchKey });
  return { uploaded: created, finished };
}

async function errorReport(ws: TestWorkspace, id: string): Promise<string> {
  const response = await call(t.app, { url: `/api/imports/${id}/errors.csv`, session: ws.adminSession });
  assert.equal(response.statusCode, 200, response.body);
  return response.body;
}

const PEOPLE = [
  'Civilité;Prénom;Nom;Courriel;Email pro;Portable;Téléphone bureau;Adresse;CP;Ville;Date de naissance;Étiquettes',
  'Mme;Élodie;Marchand;elodie.marchand@example.fr;e.marchand@durand.fr;06 12 34 56 78;01 23 45 67 89;12 rue des Tilleuls;69003;Lyon;12/04/1986;vip, salon',
  'M.;Hugo;Lambert;hugo.lambert@example.fr;;07 81 22 33 44;;;;;;',
  'M;Paul;Sanstel;paul@example.fr;;06 12;;;;;;',
  'Mme;Inès;;ines@example.fr;;;;;;;;',
].join('\r\n');

test('people with several emails and phones: suggested mapping, preview, run, problems reported by column', async () => {
  const ws = await makeWorkspace(t.database.db);
  const uploaded = await upload(t, ws.adminSession, 'clients.csv', PEOPLE, 'people');
  assert.equal(uploaded.statusCode, 201, uploaded.body);
  const created = uploaded.json();
  assert.deepEqual(created.mapping, [
    'civility', 'firstName', 'lastName', 'email', 'email.work', 'phone.mobile', 'phone.work',
    'address.line1', 'address.postcode', 'address.city', 'birthDate', 'tags',
  ]);
  const mapped = await call(t.app, {
    method: 'PUT',
    url: `/api/imports/${created.id}/mapping`,
    body: { target: 'people', mapping: created.mapping, matchKey: 'email' },
    session: ws.adminSession,
  });
  assert.equal(mapped.statusCode, 200, mapped.body);
  const preview = mapped.json().preview as { rowNumber: number; action: string; values: Record<string, unknown>; issues: { column: string; reason: string }[] }[];
  assert.deepEqual(preview.map((p) => p.action), ['create', 'create', 'invalid', 'invalid']);
  assert.equal(preview[0]!.values['phone.mobile'], '+33612345678');
  assert.equal(preview[0]!.values.birthDate, '1986-04-12');
  assert.equal(preview[0]!.values.civility, 'ms');
  assert.equal(preview[2]!.issues[0]!.column, 'Portable');
  assert.match(preview[3]!.issues[0]!.reason, /last name is required/);
  assert.equal((await parties(ws, 'person')).length, 0, 'the preview wrote nothing');

  const started = await call(t.app, { method: 'POST', url: `/api/imports/${created.id}/start`, body: { dryRun: false }, session: ws.adminSession });
  assert.equal(started.statusCode, 202, started.body);
  const finished = await waitForImport(t, ws.adminSession, created.id);
  assert.equal(finished.status, 'completed', finished.failure);
  assert.deepEqual(finished.counts, { created: 2, updated: 0, unchanged: 0, invalid: 2, duplicatesFlagged: finished.counts.duplicatesFlagged });
  const [lambert, marchand] = await parties(ws, 'person');
  assert.equal(marchand!.email, 'elodie.marchand@example.fr');
  assert.equal(marchand!.phone, '+33612345678');
  assert.equal(marchand!.city, 'Lyon');
  assert.equal(marchand!.import_id, created.id);
  assert.deepEqual(marchand!.tags, ['vip', 'salon']);
  assert.deepEqual(await contactPoints(ws, marchand!.id), {
    emails: ['elodie.marchand@example.fr personal', 'e.marchand@durand.fr work'],
    phones: ['+33612345678 mobile', '+33123456789 work'],
  });
  assert.equal(lambert!.last_name, 'Lambert');
  const timeline = await sql<{ data: { action: string; importId: string } }>`
    select data from timeline_entries where workspace_id = ${ws.id} and party_id = ${marchand!.id}`.execute(t.database.db);
  assert.deepEqual(timeline.rows.map((r) => r.data), [{ action: 'imported', importId: created.id }]);
  const report = await errorReport(ws, created.id);
  assert.match(report, /4;Portable;06 12;/);
  assert.match(report, /5;Nom;;the last name is required/);
});

test('matching on email updates the record instead of creating one; blank cells erase nothing; re-importing creates nothing', async () => {
  const ws = await makeWorkspace(t.database.db);
  const existing = await createParty(ws.ctx, 'person', {
    firstName: 'Élodie',
    lastName: 'Marchand',
    emails: [{ email: 'elodie.marchand@example.fr' }],
    addresses: [{ line1: '3 place Bellecour', postcode: '69002', city: 'Lyon' }],
    tags: ['fidèle'],
  });
  const file = ['Email;Nom;Prénom;Mobile;Ville;Tags', 'ELODIE.MARCHAND@example.fr;Marchand;;06 98 76 54 32;;vip', 'nouveau@example.fr;Nouveau;Nina;;;'].join('\n');
  const mapping = ['email', 'lastName', 'firstName', 'phone.mobile', 'address.city', 'tags'];
  const first = await importFile(ws, 'maj.csv', file, 'people', mapping, 'email');
  assert.deepEqual([first.finished.counts.created, first.finished.counts.updated, first.finished.counts.invalid], [1, 1, 0]);
  const people = await parties(ws, 'person');
  assert.equal(people.length, 2);
  const updated = people.find((p) => p.id === existing.row.id)!;
  assert.equal(updated.version, existing.row.version + 1);
  assert.equal(updated.first_name, 'Élodie', 'a blank cell never erases');
  assert.equal(updated.city, 'Lyon');
  assert.deepEqual(updated.tags, ['fidèle', 'vip']);
  assert.deepEqual((await contactPoints(ws, updated.id)).phones, ['+33698765432 mobile']);

  const again = await importFile(ws, 'maj.csv', file, 'people', mapping, 'email');
  assert.deepEqual([again.finished.counts.created, again.finished.counts.updated, again.finished.counts.unchanged], [0, 0, 2]);
  assert.equal((await parties(ws, 'person')).length, 2, 're-importing the file creates no duplicates');
});

test('rows of one file sharing an email make one record; a value matching two records is reported with both numbers', async () => {
  const ws = await makeWorkspace(t.database.db);
  const a = await createParty(ws.ctx, 'person', { lastName: 'Martin', phones: [{ phone: '01 45 67 89 10', type: 'home' }] });
  const b = await createParty(ws.ctx, 'person', { lastName: 'Martine', phones: [{ phone: '01 45 67 89 10', type: 'home' }] });
  const file = ['Nom;Téléphone;Email', 'Martin;01 45 67 89 10;', 'Durand;06 00 00 00 01;d1@example.fr', 'Durand;06 00 00 00 01;d2@example.fr'].join('\n');
  const { uploaded, finished } = await importFile(ws, 'tel.csv', file, 'people', ['lastName', 'phone.home', 'email'], 'phone');
  assert.deepEqual([finished.counts.created, finished.counts.updated, finished.counts.invalid], [1, 1, 1]);
  const durand = (await parties(ws, 'person')).filter((p) => p.last_name === 'Durand');
  assert.equal(durand.length, 1, 'the second Durand row updated the record the first created');
  assert.deepEqual((await contactPoints(ws, durand[0]!.id)).emails, ['d1@example.fr personal', 'd2@example.fr personal']);
  const report = await errorReport(ws, uploaded.id);
  const numbers = [a.row.customer_number, b.row.customer_number].sort();
  assert.ok(report.includes(`matches 2 records: ${numbers.join(', ')}`) || report.includes(`matches 2 records: ${numbers.reverse().join(', ')}`), report);
});

test('organisations with their SIRET, matched on it; people linked to their employer, found or created once', async () => {
  const ws = await makeWorkspace(t.database.db);
  const orgFile = ['Raison sociale;N° SIRET;Effectif;Ville;Adresse;CP', 'Menuiserie Durand SARL;732 829 320 00074;15;Nantes;4 avenue de la Gare;44000', 'Mauvais Siret;73282932000075;;;;'].join('\n');
  const orgs = await importFile(ws, 'societes.csv', orgFile, 'organisations', null, 'siret');
  assert.deepEqual(orgs.uploaded.mapping, ['legalName', 'siret', 'headcountBand', 'address.city', 'address.line1', 'address.postcode']);
  assert.deepEqual([orgs.finished.counts.created, orgs.finished.counts.invalid], [1, 1]);
  assert.match(await errorReport(ws, orgs.uploaded.id), /3;N° SIRET;73282932000075;/);
  const again = await importFile(ws, 'societes.csv', orgFile.replace(';15;', ';60;'), 'organisations', null, 'siret');
  assert.deepEqual([again.finished.counts.created, again.finished.counts.updated], [0, 1]);
  const [durand] = await parties(ws, 'organisation');
  assert.equal(durand!.legal_name, 'Menuiserie Durand SARL');

  const peopleFile = ['Prénom;Nom;Société;Fonction', 'Jeanne;Roux;menuiserie durand sarl;Gérante', 'Marc;Blanc;Boulangerie Petit;Apprenti', 'Lise;Noir;BOULANGERIE PETIT;Vendeuse'].join('\n');
  const people = await importFile(ws, 'contacts.csv', peopleFile, 'people', ['firstName', 'lastName', 'organisation', 'jobTitle'], null);
  assert.equal(people.finished.counts.created, 3);
  const organisations = await parties(ws, 'organisation');
  assert.deepEqual(organisations.map((o) => o.legal_name), ['Boulangerie Petit', 'Menuiserie Durand SARL'], 'one new organisation, the known one found');
  const { rows: links } = await sql<{ person: string; organisation: string; function: string }>`
    select p.last_name as person, o.legal_name as organisation, l.function from party_links l
    join parties p on p.workspace_id = l.workspace_id and p.id = l.party_id
    join parties o on o.workspace_id = l.workspace_id and o.id = l.other_party_id
    where l.workspace_id = ${ws.id} and l.kind = 'employee_of' order by p.last_name`.execute(t.database.db);
  assert.deepEqual(links, [
    { person: 'Blanc', organisation: 'Boulangerie Petit', function: 'Apprenti' },
    { person: 'Noir', organisation: 'Boulangerie Petit', function: 'Vendeuse' },
    { person: 'Roux', organisation: 'Menuiserie Durand SARL', function: 'Gérante' },
  ]);
  const undone = await call(t.app, { method: 'POST', url: `/api/imports/${people.uploaded.id}/undo`, session: ws.adminSession });
  assert.equal(undone.statusCode, 200, undone.body);
  assert.deepEqual((await parties(ws, 'organisation')).map((o) => o.legal_name), ['Menuiserie Durand SARL'], 'the organisation the import created goes with it');
});

test('undo deletes what the import created and restores what it updated, unless used or changed since', async () => {
  const ws = await makeWorkspace(t.database.db);
  const existing = await createParty(ws.ctx, 'person', { lastName: 'Garnier', firstName: 'Léo', emails: [{ email: 'leo@example.fr' }] });
  const file = ['Email;Nom;Prénom;Portable', 'leo@example.fr;Garnier;Léonard;06 55 44 33 22', 'zoe@example.fr;Faure;Zoé;'].join('\n');
  const mapping = ['email', 'lastName', 'firstName', 'phone.mobile'];
  const run = async () => (await importFile(ws, 'undo.csv', file, 'people', mapping, 'email')).uploaded.id as string;

  const first = await run();
  const zoe = (await parties(ws, 'person')).find((p) => p.last_name === 'Faure')!;
  await createCase(ws.ctx, { partyId: zoe.id, type: 'complaint', channel: 'phone', subject: 'Livraison' });
  const used = expectError(await call(t.app, { method: 'POST', url: `/api/imports/${first}/undo`, session: ws.adminSession }), 409, 'conflict');
  assert.match(used.message, new RegExp(`1 record \\(${zoe.customer_number}\\).*cases`));
  assert.equal((await parties(ws, 'person')).length, 2, 'nothing was undone');

  const ws2 = await makeWorkspace(t.database.db);
  const other = await createParty(ws2.ctx, 'person', { lastName: 'Garnier', firstName: 'Léo', emails: [{ email: 'leo@example.fr' }] });
  const second = (await importFile(ws2, 'undo.csv', file, 'people', mapping, 'email')).uploaded.id as string;
  const undone = await call(t.app, { method: 'POST', url: `/api/imports/${second}/undo`, session: ws2.adminSession });
  assert.equal(undone.statusCode, 200, undone.body);
  assert.equal(undone.json().status, 'undone');
  const after = await parties(ws2, 'person');
  assert.deepEqual(after.map((p) => p.last_name), ['Garnier'], 'the created record is gone');
  assert.equal(after[0]!.first_name, 'Léo', 'the updated record is restored');
  assert.deepEqual(await contactPoints(ws2, other.row.id), { emails: ['leo@example.fr personal'], phones: [] });

  const third = (await importFile(ws2, 'undo.csv', file, 'people', mapping, 'email')).uploaded.id as string;
  const current = await getPartyDetail(ws2.ctx, other.row.id);
  await updateParty(ws2.ctx, 'person', other.row.id, { version: current.row.version, notes: 'Appelé' }, { present: () => null });
  const changed = expectError(await call(t.app, { method: 'POST', url: `/api/imports/${third}/undo`, session: ws2.adminSession }), 409, 'conflict');
  assert.match(changed.message, /changed since/);
  assert.equal(existing.row.last_name, 'Garnier');
});

const OUTLOOK = [
  'First Name,Middle Name,Last Name,Title,Company,Job Title,E-mail Address,E-mail 2 Address,Mobile Phone,Business Phone,Home Street,Home City,Home Postal Code,Home Country/Region',
  'Claire,,Fontaine,Mrs.,Atelier Fontaine,Directrice,claire@fontaine.fr,c.fontaine@gmail.com,+33 6 11 22 33 44,01 40 00 00 01,8 rue Oberkampf,Paris,75011,France',
].join('\r\n');

const GOOGLE = [
  'First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address',
  'Bruno,,Petit,,,,,,,,,,,1979-06-21,Rencontré au salon,,* myContacts,* Home,bruno.petit@example.com ::: bruno@petit.fr,Mobile,06 22 33 44 55,,,5 quai Saint-Antoine,Lyon,,,69002,France,',
].join('\n');

const VCARD = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:Roussel;Camille;;;',
  'FN:Camille Roussel',
  'EMAIL;TYPE=INTERNET,HOME:camille.roussel@example.fr',
  'TEL;TYPE=CELL:06 33 44 55 66',
  'ADR;TYPE=HOME:;;14 rue du Port;Marseille;;13002;France',
  'BDAY:1990-09-03',
  'END:VCARD',
  '',
].join('\r\n');

test('Outlook and Google CSV exports and a vCard file import end to end with their preset mappings', async () => {
  const ws = await makeWorkspace(t.database.db);
  const outlook = await importFile(ws, 'outlook.csv', OUTLOOK, 'people', null, 'email');
  assert.equal(outlook.uploaded.layout, 'outlook');
  assert.equal(outlook.finished.counts.created, 1, JSON.stringify(outlook.finished));
  const google = await importFile(ws, 'google.csv', GOOGLE, 'people', null, 'email');
  assert.equal(google.uploaded.layout, 'google');
  assert.equal(google.finished.counts.created, 1, JSON.stringify(google.finished));
  const vcard = await importFile(ws, 'contacts.vcf', VCARD, 'people', null, 'email');
  assert.equal(vcard.uploaded.format, 'vcard');
  assert.equal(vcard.finished.counts.created, 1, JSON.stringify(vcard.finished));

  const people = await parties(ws, 'person');
  assert.deepEqual(people.map((p) => [p.first_name, p.last_name, p.email, p.phone]), [
    ['Bruno', 'Petit', 'bruno.petit@example.com', '+33622334455'],
    ['Camille', 'Roussel', 'camille.roussel@example.fr', '+33633445566'],
    ['Claire', 'Fontaine', 'claire@fontaine.fr', '+33611223344'],
  ]);
  const claire = people.find((p) => p.last_name === 'Fontaine')!;
  assert.deepEqual((await contactPoints(ws, claire.id)).emails.map((e) => e.split(' ')[0]), ['claire@fontaine.fr', 'c.fontaine@gmail.com']);
  const { rows } = await sql<{ legal_name: string }>`
    select o.legal_name from party_links l join parties o on o.workspace_id = l.workspace_id and o.id = l.other_party_id
    where l.workspace_id = ${ws.id} and l.party_id = ${claire.id}`.execute(t.database.db);
  assert.deepEqual(rows, [{ legal_name: 'Atelier Fontaine' }]);
  const bruno = people.find((p) => p.last_name === 'Petit')!;
  assert.deepEqual((await contactPoints(ws, bruno.id)).emails.map((e) => e.split(' ')[0]), ['bruno.petit@example.com', 'bruno@petit.fr']);
});

test('a record met again in a later batch is updated, and the undo still restores it as it was before the import', async () => {
  const ws = await makeWorkspace(t.database.db);
  const existing = await createParty(ws.ctx, 'person', { lastName: 'Avant', firstName: 'Anne', emails: [{ email: 'anne@example.fr' }] });
  const lines = ['Email;Nom;Prénom;Portable', 'anne@example.fr;Avant;Annie;06 10 00 00 01', 'neuf@example.fr;Neuf;Noé;'];
  // A thousand rows without a name fill the first batch (invalid rows are cheap to go through).
  for (let i = 0; i < 1000; i++) lines.push(`p${i}@example.fr;;Sans nom;`);
  lines.push('anne@example.fr;Avant;Anna;06 10 00 00 02', 'neuf@example.fr;Neuf;Noémie;06 10 00 00 03');
  const { uploaded, finished } = await importFile(ws, 'gros.csv', lines.join('\n'), 'people', ['email', 'lastName', 'firstName', 'phone.mobile'], 'email');
  assert.deepEqual([finished.counts.created, finished.counts.updated, finished.counts.invalid], [1, 3, 1000]);
  assert.deepEqual((await contactPoints(ws, existing.row.id)).phones, ['+33610000001 mobile', '+33610000002 mobile']);
  const neuf = (await parties(ws, 'person')).find((p) => p.last_name === 'Neuf')!;
  assert.equal(neuf.first_name, 'Noémie');
  const undone = await call(t.app, { method: 'POST', url: `/api/imports/${uploaded.id}/undo`, session: ws.adminSession });
  assert.equal(undone.statusCode, 200, undone.body);
  const left = await parties(ws, 'person');
  assert.deepEqual(left.map((p) => [p.first_name, p.last_name]), [['Anne', 'Avant']]);
  assert.deepEqual(await contactPoints(ws, existing.row.id), { emails: ['anne@example.fr personal'], phones: [] });
});

test('the preview names the likely duplicate of a row; an owner column names a user by email', async () => {
  const ws = await makeWorkspace(t.database.db);
  const known = await createParty(ws.ctx, 'person', {
    firstName: 'Mathieu',
    lastName: 'Lefebvre',
    birthDate: '1980-02-29',
    emails: [{ email: 'mathieu.lefebvre@example.fr' }],
  });
  const file = [
    'Prénom;Nom;Né le;Email;Commercial',
    `Matthieu;Lefèvre;29/02/1980;mathieu.lefebvre@example.fr;${ws.admin.email.toUpperCase()}`,
    'Nadia;Benali;;;personne@example.fr',
  ].join('\n');
  const uploaded = (await upload(t, ws.adminSession, 'prospects.csv', file, 'people')).json();
  const mapping = ['firstName', 'lastName', 'birthDate', 'email', 'owner'];
  const mapped = await call(t.app, { method: 'PUT', url: `/api/imports/${uploaded.id}/mapping`, body: { target: 'people', mapping, matchKey: null }, session: ws.adminSession });
  assert.equal(mapped.statusCode, 200, mapped.body);
  const [first, second] = mapped.json().preview;
  assert.equal(first.action, 'create');
  assert.equal(first.likelyDuplicate?.id, known.row.id);
  assert.ok(first.likelyDuplicate.score >= 80);
  assert.equal(second.action, 'invalid');
  assert.deepEqual(second.issues.map((i: { column: string; value: string }) => [i.column, i.value]), [['Commercial', 'personne@example.fr']]);
  const started = await call(t.app, { method: 'POST', url: `/api/imports/${uploaded.id}/start`, body: { dryRun: false }, session: ws.adminSession });
  assert.equal(started.statusCode, 202, started.body);
  const finished = await waitForImport(t, ws.adminSession, uploaded.id);
  assert.deepEqual([finished.counts.created, finished.counts.invalid], [1, 1]);
  const { rows } = await sql<{ owner_id: string }>`
    select owner_id from parties where workspace_id = ${ws.id} and import_id = ${uploaded.id}`.execute(t.database.db);
  assert.deepEqual(rows, [{ owner_id: ws.admin.id }]);
});

test('a match on a merged record updates the survivor; customer numbers match, absorbed ones too; erased records are never matched', async () => {
  const ws = await makeWorkspace(t.database.db);
  const survivor = await createParty(ws.ctx, 'person', { lastName: 'Survivant', emails: [{ email: 'garde@example.fr' }] });
  const absorbed = await createParty(ws.ctx, 'person', { lastName: 'Absorbé', emails: [{ email: 'ancien@example.fr' }] });
  const erased = await createParty(ws.ctx, 'person', { lastName: 'Effacé', emails: [{ email: 'efface@example.fr' }] });
  await sql`update parties set merged_into_id = ${survivor.row.id} where workspace_id = ${ws.id} and id = ${absorbed.row.id}`.execute(t.database.db);
  await sql`update parties set erased_at = now() where workspace_id = ${ws.id} and id = ${erased.row.id}`.execute(t.database.db);
  const byEmail = ['Email;Nom;Portable', 'ancien@example.fr;Survivant;06 20 00 00 01', 'efface@example.fr;Nouveau;'].join('\n');
  const first = await importFile(ws, 'fusion.csv', byEmail, 'people', ['email', 'lastName', 'phone.mobile'], 'email');
  assert.deepEqual([first.finished.counts.created, first.finished.counts.updated], [1, 1]);
  assert.deepEqual((await contactPoints(ws, survivor.row.id)).phones, ['+33620000001 mobile']);
  assert.deepEqual((await contactPoints(ws, absorbed.row.id)).phones, [], 'the absorbed record is left alone');

  const alias = formatCustomerNumber('C', 424_242);
  await sql`insert into customer_number_aliases (workspace_id, customer_number, party_id) values (${ws.id}, ${alias}, ${survivor.row.id})`.execute(t.database.db);
  const unknown = formatCustomerNumber('C', 999_999);
  const byNumber = [
    'N° client;Nom;Ville;Adresse;CP',
    `${absorbed.row.customer_number};Survivant;Lyon;1 rue Neuve;69001`,
    `${alias.toLowerCase().replace(/-/g, '')};Survivant;;;`,
    `${unknown};Inconnu;;;`,
  ].join('\n');
  const second = await importFile(ws, 'numeros.csv', byNumber, 'people', ['customerNumber', 'lastName', 'address.city', 'address.line1', 'address.postcode'], 'customerNumber');
  assert.deepEqual([second.finished.counts.created, second.finished.counts.updated, second.finished.counts.invalid], [0, 2, 1]);
  assert.match(await errorReport(ws, second.uploaded.id), new RegExp(`4;N° client;${unknown};no person has this customer number`));
  const [survivorNow] = (await parties(ws, 'person')).filter((p) => p.id === survivor.row.id);
  assert.equal(survivorNow!.city, 'Lyon');
});
