/**
 * Importing interactions over HTTP: French channel and direction labels, French dates read in Paris time,
 * durations in minutes or hours, the customer found by number (a merged-away number leading to the survivor),
 * email or external id, unknown and ambiguous customers reported, the customer as participant with a timeline
 * entry, a corrected file matched on external id updating instead of logging twice, and undo (refused once
 * someone changed an imported interaction).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { call } from '../helpers/app.ts';
import { makeWorkspace, type TestWorkspace } from '../helpers/factories.ts';
import { createParty } from '../../src/modules/parties/party-service.ts';
import { formatCustomerNumber } from '../../src/shared/identifiers/customer-number.ts';
import { expectError } from './expect-error.ts';
import { createImportApp, runImport, upload, type ImportTestApp } from './imports-helpers.ts';

let t: ImportTestApp;
before(async () => {
  t = await createImportApp();
});
after(async () => t.close());

interface Contacts {
  ws: TestWorkspace;
  alice: { id: string; number: string };
  bob: { id: string; number: string };
  /** A record merged into Alice: its number leads to her. */
  absorbed: { id: string; number: string };
}

async function contacts(): Promise<Contacts> {
  const ws = await makeWorkspace(t.database.db);
  const person = async (lastName: string, email?: string) => {
    const party = await createParty(ws.ctx, 'person', { firstName: 'Test', lastName, ...(email ? { emails: [{ email, type: 'personal' as const }] } : {}) });
    return { id: party.row.id, number: party.row.customer_number };
  };
  const alice = await person('Martin', 'partage@example.fr');
  const bob = await person('Bernard', 'bob@example.fr');
  const absorbed = await person('Martin doublon', 'partage@example.fr');
  await sql`update parties set external_id = 'CRM-7' where workspace_id = ${ws.id} and id = ${bob.id}`.execute(t.database.db);
  return { ws, alice, bob, absorbed };
}

const HEADER = 'ID;N° client;Email;Réf client;Canal;Sens;Date;Durée;Objet;Compte rendu;Résultat';
const MAPPING = ['externalId', 'customerNumber', 'customerEmail', 'customerExternalId', 'channel', 'direction', 'occurredAt', 'durationMinutes', 'subject', 'body', 'outcome'];
const UNKNOWN_CUSTOMER = formatCustomerNumber('C', 999_999);
const options = { dateOrder: 'dmy', decimalSeparator: ',' };

function callLog(c: Contacts): string {
  return [
    HEADER,
    `INT-1;${c.alice.number};;;Appel téléphonique;Entrant;15/03/2025 09:30;1h15;Question livraison;La cliente demande quand arrive sa commande.;Date confirmée`,
    `INT-2;;BOB@example.fr;;E-mail;Sortant;16/03/2025 10:00;;Relance devis;;`,
    `INT-3;${UNKNOWN_CUSTOMER};;;Réunion;;17/03/2025 14:00;30;Rendez-vous;;`,
    `INT-4;${c.alice.number};;;Pigeon voyageur;;18/03/2025;;Message;;`,
    `INT-5;;partage@example.fr;;E-mail;;19/03/2025;;Newsletter;;`,
    `INT-6;;;CRM-7;visite;interne;20/03/2025 16:45;45 min;Visite magasin;;`,
  ].join('\r\n');
}

async function interactions(ws: TestWorkspace) {
  const { rows } = await sql<{ id: string; external_ref: string | null; channel: string; direction: string; occurred_at: Date; duration_minutes: number | null; subject: string; body: string | null; outcome: string | null; party_id: string | null }>`
    select i.id, i.external_ref, i.channel, i.direction, i.occurred_at, i.duration_minutes, i.subject, i.body, i.outcome,
      (select p.party_id from interaction_participants p where p.workspace_id = i.workspace_id and p.interaction_id = i.id) as party_id
    from interactions i where i.workspace_id = ${ws.id} order by i.external_ref`.execute(t.database.db);
  return rows;
}

async function timelineTitles(ws: TestWorkspace): Promise<string[]> {
  const { rows } = await sql<{ title: string }>`
    select data->>'title' as title from timeline_entries where workspace_id = ${ws.id} and subject_type = 'interaction' order by 1`.execute(t.database.db);
  return rows.map((r) => r.title);
}

test('a call log: labels, Paris times, durations, customers found or reported, participants and timeline', async () => {
  const c = await contacts();
  const { ws } = c;
  await sql`update parties set merged_into_id = ${c.alice.id} where workspace_id = ${ws.id} and id = ${c.absorbed.id}`.execute(t.database.db);
  const csv = callLog(c).replace(`INT-1;${c.alice.number}`, `INT-1;${c.absorbed.number}`);
  const uploaded = (await upload(t, ws.adminSession, 'appels.csv', csv, 'interactions')).json();
  const mapped = await call(t.app, { method: 'PUT', url: `/api/imports/${uploaded.id}/mapping`, session: ws.adminSession, body: { target: 'interactions', mapping: MAPPING, matchKey: null, options } });
  assert.equal(mapped.statusCode, 200, mapped.body);
  const { preview } = mapped.json();
  assert.deepEqual(preview.map((r: { action: string }) => r.action), ['create', 'create', 'invalid', 'invalid', 'create', 'create']);
  assert.deepEqual(preview[0].values, {
    externalId: 'INT-1',
    customerNumber: c.absorbed.number,
    customerEmail: null,
    customerExternalId: null,
    channel: 'phone',
    direction: 'inbound',
    occurredAt: '2025-03-15T08:30:00.000Z',
    durationMinutes: 75,
    subject: 'Question livraison',
    body: 'La cliente demande quand arrive sa commande.',
    outcome: 'Date confirmée',
  });
  assert.equal(preview[3].issues[0].column, 'Canal');

  const done = await runImport(t, ws.adminSession, uploaded.id, { target: 'interactions', mapping: MAPPING, matchKey: null, options });
  assert.equal(done.status, 'completed', done.failure);
  // INT-5's email belongs to Alice and to the record merged into her: one customer, not two.
  assert.deepEqual(done.counts, { created: 4, updated: 0, unchanged: 0, invalid: 2, duplicatesFlagged: 0 });

  const written = await interactions(ws);
  assert.deepEqual(written.map((i) => i.external_ref), ['INT-1', 'INT-2', 'INT-5', 'INT-6']);
  const [call1, mail, newsletter, visit] = written as [(typeof written)[0], (typeof written)[0], (typeof written)[0], (typeof written)[0]];
  assert.equal(call1.party_id, c.alice.id, 'a merged-away customer number leads to the survivor');
  assert.deepEqual(
    { channel: call1.channel, direction: call1.direction, at: call1.occurred_at.toISOString(), minutes: call1.duration_minutes, outcome: call1.outcome },
    { channel: 'phone', direction: 'inbound', at: '2025-03-15T08:30:00.000Z', minutes: 75, outcome: 'Date confirmée' },
  );
  assert.equal(mail.party_id, c.bob.id, 'found by email, whatever its case');
  assert.equal(mail.direction, 'outbound');
  assert.equal(newsletter.party_id, c.alice.id);
  assert.equal(newsletter.direction, 'outbound', 'outbound when the file does not say');
  assert.deepEqual({ party: visit.party_id, channel: visit.channel, direction: visit.direction, minutes: visit.duration_minutes }, { party: c.bob.id, channel: 'visit', direction: 'internal', minutes: 45 });
  assert.equal(visit.occurred_at.toISOString(), '2025-03-20T15:45:00.000Z');

  const listed = await call(t.app, { url: `/api/interactions?partyId=${c.alice.id}`, session: ws.adminSession });
  assert.equal(listed.statusCode, 200, listed.body);
  assert.equal(listed.json().data.length, 2, 'the customer is a participant: the interactions show on her record');
  assert.deepEqual(await timelineTitles(ws), ['Newsletter', 'Question livraison', 'Relance devis', 'Visite magasin']);

  const report = (await call(t.app, { url: `/api/imports/${uploaded.id}/errors.csv`, session: ws.adminSession })).body;
  assert.match(report, new RegExp(`\\r\\n4;N° client;${UNKNOWN_CUSTOMER};no customer has the customer number ${UNKNOWN_CUSTOMER}\\r\\n`));
  assert.match(report, /\r\n5;Canal;Pigeon voyageur;not one of the accepted values/);
});

test('an email shared by two customers is refused as ambiguous, naming both', async () => {
  const c = await contacts();
  const csv = [HEADER, `X-1;;partage@example.fr;;E-mail;;19/03/2025;;Newsletter;;`].join('\n');
  const uploaded = (await upload(t, c.ws.adminSession, 'ambigu.csv', csv, 'interactions')).json();
  const done = await runImport(t, c.ws.adminSession, uploaded.id, { target: 'interactions', mapping: MAPPING, matchKey: null, options });
  assert.deepEqual(done.counts, { created: 0, updated: 0, unchanged: 0, invalid: 1, duplicatesFlagged: 0 });
  const report = (await call(t.app, { url: `/api/imports/${uploaded.id}/errors.csv`, session: c.ws.adminSession })).body;
  assert.match(report, /2;Email;partage@example\.fr;"the email partage@example\.fr matches 2 customers/);
  assert.ok(report.includes(c.alice.number) && report.includes(c.absorbed.number), report);
});

test('a corrected file matched on external id updates, and undo restores; a later change blocks undo', async () => {
  const c = await contacts();
  const { ws } = c;
  const first = (await upload(t, ws.adminSession, 'appels.csv', callLog(c), 'interactions')).json();
  const firstDone = await runImport(t, ws.adminSession, first.id, { target: 'interactions', mapping: MAPPING, matchKey: 'externalId', options });
  // INT-3 names nobody, INT-4 no channel, INT-5 an email two customers share.
  assert.deepEqual(firstDone.counts, { created: 3, updated: 0, unchanged: 0, invalid: 3, duplicatesFlagged: 0 });

  const corrected = [
    HEADER,
    `INT-1;${c.alice.number};;;Appel téléphonique;Entrant;15/03/2025 09:45;;Question sur la livraison;;`,
    `INT-2;;bob@example.fr;;E-mail;Sortant;16/03/2025 10:00;;Relance devis;;`,
    `INT-3;${c.bob.number};;;Réunion;;17/03/2025 14:00;30;Rendez-vous;;`,
  ].join('\n');
  const withoutMatch = (await upload(t, ws.adminSession, 'appels-corrigés.csv', corrected, 'interactions')).json();
  const refused = await runImport(t, ws.adminSession, withoutMatch.id, { target: 'interactions', mapping: MAPPING, matchKey: null, options });
  assert.deepEqual(refused.counts, { created: 1, updated: 0, unchanged: 0, invalid: 2, duplicatesFlagged: 0 }, 'known ids are not logged twice');
  const refusalReport = (await call(t.app, { url: `/api/imports/${withoutMatch.id}/errors.csv`, session: ws.adminSession })).body;
  assert.match(refusalReport, /2;ID;INT-1;"an interaction with the external id INT-1 already exists; choose externalId as the match key/);
  assert.equal((await call(t.app, { method: 'POST', url: `/api/imports/${withoutMatch.id}/undo`, session: ws.adminSession })).statusCode, 200);

  const second = (await upload(t, ws.adminSession, 'appels-corrigés.csv', corrected, 'interactions')).json();
  const done = await runImport(t, ws.adminSession, second.id, { target: 'interactions', mapping: MAPPING, matchKey: 'externalId', options });
  assert.deepEqual(done.counts, { created: 1, updated: 1, unchanged: 1, invalid: 0, duplicatesFlagged: 0 });
  const updated = (await interactions(ws)).find((i) => i.external_ref === 'INT-1')!;
  assert.equal(updated.subject, 'Question sur la livraison');
  assert.equal(updated.occurred_at.toISOString(), '2025-03-15T08:45:00.000Z');
  assert.equal(updated.outcome, 'Date confirmée', 'a blank cell leaves the stored value alone');
  assert.equal(updated.duration_minutes, 75);
  assert.deepEqual((await interactions(ws)).map((i) => i.external_ref), ['INT-1', 'INT-2', 'INT-3', 'INT-6']);
  assert.ok((await timelineTitles(ws)).includes('Question sur la livraison'), 'the timeline entry follows the update');

  const undone = await call(t.app, { method: 'POST', url: `/api/imports/${second.id}/undo`, session: ws.adminSession });
  assert.equal(undone.statusCode, 200, undone.body);
  const restored = await interactions(ws);
  assert.deepEqual(restored.map((i) => i.external_ref), ['INT-1', 'INT-2', 'INT-6'], 'the created interaction is gone');
  const back = restored.find((i) => i.external_ref === 'INT-1')!;
  assert.equal(back.subject, 'Question livraison');
  assert.equal(back.occurred_at.toISOString(), '2025-03-15T08:30:00.000Z');
  assert.deepEqual(await timelineTitles(ws), ['Question livraison', 'Relance devis', 'Visite magasin']);

  // Someone edits an interaction the first import logged: that import can no longer be undone.
  const edited = (await call(t.app, { url: `/api/interactions/${back.id}`, session: ws.adminSession })).json();
  const patched = await call(t.app, { method: 'PATCH', url: `/api/interactions/${back.id}`, session: ws.adminSession, body: { version: edited.version, subject: 'Question livraison (rappelée)' } });
  assert.equal(patched.statusCode, 200, patched.body);
  const blocked = expectError(await call(t.app, { method: 'POST', url: `/api/imports/${first.id}/undo`, session: ws.adminSession }), 409, 'conflict');
  assert.match(blocked.message, /was changed after the import/);
  assert.equal((await interactions(ws)).length, 3, 'nothing was undone');
});
