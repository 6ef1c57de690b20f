/**
 * Creating a PGlite cluster (its initdb) takes seconds, loading a dump of one takes a fraction of that. The
 * tests therefore build a template once per machine — empty, or migrated — keep its dump in
 * node_modules/.cache, keyed by the PGlite version and the migration files, and start each database from it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from '../../src/platform/db/pglite-dialect.ts';
import { PGLITE_EXTENSIONS } from '../../src/platform/db/database.ts';
import { MIGRATIONS_DIR, migrateToLatest } from '../../src/platform/db/migrate.ts';

const root = path.resolve(import.meta.dirname, '../..');
const cacheDir = path.join(root, 'node_modules', '.cache', 'rapport');

function templateKey(migrated: boolean): string {
  const hash = createHash('sha256');
  hash.update(fs.readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json')));
  if (migrated) {
    for (const file of fs.readdirSync(MIGRATIONS_DIR).sort()) {
      hash.update(file);
      hash.update(fs.readFileSync(path.join(MIGRATIONS_DIR, file)));
    }
  }
  return `pglite-${migrated ? 'migrated' : 'empty'}-${hash.digest('hex').slice(0, 16)}.tar.gz`;
}

async function buildTemplate(migrated: boolean): Promise<Blob> {
  const pglite = new PGlite({ extensions: PGLITE_EXTENSIONS });
  await pglite.waitReady;
  if (migrated) {
    const db = new Kysely<any>({ dialect: new PGliteDialect(pglite) });
    await migrateToLatest(db);
  }
  const dump = await pglite.dumpDataDir('gzip');
  await pglite.close();
  return dump;
}

const loaded = new Map<boolean, Promise<Blob>>();

/** The dump of a fresh cluster, migrated to the latest schema or not. */
export function pgliteTemplate(migrated: boolean): Promise<Blob> {
  let pending = loaded.get(migrated);
  if (!pending) {
    pending = (async () => {
      const file = path.join(cacheDir, templateKey(migrated));
      if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
      const dump = await buildTemplate(migrated);
      fs.mkdirSync(cacheDir, { recursive: true });
      // Written aside and renamed, so a test file running alongside never reads half a template.
      const partial = `${file}.${process.pid}.partial`;
      fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(partial, file);
      return dump;
    })();
    loaded.set(migrated, pending);
  }
  return pending;
}
