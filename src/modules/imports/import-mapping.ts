/**
 * The mapping of a file's columns to a target's fields: checked before anything is read (every problem named
 * by its position in `body.mapping`), remembered per source (a hash of the folded headers) so that the next
 * export from the same tool arrives mapped, and applied to each row to give the target its cells by field.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import type { ColumnMapping, ConversionOptions, ImportTarget, MappedRow, MatchKey, RowIssue, SourceAnalysis, TargetField } from './import-types.ts';
import { foldHeader, suggestMapping } from './mapping/suggest.ts';
import { presetMapping } from './readers/layouts.ts';

export type MappingSource = 'remembered' | 'layout' | 'suggested' | 'user';

export const DEFAULT_CONVERSION: ConversionOptions = { dateOrder: 'dmy', decimalSeparator: 'auto' };

/**
 * Fields that stand in for a required field when mapped instead (a full name gives the last name; an order or
 * interaction names its customer by number, email or external id).
 */
const STANDS_IN_FOR: Record<string, readonly string[]> = { lastName: ['fullName'], customerNumber: ['customerEmail', 'customerExternalId'] };

/** The fields each match key reads: the key itself, or any of its typed variants (`email.work`, `phone.mobile`). */
function feedsMatchKey(field: string, matchKey: MatchKey): boolean {
  return field === matchKey || ((matchKey === 'email' || matchKey === 'phone') && field.startsWith(`${matchKey}.`));
}

/** Fields that several columns may feed: lists, emails and phones (a contact export has several of each). */
function repeatable(field: TargetField): boolean {
  return field.type === 'list' || field.type === 'email' || field.type === 'phone';
}

export interface MappingChoice {
  mapping: ColumnMapping;
  matchKey: string | null;
}

/** Every problem of a mapping for these headers and this target, each naming the offending part of the body. */
export function checkMapping(headers: readonly string[], fields: readonly TargetField[], target: ImportTarget, choice: MappingChoice): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { mapping, matchKey } = choice;
  if (mapping.length !== headers.length) {
    issues.push({ field: 'body.mapping', rule: `must have one entry per column of the file (${headers.length}), not ${mapping.length}` });
    return issues;
  }
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const seen = new Map<string, number>();
  mapping.forEach((key, index) => {
    if (key === null) return;
    const field = byKey.get(key);
    if (!field) {
      issues.push({ field: `body.mapping[${index}]`, rule: `${key} is not a field of ${target.name} (column "${headers[index]}")` });
      return;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined && !repeatable(field)) {
      issues.push({ field: `body.mapping[${index}]`, rule: `${key} is already mapped from column "${headers[earlier]}"` });
    }
    if (earlier === undefined) seen.set(key, index);
  });
  for (const field of fields) {
    if (!field.required || seen.has(field.key)) continue;
    const standIns = STANDS_IN_FOR[field.key] ?? [];
    if (standIns.some((key) => seen.has(key))) continue;
    const alternatives = standIns.length > 0 ? ` (or ${standIns.join(', ')})` : '';
    issues.push({ field: 'body.mapping', rule: `${field.key}${alternatives} must be mapped` });
  }
  if (matchKey !== null) {
    if (!(target.matchKeys as readonly string[]).includes(matchKey)) {
      const allowed = target.matchKeys.length > 0 ? `one of ${target.matchKeys.join(', ')}` : 'null: this target matches on nothing';
      issues.push({ field: 'body.matchKey', rule: `must be ${allowed} for ${target.name}` });
    } else if (![...seen.keys()].some((key) => feedsMatchKey(key, matchKey as MatchKey))) {
      issues.push({ field: 'body.matchKey', rule: `needs a column mapped to ${matchKey} to match on it` });
    }
  }
  return issues;
}

/** The key a source's mapping is remembered under: the same column titles (folded) give the same key. */
export function sourceKey(headers: readonly string[]): string {
  return createHash('sha256').update(headers.map(foldHeader).join('\u001f')).digest('hex');
}

/** Keeps only the entries that are still fields of the target (a custom field may have been deleted since). */
function stillValid(mapping: ColumnMapping, headers: readonly string[], fields: readonly TargetField[]): ColumnMapping | null {
  if (mapping.length !== headers.length) return null;
  const keys = new Set(fields.map((f) => f.key));
  return mapping.map((key) => (key !== null && keys.has(key) ? key : null));
}

export interface InitialMapping {
  mapping: ColumnMapping;
  matchKey: string | null;
  source: MappingSource;
  conversion: ConversionOptions | null;
}

/**
 * The mapping to offer for a file: the one remembered for the same headers and target, else the preset of a
 * recognised export layout (Outlook, Google, vCard), else the one suggested from the column titles.
 */
export async function initialMapping(ctx: Ctx, analysis: Pick<SourceAnalysis, 'headers' | 'layout'>, target: ImportTarget): Promise<InitialMapping> {
  const fields = await target.fields(ctx);
  const remembered = await scoped(ctx.db, ctx.workspaceId)
    .selectFrom('import_mappings')
    .select(['mapping', 'match_key', 'options'])
    .where('source_key', '=', sourceKey(analysis.headers))
    .where('target', '=', target.name)
    .executeTakeFirst();
  const kept = remembered ? stillValid(remembered.mapping, analysis.headers, fields) : null;
  if (remembered && kept) {
    const conversion = remembered.options as unknown as ConversionOptions;
    return { mapping: kept, matchKey: remembered.match_key, source: 'remembered', conversion: conversion.dateOrder ? conversion : null };
  }
  const preset = analysis.layout === 'generic' ? null : presetMapping(analysis.layout, analysis.headers, target.name);
  const layout = preset ? stillValid(preset, analysis.headers, fields) : null;
  if (layout && layout.some((key) => key !== null)) return { mapping: layout, matchKey: null, source: 'layout', conversion: null };
  return { mapping: suggestMapping([...analysis.headers], [...fields]), matchKey: null, source: 'suggested', conversion: null };
}

/** Remembers the mapping chosen for this source and target, for the next file with the same headers. */
export async function rememberMapping(ctx: Ctx, headers: readonly string[], target: string, choice: MappingChoice, conversion: ConversionOptions): Promise<void> {
  await sql`
    insert into import_mappings (workspace_id, source_key, target, mapping, match_key, options, updated_at)
    values (${ctx.workspaceId}, ${sourceKey(headers)}, ${target}, ${JSON.stringify(choice.mapping)}::jsonb, ${choice.matchKey},
      ${JSON.stringify(conversion)}::jsonb, now())
    on conflict (workspace_id, source_key, target)
    do update set mapping = excluded.mapping, match_key = excluded.match_key, options = excluded.options, updated_at = now()`.execute(ctx.db);
}

/**
 * One row's cells by field: blank cells are left out (a blank cell never erases stored data), several columns
 * mapped to one field keep their order, and each field remembers the first column it came from for the report.
 */
export function mapRow(cells: readonly string[], headers: readonly string[], mapping: ColumnMapping, rowNumber = 0): MappedRow {
  const values = new Map<string, string[]>();
  const columns = new Map<string, string>();
  mapping.forEach((key, index) => {
    if (key === null) return;
    const text = (cells[index] ?? '').trim();
    if (!columns.has(key)) columns.set(key, headers[index] ?? `Column ${index + 1}`);
    if (text === '') return;
    const list = values.get(key);
    if (list) list.push(text);
    else values.set(key, [text]);
  });
  return { rowNumber, values, columns };
}

/** A write-time issue named by field key (`sku`) renamed after the column the user knows (`Référence`). */
export function inColumns(issue: RowIssue, row: MappedRow | undefined): RowIssue {
  const title = issue.column === null ? undefined : row?.columns.get(issue.column);
  return title === undefined ? issue : { ...issue, column: title };
}
