/**
 * Streaming CSV reading. The file is never read whole: bytes flow from disk through the decoder into csv-parse,
 * one row at a time, so a multi-gigabyte export costs the same memory as a small one. Whatever the file holds,
 * reading never fails on one bad row: stray quotes and ragged rows are read as well as they can be and come out
 * as row problems.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { parse, type CsvError, type Info } from 'csv-parse';
import { AppError } from '../../../platform/errors.ts';
import type { SourceRow } from '../import-types.ts';
import { decoderStream, invalidBytesProblem } from './encoding.ts';
import { fitToHeader, isBlankRow, uniqueHeaders, type TableStream } from './table.ts';

export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;

export interface CsvSettings {
  encoding: string;
  delimiter: string;
}

/** A cell longer than this is an unclosed quote swallowing the file, not data: it stops the reading there. */
const MAX_RECORD_CHARS = 4 * 1024 * 1024;

/**
 * The delimiter of a CSV text from its first lines: for each candidate, the count outside quotes on each line;
 * the candidate whose count is the same on most lines wins (ties: the higher count). `complete` says the text is
 * the whole file; otherwise its last line may be cut and is left out. A single column gives ','.
 */
export function detectDelimiter(text: string, complete = true): string {
  const lines: Map<string, number>[] = [];
  let counts = new Map<string, number>();
  let inQuotes = false;
  let blank = true;
  for (let i = 0; i < text.length && lines.length < 30; i++) {
    const char = text[i]!;
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) {
      if (!blank) lines.push(counts);
      counts = new Map();
      blank = true;
      continue;
    } else if (!inQuotes && (CSV_DELIMITERS as readonly string[]).includes(char)) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    if (char.trim() !== '') blank = false;
  }
  if (complete && !blank) lines.push(counts);
  if (lines.length === 0) return ',';

  let best = { delimiter: ',', agreeing: 0, count: 0 };
  for (const delimiter of CSV_DELIMITERS) {
    const perLine = lines.map((line) => line.get(delimiter) ?? 0);
    const frequency = new Map<number, number>();
    for (const count of perLine) if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    for (const [count, agreeing] of frequency) {
      if (agreeing > best.agreeing || (agreeing === best.agreeing && count > best.count)) best = { delimiter, agreeing, count };
    }
  }
  return best.delimiter;
}

/**
 * Opens a CSV file: reads up to its header (the first row with text) and returns the column titles and the data
 * rows still to come. An empty file, or one of blank lines only, is refused.
 */
export async function openCsv(path: string, settings: CsvSettings): Promise<TableStream> {
  const records = csvRecords(path, settings);
  let header: SourceRow | undefined;
  for (;;) {
    const next = await records.next();
    if (next.done) break;
    if (next.value.problems.length > 0 && next.value.cells.length === 0) {
      await records.return(undefined);
      throw new AppError('unprocessable', `The file's header row cannot be read: ${next.value.problems[0]}`);
    }
    if (!isBlankRow(next.value.cells)) {
      header = next.value;
      break;
    }
  }
  if (!header) throw new AppError('unprocessable', 'The file is empty');
  const headers = uniqueHeaders(header.cells);
  return {
    headers,
    rows: dataRows(records, headers.length, settings.encoding),
    close: async () => {
      await records.return(undefined);
    },
  };
}

async function* dataRows(records: AsyncGenerator<SourceRow>, width: number, encoding: string): AsyncGenerator<SourceRow> {
  for await (const record of records) {
    if (record.problems.length === 0 && isBlankRow(record.cells)) continue;
    if (record.cells.length === 0) {
      yield { ...record, cells: new Array<string>(width).fill('') };
      continue;
    }
    const fitted = fitToHeader(record.cells, width);
    const problems = [...record.problems];
    if (fitted.problem) problems.push(fitted.problem);
    const invalid = invalidBytesProblem(fitted.cells, encoding);
    if (invalid) problems.push(invalid);
    yield { rowNumber: record.rowNumber, cells: fitted.cells, bytesRead: record.bytesRead, problems };
  }
}

/**
 * Every record of the file, blank ones included so that row numbers are those a spreadsheet shows (a quoted cell
 * spanning lines is still one row). An unclosed quote ends the reading with a last record that has no cells and
 * says why.
 */
async function* csvRecords(path: string, settings: CsvSettings): AsyncGenerator<SourceRow> {
  const file = createReadStream(path, { highWaterMark: 64 * 1024 });
  const parser = parse({
    delimiter: settings.delimiter,
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    info: true,
    raw: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  // csv-parse counts the bytes of the UTF-8 text it is given: for another encoding, scale them to the file's bytes.
  const direct = /^utf-?8$/i.test(settings.encoding);
  let fileBytes = 0;
  let textBytes = 0;
  file.on('data', (chunk) => (fileBytes += chunk.length));
  const done = () => {
    // Errors reach the loop below through the parser; nothing more to do here.
  };
  if (direct) pipeline(file, parser, done);
  else {
    const decoder = decoderStream(settings.encoding);
    decoder.on('data', (text: string) => (textBytes += Buffer.byteLength(text)));
    pipeline(file, decoder, parser, done);
  }
  const fileOffset = (parsed: number) => (direct || textBytes === 0 ? parsed : Math.min(fileBytes, Math.round((parsed * fileBytes) / textBytes)));

  let rowNumber = 0;
  let bytesRead = 0;
  try {
    for await (const { record, info, raw } of parser as AsyncIterable<{ record: string[]; info: Info; raw: string }>) {
      rowNumber++;
      bytesRead = fileOffset(info.bytes);
      const problems: string[] = [];
      if (record.some((cell) => cell.includes('"')) && misplacedQuote(raw, settings.delimiter)) {
        problems.push('a quoted cell goes on after its closing quote; it was read as written, quotes included');
      }
      yield { rowNumber, cells: record, bytesRead, problems };
    }
  } catch (error) {
    const code = (error as CsvError).code;
    if (code !== 'CSV_QUOTE_NOT_CLOSED' && code !== 'CSV_MAX_RECORD_SIZE') throw error;
    yield {
      rowNumber: rowNumber + 1,
      cells: [],
      bytesRead: fileBytes,
      problems: ['a quote opened in this row is never closed, so the rest of the file cannot be read as rows'],
    };
  } finally {
    file.destroy();
    parser.destroy();
  }
}

/** True when the raw record has a quoted cell followed by more text before the delimiter ("A"b). */
function misplacedQuote(raw: string, delimiter: string): boolean {
  let atCellStart = true;
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i]!;
    if (atCellStart && char === '"') {
      // A quoted cell: find its closing quote (a doubled quote is an escaped one), then expect a delimiter.
      let j = i + 1;
      while (j < raw.length && !(raw[j] === '"' && raw[j + 1] !== '"')) j += raw[j] === '"' ? 2 : 1;
      const next = raw[j + 1];
      if (j < raw.length && next !== undefined && next !== '\r' && next !== '\n' && !raw.startsWith(delimiter, j + 1)) return true;
      i = j;
      atCellStart = false;
      continue;
    }
    atCellStart = raw.startsWith(delimiter, i);
    if (atCellStart) i += delimiter.length - 1;
  }
  return false;
}
