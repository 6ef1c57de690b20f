/**
 * Numbers for business documents (quotes, orders, deliveries, invoices, credit notes, returns, cases): a prefix,
 * the year and a sequence without gaps per workspace, kind and year, e.g. `CMD-2026-000123`. The counter row is
 * bumped inside the caller's transaction, so concurrent creations never share a number and a rolled-back one
 * hands nothing out (French invoicing rules want invoice numbers continuous within a year).
 */
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';

export const DOCUMENT_PREFIXES = {
  quote: 'DEV',
  order: 'CMD',
  delivery: 'BL',
  invoice: 'FAC',
  credit_note: 'AV',
  return: 'RET',
  case: 'SAV',
} as const;
export type DocumentKind = keyof typeof DOCUMENT_PREFIXES;

export function formatDocumentNumber(kind: DocumentKind, year: number, sequence: number): string {
  return `${DOCUMENT_PREFIXES[kind]}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Takes `count` consecutive numbers of `kind` for the year of `on` (today by default). Must run in a transaction. */
export async function takeDocumentNumbers(ctx: Ctx, kind: DocumentKind, count = 1, on: Date = new Date()): Promise<string[]> {
  if (count <= 0) return [];
  const year = on.getUTCFullYear();
  const { rows } = await sql<{ last_sequence: number }>`
    insert into document_counters (workspace_id, kind, year, last_sequence) values (${ctx.workspaceId}, ${kind}, ${year}, ${count})
    on conflict (workspace_id, kind, year) do update set last_sequence = document_counters.last_sequence + excluded.last_sequence
    returning last_sequence`.execute(ctx.db);
  const first = Number(rows[0]!.last_sequence) - count + 1;
  return Array.from({ length: count }, (_, i) => formatDocumentNumber(kind, year, first + i));
}

/** Takes one number of `kind`. */
export async function takeDocumentNumber(ctx: Ctx, kind: DocumentKind, on?: Date): Promise<string> {
  return (await takeDocumentNumbers(ctx, kind, 1, on))[0]!;
}
