/**
 * Excel exports, written as a stream: rows go to the zip as they come and are forgotten, so a million rows
 * take the memory of one page. Strings are inline (a shared-string table would keep every distinct text in
 * memory until the end) and always typed as text, never as formulas; dates and times are real dates, amounts
 * real numbers with a format, so the spreadsheet sorts and sums them. The header row is bold and stays in view.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportColumn, ExportRecord, ExportValue, ExportValueType } from './export-columns.ts';
import { neutralise } from './neutralise.ts';

const NUMBER_FORMATS: Partial<Record<ExportValueType, string>> = {
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
  timestamp: 'yyyy-mm-dd hh:mm:ss',
};

const WIDTHS: Record<ExportValueType, number> = { text: 24, list: 28, number: 12, money: 14, date: 12, timestamp: 20, boolean: 10 };

type CellValue = ExcelJS.CellValue;

/** A text cell: rich text is how exceljs writes an inline string, the one cell type no reader takes for a formula. */
function textCell(text: string): CellValue {
  return { richText: [{ text: neutralise(text) }] };
}

/** One value as the cell exceljs writes. */
export function xlsxCell(value: ExportValue, type: ExportValueType): CellValue {
  if (value === null) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : textCell(value.join(', '));
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  if (type === 'timestamp') {
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime())) return instant;
  }
  return textCell(value);
}

export interface XlsxWriter {
  /** Writes a page of records; the caller waits for the output to drain between pages. */
  rows(records: readonly ExportRecord[]): void;
  /** Closes the sheet and the workbook; resolves once the whole zip is written to the output. */
  finish(): Promise<void>;
}

/** Starts a workbook of one sheet named `sheetName` on `out`, header row written. */
export function xlsxWriter(out: Writable, sheetName: string, columns: readonly ExportColumn[]): XlsxWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ key: c.id, width: WIDTHS[c.type], style: NUMBER_FORMATS[c.type] ? { numFmt: NUMBER_FORMATS[c.type] } : {} }));
  const header = sheet.addRow(columns.map((c) => textCell(c.id)));
  header.font = { bold: true };
  header.commit();
  return {
    rows(records) {
      for (const record of records) sheet.addRow(columns.map((c) => xlsxCell(c.read(record), c.type))).commit();
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
