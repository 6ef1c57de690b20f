/**
 * The two document readers: vCard files as phones and address books write them (2.1 quoted-printable, 3.0 from
 * an iPhone, 4.0, a broken file) and Excel workbooks made here with exceljs (two sheets, merged cells, formulas
 * with and without a saved result, dates, rich text, links, errors).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { analyseSource, readSource } from '../../src/modules/imports/readers/source.ts';
import { VCARD_COLUMNS } from '../../src/modules/imports/readers/vcard-reader.ts';
import type { SourceAnalysis, SourceRow } from '../../src/modules/imports/import-types.ts';
import { AppError } from '../../src/platform/errors.ts';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'imports');

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rapport-documents-'));
});
after(() => rm(dir, { recursive: true, force: true }));

async function read(file: string, settings?: Partial<SourceAnalysis>): Promise<{ analysis: SourceAnalysis; rows: SourceRow[] }> {
  const analysis = { ...(await analyseSource(file, path.basename(file))), ...settings };
  const rows: SourceRow[] = [];
  for await (const row of readSource(file, analysis)) rows.push(row);
  return { analysis, rows };
}

function record(headers: readonly string[], row: SourceRow): Record<string, string> {
  return Object.fromEntries(headers.map((header, i) => [header, row.cells[i]!]).filter(([, cell]) => cell !== ''));
}

test('an iPhone vCard 3.0: structured name, typed emails and phones in their columns, photo skipped', async () => {
  const { analysis, rows } = await read(path.join(FIXTURES, 'iphone.vcf'));
  assert.deepEqual([analysis.format, analysis.layout, analysis.headers], ['vcard', 'vcard', [...VCARD_COLUMNS]]);
  assert.equal(rows.length, 2);
  assert.deepEqual(record(analysis.headers, rows[0]!), {
    FN: 'Dr Sophie Anne Moreau',
    'N family': 'Moreau',
    'N given': 'Sophie',
    'N additional': 'Anne',
    'N prefix': 'Dr',
    ORG: 'Cabinet Moreau',
    TITLE: 'Médecin généraliste',
    BDAY: '1972-03-08',
    'EMAIL 1': 'sophie@perso.example',
    'EMAIL 1 type': 'home',
    'EMAIL 2': 'sophie.moreau@cabinet.example',
    'EMAIL 2 type': 'work',
    'TEL 1': '06 11 22 33 44',
    'TEL 1 type': 'mobile',
    'TEL 2': '04 78 00 00 00',
    'TEL 2 type': 'work',
    'TEL 3': '04 78 00 00 01',
    'TEL 3 type': 'fax',
    'ADR home street': '12 rue de la République',
    'ADR home postcode': '69002',
    'ADR home city': 'Lyon',
    'ADR home country': 'France',
    'ADR work street': '3 place Bellecour',
    'ADR work extended': 'Bâtiment B',
    'ADR work postcode': '69002',
    'ADR work city': 'Lyon',
    'ADR work country': 'France',
    URL: 'https://cabinet.example',
    NOTE: 'Préfère être appelée le matin, avant 10h.\nSecrétariat le mercredi.',
    CATEGORIES: 'Patients, Lyon',
    UID: '6C1F4A3B-1234-4D6E-9ABC-0F1E2D3C4B5A',
  });
  assert.deepEqual(rows[0]!.problems, []);
  assert.equal(record(analysis.headers, rows[1]!)['BDAY'], undefined);
  assert.match(rows[1]!.problems[0]!, /has no year/);
});

test('an Android vCard 2.1: quoted-printable UTF-8 with soft line breaks, bare TYPE parameters, base64 photo', async () => {
  const { analysis, rows } = await read(path.join(FIXTURES, 'android.vcf'));
  const amelie = record(analysis.headers, rows[0]!);
  assert.equal(amelie['FN'], 'Amélie Léger');
  assert.equal(amelie['N family'], 'Léger');
  assert.equal(amelie['ADR home street'], '14 allée des Pins, résidence les Chênes');
  assert.equal(amelie['NOTE'], 'Rappeler après le 15.\nAime les fleurs.');
  assert.deepEqual([amelie['TEL 1'], amelie['TEL 1 type'], amelie['TEL 3'], amelie['TEL 3 type']], ['06 45 67 89 01', 'mobile', '04 91 00 00 00', 'home']);
  assert.deepEqual(rows[0]!.problems, []);
  assert.deepEqual(record(analysis.headers, rows[1]!)['EMAIL 2 type'], 'work');
});

test('a vCard 4.0: tel: URIs, GENDER, a compact BDAY, unknown X- properties ignored', async () => {
  const { analysis, rows } = await read(path.join(FIXTURES, 'vcard4.vcf'));
  const elise = record(analysis.headers, rows[0]!);
  assert.deepEqual([elise['BDAY'], elise['GENDER'], elise['TEL 1'], elise['TEL 3 type'], elise['N prefix']], ['1985-04-15', 'female', '+33-6-10-20-30-40', 'home', 'Mme']);
  assert.deepEqual(rows[0]!.problems, []);
});

test('a broken vCard: each bad property named, the rest of the card read, a card cut at the end reported', async () => {
  const { analysis, rows } = await read(path.join(FIXTURES, 'broken.vcf'));
  assert.equal(rows.length, 2);
  assert.equal(record(analysis.headers, rows[0]!)['EMAIL 2'], 'paul.garnier@example.fr');
  assert.equal(rows[0]!.problems.length, 2);
  assert.match(rows[0]!.problems[0]!, /THIS LINE IS NOT A PROPERTY could not be read/);
  assert.match(rows[0]!.problems[1]!, /property TEL could not be read/);
  assert.equal(record(analysis.headers, rows[1]!)['N family'], 'Roux');
  assert.match(rows[1]!.problems[0]!, /ends inside this card/);
});

async function workbook(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Notes');
  const sheet = book.addWorksheet('Clients & prospects');
  sheet.addRow(['Nom', 'Prénom', 'Naissance', 'Rendez-vous', 'Montant', 'Double', 'Actif', 'Commentaire', 'Site', 'Calcul', 'Erreur', 'Début']);
  sheet.addRow([
    'Dupont',
    'Jean',
    new Date(Date.UTC(1985, 3, 15)),
    new Date(Date.UTC(2024, 0, 2, 14, 30)),
    1234.5,
    { formula: 'E2*2', result: 2469 },
    true,
    { richText: [{ text: 'Très ' }, { text: 'bon', font: { bold: true } }, { text: ' client' }] },
    { text: 'exemple.fr', hyperlink: 'https://exemple.fr' },
    { formula: 'E2/3' },
    { error: '#N/A' },
    { formula: 'DATE(2020,1,1)', result: 43831 },
  ]);
  sheet.getCell('C2').numFmt = 'dd/mm/yyyy';
  sheet.getCell('D2').numFmt = 'dd/mm/yyyy hh:mm';
  sheet.getCell('L2').numFmt = 'dd/mm/yyyy';
  sheet.addRow(['Fusion', null, null, 0.1 + 0.2]);
  sheet.mergeCells('A3:C3');
  sheet.addRow([]);
  sheet.addRow(['Martin']);
  const other = book.addWorksheet('Produits');
  other.addRow(['Réf', 'Prix']);
  other.addRow(['P-1', 9.9]);
  await book.xlsx.writeFile(file);
}

test('XLSX: sheet names, the first sheet with data by default, cells as the user sees them', async () => {
  const file = path.join(dir, 'clients.xlsx');
  await workbook(file);
  const { analysis, rows } = await read(file);
  assert.deepEqual([analysis.format, analysis.encoding, analysis.delimiter], ['xlsx', null, null]);
  assert.deepEqual(analysis.sheets, ['Notes', 'Clients & prospects', 'Produits']);
  assert.equal(analysis.sheet, 'Clients & prospects');
  assert.equal(analysis.headers.length, 12);
  assert.deepEqual(rows[0]!.cells, ['Dupont', 'Jean', '1985-04-15', '2024-01-02T14:30:00', '1234.5', '2469', 'true', 'Très bon client', 'exemple.fr', '', '', '2020-01-01']);
  assert.deepEqual(rows[0]!.problems, ['column "Calcul": formula without a saved result (open and save the file in Excel)', 'column "Erreur": the cell holds the error #N/A']);
  // Merged A3:C3: the value sits in the top-left cell, the other cells of the merge read ''.
  assert.deepEqual(rows[1]!.cells.slice(0, 4), ['Fusion', '', '', '0.3']);
  assert.deepEqual(rows.map((row) => row.rowNumber), [2, 3, 5]);
  assert.ok(rows.every((row) => row.bytesRead > 0));
  assert.deepEqual(analysis.sample, rows.map((row) => row.cells));

  const products = await read(file, { sheet: 'Produits' });
  assert.deepEqual([products.analysis.sheet, products.rows.map((row) => row.cells)], ['Produits', [['P-1', '9.9']]]);
  await assert.rejects(read(file, { sheet: 'Absente' }), (error: unknown) => error instanceof AppError && /no sheet "Absente"/.test(error.message));
});
