/**
 * An import as the API shows it: what was detected in the file, the mapping, the progress with its speed and
 * time left (from the bytes read so far), the counts, and whether it can still be undone.
 */
import type { Selectable } from 'kysely';
import type { ImportsTable } from '../../platform/db/schema.ts';
import type { ConversionOptions } from './import-types.ts';
import { DEFAULT_CONVERSION, type MappingSource } from './import-mapping.ts';
import type { ImportOut } from './import-schemas.ts';

export type ImportRecord = Selectable<ImportsTable>;
export type ImportRow = ImportRecord & { created_by_name: string | null };

/**
 * What `imports.options` holds besides the conversion options: facts of the analysis the table has no column for
 * (the sheet names, the first rows) and where the current mapping came from.
 */
export interface StoredOptions {
  conversion: ConversionOptions;
  mappingSource: MappingSource;
  sheets: string[];
  sample: string[][];
}

/** The options column read back, with defaults for anything missing. */
export function storedOptions(row: Pick<ImportRecord, 'options'>): StoredOptions {
  const stored = (row.options ?? {}) as Partial<StoredOptions>;
  return {
    conversion: { ...DEFAULT_CONVERSION, ...stored.conversion },
    mappingSource: stored.mappingSource ?? 'suggested',
    sheets: stored.sheets ?? [],
    sample: stored.sample ?? [],
  };
}

const seconds = (from: Date, to: Date) => Math.max((to.getTime() - from.getTime()) / 1000, 0.001);

/** Speed and time left of a running import, measured since it started (null until it has read something). */
export function importProgress(row: ImportRecord, now = new Date()): ImportOut['progress'] {
  const bytesTotal = Number(row.file_size);
  const bytesRead = Math.min(Number(row.bytes_read), bytesTotal);
  const finished = ['completed', 'validated'].includes(row.status);
  const percent = finished ? 100 : bytesTotal > 0 ? Math.round((bytesRead * 1000) / bytesTotal) / 10 : 0;
  let rowsPerSecond: number | null = null;
  let secondsLeft: number | null = null;
  if (row.started_at && Number(row.rows_read) > 0) {
    const end = row.finished_at ?? now;
    const elapsed = seconds(row.started_at, end);
    rowsPerSecond = Math.round(Number(row.rows_read) / elapsed);
    if (row.status === 'running' && bytesRead > 0) secondsLeft = Math.round(((bytesTotal - bytesRead) * elapsed) / bytesRead);
  }
  return { rowsRead: Number(row.rows_read), bytesRead, bytesTotal, percent, rowsPerSecond, secondsLeft };
}

/** The rows a file holds in all, estimated from the rows read for the bytes read so far. */
export function estimatedRows(row: ImportRecord): number | null {
  const bytesRead = Number(row.bytes_read);
  if (bytesRead <= 0 || Number(row.rows_read) === 0) return null;
  return Math.round((Number(row.rows_read) * Number(row.file_size)) / bytesRead);
}

/** True when the import wrote records that are still there to take back. */
export function canUndo(row: ImportRecord): boolean {
  return !row.dry_run && (row.status === 'completed' || row.status === 'failed') && row.undone_at === null;
}

export function presentImport(row: ImportRow): ImportOut {
  const options = storedOptions(row);
  const iso = (date: Date | null) => (date ? date.toISOString() : null);
  return {
    id: row.id,
    fileName: row.file_name,
    fileSize: Number(row.file_size),
    format: row.format as ImportOut['format'],
    encoding: row.encoding,
    delimiter: row.delimiter,
    layout: row.layout as ImportOut['layout'],
    sheets: options.sheets,
    sheet: row.sheet,
    headers: row.headers,
    sample: options.sample,
    target: row.target as ImportOut['target'],
    mapping: row.mapping,
    mappingSource: options.mappingSource,
    matchKey: row.match_key as ImportOut['matchKey'],
    options: options.conversion,
    dryRun: row.dry_run,
    status: row.status as ImportOut['status'],
    progress: importProgress(row),
    counts: {
      created: Number(row.rows_created),
      updated: Number(row.rows_updated),
      unchanged: Number(row.rows_unchanged),
      invalid: Number(row.rows_invalid),
      duplicatesFlagged: Number(row.duplicates_flagged),
    },
    createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
    createdAt: row.created_at.toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    undoneAt: iso(row.undone_at),
    failure: row.failure,
    canUndo: canUndo(row),
  };
}
