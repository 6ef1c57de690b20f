/**
 * Applies the versioned migration files in `migrations/` in name order. Safe to run from several processes at
 * once: Kysely's migrator takes a lock table before it looks at what is applied.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Migrator, FileMigrationProvider, type Kysely, type MigrationResultSet } from 'kysely';

export const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder: MIGRATIONS_DIR }),
  });
}

/** Brings the schema to the newest version; returns the names of the migrations it applied. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const result: MigrationResultSet = await migrator(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of the migrations known to the code, and whether each is applied. */
export async function migrationStatus(db: Kysely<any>): Promise<{ name: string; executedAt: Date | null }[]> {
  const list = await migrator(db).getMigrations();
  return list.map((m) => ({ name: m.name, executedAt: m.executedAt ?? null }));
}
