/** The README's configuration table and the configuration module must list the same settings. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, SETTINGS } from '../../src/platform/config.ts';

const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

test('every setting appears in the README table with its default', () => {
  for (const setting of SETTINGS) {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${setting.name}\` |`));
    assert.ok(row, `README lacks a row for ${setting.name}`);
    const shown = setting.default ? `\`${setting.default}\`` : '(empty)';
    assert.ok(row.includes(shown), `README row for ${setting.name} does not show its default ${shown}`);
  }
});

test('every variable in the README table is a setting', () => {
  const names = new Set<string>(SETTINGS.map((s) => s.name));
  const rows = readme.split('\n').filter((line) => /^\| `[A-Z_]+` \|/.test(line));
  for (const row of rows) {
    const name = /^\| `([A-Z_]+)`/.exec(row)![1]!;
    assert.ok(names.has(name), `README documents ${name}, which config.ts does not read`);
  }
});

test('bad settings are refused with the variable named', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty' }), (e: unknown) => e instanceof ConfigError && /PORT/.test(e.message));
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
  assert.throws(() => loadConfig({ RAPPORT_JOBS: 'sometimes' }), /RAPPORT_JOBS/);
  const config = loadConfig({ PORT: '4000', RAPPORT_ADMIN_EMAIL: ' Boss@Example.FR ' });
  assert.equal(config.port, 4000);
  assert.equal(config.adminEmail, 'boss@example.fr');
});
