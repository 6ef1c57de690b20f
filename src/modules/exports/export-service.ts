/**
 * Exports of the people and organisations lists: what to export (the list's filters, sort and columns, given
 * directly or by a saved view), writing it as CSV, XLSX or vCard onto a stream page by page while waiting for
 * the reader to keep up, and the change-log event that keeps every export of personal data traceable.
 */
import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import { actorUserId, inTransaction, type Ctx } from '../../platform/context.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { AppError, throwIfIssues, type FieldIssue } from '../../platform/errors.ts';
import { customVisibility, type ListPartiesOptions } from '../parties/party-service.ts';
import type { PartyKind } from '../parties/party-schemas.ts';
import { getVisibleView } from '../views/view-service.ts';
import { DEFAULT_COLUMNS, resolveColumns, type ExportColumn, type ExportRecord } from './export-columns.ts';
import { parseSort, partyPages, type PageSource } from './export-pages.ts';
import { csvWriter } from './csv-writer.ts';
import { xlsxWriter } from './xlsx-writer.ts';
import { vcard } from './vcard-writer.ts';

export const EXPORT_FORMATS = ['csv', 'csv-excel', 'xlsx', 'vcard'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The owner filter a shared "my customers" view keeps, meaning whoever applies it. */
const OWNER_ME = 'me';

export interface ExportRequest {
  format: ExportFormat;
  /** A saved view of this kind of record: its filters, sort and columns, unless the request gives its own. */
  view?: string;
  /** Column ids separated by commas. */
  columns?: string;
  sort?: string;
  /** The list filters given in the request; they replace the view's filter of the same name. */
  filters: ListPartiesOptions;
}

/** Checks a saved view's filters against the list's filter schema; returns the problems, field names relative. */
export type FilterCheck = (filters: Record<string, unknown>) => FieldIssue[];

export interface ExportPlan extends PageSource {
  id: string;
  format: ExportFormat;
  columns: ExportColumn[];
  view: { id: string; name: string } | null;
}

const KIND_WORD: Record<PartyKind, string> = { person: 'people', organisation: 'organisations' };

/**
 * What an export will write, checked before anything is sent: 404 for a view the caller cannot see, 400 naming
 * the parameter for a view of the other kind, a view filter or sort the list no longer accepts, or an unknown
 * column.
 */
export async function planExport(ctx: Ctx, kind: PartyKind, request: ExportRequest, checkFilters: FilterCheck): Promise<ExportPlan> {
  const issues: FieldIssue[] = [];
  const visibility = await customVisibility(ctx, kind);
  const view = request.view ? await getVisibleView(ctx, request.view) : null;
  if (view && view.entity !== kind) {
    throw new AppError('validation_failed', `query.view is a saved view of ${KIND_WORD[view.entity as PartyKind]}`, [
      { field: 'query.view', rule: `must be a saved view of ${KIND_WORD[kind]}` },
    ]);
  }
  const viewFilters = view ? viewOptions(ctx, view.filters, checkFilters, issues) : {};
  const options: ListPartiesOptions = { ...viewFilters, ...definedOnly(request.filters) };

  const sort = request.sort ?? view?.sort ?? 'name';
  if (!parseSort(sort)) issues.push({ field: request.sort ? 'query.sort' : 'view.sort', rule: `cannot sort by ${sort}` });

  let columns: ExportColumn[];
  if (request.columns !== undefined) {
    const ids = request.columns.split(',').map((id) => id.trim()).filter((id) => id !== '');
    columns = resolveColumns(kind, ids, visibility.fields, { field: 'query.columns', strict: true }, issues);
  } else {
    const ids = view && view.columns.length > 0 ? view.columns : DEFAULT_COLUMNS[kind];
    columns = resolveColumns(kind, ids, visibility.fields, { field: 'view.columns', strict: false }, issues);
  }
  throwIfIssues(issues);
  return {
    id: randomUUID(),
    kind,
    format: request.format,
    options,
    sort,
    fields: visibility.fields,
    visibility,
    columns,
    withContact: request.format === 'vcard' || columns.some((c) => c.needsContact),
    view: view ? { id: view.id, name: view.name } : null,
  };
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * A saved view's filters as list options: filters of the other kind of list are left out (the list page ignores
 * them too), "me" becomes the caller, and the rest must still pass the list's checks.
 */
function viewOptions(ctx: Ctx, saved: Record<string, unknown>, check: FilterCheck, issues: FieldIssue[]): ListPartiesOptions {
  const filters: Record<string, unknown> = { ...saved };
  if (filters.ownerId === OWNER_ME) filters.ownerId = actorUserId(ctx.actor) ?? undefined;
  const problems = check(filters);
  for (const problem of problems) issues.push({ field: `view.filters${problem.field ? `.${problem.field}` : ''}`, rule: problem.rule });
  return problems.length === 0 ? (filters as ListPartiesOptions) : {};
}

/** The reader went away: the rest of the export is not written. */
class ExportAborted extends Error {}

/** Resolves once `out` can take more (at once when it can); rejects if it closes first. */
function drained(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new ExportAborted('the download was interrupted'));
  if (!out.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => {
      out.off('close', closed);
      resolve();
    };
    const closed = () => {
      out.off('drain', done);
      reject(new ExportAborted('the download was interrupted'));
    };
    out.once('drain', done);
    out.once('close', closed);
  });
}

function write(out: Writable, chunk: string): Promise<void> {
  out.write(chunk);
  return drained(out);
}

/** Fetches the first page, so that a database error becomes an answer before the file starts. */
export async function openPages(ctx: Ctx, plan: ExportPlan): Promise<AsyncIterable<ExportRecord[]>> {
  const pages = partyPages(ctx, plan);
  const first = await pages.next();
  return {
    async *[Symbol.asyncIterator]() {
      if (first.done) return;
      yield first.value;
      yield* pages;
    },
  };
}

function vcardOf(record: ExportRecord): string {
  const s = record.summary;
  const contact = record.contact;
  return vcard({
    kind: s.kind,
    customerNumber: s.customerNumber,
    displayName: s.displayName,
    civility: s.civility,
    firstName: s.firstName,
    lastName: s.lastName,
    legalName: s.legalName,
    organisation: s.kind === 'organisation' ? s.legalName : (contact?.employer ?? null),
    birthDate: s.birthDate,
    notes: record.notes,
    tags: s.tags,
    emails: contact?.emails ?? [],
    phones: contact?.phones ?? [],
    addresses: contact?.addresses ?? [],
  });
}

const SHEET_NAMES: Record<PartyKind, string> = { person: 'People', organisation: 'Organisations' };

/**
 * Writes the whole export onto `out` and ends it, waiting for `out` to drain after each page so memory stays
 * flat whatever the size. The change-log event is written before the end of the file (or when the download
 * stops), with the number of rows sent. Resolves with that number.
 */
export async function writeExport(ctx: Ctx, plan: ExportPlan, pages: AsyncIterable<ExportRecord[]>, out: Writable): Promise<number> {
  let rows = 0;
  try {
    if (plan.format === 'xlsx') {
      const sheet = xlsxWriter(out, SHEET_NAMES[plan.kind], plan.columns);
      for await (const page of pages) {
        sheet.rows(page);
        rows += page.length;
        await drained(out);
      }
      await recordExport(ctx, plan, rows, true);
      await sheet.finish();
      return rows;
    }
    const csv = plan.format === 'vcard' ? null : csvWriter(plan.columns, plan.format);
    if (csv) await write(out, csv.header());
    for await (const page of pages) {
      await write(out, csv ? csv.rows(page) : page.map(vcardOf).join(''));
      rows += page.length;
    }
    await recordExport(ctx, plan, rows, true);
    out.end();
    return rows;
  } catch (error) {
    await recordExport(ctx, plan, rows, false);
    if (error instanceof ExportAborted) return rows;
    throw error;
  }
}

/** The change-log event of an export: who took which list out, in which format, and how many rows. */
async function recordExport(ctx: Ctx, plan: ExportPlan, rows: number, completed: boolean): Promise<void> {
  await inTransaction(ctx, (tx) =>
    recordChange(tx, {
      entity: 'export',
      entityId: plan.id,
      action: 'create',
      after: {
        list: KIND_WORD[plan.kind],
        format: plan.format,
        view: plan.view,
        filters: plan.options,
        sort: plan.sort,
        columns: plan.columns.map((c) => c.id),
        rows,
        completed,
      },
    }),
  );
}
