/**
 * What the three readers (CSV, XLSX, vCard) have in common: an open file gives its column titles, then its data
 * rows one at a time, and can be closed early (the analysis reads only the first rows).
 */
import type { SourceRow } from '../import-types.ts';

export interface TableStream {
  headers: string[];
  rows: AsyncIterable<SourceRow>;
  /** Releases the file when the caller stops before the last row. */
  close(): Promise<void>;
}

/**
 * Column titles as the mapping step shows them: trimmed, a blank title named by its position ("Column 3"), and a
 * repeated one numbered ("Email", "Email (2)") so that every column can be told apart.
 */
export function uniqueHeaders(titles: readonly string[]): string[] {
  const seen = new Set<string>();
  return titles.map((raw, index) => {
    const base = raw.replace(/\s+/g, ' ').trim() || `Column ${index + 1}`;
    let title = base;
    for (let n = 2; seen.has(title.toLowerCase()); n++) title = `${base} (${n})`;
    seen.add(title.toLowerCase());
    return title;
  });
}

/** True for a row without any visible text: such rows are skipped, as a spreadsheet user would expect. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * Aligns a row's cells with the header: missing cells read '', extra cells are dropped. The problem says what was
 * done unless the difference is only empty cells, which many tools add or drop at a row's end.
 */
export function fitToHeader(cells: string[], width: number): { cells: string[]; problem: string | null } {
  if (cells.length === width) return { cells, problem: null };
  if (cells.length > width) {
    const extra = cells.slice(width);
    const problem = isBlankRow(extra)
      ? null
      : `this row has ${cells.length} cells but the header has ${width}: the cells after column ${width} are ignored`;
    return { cells: cells.slice(0, width), problem };
  }
  const problem = `this row has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'} but the header has ${width}: the missing cells are read as empty`;
  return { cells: [...cells, ...new Array<string>(width - cells.length).fill('')], problem };
}
