/**
 * The commercial history of a batch of demo customers as rows, before they are written: every table's rows,
 * each customer's timeline entries, and the documents still waiting for their numbers. Numbers are handed out
 * when the batch is written, from the workspace's document counters, in date order within each kind and year, so
 * documents created later through the API continue the sequences.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import type { TimelineKind, TimelineSubject } from '../../shared/reference/timeline.ts';
import { takeDocumentNumbers, type DocumentKind } from '../commerce/document-numbers.ts';

export type Row = Record<string, unknown>;

/** The tables a history fills, in an order that satisfies their foreign keys. */
export const HISTORY_TABLES = [
  'orders', 'order_lines', 'deliveries', 'delivery_lines', 'invoices', 'invoice_lines', 'payments', 'returns',
  'return_lines', 'cases', 'interactions', 'interaction_participants', 'feedback', 'tasks', 'alerts', 'timeline_entries',
] as const;
export type HistoryTable = (typeof HISTORY_TABLES)[number];

/** What a derived UUID names beyond parties, roles and links (see demoUuids). */
export const UUID_OF = {
  orders: 3, deliveries: 4, invoices: 5, payments: 6, returns: 7, cases: 8, interactions: 9, feedback: 10, tasks: 11,
  alerts: 12, timeline_entries: 13, catalogue: 14,
} as const;

interface PendingDocument {
  kind: DocumentKind;
  year: number;
  at: number;
  /** The row and the timeline data that show the number. */
  holders: { number?: unknown }[];
}

export interface Story {
  rows: Record<HistoryTable, Row[]>;
  documents: PendingDocument[];
}

/** An empty story: no rows, no documents to number. */
export function newStory(): Story {
  return { rows: Object.fromEntries(HISTORY_TABLES.map((t) => [t, []])) as unknown as Record<HistoryTable, Row[]>, documents: [] };
}

/** The customer a piece of history belongs to, and the ids of the records made for them. */
export interface StoryCustomer {
  sequence: number;
  next: Record<keyof typeof UUID_OF, number>;
}

/** A customer whose records' ids are about to be made, each kind counting from zero. */
export function storyCustomer(sequence: number): StoryCustomer {
  return { sequence, next: Object.fromEntries(Object.keys(UUID_OF).map((k) => [k, 0])) as StoryCustomer['next'] };
}

export type Uuid = (sequence: number, kind: number, index: number) => string;

/** The next id of a record of `table` for the customer: derived from the seed, their number and a counter. */
export function newId(uuid: Uuid, customer: StoryCustomer, table: keyof typeof UUID_OF): string {
  return uuid(customer.sequence, UUID_OF[table], customer.next[table]++);
}

/** Registers a document whose `number` (and that of the timeline data in `holders`) is given when the batch is written. */
export function toNumber(story: Story, kind: DocumentKind, atMs: number, ...holders: { number?: unknown }[]): void {
  story.documents.push({ kind, year: new Date(atMs).getUTCFullYear(), at: atMs, holders });
}

export interface TimelineEvent {
  kind: TimelineKind;
  atMs: number;
  data: Record<string, unknown>;
  subjectType?: TimelineSubject;
  subjectId?: string;
  channel?: string | null;
  actor?: { id: string; name: string } | null;
}

/** One entry on the customer's timeline, shaped as the services write it. Returns its data, to number later. */
export function onTimeline(story: Story, uuid: Uuid, customer: StoryCustomer, partyId: string, event: TimelineEvent): Record<string, unknown> {
  const at = new Date(event.atMs).toISOString();
  story.rows.timeline_entries.push({
    id: newId(uuid, customer, 'timeline_entries'), party_id: partyId, occurred_at: at, kind: event.kind,
    channel: event.channel ?? null, subject_type: event.subjectType ?? null, subject_id: event.subjectId ?? null,
    actor_id: event.actor?.id ?? null, actor_label: event.actor?.name ?? null, data: event.data, created_at: at,
  });
  return event.data;
}

/** Gives every pending document its number, in date order within each kind and year. */
async function numberDocuments(tx: Ctx, story: Story): Promise<void> {
  const groups = new Map<string, PendingDocument[]>();
  for (const doc of story.documents) {
    const key = `${doc.kind}|${doc.year}`;
    const group = groups.get(key);
    if (group) group.push(doc);
    else groups.set(key, [doc]);
  }
  for (const group of groups.values()) {
    // A stable sort: documents of the same instant keep the order they were made in.
    group.sort((a, b) => a.at - b.at);
    const numbers = await takeDocumentNumbers(tx, group[0]!.kind, group.length, new Date(Date.UTC(group[0]!.year, 0, 1)));
    group.forEach((doc, i) => {
      for (const holder of doc.holders) holder.number = numbers[i];
    });
  }
}

/**
 * Writes a batch's history: numbers its documents, then inserts every table's rows, set-based.
 *
 * A bulk insert spends some 40 % of its time on foreign-key checks, each locking the row it points to. The rows of
 * a story point only to the batch's records, to each other and to the catalogue, by construction (the demo test
 * checks every reference), so a superuser — always the case on the embedded engine — skips those checks for the
 * rest of the batch's transaction, as pg_restore does. Nothing else is written after the story in that transaction.
 */
export async function writeStory(tx: Ctx, story: Story): Promise<void> {
  await numberDocuments(tx, story);
  const { rows } = await sql<{ superuser: string }>`select current_setting('is_superuser') as superuser`.execute(tx.db);
  if (rows[0]?.superuser === 'on') await sql`set local session_replication_role = replica`.execute(tx.db);
  for (const table of HISTORY_TABLES) await insertRows(tx, table, story.rows[table]);
}

/** Rows per statement: large enough to be set-based, small enough that no statement's JSON takes much memory. */
const CHUNK = 20_000;

/**
 * Inserts rows into a workspace table, a statement per chunk: the rows travel as one JSON parameter and
 * json_populate_recordset gives each value its column's type, whatever the number of rows (a VALUES list would hit
 * the protocol's 65,535-parameter limit at a few thousand rows). Every row has the keys of the first.
 */
export async function insertRows(tx: Ctx, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = sql.raw(Object.keys(rows[0]!).map((c) => `"${c}"`).join(', '));
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = JSON.stringify(rows.slice(start, start + CHUNK));
    await sql`
      insert into ${sql.table(table)} (workspace_id, ${columns})
      select ${tx.workspaceId}::uuid, ${columns} from json_populate_recordset(null::${sql.table(table)}, ${chunk}::json)
    `.execute(tx.db);
  }
}
