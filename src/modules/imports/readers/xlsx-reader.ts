/**
 * Streaming XLSX reading with exceljs' WorkbookReader: rows come one at a time and the workbook is never loaded
 * whole. Cells become the text a user sees in Excel, in a form the converters read back: formulas give their
 * saved result, dates ISO, numbers with a '.' decimal.
 */
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { AppError } from '../../../platform/errors.ts';
import type { SourceRow } from '../import-types.ts';
import { fitToHeader, isBlankRow, uniqueHeaders, type TableStream } from './table.ts';
import { readEntryStart, zipEntries, type ZipEntry } from './zip.ts';

export interface WorkbookIndex {
  /** Sheet names in tab order. */
  sheets: string[];
  /** The first sheet holding at least one value, or null when none does. */
  firstSheetWithData: string | null;
  /** The sheets as exceljs models them (see `sheetRows`). */
  models: SheetModel[];
}

interface SheetModel {
  id: number;
  name: string;
  rId: string;
  state: string;
}

/**
 * The sheets of a workbook, read from its ZIP directory and workbook part without going through the rows.
 * Throws 'unprocessable' for a ZIP that is not an XLSX workbook.
 */
export async function readWorkbookIndex(path: string): Promise<WorkbookIndex> {
  const entries = await zipEntries(path);
  const byName = new Map((entries ?? []).map((entry) => [entry.name, entry]));
  const workbook = byName.get('xl/workbook.xml');
  if (!workbook) {
    const what = byName.has('content.xml') ? 'an OpenDocument file: save it as XLSX or CSV first' : 'a ZIP archive but not an XLSX workbook';
    throw new AppError('unprocessable', `The file cannot be imported: it is ${what}`);
  }
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  if (rels) {
    for (const tag of (await readEntryStart(path, rels, rels.compressedSize)).match(/<Relationship\b[^>]*>/g) ?? []) {
      const id = attribute(tag, 'Id');
      const target = attribute(tag, 'Target');
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
  }
  const sheets: Array<{ name: string; entry: ZipEntry | undefined }> = [];
  const models: SheetModel[] = [];
  for (const tag of (await readEntryStart(path, workbook, workbook.compressedSize)).match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = attribute(tag, 'name');
    const relation = attribute(tag, 'r:id') ?? attribute(tag, 'id');
    if (name === null) continue;
    sheets.push({ name, entry: relation ? byName.get(targets.get(relation) ?? '') : undefined });
    if (relation) models.push({ id: Number(attribute(tag, 'sheetId') ?? 0), name, rId: relation, state: attribute(tag, 'state') ?? 'visible' });
  }
  let firstSheetWithData: string | null = null;
  for (const sheet of sheets) {
    if (sheet.entry && (await sheetHasData(path, sheet.entry))) {
      firstSheetWithData = sheet.name;
      break;
    }
  }
  return { sheets: sheets.map((sheet) => sheet.name), firstSheetWithData, models };
}

/** Whether a sheet part has a cell with a value, from its first 64 KiB; when they do not tell, it is taken to. */
async function sheetHasData(path: string, entry: ZipEntry): Promise<boolean> {
  const start = await readEntryStart(path, entry, 64 * 1024);
  const data = start.indexOf('<sheetData');
  if (data < 0) return true;
  if (/^<sheetData\s*\/>/.test(start.slice(data))) return false;
  return /<(v|is|f)[\s>]/.test(start.slice(data)) || !start.includes('</sheetData>');
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeXml(match[1]!) : null;
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[entity]) return named[entity]!;
    return String.fromCodePoint(entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
  });
}

/**
 * Opens a sheet of a workbook (by default the first with data) for streaming: its first non-blank row is the
 * header. Row numbers are the sheet's own. Throws 'unprocessable' for a sheet the workbook does not have.
 */
export async function openXlsx(path: string, sheet: string | null): Promise<TableStream> {
  const index = await readWorkbookIndex(path);
  const wanted = sheet ?? index.firstSheetWithData ?? index.sheets[0];
  if (wanted === undefined || !index.sheets.includes(wanted)) {
    throw new AppError('unprocessable', `The workbook has no sheet "${sheet ?? ''}" (its sheets: ${index.sheets.join(', ')})`);
  }
  const rows = sheetRows(path, wanted, index.models);
  let headers: string[] | null = null;
  for (;;) {
    const next = await rows.next();
    if (next.done) break;
    if (!isBlankRow(next.value.cells)) {
      headers = uniqueHeaders(next.value.cells);
      break;
    }
  }
  if (!headers) {
    await rows.return(undefined);
    throw new AppError('unprocessable', `The sheet "${wanted}" is empty`);
  }
  return { headers, rows: dataRows(rows, headers), close: async () => void (await rows.return(undefined)) };
}

async function* dataRows(rows: AsyncGenerator<SourceRow>, headers: string[]): AsyncGenerator<SourceRow> {
  for await (const row of rows) {
    if (isBlankRow(row.cells)) continue;
    const fitted = fitToHeader(row.cells, headers.length);
    // The cell problems were written with column numbers; name the columns now that the header is known.
    const problems = row.problems.map((problem) => problem.replace(/^column (\d+):/, (_, n: string) => `column "${headers[Number(n) - 1] ?? n}":`));
    if (fitted.problem) problems.push(fitted.problem);
    yield { ...row, cells: fitted.cells, problems };
  }
}

/** Every row of one sheet as text cells, in order, with the problems of its cells. */
async function* sheetRows(path: string, sheet: string, models: SheetModel[]): AsyncGenerator<SourceRow> {
  // The file stream is ours so that its bytes can be counted for the progress bar.
  const file = createReadStream(path);
  let bytesRead = 0;
  file.on('data', (chunk) => (bytesRead += chunk.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell dates from numbers; hyperlinks are left out so that a linked cell reads as its text.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // exceljs names a worksheet from the workbook part; when a file stores a worksheet before that part (some
  // writers do, exceljs itself now and then), it reads the names of a model it does not have yet and fails. The
  // same model, read beforehand from the workbook part, is there from the start; exceljs replaces it with its own.
  (reader as unknown as { model?: { sheets: SheetModel[] } }).model ??= { sheets: models };
  try {
    for await (const worksheet of reader) {
      if ((worksheet as unknown as { name: string }).name !== sheet) continue;
      for await (const row of worksheet) {
        const cells: string[] = [];
        const problems: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          while (cells.length < column - 1) cells.push('');
          const text = cellText(cell.value, cell.numFmt);
          cells.push(text.text);
          if (text.problem) problems.push(`column ${column}: ${text.problem}`);
        });
        yield { rowNumber: row.number, cells, bytesRead, problems };
      }
      return;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    // A damaged workbook: say so instead of letting a parser error through as a server failure.
    throw new AppError('unprocessable', `The workbook cannot be read: ${(error as Error).message}`);
  } finally {
    file.destroy();
  }
}

/**
 * The text of a cell. Merged cells: the value sits in the top-left cell and the other cells of the merge read ''
 * — the list of merges comes after the rows in the sheet part, too late for a streaming reader, and repeating
 * the value would invent data the user did not type in those cells.
 */
export function cellText(value: ExcelJS.CellValue, numFmt?: string): { text: string; problem?: string } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { text: '', problem: 'the cell holds an error value' };
    return { text: numberText(value) };
  }
  if (value instanceof Date) return { text: dateText(value) };
  if ('error' in value) return { text: '', problem: `the cell holds the error ${value.error}` };
  if ('richText' in value) return { text: value.richText.map((run) => run.text).join('') };
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result === undefined) return { text: '', problem: 'formula without a saved result (open and save the file in Excel)' };
    // exceljs turns date-formatted values into dates, but not formula results: the cell's format tells.
    if (typeof value.result === 'number' && Number.isFinite(value.result) && isDateFormat(numFmt)) return { text: dateText(excelDate(value.result)) };
    return cellText(value.result as ExcelJS.CellValue);
  }
  return { text: '' };
}

/** Plain digits with a '.' decimal, at Excel's 15 significant digits (no 0.30000000000000004). */
function numberText(value: number): string {
  const rounded = Number(value.toPrecision(15));
  return Math.abs(rounded) >= 1e21 ? rounded.toFixed(0) : String(rounded);
}

function excelDate(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86400) * 1000);
}

/** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm:ss` when the date has a time of day (exceljs gives wall time as UTC). */
function dateText(date: Date): string {
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  const iso = rounded.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** A number format that shows a date or time (d, m, y, h, s outside quoted text and [colour] blocks). */
function isDateFormat(format: string | undefined): boolean {
  if (!format || format === 'General') return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[dmyhs]/i.test(bare) && !/[0#?]/.test(bare.replace(/s+\.0+/g, ''));
}
