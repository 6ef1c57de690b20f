/**
 * People and organisations in the global search (GET /api/search): names without accents or with a typo,
 * exact emails, phones and customer numbers however they are typed, SIREN and SIRET; exact and prefix matches
 * before fuzzy ones; never a record of another workspace.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeWorkspace, type TestWorkspace } from '../helpers/factories.ts';

interface Hit {
  kind: string;
  id: string;
  title: string;
  subtitle: string | null;
  url: string;
  score: number;
}

interface Party {
  id: string;
  customerNumber: string;
}

let t: TestApp;
let ws: TestWorkspace;
let other: TestWorkspace;
let elodie: Party;
let bernard: Party;
let marchandFreres: Party;
let durand: Party;
let otherElodie: Party;

async function create(workspace: TestWorkspace, url: '/api/people' | '/api/organisations', body: object): Promise<Party> {
  const response = await call(t.app, { method: 'POST', url, body, session: workspace.adminSession });
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

async function search(q: string, workspace = ws): Promise<Hit[]> {
  const response = await call(t.app, { url: `/api/search?q=${encodeURIComponent(q)}`, session: workspace.adminSession });
  assert.equal(response.statusCode, 200, response.body);
  return response.json().results;
}

/** The ids of the party hits, in the order the server ranked them. */
async function partyIds(q: string, workspace = ws): Promise<string[]> {
  return (await search(q, workspace)).filter((hit) => hit.kind === 'person' || hit.kind === 'organisation').map((hit) => hit.id);
}

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db, 'Party Search');
  other = await makeWorkspace(t.database.db, 'Party Search Elsewhere');
  elodie = await create(ws, '/api/people', {
    firstName: 'Élodie',
    lastName: 'Marchand',
    emails: [{ email: 'elodie.marchand@example.fr' }],
    phones: [{ phone: '06 12 34 56 78' }],
    addresses: [{ line1: '12 rue des Tilleuls', postcode: '69003', city: 'Lyon' }],
  });
  bernard = await create(ws, '/api/people', { firstName: 'Bernard', lastName: 'Marchant' });
  marchandFreres = await create(ws, '/api/organisations', { legalName: 'Marchand Frères SAS' });
  durand = await create(ws, '/api/organisations', { legalName: 'Menuiserie Durand SARL', tradeName: 'Durand Bois', siret: '73282932000074' });
  // The same person, email and phone in another workspace: never to be found from the first one.
  otherElodie = await create(other, '/api/people', {
    firstName: 'Élodie',
    lastName: 'Marchand',
    emails: [{ email: 'elodie.marchand@example.fr' }],
    phones: [{ phone: '06 12 34 56 78' }],
  });
});
after(() => t.close());

test('a name is found without its accents, and the hit says where to open it', async () => {
  const hits = (await search('elodie')).filter((hit) => hit.id === elodie.id);
  assert.equal(hits.length, 1);
  const [hit] = hits;
  assert.equal(hit!.kind, 'person');
  assert.equal(hit!.title, 'Élodie Marchand');
  assert.equal(hit!.url, `/people/${elodie.id}`);
  assert.equal(hit!.subtitle, `${elodie.customerNumber} · elodie.marchand@example.fr · Lyon`);
  assert.deepEqual(await partyIds('ÉLODIE'), [elodie.id], 'accents and case in the query are folded too');
});

test('a name is found with a typo', async () => {
  const ids = await partyIds('marchnd');
  assert.ok(ids.includes(elodie.id), `Élodie Marchand in ${ids.join(', ')}`);
  assert.ok(ids.includes(marchandFreres.id), 'Marchand Frères too');
});

test('exact and prefix matches rank above fuzzy ones', async () => {
  const hits = (await search('marchand')).filter((hit) => hit.kind !== 'user');
  const ids = hits.map((hit) => hit.id);
  // "Marchand Frères" starts with the query, "Élodie Marchand" contains it, "Bernard Marchant" only resembles it.
  assert.deepEqual(ids, [marchandFreres.id, elodie.id, bernard.id]);
  assert.ok(hits[1]!.score > hits[2]!.score);
  assert.equal(hits[0]!.url, `/organisations/${marchandFreres.id}`);
});

test('an email is matched exactly, whatever its case', async () => {
  assert.deepEqual(await partyIds('Elodie.Marchand@Example.FR'), [elodie.id]);
});

test('a phone number is found in another writing than the one stored', async () => {
  for (const written of ['+33 6 12 34 56 78', '0612345678', '06.12.34.56.78', '06/12/34/56/78', '0033 6 12 34 56 78']) {
    assert.deepEqual(await partyIds(written), [elodie.id], written);
  }
});

// Letters that Unicode does not decompose (ß, ł, ø) are folded by the database, on both sides of the comparison.
test('names with ß, ł or ø are found as typed and in their ASCII spelling', async () => {
  const lukasz = await create(ws, '/api/people', { firstName: 'Łukasz', lastName: 'Großmann-Søren' });
  for (const written of ['Großmann', 'Łukasz', 'Søren', 'grossmann', 'lukasz', 'soren']) {
    assert.ok((await partyIds(written)).includes(lukasz.id), written);
  }
});

test('a customer number is found however it is typed', async () => {
  const loose = elodie.customerNumber.toLowerCase().replace(/-/g, ' ');
  for (const written of [elodie.customerNumber, loose, elodie.customerNumber.replace(/-/g, '')]) {
    const hits = await search(written);
    assert.deepEqual(hits.map((hit) => hit.id), [elodie.id], written);
    assert.equal(hits[0]!.score, 1);
  }
});

test('an organisation is found by its SIREN or SIRET, spaced or not', async () => {
  for (const written of ['732829320', '732 829 320', '73282932000074', '732 829 320 00074']) {
    assert.deepEqual(await partyIds(written), [durand.id], written);
  }
  assert.deepEqual(await partyIds('durand bois'), [durand.id], 'and by its trade name');
});

test('nothing comes from another workspace', async () => {
  for (const q of ['elodie', 'marchnd', 'elodie.marchand@example.fr', '+33 6 12 34 56 78']) {
    const ids = await partyIds(q);
    assert.ok(!ids.includes(otherElodie.id), q);
    assert.ok(ids.includes(elodie.id), q);
  }
  // The other workspace sees only its own Élodie, not ours, not our organisations.
  assert.deepEqual(await partyIds('marchand', other), [otherElodie.id]);
  assert.deepEqual(await partyIds('732829320', other), []);
});
