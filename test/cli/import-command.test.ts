/**
 * `rapport import` as a user runs it, on an embedded database in a temporary folder: usage errors exit 2 with a
 * plain message, a dry run writes nothing, the mapping used is printed, the error report is written where asked,
 * and a run killed with SIGKILL in the middle, finished with `--resume`, has every row exactly once.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { openDatabase } from '../../src/platform/db/database.ts';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-import-cli-'));
const dataDir = path.join(temp, 'data');
const env = { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent', RAPPORT_DATA_DIR: dataDir };
after(() => fs.rmSync(temp, { recursive: true, force: true }));

function rapport(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return exec(process.execPath, [path.join(root, 'bin/rapport.js'), ...args], { env }).then(
    ({ stdout, stderr }) => ({ stdout, stderr, code: 0 }),
    (error: { stdout: string; stderr: string; code: number }) => ({ stdout: error.stdout, stderr: error.stderr, code: error.code }),
  );
}

function writeCatalogue(name: string, rows: number, extra: string[] = [], prefix = 'R'): string {
  const file = path.join(temp, name);
  const lines = ['Référence;Désignation;Prix HT;TVA'];
  for (let i = 1; i <= rows; i++) lines.push(`${prefix}-${String(i).padStart(6, '0')};Article numéro ${i} du catalogue d'automne;${(i % 90) + 1},${i % 100};20`);
  fs.writeFileSync(file, [...lines, ...extra].join('\n'));
  return file;
}

async function inDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

before(async () => {
  const created = await exec(process.execPath, [path.join(root, 'bin/rapport.js'), 'user', 'create', '-e', 'import@example.fr', '-r', 'admin', '--new-workspace', 'Import CLI'], {
    env: { ...env, RAPPORT_USER_PASSWORD: 'a long enough password' },
  });
  assert.match(created.stdout, /Created workspace/);
});

test('usage errors exit 2 with a plain message and import nothing', async () => {
  const file = writeCatalogue('usage.csv', 2);
  const unknownType = await rapport(['import', file, '--type', 'furniture']);
  assert.equal(unknownType.code, 2);
  assert.match(unknownType.stderr, /--type must be one of .*products/);
  const missing = await rapport(['import', path.join(temp, 'nope.csv'), '--type', 'products']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.csv is not a readable file/);
  const badMap = await rapport(['import', file, '--type', 'products', '--map', 'Couleur=name']);
  assert.equal(badMap.code, 2);
  assert.match(badMap.stderr, /the file has no column "Couleur"/);
  const badMatch = await rapport(['import', file, '--type', 'products', '--match', 'email']);
  assert.equal(badMatch.code, 2);
  assert.match(badMatch.stderr, /--match must be one of sku for products/);
  const noOption = await rapport(['import', file, '--type']);
  assert.equal(noOption.code, 2);
  const noSku = await rapport(['import', file, '--type', 'products', '--map', 'Désignation=name,Prix HT=unitPrice']);
  assert.equal(noSku.code, 2);
  assert.match(noSku.stderr, /The mapping cannot be used:\n\s+mapping: sku must be mapped/);
  for (const run of [unknownType, missing, badMap, badMatch, noSku]) assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  const counts = await inDatabase(async (db) => ({
    products: (await db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    imports: (await db.selectFrom('imports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  }));
  assert.deepEqual({ products: Number(counts.products), imports: Number(counts.imports) }, { products: 0, imports: 0 }, 'nothing imported, nothing left in the history');
});

test('a dry run writes nothing; the real run prints its mapping and counts and writes the error report', async () => {
  const file = writeCatalogue('petit.csv', 3, ['R-BAD;Prix négatif;-2;20', 'R-FORM;Formule;=1+1;20']);
  const dry = await rapport(['import', file, '--type', 'products', '--dry-run', '--user', 'import@example.fr']);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /^Import [0-9a-f-]{36}$/m);
  assert.match(dry.stdout, /Mapping \(suggested\):\n\s+Référence\s+→ sku\n\s+Désignation\s+→ name\n\s+Prix HT\s+→ unitPrice\n\s+TVA\s+→ vatRate/);
  assert.match(dry.stdout, /Dry run done, nothing written: 5 rows, 3 created, 0 updated, 0 unchanged, 2 invalid/);

  const report = path.join(temp, 'erreurs.csv');
  const real = await rapport(['import', file, '--type', 'products', '--match', 'sku', '--map', 'Référence=sku,Désignation=name,Prix HT=unitPrice', '--errors', report]);
  assert.equal(real.code, 0, real.stderr);
  assert.match(real.stdout, /Mapping \(from --map\):[\s\S]*TVA\s+→ \(ignored\)/);
  assert.match(real.stdout, /Import done: 5 rows, 3 created, 0 updated, 0 unchanged, 2 invalid \(error report: .*erreurs\.csv\)/);
  const lines = fs.readFileSync(report, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines[0], 'row;column;value;reason');
  assert.match(lines[1]!, /^5;Prix HT;'-2;/);
  assert.match(lines[2]!, /^6;Prix HT;'=1\+1;/, 'formulas neutralised');

  const imports = await inDatabase((db) => db.selectFrom('imports').select(['status', 'source_path', 'storage_key', 'dry_run', 'created_by']).orderBy('created_at').execute());
  assert.deepEqual(imports.map((i) => [i.status, i.dry_run, i.source_path, i.storage_key]), [
    ['validated', true, file, null],
    ['completed', false, file, null],
  ], 'the file is read in place, never copied');
  assert.ok(imports[0]!.created_by, 'recorded for --user');
});

test('a run killed with SIGKILL mid-way and finished with --resume has every row exactly once', async () => {
  const rows = 40_000;
  const file = writeCatalogue('gros.csv', rows, [], 'G');
  const child = spawn(process.execPath, [path.join(root, 'bin/rapport.js'), 'import', file, '--type', 'products'], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  // The first progress line comes after the first committed batch: kill the process right then.
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (/ rows · /.test(stderr)) resolve();
    });
    child.on('exit', () => reject(new Error(`the import ended before any progress line: ${stdout} ${stderr}`)));
  });
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL');
  assert.match(stderr, /^[\d,]+ \/ ~[\d,]+ rows · [\d.]+ % · [\d,]+ rows\/s · .* left$/m);
  const id = /^Import ([0-9a-f-]{36})$/m.exec(stdout)?.[1];
  assert.ok(id, stdout);

  const killed = await inDatabase((db) => db.selectFrom('imports').select(['status', 'checkpoint_row', 'rows_created']).where('id', '=', id).executeTakeFirstOrThrow());
  assert.equal(killed.status, 'running', 'left running by the killed process');
  assert.ok(Number(killed.checkpoint_row) > 0 && Number(killed.checkpoint_row) < rows, `killed mid-way (checkpoint ${killed.checkpoint_row})`);
  assert.equal(Number(killed.checkpoint_row) % 1000, 0, 'only whole batches were committed');
  assert.equal(Number(killed.rows_created), Number(killed.checkpoint_row));

  const resumed = await rapport(['import', file, '--resume', id]);
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(resumed.stdout, new RegExp(`Import ${id} resumed after row ${Number(killed.checkpoint_row).toLocaleString('en-US')}`));
  // Without a match key a row written twice would be refused as an existing SKU: none is.
  assert.match(resumed.stdout, /Import done: 40,000 rows, 40,000 created, 0 updated, 0 unchanged, 0 invalid/);
  const counts = await inDatabase(async (db) => {
    const products = await db.selectFrom('products').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('sku').distinct().as('skus')]).where('sku', 'like', 'G-%').executeTakeFirstOrThrow();
    const row = await db.selectFrom('imports').select(['status', 'rows_read', 'rows_created', 'rows_invalid']).where('id', '=', id).executeTakeFirstOrThrow();
    return { products: Number(products.n), skus: Number(products.skus), row };
  });
  assert.equal(counts.products, rows);
  assert.equal(counts.skus, rows, 'each SKU once');
  assert.deepEqual({ ...counts.row, rows_read: Number(counts.row.rows_read), rows_created: Number(counts.row.rows_created), rows_invalid: Number(counts.row.rows_invalid) }, {
    status: 'completed',
    rows_read: rows,
    rows_created: rows,
    rows_invalid: 0,
  });
  const again = await rapport(['import', file, '--resume', id]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /is completed; only a queued, running or failed import can be resumed/);
});
