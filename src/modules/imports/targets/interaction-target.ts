/**
 * Interactions from a call log, a mailbox export or another CRM's activity history: one row per interaction,
 * with the customer who took part (found by customer number, email or external id). Times are read as French
 * local time unless the cell carries its offset. The source's id is kept as `interactions.external_ref`; with
 * `externalId` as the match key a known id updates the interaction's subject, body, outcome, time and duration
 * instead of logging it twice (blank cells leave the stored value alone).
 */
import type { Ctx } from '../../../platform/context.ts';
import { INTERACTION_CHANNELS, INTERACTION_DIRECTIONS, type InteractionChannel, type InteractionDirection } from '../../../shared/interactions/interaction-reference.ts';
import type { BatchOptions, ImportTarget, MappedRow, PreparedRow, PreviewValue, RowIssue, TargetField } from '../import-types.ts';
import { parseDateTime, parseEnum, parseInteger } from '../mapping/convert.ts';
import { CUSTOMER_FIELDS, missingCustomer, namesCustomer, readCustomerRef, type CustomerRef } from './customer-lookup.ts';
import { writeInteractionBatch } from './interaction-batch.ts';
import { undoInteractions } from './interaction-undo.ts';

/** The limits of the interactions API, so an imported interaction could have been logged by hand. */
const SUBJECT_MAX = 300;
const BODY_MAX = 50_000;
const OUTCOME_MAX = 2_000;
const EXTERNAL_ID_MAX = 200;
const DURATION_MAX = 100_000;

/** What a row says about an interaction; null means the file gives no value. */
export interface InteractionRecord {
  externalId: string | null;
  customer: CustomerRef;
  channel: InteractionChannel;
  direction: InteractionDirection | null;
  occurredAt: string;
  durationMinutes: number | null;
  subject: string;
  body: string | null;
  outcome: string | null;
  /** Field key → column title, for problems found while writing. */
  columns: ReadonlyMap<string, string>;
}

const FIELDS: TargetField[] = [
  { key: 'externalId', type: 'text', synonyms: ['id', 'identifiant', 'identifiant externe', 'id externe', 'reference', 'ref', 'external id', 'activity id', 'interaction id', 'uid'] },
  ...CUSTOMER_FIELDS,
  { key: 'channel', type: 'enum', required: true, values: INTERACTION_CHANNELS, synonyms: ['canal', 'type', 'type d interaction', 'moyen', 'media', 'channel', 'activity type', 'interaction type'] },
  { key: 'direction', type: 'enum', values: INTERACTION_DIRECTIONS, synonyms: ['sens', 'direction', 'entrant sortant', 'inbound outbound'] },
  { key: 'occurredAt', type: 'datetime', required: true, synonyms: ['date', 'date et heure', 'date heure', 'horodatage', 'quand', 'date time', 'datetime', 'occurred at', 'timestamp', 'when', 'start', 'date de l interaction'] },
  { key: 'durationMinutes', type: 'integer', synonyms: ['duree', 'duree min', 'duree minutes', 'duree en minutes', 'minutes', 'duration', 'duration minutes', 'duration min', 'length'] },
  { key: 'subject', type: 'text', required: true, synonyms: ['objet', 'sujet', 'titre', 'intitule', 'subject', 'title', 'topic'] },
  { key: 'body', type: 'text', synonyms: ['compte rendu', 'contenu', 'message', 'description', 'details', 'notes', 'texte', 'body', 'content', 'summary', 'text'] },
  { key: 'outcome', type: 'text', synonyms: ['resultat', 'issue', 'suite', 'suite donnee', 'conclusion', 'outcome', 'result', 'disposition'] },
];

const CHANNEL_LABELS: Record<InteractionChannel, string[]> = {
  email: ['e mail', 'mail', 'courriel', 'message electronique'],
  phone: ['telephone', 'tel', 'appel', 'appel telephonique', 'call', 'phone call'],
  meeting: ['reunion', 'rendez vous', 'rdv', 'rencontre', 'meeting', 'appointment'],
  visit: ['visite', 'visite client', 'deplacement', 'visit', 'site visit'],
  web_form: ['formulaire', 'formulaire web', 'formulaire de contact', 'site web', 'web form', 'contact form', 'web'],
  store: ['magasin', 'passage en magasin', 'boutique', 'in store', 'shop'],
  letter: ['courrier', 'lettre', 'courrier postal', 'letter', 'post'],
  sms: ['texto', 'message texte', 'text message', 'text'],
  chat: ['messagerie', 'messagerie instantanee', 'tchat', 'whatsapp', 'instant message', 'live chat'],
  social: ['reseaux sociaux', 'reseau social', 'facebook', 'instagram', 'linkedin', 'social media'],
};

const DIRECTION_LABELS: Record<InteractionDirection, string[]> = {
  inbound: ['entrant', 'entrante', 'recu', 'recue', 'in', 'incoming', 'received'],
  outbound: ['sortant', 'sortante', 'emis', 'emise', 'envoye', 'out', 'outgoing', 'sent'],
  internal: ['interne', 'note', 'note interne', 'internal note'],
};

/** Minutes from "45", "1:30" or "1h30" (hours and minutes). */
function readDuration(text: string): { value: number } | { error: string } {
  const clock = /^(\d{1,4})\s*(?:h|:)\s*(\d{1,2})?\s*(?:min)?$/i.exec(text.trim());
  if (clock) {
    const minutes = Number(clock[2] ?? 0);
    if (minutes >= 60) return { error: 'not a duration: minutes must be below 60 in 1h30 or 1:30' };
    return { value: Number(clock[1]) * 60 + minutes };
  }
  const parsed = parseInteger(text.replace(/\s*(min|mn|minutes?)\.?$/i, ''));
  if ('error' in parsed) return { error: `${parsed.error}: give minutes (45) or hours and minutes (1h30)` };
  return parsed;
}

/** Converts and checks one row; every value that cannot be stored becomes an issue naming its column. */
async function prepare(_ctx: Ctx, row: MappedRow, options: BatchOptions): Promise<PreparedRow<InteractionRecord>> {
  const issues: RowIssue[] = [];
  const cell = (key: string) => row.values.get(key)?.[0]?.trim() || null;
  const fail = (key: string, value: string | null, reason: string) => issues.push({ rowNumber: row.rowNumber, column: row.columns.get(key) ?? key, value, reason });
  const text = (key: string, max: number, required = false) => {
    const value = row.values.get(key)?.join('\n').trim() || null;
    if (value === null && required) fail(key, null, `the ${key} is required`);
    if (value !== null && value.length > max) fail(key, `${value.slice(0, 60)}…`, `must be at most ${max} characters`);
    return value;
  };
  const choice = <T extends string>(key: string, values: readonly T[], labels: Record<T, string[]>, required: boolean): T | null => {
    const value = cell(key);
    if (value === null) {
      if (required) fail(key, null, `the ${key} is required`);
      return null;
    }
    const parsed = parseEnum(value, values, labels);
    if ('error' in parsed) {
      fail(key, value, parsed.error);
      return null;
    }
    return parsed.value as T;
  };

  const externalId = cell('externalId');
  if (externalId !== null && externalId.length > EXTERNAL_ID_MAX) fail('externalId', externalId, `must be at most ${EXTERNAL_ID_MAX} characters`);
  const customer = readCustomerRef(row, issues);
  if (!namesCustomer(row)) issues.push(missingCustomer(row.rowNumber, row.columns));
  const channel = choice('channel', INTERACTION_CHANNELS, CHANNEL_LABELS, true);
  const direction = choice('direction', INTERACTION_DIRECTIONS, DIRECTION_LABELS, false);
  let occurredAt: string | null = null;
  const when = cell('occurredAt');
  if (when === null) fail('occurredAt', null, 'the date and time are required');
  else {
    const parsed = parseDateTime(when, options.conversion.dateOrder);
    if ('error' in parsed) fail('occurredAt', when, parsed.error);
    else occurredAt = parsed.value;
  }
  let durationMinutes: number | null = null;
  const duration = cell('durationMinutes');
  if (duration !== null) {
    const parsed = readDuration(duration);
    if ('error' in parsed) fail('durationMinutes', duration, parsed.error);
    else if (parsed.value < 0 || parsed.value > DURATION_MAX) fail('durationMinutes', duration, `must be between 0 and ${DURATION_MAX} minutes`);
    else durationMinutes = parsed.value;
  }
  const record: InteractionRecord = {
    externalId,
    customer: customer!,
    channel: channel!,
    direction,
    occurredAt: occurredAt!,
    durationMinutes,
    subject: text('subject', SUBJECT_MAX, true) ?? '',
    body: text('body', BODY_MAX),
    outcome: text('outcome', OUTCOME_MAX),
    columns: row.columns,
  };
  return { rowNumber: row.rowNumber, record, matchValue: externalId, issues };
}

function previewValues(row: PreparedRow<InteractionRecord>): Record<string, PreviewValue> {
  const r = row.record;
  const customer = (key: string) => (r.customer?.key === key ? r.customer.value : null);
  return {
    externalId: r.externalId,
    customerNumber: customer('customerNumber'),
    customerEmail: customer('customerEmail'),
    customerExternalId: customer('customerExternalId'),
    channel: r.channel ?? null,
    direction: r.direction,
    occurredAt: r.occurredAt ?? null,
    durationMinutes: r.durationMinutes,
    subject: r.subject || null,
    body: r.body,
    outcome: r.outcome,
  };
}

/** The interactions target of an import (match key: `externalId`, kept as the interaction's external reference). */
export const interactionsTarget: ImportTarget<InteractionRecord> = {
  name: 'interactions',
  matchKeys: ['externalId'],
  tables: ['interactions', 'interaction_participants', 'timeline_entries', 'import_changes'],
  fields: async () => FIELDS,
  prepare,
  writeBatch: writeInteractionBatch,
  undo: undoInteractions,
  previewValues,
};
