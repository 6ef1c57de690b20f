/**
 * Writes `src/platform/db/schema.ts`, the row types of the database, from the migrations: it migrates an
 * in-memory PGlite and turns the catalog into one interface per table. Run it after adding a migration
 * (`npm run db:types`); `test/platform/schema.test.ts` fails while the file on disk differs from its output.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';

export const SCHEMA_FILE = path.join(import.meta.dirname, '..', 'src', 'platform', 'db', 'schema.ts');

/** The shape of jsonb columns, which the catalog cannot tell; a jsonb column not listed here is `Json` (unknown). */
const JSON_SHAPES: Record<string, string> = {
  'events.changes': 'Record<string, { before: unknown; after: unknown }>',
  'jobs.payload': 'Record<string, unknown>',
  'parties.custom': 'Record<string, unknown>',
  'timeline_entries.data': 'Record<string, unknown>',
  'saved_views.filters': 'Record<string, unknown>',
  'imports.headers': 'string[]',
  'imports.mapping': 'Array<string | null>',
  'imports.options': 'Record<string, unknown>',
  'import_mappings.mapping': 'Array<string | null>',
  'import_mappings.options': 'Record<string, unknown>',
  'import_changes.before': 'Record<string, unknown>',
  'duplicate_candidates.fields': 'Array<Record<string, unknown>>',
  'party_merges.picks': 'Record<string, string>',
  'party_merges.survivor_before': 'Record<string, unknown>',
  'party_merges.absorbed_before': 'Record<string, unknown>',
  'party_merges.moved': 'Record<string, unknown>',
};

/** TypeScript type of each column type (`udt_name`), as both engines return it (see `database.ts`). */
const SCALARS: Record<string, string> = {
  int2: 'number',
  int4: 'number',
  int8: 'number',
  float4: 'number',
  float8: 'number',
  numeric: 'string',
  date: 'string',
  bool: 'boolean',
  uuid: 'string',
  text: 'string',
  varchar: 'string',
  bpchar: 'string',
  citext: 'string',
  bytea: 'Uint8Array',
};

const HEADER = `// Row types of the database, one interface per table, generated from the migrations by
// scripts/generate-db-types.ts. Do not edit by hand: after adding a migration run \`npm run db:types\`.
// The test \`test/platform/schema.test.ts\` regenerates this file and fails when it differs.`;

const HELPERS = `type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T = unknown> = ColumnType<T, string | undefined, string>;`;

interface Column {
  table: string;
  column: string;
  nullable: boolean;
  udt: string;
  hasDefault: boolean;
  identity: boolean;
  generated: boolean;
  comment: string | null;
}

/** The source text of `schema.ts` for the schema the migrations produce. */
export async function generateSchemaSource(): Promise<string> {
  const database = await openDatabase({ dataDir: null });
  try {
    await migrateToLatest(database.db);
    const { rows } = await sql<Column>`
      select c.table_name::text as table, c.column_name::text as column, c.is_nullable = 'YES' as nullable,
        c.udt_name::text as udt, c.column_default is not null as "hasDefault", c.is_identity = 'YES' as identity,
        c.is_generated = 'ALWAYS' as generated, col_description(t.oid, c.ordinal_position::int) as comment
      from information_schema.columns c
      join pg_class t on t.oid = format('%I.%I', c.table_schema, c.table_name)::regclass
      where c.table_schema = 'public' and c.table_name not like 'kysely\_%' and t.relkind in ('r', 'p')
      order by t.oid, c.ordinal_position`.execute(database.db);
    return render(rows);
  } finally {
    await database.close();
  }
}

/** Tables in the order the migrations created them, each with its columns in table order. */
function render(columns: Column[]): string {
  const tables = new Map<string, Column[]>();
  for (const column of columns) tables.set(column.table, [...(tables.get(column.table) ?? []), column]);
  const unused = Object.keys(JSON_SHAPES).filter((key) => !columns.some((c) => `${c.table}.${c.column}` === key));
  if (unused.length > 0) throw new Error(`JSON_SHAPES names columns no migration creates: ${unused.join(', ')}`);

  const imports = columns.some((c) => c.generated) ? 'ColumnType, Generated, GeneratedAlways' : 'ColumnType, Generated';
  const parts = [`${HEADER}\nimport type { ${imports} } from 'kysely';`, HELPERS];
  for (const [table, list] of tables) {
    const members = list.flatMap((c) => [...docLines(c.comment), `  ${c.column}: ${columnType(c)};`]);
    parts.push(`export interface ${interfaceName(table)} {\n${members.join('\n')}\n}`);
  }
  const entries = [...tables.keys()].map((table) => `  ${table}: ${interfaceName(table)};`);
  parts.push(`export interface DB {\n${entries.join('\n')}\n}`);

  const shared = [...tables].filter(([, list]) => !list.some((c) => c.column === 'workspace_id')).map(([t]) => t);
  const tenant = shared.length === 0 ? 'keyof DB' : `Exclude<keyof DB, ${shared.map((t) => `'${t}'`).join(' | ')}>`;
  const doc = '/** Tables whose rows belong to one workspace and carry `workspace_id`. */';
  parts.push(`${doc}\nexport type TenantTable = ${tenant};`);
  return `${parts.join('\n\n')}\n`;
}

function columnType(c: Column): string {
  if (c.udt === 'timestamptz' || c.udt === 'timestamp') return c.nullable ? 'NullableTimestamp' : 'Timestamp';
  if (c.udt === 'jsonb' || c.udt === 'json') {
    const shape = JSON_SHAPES[`${c.table}.${c.column}`];
    const json = shape ? `Json<${shape}>` : 'Json';
    return c.nullable ? `${json} | null` : json;
  }
  const base = scalarType(c);
  const type = c.nullable ? `${base} | null` : base;
  if (c.generated) return `GeneratedAlways<${type}>`;
  return c.hasDefault || c.identity ? `Generated<${type}>` : type;
}

function scalarType(c: Column): string {
  const element = c.udt.startsWith('_') ? c.udt.slice(1) : null;
  const scalar = SCALARS[element ?? c.udt] ?? (element?.startsWith('timestamp') ? 'Date' : undefined);
  if (!scalar) {
    throw new Error(
      `no TypeScript type for ${c.table}.${c.column} (${c.udt}): add one to SCALARS in scripts/generate-db-types.ts`,
    );
  }
  return element ? `${scalar}[]` : scalar;
}

function interfaceName(table: string): string {
  const words = table.split('_').filter(Boolean);
  return `${words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')}Table`;
}

function docLines(comment: string | null): string[] {
  if (!comment) return [];
  return [`  /** ${comment.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */`];
}

if (import.meta.main) {
  await writeFile(SCHEMA_FILE, await generateSchemaSource());
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
}
