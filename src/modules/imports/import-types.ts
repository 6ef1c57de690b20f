/**
 * The contracts between the three parts of an import: the readers that turn a file into rows of text cells
 * (`readers/`), the targets that turn a mapped row into records of one kind and write a batch of them
 * (`targets/`), and the engine that drives them batch by batch with checkpoints, error report and undo.
 */
import type { Ctx } from '../../platform/context.ts';

export const SOURCE_FORMATS = ['csv', 'xlsx', 'vcard'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** Contact-export layouts recognised from their headers, each with a preset mapping. */
export const SOURCE_LAYOUTS = ['generic', 'outlook', 'google', 'vcard'] as const;
export type SourceLayout = (typeof SOURCE_LAYOUTS)[number];

export const IMPORT_TARGETS = ['people', 'organisations', 'orders', 'interactions', 'products'] as const;
export type ImportTargetName = (typeof IMPORT_TARGETS)[number];

/** Keys an import may match existing records on, to update them instead of creating new ones. */
export const MATCH_KEYS = ['email', 'phone', 'customerNumber', 'externalId', 'siret', 'sku', 'orderNumber'] as const;
export type MatchKey = (typeof MATCH_KEYS)[number];

/** What the analysis of a file found; kept on the import and reused to read it. */
export interface SourceAnalysis {
  format: SourceFormat;
  /** 'utf-8', 'utf-16le', 'utf-16be' or 'windows-1252' (null for XLSX). */
  encoding: string | null;
  /** CSV only: the delimiter detected (',', ';', '\t' or '|'). */
  delimiter: string | null;
  layout: SourceLayout;
  /** XLSX only: the sheet names, and the sheet read (the first with data unless chosen). */
  sheets: string[];
  sheet: string | null;
  /** Column titles in order (for vCard, the fixed columns the vCard reader produces). */
  headers: string[];
  /** The first data rows (at most 20), cells in header order. */
  sample: string[][];
}

/** How to read a file again: the analysis, possibly corrected by the user (another delimiter, sheet, encoding). */
export type ReadSettings = Pick<SourceAnalysis, 'format' | 'encoding' | 'delimiter' | 'sheet' | 'layout'>;

/** One data row of a file. */
export interface SourceRow {
  /**
   * The row number as the user sees it in a spreadsheet (the header is row 1, the first data row is row 2);
   * for a vCard file, the card's position (1 for the first card).
   */
  rowNumber: number;
  /** Cell texts in header order; missing cells are '' (a ragged row also gets a problem below). */
  cells: string[];
  /** Bytes of the file consumed once this row was read (for the progress bar). */
  bytesRead: number;
  /** Problems the reader found with this row (too many cells, bytes invalid in the encoding, a broken vCard property). */
  problems: string[];
}

/** One problem of one row, as the error report lists it. */
export interface RowIssue {
  rowNumber: number;
  /** The column title (or the field) the problem is in; null for the row as a whole. */
  column: string | null;
  value: string | null;
  reason: string;
}

/** A column of the file mapped to a field of the target; several columns may feed a list field. */
export type ColumnMapping = Array<string | null>;

export type FieldType = 'text' | 'email' | 'phone' | 'date' | 'datetime' | 'number' | 'money' | 'integer' | 'boolean' | 'enum' | 'list';

/** A field a column can be mapped to. */
export interface TargetField {
  key: string;
  type: FieldType;
  required?: boolean;
  /** For enums: the accepted stored values (readers also accept their French and English labels). */
  values?: readonly string[];
  /** Header names (folded: lower case, no accents, single spaces) that suggest this field, French and English. */
  synonyms: readonly string[];
  /** True for a field only used to find the record to update (customer number). */
  matchOnly?: boolean;
  /** For custom fields: the field's own label (other fields are labelled by the web from their key). */
  label?: string;
}

/** Options of the value conversion the user can set on the mapping step. */
export interface ConversionOptions {
  /** Order of day, month and year in dates written with slashes or dots; 'dmy' (French) by default. */
  dateOrder: 'dmy' | 'mdy' | 'ymd';
  /** ',' (French) or '.'; 'auto' reads '1 234,56' and '1,234.56' alike when unambiguous. */
  decimalSeparator: ',' | '.' | 'auto';
  /** Separator of list cells (tags, interests); ';' and ',' by default. */
  listSeparator?: string;
}

/** A mapped row: field key → the cell texts mapped to it (several for list fields and repeated columns). */
export interface MappedRow {
  rowNumber: number;
  values: Map<string, string[]>;
  /** Field key → the column title it came from (for the error report). */
  columns: Map<string, string>;
}

/** A row converted and checked by a target; `issues` empty means it can be written. */
export interface PreparedRow<T = unknown> {
  rowNumber: number;
  record: T;
  /** The value of the match key, normalised, when the row has one. */
  matchValue: string | null;
  issues: RowIssue[];
}

/** What happened to one written row. */
export interface RowOutcome {
  rowNumber: number;
  action: 'created' | 'updated' | 'unchanged' | 'invalid';
  /** The record created or updated (for the preview's link and the import's change list). */
  entityId: string | null;
  /** Problems found while writing (several records match, the customer of an order is unknown…). */
  issues: RowIssue[];
}

/** A record the batch created or changed, so that the import can be undone. */
export interface ImportChange {
  entity: string;
  entityId: string;
  action: 'created' | 'updated';
  rowNumber: number;
  /** For updates: what the undo restores. */
  before: Record<string, unknown> | null;
}

export interface BatchResult {
  outcomes: RowOutcome[];
  changes: ImportChange[];
  /** Party ids the batch created or updated (for the duplicate check and the metrics). */
  partyIds: string[];
}

export interface BatchOptions {
  importId: string;
  matchKey: MatchKey | null;
  conversion: ConversionOptions;
}

/** One kind of record an import can bring in. */
export interface ImportTarget<T = unknown> {
  name: ImportTargetName;
  /** The fields columns can be mapped to (for parties, custom fields included as `custom.<key>`). */
  fields(ctx: Ctx): Promise<TargetField[]>;
  /** Keys this target can match existing records on. */
  matchKeys: readonly MatchKey[];
  /** The tables its batches write to (their planner statistics are refreshed as an import makes them grow). */
  tables: readonly string[];
  /** Converts and checks one mapped row (no writes). May read reference data through `ctx`, cached per import. */
  prepare(ctx: Ctx, row: MappedRow, options: BatchOptions): Promise<PreparedRow<T>>;
  /** Writes valid rows set-based in the caller's transaction; rows found wrong while writing come back `invalid`. */
  writeBatch(ctx: Ctx, rows: PreparedRow<T>[], options: BatchOptions): Promise<BatchResult>;
  /**
   * Undoes the changes of an import for this target's entities, in the caller's transaction. Throws an AppError
   * 'conflict' naming what stands in the way (records changed or used since) without undoing anything.
   */
  undo(ctx: Ctx, importId: string): Promise<void>;
  /** For the preview: the existing record a valid row most likely duplicates (people and organisations only). */
  likelyDuplicate?(ctx: Ctx, row: PreparedRow<T>): Promise<LikelyDuplicate | null>;
  /**
   * For the preview: the row's values as they will be stored, keyed by field key (phones in E.164, dates ISO,
   * numbers as numbers). Without it the preview shows the mapped cell texts.
   */
  previewValues?(row: PreparedRow<T>): Record<string, PreviewValue>;
}

export type PreviewValue = string | number | boolean | string[] | null;

export interface LikelyDuplicate {
  id: string;
  kind: 'person' | 'organisation';
  displayName: string;
  customerNumber: string;
  score: number;
}
