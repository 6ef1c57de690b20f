/**
 * The error report of an import: one CSV line per problem (`row;column;value;reason`), UTF-8 with a byte order
 * mark and `;` so that French Excel opens it in columns. It is streamed page by page from the database, so a
 * million refused rows never sit in memory. Cells come from the user's file, so any that could be read as a
 * formula are neutralised.
 */
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { neutralise } from '../exports/neutralise.ts';

const PAGE = 5000;
const BOM = '\uFEFF';

function line(cells: string[]): string {
  return stringify([cells], { delimiter: ';', record_delimiter: 'windows' });
}

async function* reportLines(ctx: Ctx, importId: string): AsyncGenerator<string> {
  yield BOM + line(['row', 'column', 'value', 'reason']);
  let after: [number, number] = [0, 0];
  for (;;) {
    const page = await scoped(ctx.db, ctx.workspaceId)
      .selectFrom('import_row_errors')
      .select(['row_number', 'position', 'column_name', 'value', 'reason'])
      .where('import_id', '=', importId)
      .where((eb) => eb.or([eb('row_number', '>', after[0]), eb.and([eb('row_number', '=', after[0]), eb('position', '>', after[1])])]))
      .orderBy('row_number')
      .orderBy('position')
      .limit(PAGE)
      .execute();
    if (page.length === 0) return;
    yield page
      .map((e) => line([String(e.row_number), neutralise(e.column_name ?? ''), neutralise(e.value ?? ''), neutralise(e.reason)]))
      .join('');
    const last = page[page.length - 1]!;
    after = [Number(last.row_number), Number(last.position)];
    if (page.length < PAGE) return;
  }
}

/** The report of one import as a stream of CSV text (the import is known to exist in the workspace). */
export function errorReport(ctx: Ctx, importId: string): Readable {
  return Readable.from(reportLines(ctx, importId), { objectMode: false });
}

/** `clients.csv` → `clients-errors.csv`. */
export function errorReportName(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, '') || 'import';
  return `${base}-errors.csv`;
}
