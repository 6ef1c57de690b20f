/**
 * The backup file format: gzip JSON lines — a header, then per table a `{table, rows, columns}` line and that
 * many row lines, then a footer with the counts — and the streaming line reader restore uses.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

export const FORMAT = 'rapport-backup';
export const VERSION = 1;
export const FETCH_ROWS = 1000;
export const INSERT_ROWS = 1000;
export const INSERT_CHARS = 8 * 1024 * 1024;

export interface Header {
  format: string;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: string[];
}

export interface TableStart {
  table: string;
  rows: number;
  columns: string[];
}

export interface Footer {
  end: string;
  tables: { name: string; rows: number }[];
}

export function parseHeader(line: string, file: string): Header {
  const header = parseLine<Partial<Header>>(line, file);
  if (header.format !== FORMAT) throw new Error(`${file} is not a Rapport backup`);
  if (header.version !== VERSION) {
    throw new Error(`backup ${file} has format version ${header.version}; this Rapport reads version ${VERSION}`);
  }
  if (!Array.isArray(header.migrations) || !Array.isArray(header.tables)) {
    throw new Error(`backup ${file} is damaged: its header lacks the migrations or the tables`);
  }
  return header as Header;
}

export function parseLine<T>(line: string, file: string): T {
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new Error(`backup ${file} is damaged: a line that should be JSON is not`);
  }
}

export interface LineReader {
  /** The next line; throws when the file ends, naming what was expected there. */
  next(expected: string): Promise<string>;
  hasMore(): Promise<boolean>;
}

/** Runs `work` over the lines of a gzip file, read as needed; read and decompression errors reject `next`. */
export async function withLines<T>(file: string, work: (lines: LineReader) => Promise<T>): Promise<T> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const reader = createInterface({ input: gunzip, crlfDelay: Infinity });
  const iterator = reader[Symbol.asyncIterator]();
  try {
    return await work({
      async next(expected) {
        const result = await iterator.next();
        if (result.done) throw new Error(`backup ${file} is incomplete: it ends where ${expected} should be`);
        return result.value;
      },
      async hasMore() {
        return !(await iterator.next()).done;
      },
    });
  } finally {
    reader.close();
    source.destroy();
    gunzip.destroy();
  }
}
