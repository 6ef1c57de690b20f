/**
 * The entry point of the readers: what a file is (decided from its bytes, the name's extension only breaking
 * ties), how it is encoded and laid out, and its rows, streamed one at a time whatever the format.
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../../platform/errors.ts';
import type { ReadSettings, SourceAnalysis, SourceRow } from '../import-types.ts';
import { detectDelimiter, openCsv } from './csv-reader.ts';
import { binaryReason, decodeText, detectEncoding, isSupportedEncoding, SAMPLE_BYTES } from './encoding.ts';
import { cleanLayoutCells, detectLayout } from './layouts.ts';
import type { TableStream } from './table.ts';
import { openVcard } from './vcard-reader.ts';
import { openXlsx, readWorkbookIndex } from './xlsx-reader.ts';

const SAMPLE_ROWS = 20;
const ZIP_MAGIC = [0x50, 0x4b];

/** Formats a user may send by mistake, named so the message says what to do instead. */
const KNOWN_BINARY: Record<string, string> = {
  cfb: 'an old Excel (.xls) or Word file: save it as XLSX or CSV first',
  pdf: 'a PDF document, not a table: export the data as CSV or XLSX',
};

/**
 * Reads the start of a file to decide its format, encoding, delimiter, layout, column titles and first rows.
 * Throws an AppError 'unprocessable' naming the problem for an empty, binary or unreadable file.
 */
export async function analyseSource(path: string, fileName: string): Promise<SourceAnalysis> {
  const { bytes, size } = await readStart(path);
  if (size === 0) throw new AppError('unprocessable', 'The file is empty');
  const complete = bytes.length === size;

  if (bytes[0] === ZIP_MAGIC[0] && bytes[1] === ZIP_MAGIC[1]) {
    const index = await readWorkbookIndex(path);
    const sheet = index.firstSheetWithData ?? index.sheets[0] ?? null;
    const settings: ReadSettings = { format: 'xlsx', encoding: null, delimiter: null, sheet, layout: 'generic' };
    return withLayout({ ...settings, sheets: index.sheets, ...(await headOf(openTable(path, settings))) });
  }

  const known = await fileTypeFromBuffer(bytes.subarray(0, 4100)).catch(() => undefined);
  if (known && KNOWN_BINARY[known.ext]) throw new AppError('unprocessable', `The file cannot be imported: it is ${KNOWN_BINARY[known.ext]}`);

  const encoding = detectEncoding(bytes, complete);
  const text = decodeText(bytes, encoding);
  if (text.trim() === '') throw new AppError('unprocessable', 'The file is empty');
  const binary = binaryReason(complete ? text : text.slice(0, -2));
  if (binary) {
    const what = known ? ` (it looks like a ${known.ext.toUpperCase()} file)` : '';
    throw new AppError('unprocessable', `The file cannot be imported: ${binary}${what}. Send a CSV, XLSX or vCard file`);
  }

  if (isVcard(text, fileName)) {
    const settings: ReadSettings = { format: 'vcard', encoding, delimiter: null, sheet: null, layout: 'vcard' };
    return { ...settings, sheets: [], ...(await headOf(openTable(path, settings))) };
  }

  const delimiter = detectDelimiter(text, complete);
  const settings: ReadSettings = { format: 'csv', encoding, delimiter, sheet: null, layout: 'generic' };
  return withLayout({ ...settings, sheets: [], ...(await headOf(openTable(path, settings))) });
}

/** The analysis with the layout its headers show, the sample cleaned as that layout's rows will be. */
function withLayout(analysis: SourceAnalysis): SourceAnalysis {
  const layout = detectLayout(analysis.headers);
  return { ...analysis, layout, sample: analysis.sample.map((cells) => cleanLayoutCells(layout, cells)) };
}

/**
 * The data rows of a file read with the given settings, one at a time; `skipRows` data rows are read and dropped
 * first (an import resuming after its last checkpoint). The file is released when the loop stops, early or not.
 */
export async function* readSource(path: string, settings: ReadSettings, options: { skipRows?: number } = {}): AsyncGenerator<SourceRow> {
  const table = await openTable(path, settings);
  let skip = options.skipRows ?? 0;
  try {
    for await (const row of table.rows) {
      if (skip > 0) {
        skip--;
        continue;
      }
      yield settings.layout === 'outlook' ? { ...row, cells: cleanLayoutCells('outlook', row.cells) } : row;
    }
  } finally {
    await table.close();
  }
}

/** The column titles of a file read with the given settings (after the user chose another sheet or delimiter). */
export async function readHeaders(path: string, settings: ReadSettings): Promise<string[]> {
  const table = await openTable(path, settings);
  await table.close();
  return table.headers;
}

async function openTable(path: string, settings: ReadSettings): Promise<TableStream> {
  const encoding = settings.encoding ?? 'utf-8';
  if (settings.format !== 'xlsx' && !isSupportedEncoding(encoding)) {
    throw new AppError('unprocessable', `The encoding "${encoding}" is not supported`);
  }
  switch (settings.format) {
    case 'csv':
      return openCsv(path, { encoding, delimiter: settings.delimiter ?? ',' });
    case 'vcard':
      return openVcard(path, encoding);
    case 'xlsx':
      return openXlsx(path, settings.sheet);
  }
}

/** The headers and the first rows of a table; closes it. */
async function headOf(opening: Promise<TableStream>): Promise<Pick<SourceAnalysis, 'headers' | 'sample'>> {
  const table = await opening;
  const sample: string[][] = [];
  try {
    for await (const row of table.rows) {
      sample.push(row.cells);
      if (sample.length >= SAMPLE_ROWS) break;
    }
  } finally {
    await table.close();
  }
  return { headers: table.headers, sample };
}

function isVcard(text: string, fileName: string): boolean {
  if (/^\s*BEGIN:VCARD/i.test(text)) return true;
  const extension = extname(fileName).toLowerCase();
  return (extension === '.vcf' || extension === '.vcard') && /^BEGIN:VCARD/im.test(text);
}

async function readStart(path: string): Promise<{ bytes: Uint8Array; size: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { bytes: buffer.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}
