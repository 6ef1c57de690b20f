/**
 * CSV exports, UTF-8 with a byte order mark so that Excel reads accents right. Two variants: `csv`, comma
 * separated with decimal points, for other programs; `csv-excel`, semicolon separated with decimal commas and
 * `YYYY-MM-DD HH:MM:SS` times, which French Excel opens as columns of numbers and dates with a double click.
 * Text cells are neutralised against formula injection; numbers are written by us, so they never need it.
 */
import { stringify } from 'csv-stringify/sync';
import type { ExportColumn, ExportRecord, ExportValue, ExportValueType } from './export-columns.ts';
import { neutralise } from './neutralise.ts';

export type CsvVariant = 'csv' | 'csv-excel';

export const UTF8_BOM = '\uFEFF';

const DELIMITER: Record<CsvVariant, string> = { csv: ',', 'csv-excel': ';' };

// Plain digits whatever the size: String(1e-7) would write an exponent no spreadsheet reads as a number.
const PLAIN = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 20 });
const AMOUNT = new Intl.NumberFormat('en-US', { useGrouping: false, minimumFractionDigits: 2, maximumFractionDigits: 2 });

function decimal(text: string, variant: CsvVariant): string {
  return variant === 'csv-excel' ? text.replace('.', ',') : text;
}

/** One value as the text of its CSV cell. */
export function csvCell(value: ExportValue, type: ExportValueType, variant: CsvVariant): string {
  if (value === null) return '';
  if (Array.isArray(value)) return neutralise(value.join(', '));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return decimal((type === 'money' ? AMOUNT : PLAIN).format(value), variant);
  if (type === 'timestamp' && variant === 'csv-excel') return neutralise(value.slice(0, 19).replace('T', ' '));
  return neutralise(value);
}

function lines(rows: string[][], variant: CsvVariant): string {
  return stringify(rows, { delimiter: DELIMITER[variant], record_delimiter: 'windows' });
}

export interface CsvWriter {
  /** The byte order mark and the header line (the column ids). */
  header(): string;
  /** The lines of a page of records. */
  rows(records: readonly ExportRecord[]): string;
}

/** Formats pages of records as CSV text for these columns. */
export function csvWriter(columns: readonly ExportColumn[], variant: CsvVariant): CsvWriter {
  return {
    header: () => UTF8_BOM + lines([columns.map((c) => c.id)], variant),
    rows: (records) => lines(records.map((record) => columns.map((c) => csvCell(c.read(record), c.type, variant))), variant),
  };
}
