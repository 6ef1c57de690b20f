/**
 * The rules of the import screens, pure: which step an import is at, how its progress and time left read, what
 * the mapping table shows per column (samples, where the suggestion came from, the server's complaint), and how
 * preview values and their problems are laid out.
 */
import { ApiError } from '../app/api.ts';
import { formatDateTime } from '../app/format.ts';
import type {
  FieldType,
  ImportOut,
  ImportProgress,
  ImportStatus,
  MappingBody,
  MappingSource,
  PreviewIssue,
  PreviewRow,
  PreviewValue,
  TargetField,
} from './importTypes.ts';

export const IMPORT_STEPS = ['mapping', 'preview', 'progress', 'result'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

/** The step of the wizard an import in `status` is at. */
export function stepOf(status: ImportStatus): ImportStep {
  switch (status) {
    case 'uploaded':
      return 'mapping';
    case 'mapped':
      return 'preview';
    case 'queued':
    case 'running':
      return 'progress';
    default:
      return 'result';
  }
}

/** True while the server is still working on the import: the page polls it then. */
export function isInProgress(status: ImportStatus): boolean {
  return status === 'queued' || status === 'running';
}

/** How often to fetch the import again: every 500 ms while it runs, not at all otherwise. */
export function pollInterval(status: ImportStatus | undefined): number | false {
  return status && isInProgress(status) ? 500 : false;
}

/** The badge colour of each status. */
export const STATUS_COLORS: Record<ImportStatus, string> = {
  uploaded: 'gray',
  mapped: 'gray',
  queued: 'blue',
  running: 'blue',
  completed: 'green',
  validated: 'teal',
  failed: 'red',
  cancelled: 'orange',
  undone: 'violet',
};

function unit(value: number, unitName: 'second' | 'minute' | 'hour', locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: unitName, unitDisplay: 'short' }).format(value);
}

/**
 * A duration as people read an estimate: `17 s`, `1 min 17 s`, `12 min` (seconds dropped from ten minutes on,
 * where they are noise), `2 h 5 min`. Null for a duration that is not known (null, negative, not a number).
 */
export function formatDuration(seconds: number | null, locale: string): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  const total = Math.max(1, Math.ceil(seconds));
  if (total < 60) return unit(total, 'second', locale);
  if (total < 3600) {
    const minutes = Math.floor(total / 60);
    const rest = total % 60;
    if (minutes >= 10 || rest === 0) return unit(Math.round(total / 60), 'minute', locale);
    return `${unit(minutes, 'minute', locale)} ${unit(rest, 'second', locale)}`;
  }
  const hours = Math.floor(total / 3600);
  const minutes = Math.round((total % 3600) / 60);
  if (minutes === 0) return unit(hours, 'hour', locale);
  if (minutes === 60) return unit(hours + 1, 'hour', locale);
  return `${unit(hours, 'hour', locale)} ${unit(minutes, 'minute', locale)}`;
}

export interface ProgressFigures {
  /** The bar's value, 0 to 100. */
  value: number;
  percent: string;
  rowsRead: string;
  /** Null until the server has measured a rate. */
  rowsPerSecond: string | null;
  timeLeft: string | null;
}

/** The figures shown under the progress bar, formatted for `locale` (`4.5%`, `45,000`, `1 min 17 sec`). */
export function progressFigures(progress: ImportProgress, locale: string): ProgressFigures {
  const value = Math.min(100, Math.max(0, progress.percent));
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return {
    value,
    percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100),
    rowsRead: number.format(progress.rowsRead),
    rowsPerSecond: progress.rowsPerSecond === null ? null : number.format(progress.rowsPerSecond),
    timeLeft: formatDuration(progress.secondsLeft, locale),
  };
}

/** `utf-8` → `UTF-8`, `windows-1252` → `Windows-1252`: encodings as spreadsheet programs name them. */
export function encodingName(encoding: string): string {
  const lower = encoding.toLowerCase();
  if (lower.startsWith('windows-')) return `Windows-${lower.slice('windows-'.length)}`;
  return lower.toUpperCase();
}

export type DelimiterName = 'comma' | 'semicolon' | 'tab' | 'pipe';

/** The name of a CSV delimiter, to be translated; null for one without a name (shown as is). */
export function delimiterName(delimiter: string): DelimiterName | null {
  const names: Record<string, DelimiterName> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
  return names[delimiter] ?? null;
}

/** The first `count` non-blank values of column `index` in the sample, to recognise what the column holds. */
export function columnSamples(sample: readonly string[][], index: number, count = 3): string[] {
  const values: string[] = [];
  for (const row of sample) {
    const cell = row[index]?.trim();
    if (cell) values.push(cell);
    if (values.length === count) break;
  }
  return values;
}

/**
 * Where the field of column `index` came from: the server's source while the user has left the column as the
 * server proposed it, null once they changed it (or when nothing was proposed).
 */
export function columnSource(
  index: number,
  proposed: readonly (string | null)[],
  current: readonly (string | null)[],
  source: MappingSource,
): Exclude<MappingSource, 'user'> | null {
  const field = proposed[index] ?? null;
  if (source === 'user' || field === null || current[index] !== field) return null;
  return source;
}

/** The mapping with column `index` feeding `field` (null: ignored). */
export function withColumnField(mapping: readonly (string | null)[], index: number, field: string | null): (string | null)[] {
  return mapping.map((current, i) => (i === index ? field : current));
}

/**
 * Required fields no column feeds yet, in the target's order. A person's last name may come from a full name
 * column instead (the import splits it), so it is not missing then. The server has the last word; this is the
 * hint shown while mapping.
 */
export function unmappedRequired(mapping: readonly (string | null)[], fields: readonly TargetField[]): string[] {
  const mapped = new Set(mapping.filter((key): key is string => key !== null));
  return fields
    .filter((field) => field.required && !mapped.has(field.key))
    .filter((field) => !(field.key === 'lastName' && mapped.has('fullName')))
    .map((field) => field.key);
}

/** Fields fed by more than one column where that makes no sense: only list fields (tags…) gather several. */
export function repeatedFields(mapping: readonly (string | null)[], fields: readonly TargetField[]): string[] {
  const types = new Map(fields.map((field) => [field.key, field.type]));
  const seen = new Map<string, number>();
  for (const key of mapping) if (key !== null) seen.set(key, (seen.get(key) ?? 0) + 1);
  return [...seen].filter(([key, times]) => times > 1 && types.get(key) !== 'list').map(([key]) => key);
}

export interface MappingIssues {
  /** Column index → what the server said about the field chosen for it (`body.mapping[3]`). */
  columns: Map<number, string>;
  matchKey: string | null;
  /** What concerns the mapping as a whole ("lastName must be mapped"). */
  general: string[];
}

/** The server's refusal of a mapping, each issue next to what it names. */
export function mappingIssues(error: unknown): MappingIssues {
  const issues: MappingIssues = { columns: new Map(), matchKey: null, general: [] };
  if (!(error instanceof ApiError)) return issues;
  for (const issue of error.issues) {
    const column = /(?:^|\.)mapping\[(\d+)\]/.exec(issue.field);
    if (column) issues.columns.set(Number(column[1]), issue.rule);
    else if (issue.field.endsWith('matchKey')) issues.matchKey = issue.rule;
    else issues.general.push(issue.rule);
  }
  return issues;
}

/** The import's mapping as the body of `PUT /api/imports/:id/mapping`; null while it has no target. */
export function draftFrom(imp: ImportOut): MappingBody | null {
  if (!imp.target) return null;
  return { target: imp.target, mapping: [...imp.mapping], matchKey: imp.matchKey, options: { ...imp.options } };
}

/** The fields the mapped columns feed, each once, in column order: the columns of the preview table. */
export function previewFields(mapping: readonly (string | null)[]): string[] {
  return [...new Set(mapping.filter((key): key is string => key !== null))];
}

export interface RowIssues {
  /** Field key → why its value was refused, with the value as the file has it. */
  byField: Map<string, Pick<PreviewIssue, 'value' | 'reason'>[]>;
  /** Problems of the row as a whole, or of a column that is not shown. */
  other: string[];
}

/**
 * The problems of a preview row placed on the cells they concern. The server names the column title (or the
 * field); a title is turned into the field its column feeds.
 */
export function rowIssues(row: PreviewRow, headers: readonly string[], mapping: readonly (string | null)[]): RowIssues {
  const result: RowIssues = { byField: new Map(), other: [] };
  const shown = new Set(previewFields(mapping));
  for (const issue of row.issues) {
    const columnIndex = issue.column === null ? -1 : headers.indexOf(issue.column);
    const field = columnIndex >= 0 ? (mapping[columnIndex] ?? null) : shown.has(issue.column ?? '') ? issue.column : null;
    if (field === null) result.other.push(issue.column ? `${issue.column}: ${issue.reason}` : issue.reason);
    else result.byField.set(field, [...(result.byField.get(field) ?? []), { value: issue.value, reason: issue.reason }]);
  }
  return result;
}

/**
 * A stored value as the preview shows it: dates and numbers in the reader's language, lists joined, yes/no;
 * phones stay in their international form (+33…), which is what is stored. Empty for no value.
 */
export function formatPreviewValue(value: PreviewValue, type: FieldType | undefined, locale: string, words: { yes: string; no: string }): string {
  if (value === null || value === '') return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') {
    const digits = type === 'money' ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : { maximumFractionDigits: 6 };
    return new Intl.NumberFormat(locale, digits).format(value);
  }
  if (type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    // A calendar day, not an instant: formatted in UTC so that no time zone moves it to the day before.
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
  }
  if (type === 'datetime') return formatDateTime(value, locale);
  return value;
}

export type UndoAvailability = 'hidden' | 'available' | 'blocked';

/**
 * Undo is offered whenever the server allows it (a completed import, or the batches a failed one wrote), and
 * shown disabled on a completed import the server says can no longer be undone.
 */
export function undoAvailability(imp: Pick<ImportOut, 'status' | 'canUndo'>): UndoAvailability {
  if (imp.canUndo) return 'available';
  return imp.status === 'completed' ? 'blocked' : 'hidden';
}

/** Accepted file types of the upload: what the readers understand. */
export const IMPORT_ACCEPT = '.csv,.txt,.tsv,.xlsx,.vcf,.vcard,text/csv,text/vcard,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
