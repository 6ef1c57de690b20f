/**
 * Import file readers: the real exports people bring (Outlook, Google, phones' vCards, Excel workbooks) read to
 * known rows; any table written as CSV in any dialect reads back unchanged; arbitrary bytes never crash a reader.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { analyseSource, readSource } from '../../src/modules/imports/readers/source.ts';
import { detectEncoding } from '../../src/modules/imports/readers/encoding.ts';
import { detectDelimiter } from '../../src/modules/imports/readers/csv-reader.ts';
import type { SourceAnalysis, SourceRow } from '../../src/modules/imports/import-types.ts';
import { AppError } from '../../src/platform/errors.ts';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'imports');

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rapport-readers-'));
});
after(() => rm(dir, { recursive: true, force: true }));

let counter = 0;
async function fileWith(bytes: Buffer | string, name = `f${counter}.csv`): Promise<string> {
  const file = path.join(dir, `${counter++}-${name}`);
  await writeFile(file, bytes);
  return file;
}

async function rowsOf(file: string, analysis: SourceAnalysis, skipRows?: number): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of readSource(file, analysis, { skipRows })) rows.push(row);
  return rows;
}

/** The row as a record of header → cell, for readable assertions. */
function record(analysis: SourceAnalysis, row: SourceRow): Record<string, string> {
  return Object.fromEntries(analysis.headers.map((header, i) => [header, row.cells[i]!]).filter(([, cell]) => cell !== ''));
}

async function refused(promise: Promise<unknown>, message: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => error instanceof AppError && error.code === 'unprocessable' && message.test(error.message));
}

test('a French Outlook export in windows-1252 with ";" is recognised and read', async () => {
  const file = path.join(FIXTURES, 'outlook-fr.csv');
  const analysis = await analyseSource(file, 'contacts.csv');
  assert.equal(analysis.format, 'csv');
  assert.equal(analysis.encoding, 'windows-1252');
  assert.equal(analysis.delimiter, ';');
  assert.equal(analysis.layout, 'outlook');
  assert.deepEqual(analysis.headers.slice(0, 8), ['Titre', 'Prénom', 'Deuxième prénom', 'Nom', 'Suffixe', 'Société', 'Service', 'Titre (2)']);
  const rows = await rowsOf(file, analysis);
  assert.equal(rows.length, 2);
  assert.equal(rows[0]!.rowNumber, 2);
  const francois = record(analysis, rows[0]!);
  assert.equal(francois['Prénom'], 'François');
  assert.equal(francois['Rue (bureau)'], "3 rue de l'Église");
  assert.equal(francois['Catégories'], 'Clients;Franche-Comté');
  assert.equal(record(analysis, rows[1]!)['Nom'], 'Dœuf');
  // Outlook's "0/0/00" is its empty birthday, not a date to refuse.
  assert.equal(record(analysis, rows[1]!)['Anniversaire'], undefined);
  assert.equal(rows[1]!.bytesRead, 1030);
});

test('an English Outlook export and a Google Contacts export are told apart', async () => {
  const outlook = await analyseSource(path.join(FIXTURES, 'outlook-en.csv'), 'outlook.csv');
  assert.deepEqual([outlook.encoding, outlook.delimiter, outlook.layout], ['utf-8', ',', 'outlook']);
  assert.equal(outlook.sample[0]![outlook.headers.indexOf('Mobile Phone')], '+44 7700 900123');

  const google = await analyseSource(path.join(FIXTURES, 'google-contacts.csv'), 'contacts.csv');
  assert.deepEqual([google.encoding, google.delimiter, google.layout], ['utf-8', ',', 'google']);
  const rows = await rowsOf(path.join(FIXTURES, 'google-contacts.csv'), google);
  assert.equal(record(google, rows[0]!)['Notes'], 'Cliente fidèle\ndepuis 2015');
  assert.deepEqual(rows.map((row) => row.rowNumber), [2, 3]);
});

test('CSV: blank lines skipped but counted, repeated and blank titles made unique, ragged rows reported', async () => {
  const file = await fileWith('\uFEFFNom;Email;Email;\r\n\r\nDupont;a@b.fr;;\r\n;;;\r\n"Martin ""Bob""";"ligne 1\r\nligne 2";c@d.fr;x;extra\r\nSeul\r\n');
  const analysis = await analyseSource(file, 'x.csv');
  assert.deepEqual(analysis.headers, ['Nom', 'Email', 'Email (2)', 'Column 4']);
  const rows = await rowsOf(file, analysis);
  assert.deepEqual(rows.map((row) => row.rowNumber), [3, 5, 6]);
  assert.deepEqual(rows[0]!.problems, []);
  assert.deepEqual(rows[1]!.cells, ['Martin "Bob"', 'ligne 1\r\nligne 2', 'c@d.fr', 'x']);
  assert.match(rows[1]!.problems[0]!, /5 cells but the header has 4/);
  assert.deepEqual(rows[2]!.cells, ['Seul', '', '', '']);
  assert.match(rows[2]!.problems[0]!, /1 cell but the header has 4/);
});

test('CSV: stray quotes are row problems, an unclosed quote ends the reading with one', async () => {
  const stray = await fileWith('a,b\n12" screen,"quoted"after\n3,4\n');
  const analysis = await analyseSource(stray, 'x.csv');
  const rows = await rowsOf(stray, analysis);
  assert.deepEqual(rows[0]!.cells, ['12" screen', '"quoted"after']);
  assert.match(rows[0]!.problems.join(), /goes on after its closing quote/);
  assert.deepEqual(rows[1]!.problems, []);

  const unclosed = await fileWith('a,b\n1,2\n3,"never closed\n5,6\n');
  const rest = await rowsOf(unclosed, await analyseSource(unclosed, 'x.csv'));
  assert.deepEqual(rest[0]!.cells, ['1', '2']);
  assert.equal(rest[1]!.rowNumber, 3);
  assert.match(rest[1]!.problems[0]!, /never closed/);
});

test('CSV: old Mac line endings, UTF-16 with its mark, a header without rows, resuming after a checkpoint', async () => {
  const mac = await fileWith('a;b\r1;2\r3;4');
  const macAnalysis = await analyseSource(mac, 'x.csv');
  assert.deepEqual((await rowsOf(mac, macAnalysis)).map((row) => row.cells), [['1', '2'], ['3', '4']]);
  assert.deepEqual((await rowsOf(mac, macAnalysis, 1)).map((row) => row.rowNumber), [3]);

  const utf16 = await fileWith(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Nom\tVille\nÉlodie\tSèvres\n', 'utf-16le')]));
  const utf16Analysis = await analyseSource(utf16, 'x.txt');
  assert.deepEqual([utf16Analysis.encoding, utf16Analysis.delimiter], ['utf-16le', '\t']);
  assert.deepEqual(utf16Analysis.sample, [['Élodie', 'Sèvres']]);

  const headerOnly = await fileWith('Nom,Prénom\n\n');
  const headerAnalysis = await analyseSource(headerOnly, 'x.csv');
  assert.deepEqual([headerAnalysis.headers, headerAnalysis.sample], [['Nom', 'Prénom'], []]);
});

test('bytes invalid in UTF-8 after the detection sample become a row problem, not a failure', async () => {
  const filler = 'x'.repeat(300_000);
  const file = await fileWith(Buffer.concat([Buffer.from(`Nom,Note\nA,${filler}\nB,`), Buffer.from([0xe9, 0x74, 0xe9]), Buffer.from('\nC,ok\n')]));
  const analysis = await analyseSource(file, 'x.csv');
  assert.equal(analysis.encoding, 'utf-8');
  const rows = await rowsOf(file, analysis);
  assert.equal(rows[1]!.cells[1], '\uFFFDt\uFFFD');
  assert.match(rows[1]!.problems.join(), /bytes not valid UTF-8 in this row/);
  assert.deepEqual(rows[2]!.problems, []);
});

test('empty, binary and non-workbook files are refused with the reason', async () => {
  await refused(analyseSource(await fileWith(''), 'x.csv'), /^The file is empty$/);
  await refused(analyseSource(await fileWith('\r\n\r\n  \n'), 'x.csv'), /^The file is empty$/);
  await refused(analyseSource(await fileWith(Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 7, 0, 0, 9])), 'x.csv'), /binary data/);
  await refused(analyseSource(await fileWith(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')), 'x.csv'), /PDF/);
  const zip = Buffer.from('UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==', 'base64'); // an empty ZIP archive
  await refused(analyseSource(await fileWith(zip, 'x.xlsx'), 'x.xlsx'), /not an XLSX workbook/);
});

test('encoding detection: marks, strict UTF-8 with a character cut at the sample end, else windows-1252', () => {
  assert.equal(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), true), 'utf-8');
  assert.equal(detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x41]), true), 'utf-16be');
  const cut = Buffer.from('Prénom €', 'utf8').subarray(0, -1);
  assert.equal(detectEncoding(cut, false), 'utf-8');
  assert.equal(detectEncoding(cut, true), 'windows-1252');
  assert.equal(detectEncoding(iconv.encode('Prénom;Nom', 'windows-1252'), false), 'windows-1252');
  assert.equal(detectEncoding(iconv.encode('Nom;Ville;Pays', 'utf-16le'), true), 'utf-16le');
});

test('delimiter detection counts outside quotes and prefers the most consistent count', () => {
  assert.equal(detectDelimiter('Nom;Montant\nDupont;1,5\nMartin;2,25\n'), ';');
  assert.equal(detectDelimiter('"a;b",c\n"d;e",f\n'), ',');
  assert.equal(detectDelimiter('a|b|c\n1|2|3\n'), '|');
  assert.equal(detectDelimiter('seule colonne\nvaleur\n'), ',');
});

const CANDIDATES = [',', ';', '\t', '|'];
const cellChars = fc.constantFrom('a', 'b', 'Z', '0', '7', ' ', '"', ',', ';', '\t', '|', '\n', '\r', 'é', 'à', 'ç', 'ü');
const cell = fc.string({ unit: cellChars, maxLength: 8 });

test('any table written as CSV in any dialect and encoding reads back unchanged (property)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 4 }).chain((width) =>
        fc.record({
          headers: fc.uniqueArray(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', 'x', 'y'), minLength: 1, maxLength: 6 }), { minLength: width, maxLength: width, selector: (title) => title.toLowerCase() }),
          rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }).filter((row) => row.some((c) => c.trim() !== '')), { maxLength: 6 }),
        }),
      ),
      fc.constantFrom(...CANDIDATES),
      fc.constantFrom('always', 'needed'),
      fc.constantFrom('\r\n', '\n'),
      fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'windows-1252'),
      async (table, delimiter, quoting, newline, encoding) => {
        const quote = (text: string) =>
          quoting === 'always' || /["\r\n]/.test(text) || CANDIDATES.some((c) => text.includes(c)) ? `"${text.replace(/"/g, '""')}"` : text;
        const text = [table.headers, ...table.rows].map((row) => row.map(quote).join(delimiter)).join(newline) + newline;
        const bytes =
          encoding === 'utf-8' ? Buffer.from(text) : encoding === 'utf-8-bom' ? Buffer.from(`\uFEFF${text}`) : iconv.encode(text, encoding, { addBOM: encoding === 'utf-16le' });
        const file = await fileWith(bytes);
        const analysis = await analyseSource(file, 'table.csv');
        assert.deepEqual(analysis.headers, table.headers);
        if (table.headers.length > 1) assert.equal(analysis.delimiter, delimiter);
        const rows = await rowsOf(file, analysis);
        assert.deepEqual(rows.map((row) => row.cells), table.rows);
        assert.deepEqual(rows.map((row) => row.rowNumber), table.rows.map((_, i) => i + 2));
        assert.ok(rows.every((row) => row.problems.length === 0));
      },
    ),
    { numRuns: 150 },
  );
});

test('arbitrary bytes never crash the readers: rows with problems or an unprocessable refusal (property)', async () => {
  const prefixes = ['', 'PK\u0003\u0004', 'BEGIN:VCARD\r\nVERSION:2.1\r\n', 'a;b;c\n', '"x,'];
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 400 }), fc.constantFrom('x.csv', 'x.vcf', 'x.xlsx', 'x'), async (prefix, body, name) => {
      const file = await fileWith(Buffer.concat([Buffer.from(prefix, 'latin1'), body]), name);
      try {
        const analysis = await analyseSource(file, name);
        for await (const row of readSource(file, analysis)) assert.equal(row.cells.length, analysis.headers.length);
      } catch (error) {
        assert.ok(error instanceof AppError && error.code === 'unprocessable', `unexpected ${String(error)}`);
      }
    }),
    { numRuns: 200 },
  );
});

test('a 10 MB CSV streams through readSource without keeping what it read (memory stays flat)', async () => {
  const file = path.join(dir, 'big.csv');
  const out = createWriteStream(file);
  const header = 'Prénom;Nom;Email;Téléphone;Ville;Notes\n';
  out.write(header);
  const block = Array.from({ length: 1000 }, (_, i) => `Jean${i};Dupont;jean${i}@exemple.fr;06 12 34 56 78;Paris;"Une note, avec ""guillemets"""\n`).join('');
  let written = Buffer.byteLength(header);
  while (written < 10 * 1024 * 1024) {
    if (!out.write(block)) await once(out, 'drain');
    written += Buffer.byteLength(block);
  }
  out.end();
  await once(out, 'finish');

  // Heap measured after a full collection: what the reader keeps, not the garbage it has not yet freed.
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const analysis = await analyseSource(file, 'big.csv');
  gc();
  const start = process.memoryUsage().heapUsed;
  let growth = 0;
  let count = 0;
  let lastBytes = 0;
  for await (const row of readSource(file, analysis)) {
    count++;
    lastBytes = row.bytesRead;
    if (count % 50_000 === 0) {
      gc();
      growth = Math.max(growth, process.memoryUsage().heapUsed - start);
    }
  }
  assert.ok(count > 100_000, `${count} rows`);
  assert.equal(lastBytes, written);
  assert.ok(growth < 8 * 1024 * 1024, `the heap kept ${Math.round(growth / 1048576)} MB`);
});
