/**
 * The life of an import up to its start: a file received (uploaded, or named on the command line and read in
 * place), analysed, mapped to a target with a preview of its first rows, then queued for the runner. Every
 * import stays in the list as the history of what came in, by whom and with what result.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import { inTransaction, actorUserId, whenCommitted, type Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { AppError, notFound, throwIfIssues } from '../../platform/errors.ts';
import { paginate, type PageRequest, type PageResult } from '../../platform/http/pagination.ts';
import { receiveToTemporaryFile } from '../interactions/attachment-intake.ts';
import { sanitiseFileName } from '../interactions/attachment-names.ts';
import type { ConversionOptions, ReadSettings, SourceAnalysis } from './import-types.ts';
import { checkMapping, initialMapping, rememberMapping, type MappingSource } from './import-mapping.ts';
import { storedOptions, type ImportRecord, type ImportRow, type StoredOptions } from './import-presenter.ts';
import { previewRows, type PreviewRow } from './import-preview.ts';
import type { MappingIn } from './import-schemas.ts';
import { analyseSource, readHeaders, readSource } from './readers/source.ts';
import { importTarget, importTargets } from './targets/index.ts';
import { wakeImportRunners } from './import-wake.ts';

const SAMPLE_ROWS = 20;
/** Long cells are cut in the stored sample: it is for the eye, the import reads the file itself. */
const SAMPLE_CELL_MAX = 500;

/** The folder uploaded files are kept in while their import may still read them. */
export function importsDir(dataDir: string, workspaceId: string): string {
  return path.join(dataDir, 'imports', workspaceId);
}

/** Where the runner reads an import's file: the uploaded copy, or the file named on the command line. */
export function importFilePath(row: Pick<ImportRecord, 'source_path' | 'storage_key'>, dataDir: string): string {
  if (row.source_path) return row.source_path;
  return path.join(dataDir, 'imports', row.storage_key!);
}

/**
 * Deletes the uploaded copy of an import that will not read it again (completed or cancelled): its counts, error
 * report and changes live in the database. A file named on the command line is the user's own and stays.
 */
export async function discardUpload(row: Pick<ImportRecord, 'source_path' | 'storage_key'>, dataDir: string): Promise<void> {
  if (row.source_path || !row.storage_key) return;
  await rm(importFilePath(row, dataDir), { force: true });
}

function importsWithAuthor(ctx: Ctx) {
  return scoped(ctx.db, ctx.workspaceId)
    .selectFrom('imports')
    .leftJoin('users as author', (join) => join.onRef('author.workspace_id', '=', 'imports.workspace_id').onRef('author.id', '=', 'imports.created_by'))
    .selectAll('imports')
    .select('author.name as created_by_name');
}

export async function getImport(ctx: Ctx, id: string): Promise<ImportRow> {
  const row = await importsWithAuthor(ctx).where('imports.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Import');
  return row;
}

/** The imports of the workspace, newest first: the history of what came in. */
export async function listImports(ctx: Ctx, page: PageRequest): Promise<PageResult<ImportRow>> {
  return paginate(importsWithAuthor(ctx), { ...page, sort: '-createdAt' }, { sortColumns: { createdAt: 'imports.created_at' }, defaultSort: '-createdAt', idColumn: 'imports.id' });
}

const trimSample = (sample: string[][]) => sample.slice(0, SAMPLE_ROWS).map((cells) => cells.map((c) => (c.length > SAMPLE_CELL_MAX ? `${c.slice(0, SAMPLE_CELL_MAX)}…` : c)));

interface NewImport {
  id: string;
  fileName: string;
  size: number;
  sha256: string;
  /** Exactly one of the two: the uploaded copy (relative to the imports folder) or a file read in place. */
  storageKey?: string;
  sourcePath?: string;
  analysis: SourceAnalysis;
  target?: string;
}

/** Records an analysed file as an import; with a target, it gets the remembered, layout or suggested mapping. */
export async function recordImport(ctx: Ctx, input: NewImport): Promise<ImportRow> {
  const { analysis } = input;
  let mapping: (string | null)[] = analysis.headers.map(() => null);
  let matchKey: string | null = null;
  let mappingSource: MappingSource = 'suggested';
  let conversion: ConversionOptions | null = null;
  const target = input.target ? importTarget(input.target) : null;
  if (target) ({ mapping, matchKey, source: mappingSource, conversion } = await initialMapping(ctx, analysis, target));
  const options: StoredOptions = { conversion: conversion ?? storedOptions({ options: {} }).conversion, mappingSource, sheets: analysis.sheets, sample: trimSample(analysis.sample) };
  await scoped(ctx.db, ctx.workspaceId)
    .insertInto('imports', [
      {
        id: input.id,
        created_by: actorUserId(ctx.actor),
        file_name: input.fileName,
        file_size: input.size,
        sha256: input.sha256,
        storage_key: input.storageKey ?? null,
        source_path: input.sourcePath ?? null,
        format: analysis.format,
        encoding: analysis.encoding,
        delimiter: analysis.delimiter,
        layout: analysis.layout,
        sheet: analysis.sheet,
        headers: JSON.stringify(analysis.headers),
        target: target?.name ?? null,
        mapping: JSON.stringify(mapping),
        match_key: matchKey,
        options: JSON.stringify(options),
      },
    ])
    .execute();
  return getImport(ctx, input.id);
}

export interface UploadOptions {
  dataDir: string;
  maxBytes: number;
  /** Reads the request: the file's stream (to be consumed at once) and, once it is read, the form's `target`. */
  receive: (store: (file: { stream: Readable; fileName: string; truncated: () => boolean }) => Promise<void>) => Promise<{ target?: string }>;
}

/**
 * Receives an uploaded file into the imports folder (hashed while streamed, refused over the size limit with
 * nothing kept), analyses it and records the import. An empty or unreadable file is a 422 and is not kept.
 */
export async function uploadImport(ctx: Ctx, options: UploadOptions): Promise<ImportRow> {
  const id = randomUUID();
  const dir = importsDir(options.dataDir, ctx.workspaceId);
  let received: { path: string; size: number; sha256: string; fileName: string } | null = null;
  try {
    const { target } = await options.receive(async (file) => {
      const stored = await receiveToTemporaryFile(file.stream, { dir: path.join(dir, '.incoming'), maxBytes: options.maxBytes, truncated: file.truncated });
      received = { ...stored, fileName: sanitiseFileName(file.fileName || 'import') };
    });
    if (!received) throw new AppError('validation_failed', 'body.file is required', [{ field: 'body.file', rule: 'is required' }]);
    const file: { path: string; size: number; sha256: string; fileName: string } = received;
    if (file.size === 0) throw new AppError('unprocessable', 'The file is empty', [{ field: 'body.file', rule: 'must not be empty' }]);
    if (target !== undefined) importTarget(target);
    const analysis = await analyseSource(file.path, file.fileName);
    await mkdir(dir, { recursive: true });
    const finalPath = path.join(dir, id);
    await rename(file.path, finalPath);
    received = { ...file, path: finalPath };
    return await recordImport(ctx, { id, fileName: file.fileName, size: file.size, sha256: file.sha256, storageKey: `${ctx.workspaceId}/${id}`, analysis, target });
  } catch (error) {
    const leftover = received as { path: string } | null;
    if (leftover) await rm(leftover.path, { force: true });
    throw error;
  }
}

/** The read settings of an import with the user's corrections applied, and whether they changed. */
function readSettings(row: ImportRecord, body: Pick<MappingIn, 'sheet' | 'delimiter' | 'encoding'>): { settings: ReadSettings; changed: boolean } {
  const settings: ReadSettings = {
    format: row.format as ReadSettings['format'],
    encoding: row.format === 'xlsx' ? null : (body.encoding ?? row.encoding),
    delimiter: row.format === 'csv' ? (body.delimiter ?? row.delimiter) : null,
    sheet: row.format === 'xlsx' ? (body.sheet ?? row.sheet) : null,
    layout: row.layout as ReadSettings['layout'],
  };
  const changed = settings.encoding !== row.encoding || settings.delimiter !== row.delimiter || settings.sheet !== row.sheet;
  return { settings, changed };
}

/** The first rows of a file, for the sample and the preview. */
export async function firstRows(file: string, settings: ReadSettings, count = SAMPLE_ROWS) {
  const rows = [];
  for await (const row of readSource(file, settings)) {
    rows.push(row);
    if (rows.length >= count) break;
  }
  return rows;
}

/**
 * Sets the target, mapping, match key and conversion options (re-reading the file when the user chose another
 * sheet, delimiter or encoding), remembers the mapping for this source and previews the first rows.
 */
export async function setMapping(ctx: Ctx, id: string, body: MappingIn, dataDir: string): Promise<{ row: ImportRow; preview: PreviewRow[] }> {
  const row = await getImport(ctx, id);
  if (!['uploaded', 'mapped', 'validated'].includes(row.status)) {
    throw new AppError('conflict', `This import is ${row.status}; its mapping can no longer change`);
  }
  if (body.sheet !== undefined && row.format === 'xlsx' && !storedOptions(row).sheets.includes(body.sheet)) {
    throw new AppError('validation_failed', `body.sheet must be one of the workbook's sheets`, [{ field: 'body.sheet', rule: `must be one of ${storedOptions(row).sheets.join(', ')}` }]);
  }
  const target = importTarget(body.target);
  const file = importFilePath(row, dataDir);
  const { settings, changed } = readSettings(row, body);
  const headers = changed ? await readHeaders(file, settings) : row.headers;
  const fields = await target.fields(ctx);
  throwIfIssues(checkMapping(headers, fields, target, body));
  const stored = storedOptions(row);
  const conversion: ConversionOptions = body.options ?? stored.conversion;
  const sampleRows = await firstRows(file, settings);
  const options: StoredOptions = { ...stored, conversion, mappingSource: 'user', sample: trimSample(sampleRows.map((r) => r.cells)) };

  await inTransaction(ctx, async (tx) => {
    await scoped(tx.db, tx.workspaceId)
      .updateTable('imports')
      .set({
        target: target.name,
        mapping: JSON.stringify(body.mapping),
        match_key: body.matchKey,
        options: JSON.stringify(options),
        headers: JSON.stringify(headers),
        encoding: settings.encoding,
        delimiter: settings.delimiter,
        sheet: settings.sheet,
        status: 'mapped',
      })
      .where('id', '=', id)
      .execute();
    await rememberMapping(tx, headers, target.name, body, conversion);
  });
  const preview = await previewRows(ctx, { importId: id, target, headers, mapping: body.mapping, matchKey: body.matchKey, conversion, rows: sampleRows });
  return { row: await getImport(ctx, id), preview };
}

export interface StartOptions {
  dryRun: boolean;
  /** Claims the import for this runner at once (the command line runs it in its own process). */
  runnerId?: string;
}

/**
 * Queues a mapped import (or one whose dry run has validated it) for the runner, counters and error report
 * reset; a 409 in any other state.
 */
export async function startImport(ctx: Ctx, id: string, options: StartOptions): Promise<ImportRow> {
  await inTransaction(ctx, async (tx) => {
    const imports = scoped(tx.db, tx.workspaceId);
    const row = await imports.selectFrom('imports').select(['status']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound('Import');
    if (row.status !== 'mapped' && row.status !== 'validated') {
      throw new AppError('conflict', `Only a mapped import (or one validated by a dry run) can start; this one is ${row.status}`);
    }
    await imports.deleteFrom('import_row_errors').where('import_id', '=', id).execute();
    await imports
      .updateTable('imports')
      .set({
        status: options.runnerId ? 'running' : 'queued',
        runner_id: options.runnerId ?? null,
        heartbeat_at: options.runnerId ? sql<Date>`now()` : null,
        dry_run: options.dryRun,
        checkpoint_row: 0,
        bytes_read: 0,
        rows_read: 0,
        rows_created: 0,
        rows_updated: 0,
        rows_unchanged: 0,
        rows_invalid: 0,
        duplicates_flagged: 0,
        started_at: options.runnerId ? sql<Date>`now()` : null,
        finished_at: null,
        failure: null,
      })
      .where('id', '=', id)
      .execute();
    whenCommitted(tx, wakeImportRunners);
  });
  return getImport(ctx, id);
}

/** The targets the wizard offers, with their fields and match keys. */
export async function listTargets(ctx: Ctx) {
  const targets = [];
  for (const target of importTargets()) {
    const fields = await target.fields(ctx);
    targets.push({
      name: target.name,
      matchKeys: [...target.matchKeys],
      fields: fields.map((f) => ({
        key: f.key,
        type: f.type,
        required: f.required ?? false,
        ...(f.values ? { values: [...f.values] } : {}),
        ...(f.matchOnly ? { matchOnly: true } : {}),
        ...(f.label ? { label: f.label } : {}),
      })),
    });
  }
  return { targets };
}
