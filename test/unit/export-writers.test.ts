/**
 * The export writers on their own: formula triggers neutralised in every text cell whatever the text, CSV read
 * back by csv-parse in both variants, vCards read back by ical.js (escaping and folding), XLSX cells typed, and
 * the export columns kept in step with the list's columns in the web app.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { neutralise, startsLikeFormula } from '../../src/modules/exports/neutralise.ts';
import { csvCell, csvWriter, type CsvVariant } from '../../src/modules/exports/csv-writer.ts';
import { xlsxCell } from '../../src/modules/exports/xlsx-writer.ts';
import { escapeText, foldLine, vcard, type VCardParty } from '../../src/modules/exports/vcard-writer.ts';
import {
  DEFAULT_COLUMNS,
  EXPORT_ONLY_COLUMNS,
  exportColumnIds,
  type ExportColumn,
  type ExportRecord,
  type ExportValue,
  type ExportValueType,
} from '../../src/modules/exports/export-columns.ts';
import { BUILT_IN_COLUMNS, DEFAULT_COLUMNS as WEB_DEFAULT_COLUMNS } from '../../web/src/parties/partyColumns.ts';

const VARIANTS: CsvVariant[] = ['csv', 'csv-excel'];
const TYPES: ExportValueType[] = ['text', 'number', 'money', 'date', 'timestamp', 'boolean', 'list'];

/** Columns reading the i-th value of a test record. */
function columnsFor(types: readonly ExportValueType[]): ExportColumn[] {
  return types.map((type, i) => ({ id: `c${i}`, type, needsContact: false, read: (r) => (r as unknown as { cells: ExportValue[] }).cells[i]! }));
}
const record = (cells: ExportValue[]) => ({ cells }) as unknown as ExportRecord;

/** Text that likes to start with a formula trigger, and any other text too. */
const nastyText = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ' =', '"=', ';=', ',='), fc.string({ unit: 'grapheme' })).map(([a, b]) => a + b),
);
const plainNumber = /^-?\d+(?:[.,]\d+)?$/;

test('neutralise prefixes exactly the cells a spreadsheet could read as a formula', () => {
  assert.equal(neutralise('=HYPERLINK("http://x","y")'), `'=HYPERLINK("http://x","y")`);
  assert.equal(neutralise('+33 6 12 34 56 78'), `'+33 6 12 34 56 78`);
  assert.equal(neutralise('-2+3'), `'-2+3`);
  assert.equal(neutralise('@SUM(A1)'), `'@SUM(A1)`);
  assert.equal(neutralise('\t=1'), `'\t=1`);
  assert.equal(neutralise('\r=1'), `'\r=1`);
  assert.equal(neutralise('Élodie = reine'), 'Élodie = reine');
  assert.equal(neutralise(''), '');
});

test('no CSV or XLSX text cell ever starts with a formula trigger; numbers stay plain numbers', () => {
  fc.assert(
    fc.property(nastyText, fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), (text, number) => {
      for (const variant of VARIANTS) {
        for (const type of ['text', 'date', 'timestamp'] as const) assert.ok(!startsLikeFormula(csvCell(text, type, variant)), `${variant} ${type} ${JSON.stringify(text)}`);
        assert.ok(!startsLikeFormula(csvCell([text, 'x'], 'list', variant)));
        for (const type of ['number', 'money'] as const) assert.match(csvCell(number, type, variant), plainNumber);
      }
      const cell = xlsxCell(text, 'text') as { richText: { text: string }[] } | null;
      assert.ok(cell && !startsLikeFormula(cell.richText[0]!.text));
      assert.equal(typeof xlsxCell(number, 'money'), 'number');
    }),
    { numRuns: 500 },
  );
});

test('CSV reads back with csv-parse in both variants: BOM, delimiter, quotes, newlines and decimal commas', () => {
  const columns = columnsFor(TYPES);
  const typed: ExportValue[] = ['Dupont; "Jean", fils\nà la ligne', -1234.5, 99.9, '1984-02-29', '2026-11-25T09:30:15.123Z', true, ['vip', 'jardin, potager']];
  const expected: Record<CsvVariant, string[]> = {
    csv: ['Dupont; "Jean", fils\nà la ligne', '-1234.5', '99.90', '1984-02-29', '2026-11-25T09:30:15.123Z', 'true', 'vip, jardin, potager'],
    'csv-excel': ['Dupont; "Jean", fils\nà la ligne', '-1234,5', '99,90', '1984-02-29', '2026-11-25 09:30:15', 'true', 'vip, jardin, potager'],
  };
  for (const variant of VARIANTS) {
    const writer = csvWriter(columns, variant);
    const text = writer.header() + writer.rows([record(typed), record([null, null, null, null, null, null, []])]);
    assert.ok(text.startsWith('\uFEFF'), 'UTF-8 byte order mark');
    assert.ok(text.includes('\r\n'), 'CRLF line ends');
    const rows = parse(text, { bom: true, delimiter: variant === 'csv' ? ',' : ';' }) as string[][];
    assert.deepEqual(rows, [columns.map((c) => c.id), expected[variant], ['', '', '', '', '', '', '']], variant);
  }
});

test('any text survives the CSV round trip, neutralised and nothing else', () => {
  fc.assert(
    fc.property(fc.array(nastyText, { minLength: 1, maxLength: 6 }), fc.constantFrom(...VARIANTS), (texts, variant) => {
      const writer = csvWriter(columnsFor(texts.map(() => 'text')), variant);
      const rows = parse(writer.header() + writer.rows([record(texts)]), { bom: true, delimiter: variant === 'csv' ? ',' : ';', relax_quotes: false }) as string[][];
      assert.deepEqual(rows[1], texts.map(neutralise));
      for (const cell of rows[1]!) assert.ok(!startsLikeFormula(cell));
    }),
    { numRuns: 300 },
  );
});

test('XLSX cells are typed: dates and times as dates, amounts as numbers, text as inline text', () => {
  assert.deepEqual(xlsxCell('1984-02-29', 'date'), new Date(Date.UTC(1984, 1, 29)));
  assert.deepEqual(xlsxCell('2026-11-25T09:30:15.000Z', 'timestamp'), new Date('2026-11-25T09:30:15.000Z'));
  assert.equal(xlsxCell(12.5, 'money'), 12.5);
  assert.equal(xlsxCell(true, 'boolean'), true);
  assert.equal(xlsxCell(null, 'text'), null);
  assert.equal(xlsxCell([], 'list'), null);
  assert.deepEqual(xlsxCell('=1+1', 'text'), { richText: [{ text: "'=1+1" }] });
  assert.deepEqual(xlsxCell(['a', 'b'], 'list'), { richText: [{ text: 'a, b' }] });
});

test('vCard text escaping and folding follow RFC 6350', () => {
  assert.equal(escapeText('a,b;c\\d\ne'), 'a\\,b;c\\\\d\\ne');
  assert.equal(escapeText('a;b', true), 'a\\;b');
  const long = `NOTE:${'é'.repeat(100)}`;
  const folded = foldLine(long);
  for (const line of folded.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `line of ${Buffer.byteLength(line)} octets`);
  assert.equal(folded.replace(/\r\n /g, ''), long, 'unfolding gives the line back');
  assert.ok(!folded.includes('\uFFFD'));
});

function party(overrides: Partial<VCardParty> = {}): VCardParty {
  return {
    kind: 'person',
    customerNumber: 'C-000123-18',
    displayName: 'Élodie Martin',
    civility: 'ms',
    firstName: 'Élodie',
    lastName: 'Martin',
    legalName: null,
    organisation: 'Jardins de Provence',
    birthDate: '1984-02-29',
    notes: 'Préfère être appelée le matin',
    tags: ['vip', 'jardin'],
    emails: [
      { email: 'elodie@example.fr', type: 'personal' },
      { email: 'e.martin@jardins.example', type: 'work' },
    ],
    phones: [
      { phone: '+33612345678', type: 'mobile' },
      { phone: '04 72 00 00 00 poste 12', type: 'work' },
    ],
    addresses: [{ type: 'home', line1: '12 rue de la République', line2: 'Bât. B', postcode: '69002', city: 'Lyon', country: 'FR' }],
    ...overrides,
  };
}

/** The cards of a vCard file as ical.js reads them. */
function readCards(text: string): ICAL.Component[] {
  const parsed = ICAL.parse(text) as unknown[];
  const list = Array.isArray(parsed[0]) ? parsed : [parsed];
  return list.map((jcard) => new ICAL.Component(jcard as unknown[]));
}

test('a vCard reads back with ical.js: names, organisation, every email and phone, address, birthday, tags, UID', () => {
  const text = vcard(party());
  for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75);
  const [card] = readCards(text);
  assert.ok(card);
  assert.equal(card.getFirstPropertyValue('version'), '4.0');
  assert.equal(card.getFirstPropertyValue('fn'), 'Élodie Martin');
  assert.deepEqual(card.getFirstPropertyValue('n'), ['Martin', 'Élodie', '', 'Mme', '']);
  assert.equal(card.getFirstPropertyValue('org'), 'Jardins de Provence');
  assert.deepEqual(card.getAllProperties('email').map((p) => [p.getParameter('type'), p.getFirstValue()]), [
    ['home', 'elodie@example.fr'],
    ['work', 'e.martin@jardins.example'],
  ]);
  const tels = card.getAllProperties('tel');
  assert.equal(tels[0]!.type, 'uri');
  assert.equal(tels[0]!.getFirstValue(), 'tel:+33612345678');
  assert.equal(tels[0]!.getParameter('type'), 'cell');
  assert.equal(tels[1]!.getFirstValue(), '04 72 00 00 00 poste 12');
  assert.deepEqual(card.getFirstPropertyValue('adr'), ['', '', ['12 rue de la République', 'Bât. B'], 'Lyon', '', '69002', 'FR']);
  assert.equal(String(card.getFirstPropertyValue('bday')), '1984-02-29');
  assert.deepEqual(card.getFirstProperty('categories')!.getValues(), ['vip', 'jardin']);
  assert.equal(card.getFirstPropertyValue('uid'), 'C-000123-18');
  assert.equal(card.getFirstPropertyValue('kind'), 'individual');

  const [org] = readCards(vcard(party({ kind: 'organisation', displayName: 'Jardins; & Cie', organisation: 'Jardins; & Cie SARL', civility: null })));
  assert.equal(org!.getFirstPropertyValue('kind'), 'org');
  assert.equal(org!.getFirstPropertyValue('n'), null, 'organisations have no N');
  assert.equal(org!.getFirstPropertyValue('org'), 'Jardins; & Cie SARL');
});

test('values ending with a backslash are written escaped, before the separator that follows them (RFC 6350)', () => {
  const written = vcard(party({ displayName: 'A B', firstName: 'A', lastName: 'B\\', tags: ['\\', 'x'] }));
  assert.ok(written.includes('CATEGORIES:\\\\,x\r\n'), written);
  assert.ok(written.includes('N:B\\\\;A;'), written);
});

test('any text survives the vCard round trip through ical.js, lines folded at 75 octets', () => {
  // ical.js reads an escaped backslash just before a separator ("a\\,b" or "a\\;b" in the file) as an escaped
  // separator: values ending with a backslash are left to the known-answer test above, which checks what we write.
  const text = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 120 })
    .filter((s) => !/[\u0000-\u001f\u007f]/.test(s) && !s.endsWith('\\'));
  const multiline = fc.array(text, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
  fc.assert(
    fc.property(text, text, text, multiline, fc.array(text, { minLength: 1, maxLength: 4 }), text, (first, last, org, notes, tags, street) => {
      const written = vcard(party({ displayName: `${first} ${last}`, firstName: first, lastName: last, organisation: org, notes, tags, addresses: [{ type: 'work', line1: street, line2: null, postcode: null, city: last, country: 'FR' }] }));
      for (const line of written.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, JSON.stringify(line));
      const [card] = readCards(written);
      assert.equal(card!.getFirstPropertyValue('fn'), `${first} ${last}`);
      assert.deepEqual((card!.getFirstPropertyValue('n') as string[]).slice(0, 2), [last, first]);
      assert.equal(card!.getFirstPropertyValue('org'), org);
      assert.equal(card!.getFirstPropertyValue('note'), notes);
      assert.deepEqual(card!.getFirstProperty('categories')!.getValues(), tags);
      const adr = card!.getFirstPropertyValue('adr') as string[];
      assert.deepEqual([adr[2], adr[3]], [street, last]);
    }),
    { numRuns: 300 },
  );
});

test('the export columns are the list columns of the web app, plus the export-only ones', () => {
  for (const kind of ['person', 'organisation'] as const) {
    const web = BUILT_IN_COLUMNS.filter((c) => c.kinds.includes(kind)).map((c) => c.id);
    assert.deepEqual(exportColumnIds(kind, new Map()), [...web, ...EXPORT_ONLY_COLUMNS], kind);
    assert.deepEqual(DEFAULT_COLUMNS[kind], WEB_DEFAULT_COLUMNS[kind], kind);
  }
});
