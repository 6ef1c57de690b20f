/**
 * What the imports API answers (see the Imports section of the API contract). The names and shapes the server
 * declares once for readers, targets and the web alike are taken from it.
 */
import type {
  ConversionOptions,
  FieldType,
  ImportTargetName,
  MatchKey,
  RowIssue,
  SourceAnalysis,
} from '../../../src/modules/imports/import-types.ts';

export { IMPORT_TARGETS, MATCH_KEYS } from '../../../src/modules/imports/import-types.ts';
export type { FieldType, ImportTargetName, MatchKey, SourceLayout } from '../../../src/modules/imports/import-types.ts';

export const IMPORT_STATUSES = ['uploaded', 'mapped', 'queued', 'running', 'completed', 'validated', 'failed', 'cancelled', 'undone'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export const DECIMAL_SEPARATORS = ['auto', ',', '.'] as const;
export type DecimalSeparator = (typeof DECIMAL_SEPARATORS)[number];

export type MappingSource = 'remembered' | 'layout' | 'suggested' | 'user';

export type ImportOptions = ConversionOptions;

export interface ImportProgress {
  rowsRead: number;
  bytesRead: number;
  bytesTotal: number;
  /** 0 to 100. */
  percent: number;
  rowsPerSecond: number | null;
  secondsLeft: number | null;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  invalid: number;
  duplicatesFlagged: number;
}

/** An import: what the analysis of its file found, then its mapping, status, progress and counts. */
export interface ImportOut extends SourceAnalysis {
  id: string;
  fileName: string;
  fileSize: number;
  target: ImportTargetName | null;
  /** Aligned with `headers`: the field key each column feeds, null when the column is ignored. */
  mapping: (string | null)[];
  mappingSource: MappingSource;
  matchKey: MatchKey | null;
  options: ImportOptions;
  dryRun: boolean;
  status: ImportStatus;
  progress: ImportProgress;
  counts: ImportCounts;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  undoneAt: string | null;
  failure: string | null;
  canUndo: boolean;
}

export interface ImportPage {
  items: ImportOut[];
  nextCursor: string | null;
}

export interface TargetField {
  key: string;
  type: FieldType;
  required: boolean;
  values?: string[];
  matchOnly?: boolean;
  /** Custom fields (`custom.<key>`) come with their own label. */
  label?: string;
}

export interface TargetInfo {
  name: ImportTargetName;
  matchKeys: MatchKey[];
  fields: TargetField[];
}

export interface PartyBrief {
  id: string;
  kind: 'person' | 'organisation';
  displayName: string;
  customerNumber: string;
}

export type PreviewValue = string | number | boolean | string[] | null;

/** A problem of a previewed row (the row number is the row's own). */
export type PreviewIssue = Omit<RowIssue, 'rowNumber'>;

export interface PreviewRow {
  rowNumber: number;
  action: 'create' | 'update' | 'invalid';
  /** Field key → the value as it will be stored. */
  values: Record<string, PreviewValue>;
  issues: PreviewIssue[];
  matchedParty: PartyBrief | null;
  likelyDuplicate: (PartyBrief & { score: number }) | null;
}

export interface MappingBody {
  target: ImportTargetName;
  mapping: (string | null)[];
  matchKey: MatchKey | null;
  options: ImportOptions;
}

export interface MappingResult {
  import: ImportOut;
  preview: PreviewRow[];
}
