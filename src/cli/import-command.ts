/**
 * `rapport import <file>`: imports a file read in place (no copy, no size limit) with the same mapping, checks
 * and runner as the web app, in this process, showing its progress. The import id is printed first, so a run
 * that was killed can be finished with `--resume <id>`: it goes on after the last committed batch.
 *
 * Exit codes: 0 when the import ran to its end (refused rows are reported, they are not a failure), 1 when it
 * failed, 2 for a command that cannot run as written (unknown option value, missing file, bad mapping).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Command, CommanderError } from 'commander';
import type { Config } from '../platform/config.ts';
import { authorize, type Role } from '../platform/auth/permissions.ts';
import { SYSTEM_ACTOR, type Actor, type Ctx } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { openConfiguredDatabase } from '../server.ts';
import { errorReport } from '../modules/imports/error-report.ts';
import { estimatedRows, storedOptions, type ImportRecord } from '../modules/imports/import-presenter.ts';
import { claimImport } from '../modules/imports/import-claims.ts';
import { runImport } from '../modules/imports/import-runner.ts';
import { getImport, recordImport, setMapping, startImport } from '../modules/imports/import-service.ts';
import { IMPORT_TARGETS, type ColumnMapping, type ImportTarget, type SourceAnalysis } from '../modules/imports/import-types.ts';
import { foldHeader } from '../modules/imports/mapping/suggest.ts';
import { analyseSource } from '../modules/imports/readers/source.ts';
import { importTarget } from '../modules/imports/targets/index.ts';

/** A command that cannot run as written: exit code 2. */
class UsageError extends Error {}

interface ImportOptions {
  type?: string;
  match?: string;
  dryRun?: boolean;
  workspace?: string;
  user?: string;
  map?: string;
  errors?: string;
  resume?: string;
}

const number = (n: number) => Math.round(n).toLocaleString('en-US');

/** `77` → `1 min 17 s`: how long is left, as a person reads it. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** `45,000 / ~1,000,000 rows · 4.5 % · 12,300 rows/s · 1 min 17 s left` */
export function progressLine(row: ImportRecord, now = Date.now()): string {
  const rows = Number(row.rows_read);
  const total = estimatedRows(row);
  const percent = Number(row.file_size) > 0 ? (Number(row.bytes_read) * 100) / Number(row.file_size) : 0;
  const elapsed = row.started_at ? Math.max((now - row.started_at.getTime()) / 1000, 0.001) : null;
  const rate = elapsed ? rows / elapsed : null;
  const left = elapsed && Number(row.bytes_read) > 0 ? ((Number(row.file_size) - Number(row.bytes_read)) * elapsed) / Number(row.bytes_read) : null;
  return [
    `${number(rows)} / ~${total === null ? '?' : number(total)} rows`,
    `${percent.toFixed(1)} %`,
    ...(rate === null ? [] : [`${number(rate)} rows/s`]),
    ...(left === null ? [] : [`${formatDuration(left)} left`]),
  ].join(' · ');
}

/** `--map "Nom=lastName,Ville=address.city"` as a mapping aligned with the headers (columns not named: ignored). */
export function parseMapOption(text: string, headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = headers.map(() => null);
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--map: "${pair}" is not Header=fieldKey`);
    const header = pair.slice(0, at).trim();
    const key = pair.slice(at + 1).trim();
    let index = headers.indexOf(header);
    if (index < 0) index = headers.findIndex((h) => foldHeader(h) === foldHeader(header));
    if (index < 0) throw new UsageError(`--map: the file has no column "${header}" (columns: ${headers.join(', ')})`);
    mapping[index] = key === '' || key === '-' ? null : key;
  }
  return mapping;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function actorFor(ctx: Omit<Ctx, 'actor'>, email: string | undefined): Promise<Actor> {
  if (!email) return SYSTEM_ACTOR;
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'role', 'status'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  if (!user || user.status !== 'active') throw new UsageError(`--user: no active user ${email} in this workspace`);
  const actor: Actor = { type: 'user', userId: user.id, role: user.role as Role, label: user.email };
  try {
    authorize(actor, 'data:import');
  } catch {
    throw new UsageError(`--user: ${user.email} (${user.role}) may not import data`);
  }
  return actor;
}

function describeIssues(error: AppError): string {
  return error.issues.length > 0 ? error.issues.map((i) => `  ${i.field.replace(/^body\./, '')}: ${i.rule}`).join('\n') : `  ${error.message}`;
}

function printMapping(headers: readonly string[], mapping: ColumnMapping, source: string): void {
  const width = Math.min(Math.max(...headers.map((h) => h.length), 0), 40);
  process.stdout.write(`Mapping (${source}):\n`);
  headers.forEach((header, i) => process.stdout.write(`  ${header.padEnd(width)} → ${mapping[i] ?? '(ignored)'}\n`));
}

/** Printed when the rows are in and the imported records are being checked for duplicates. */
export const DUPLICATE_CHECK_LINE = 'All rows written; checking the imported records for duplicates…';

/** Shows the progress on stderr: one line redrawn on a terminal, a line every 2 s otherwise. */
function progressReporter(): { update(row: ImportRecord): void; done(): void } {
  const tty = process.stderr.isTTY;
  let last = 0;
  return {
    update(row) {
      if (tty) return void process.stderr.write(`\r${progressLine(row)}\x1b[K`);
      if (Date.now() - last < 2000) return;
      last = Date.now();
      process.stderr.write(`${progressLine(row)}\n`);
    },
    done() {
      if (tty) process.stderr.write('\r\x1b[K');
    },
  };
}

async function run(file: string, options: ImportOptions, config: Config): Promise<number> {
  if (!options.resume && !options.type) throw new UsageError(`--type is required: one of ${IMPORT_TARGETS.join(', ')}`);
  const absolute = path.resolve(file);
  const info = await stat(absolute).catch(() => null);
  if (!info?.isFile()) throw new UsageError(`${file} is not a readable file`);
  // Everything that can be checked without the database is, so a mistyped command answers at once.
  let fresh: { target: ImportTarget; analysis: SourceAnalysis; mapping: ColumnMapping | null } | null = null;
  if (!options.resume) {
    const target = importTarget(options.type!, '--type');
    if (options.match && !(target.matchKeys as readonly string[]).includes(options.match)) {
      throw new UsageError(`--match must be one of ${target.matchKeys.join(', ') || '(none)'} for ${target.name}`);
    }
    const analysis = await analyseSource(absolute, path.basename(absolute));
    fresh = { target, analysis, mapping: options.map ? parseMapOption(options.map, analysis.headers) : null };
  }

  const database = await openConfiguredDatabase(config);
  const runnerId = `cli-${process.pid}-${randomUUID().slice(0, 8)}`;
  try {
    let query = database.db.selectFrom('workspaces').select(['id', 'slug']);
    if (options.workspace) query = query.where('slug', '=', options.workspace);
    const workspaces = await query.limit(2).execute();
    if (workspaces.length !== 1) throw new UsageError(workspaces.length === 0 ? 'No such workspace' : 'Several workspaces exist: pass --workspace <slug>');
    const base = { db: database.db, workspaceId: workspaces[0]!.id };
    const ctx: Ctx = { ...base, actor: await actorFor(base, options.user) };

    let claimed: ImportRecord | null;
    if (options.resume) {
      const row = await getImport(ctx, options.resume).catch(() => null);
      if (!row) throw new UsageError(`--resume: no import ${options.resume} in this workspace`);
      if (row.source_path !== absolute) throw new UsageError(`--resume: import ${row.id} reads ${row.source_path ?? 'an uploaded file'}, not ${absolute}`);
      if (Number(row.file_size) !== info.size || (await sha256Of(absolute)) !== row.sha256) {
        throw new UsageError(`--resume: ${file} has changed since import ${row.id} started; start a new import`);
      }
      claimed = await claimImport(database.db, runnerId, ctx.workspaceId, row.id);
      if (!claimed) throw new UsageError(`--resume: import ${row.id} is ${row.status}; only a queued, running or failed import can be resumed`);
      process.stdout.write(`Import ${row.id} resumed after row ${number(Number(claimed.checkpoint_row))}\n`);
    } else {
      const { target, analysis } = fresh!;
      const id = randomUUID();
      const row = await recordImport(ctx, { id, fileName: path.basename(absolute), size: info.size, sha256: await sha256Of(absolute), sourcePath: absolute, analysis, target: target.name });
      process.stdout.write(`Import ${id}\n`);
      const matchKey = options.match ?? row.match_key;
      const mapping = fresh!.mapping ?? row.mapping;
      try {
        await setMapping(ctx, id, { target: target.name as never, mapping, matchKey: (matchKey ?? null) as never }, config.dataDir);
      } catch (error) {
        // A command that cannot run leaves no import behind in the history.
        await database.db.deleteFrom('imports').where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).execute();
        if (error instanceof AppError && error.code === 'validation_failed') throw new UsageError(`The mapping cannot be used:\n${describeIssues(error)}`);
        throw error;
      }
      printMapping(row.headers, mapping, options.map ? 'from --map' : storedOptions(row).mappingSource);
      if (matchKey) process.stdout.write(`Matching existing records on ${matchKey}\n`);
      await startImport(ctx, id, { dryRun: options.dryRun ?? false, runnerId });
      claimed = await getImport(ctx, id);
    }

    let stopping = false;
    process.once('SIGINT', () => {
      stopping = true;
      process.stderr.write('\nStopping after the current batch; finish later with --resume\n');
    });
    const progress = progressReporter();
    const final = await runImport(database.db, claimed, { dataDir: config.dataDir, runnerId, onProgress: progress.update, shouldStop: () => stopping,
      onDuplicateCheck: () => {
        progress.done();
        process.stderr.write(`${DUPLICATE_CHECK_LINE}\n`);
      },
    });
    progress.done();

    const counts = `${number(final.rows_created)} created, ${number(final.rows_updated)} updated, ${number(final.rows_unchanged)} unchanged, ${number(final.rows_invalid)} invalid`;
    const errorsTo = options.errors ? path.resolve(options.errors) : null;
    if (errorsTo) await pipeline(errorReport(ctx, final.id), createWriteStream(errorsTo));
    const report = errorsTo ? ` (error report: ${errorsTo})` : Number(final.rows_invalid) > 0 ? ' (pass --errors <file.csv> for the error report)' : '';
    switch (final.status) {
      case 'completed':
      case 'validated': {
        const flagged = Number(final.duplicates_flagged) > 0 ? `, ${number(final.duplicates_flagged)} likely duplicates flagged` : '';
        process.stdout.write(`${final.status === 'validated' ? 'Dry run done, nothing written' : 'Import done'}: ${number(final.rows_read)} rows, ${counts}${flagged}${report}\n`);
        return 0;
      }
      case 'queued':
        process.stdout.write(`Import stopped after ${number(final.checkpoint_row)} rows (${counts}); finish it with --resume ${final.id}\n`);
        return 1;
      default:
        process.stderr.write(`Import ${final.status}${final.failure ? `: ${final.failure}` : ''} (${counts}${report})\n`);
        return 1;
    }
  } finally {
    await database.close();
  }
}

/** Adds `rapport import` to the command line. */
export function registerImportCommand(program: Command, config: () => Config): void {
  program
    .command('import')
    .description('import a CSV, XLSX or vCard file read in place: people, organisations, orders, interactions or products')
    .argument('<file>', 'the file to import')
    .option('-t, --type <target>', IMPORT_TARGETS.join(', '))
    .option('--match <key>', 'update the records this key finds instead of creating them (email, phone, customerNumber, externalId, siret, sku, orderNumber)')
    .option('--dry-run', 'check every row and report, write nothing')
    .option('-w, --workspace <slug>', 'workspace slug (default: the only workspace)')
    .option('--user <email>', 'the user the import is recorded for (default: the system)')
    .option('--map <pairs>', 'the mapping, as "Header=fieldKey,Other=fieldKey" (default: remembered, layout or suggested)')
    .option('--errors <file>', 'write the error report (CSV) to this file')
    .option('--resume <importId>', 'finish an import whose run was stopped or killed')
    .exitOverride((error: CommanderError) => {
      if (error.exitCode === 0) process.exit(0);
      process.exit(2);
    })
    .action(async (file: string, options: ImportOptions) => {
      try {
        process.exitCode = await run(file, options, config());
      } catch (error) {
        if (error instanceof UsageError || (error instanceof AppError && error.status < 500)) {
          process.stderr.write(`rapport import: ${error.message}\n`);
          process.exitCode = error instanceof UsageError || error.code === 'validation_failed' ? 2 : 1;
          return;
        }
        throw error;
      }
    });
}
