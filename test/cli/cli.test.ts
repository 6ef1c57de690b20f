/**
 * The `rapport` command as a user runs it: help, first start, user creation, and a backup taken from one
 * data folder restored into another.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { openDatabase } from '../../src/platform/db/database.ts';
import { openScratchDatabase } from '../helpers/scratch-db.ts';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-cli-'));
after(() => fs.rmSync(temp, { recursive: true, force: true }));

function rapport(args: string[], env: Record<string, string> = {}) {
  return exec(process.execPath, [path.join(root, 'bin/rapport.js'), ...args], {
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env },
  });
}

test('--help lists every command', async () => {
  const { stdout } = await rapport(['--help']);
  for (const command of ['serve', 'migrate', 'worker', 'user', 'backup', 'restore', 'demo']) {
    assert.match(stdout, new RegExp(`^\\s+${command}\\b`, 'm'), `--help lacks ${command}`);
  }
  const userHelp = await rapport(['user', '--help']);
  assert.match(userHelp.stdout, /create/);
});

test('user create adds a user to the only workspace; errors are plain messages', async () => {
  const dataDir = path.join(temp, 'users');
  const env = { RAPPORT_DATA_DIR: dataDir };
  const created = await rapport(['user', 'create', '-e', 'Claire@Example.fr', '-r', 'manager', '--new-workspace', 'Maison Claire'], {
    ...env,
    RAPPORT_USER_PASSWORD: 'a fine long password',
  });
  assert.match(created.stdout, /Created workspace maison-claire with admin Claire@Example.fr/);
  const second = await rapport(['user', 'create', '-e', 'paul@example.fr', '-r', 'sales', '-n', 'Paul'], {
    ...env,
    RAPPORT_USER_PASSWORD: 'another long password',
  });
  assert.match(second.stdout, /Created sales paul@example.fr in workspace maison-claire/);

  await assert.rejects(
    rapport(['user', 'create', '-e', 'x@example.fr', '-r', 'emperor'], { ...env, RAPPORT_USER_PASSWORD: 'long enough password' }),
    (error: { stderr: string }) => /must be one of admin/.test(error.stderr) && !/\n\s+at /.test(error.stderr),
  );
  await assert.rejects(
    rapport(['user', 'create', '-e', 'short@example.fr'], { ...env, RAPPORT_USER_PASSWORD: 'short' }),
    (error: { stderr: string }) => /password must be at least 10 characters/.test(error.stderr),
  );
  await assert.rejects(rapport(['user', 'create', '-e', 'nopass@example.fr'], env), (error: { stderr: string }) =>
    /RAPPORT_USER_PASSWORD/.test(error.stderr),
  );

  const database = await openDatabase({ dataDir });
  try {
    const users = await database.db.selectFrom('users').select(['email', 'role', 'status']).orderBy('email').execute();
    assert.deepEqual(users, [
      { email: 'claire@example.fr', role: 'admin', status: 'active' },
      { email: 'paul@example.fr', role: 'sales', status: 'active' },
    ]);
  } finally {
    await database.close();
  }
});

test('backup of one database restores into another, across engines when a server is configured', async () => {
  const source = path.join(temp, 'source');
  const file = path.join(temp, 'snapshot.rapport.gz');
  await rapport(['user', 'create', '-e', 'owner@example.fr', '--new-workspace', 'Atelier Source'], {
    RAPPORT_DATA_DIR: source,
    RAPPORT_USER_PASSWORD: 'owner long password',
  });
  const backup = await rapport(['backup', file], { RAPPORT_DATA_DIR: source });
  assert.match(backup.stdout, /Backed up \d+ rows from \d+ tables/);

  const target = path.join(temp, 'target');
  const restored = await rapport(['restore', file], { RAPPORT_DATA_DIR: target });
  assert.match(restored.stdout, /Restored \d+ rows/);
  await assert.rejects(rapport(['restore', file], { RAPPORT_DATA_DIR: target }), /force/);

  const check = await openDatabase({ dataDir: target });
  try {
    const row = await check.db.selectFrom('workspaces').select('slug').executeTakeFirstOrThrow();
    assert.equal(row.slug, 'atelier-source');
  } finally {
    await check.close();
  }

  if (process.env.DATABASE_URL) {
    const server = await openScratchDatabase('postgres');
    try {
      await rapport(['restore', file], { DATABASE_URL: server.url! });
      const users = await server.db.selectFrom('users').select('email').execute();
      assert.deepEqual(users, [{ email: 'owner@example.fr' }]);
    } finally {
      await server.close();
    }
  }
});
