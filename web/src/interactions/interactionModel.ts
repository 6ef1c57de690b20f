/**
 * The interaction form, pure: its values, the API body they make, the values an interaction gives back for
 * editing, and the API's refusals placed on the form's fields. Also how file sizes read.
 */
import { ApiError } from '../app/api.ts';
import type { InteractionChannel, InteractionDirection, Interaction } from './interactionTypes.ts';

export interface ContactChoice {
  id: string;
  label: string;
}

export interface UserChoice {
  id: string;
  name: string;
}

export interface InteractionFormValues {
  channel: InteractionChannel;
  direction: InteractionDirection;
  /** Local date and time as a `datetime-local` input holds it: `2026-11-24T09:30`. */
  occurredAt: string;
  durationMinutes: number | '';
  subject: string;
  body: string;
  outcome: string;
  contacts: ContactChoice[];
  users: UserChoice[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as a `datetime-local` value in the browser's time zone. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value (local time) as an ISO instant, or '' when it is not a date. */
export function fromLocalInput(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** A new phone call with the record's customer, now. */
export function newInteractionForm(contact: ContactChoice | null, now: Date = new Date()): InteractionFormValues {
  return {
    channel: 'phone',
    direction: 'outbound',
    occurredAt: toLocalInput(now),
    durationMinutes: '',
    subject: '',
    body: '',
    outcome: '',
    contacts: contact ? [contact] : [],
    users: [],
  };
}

export function formFromInteraction(interaction: Interaction): InteractionFormValues {
  return {
    channel: interaction.channel,
    direction: interaction.direction,
    occurredAt: toLocalInput(new Date(interaction.occurredAt)),
    durationMinutes: interaction.durationMinutes ?? '',
    subject: interaction.subject,
    body: interaction.body ?? '',
    outcome: interaction.outcome ?? '',
    contacts: interaction.participants.flatMap((p) => (p.type === 'contact' ? [{ id: p.partyId, label: p.displayName }] : [])),
    users: interaction.participants.flatMap((p) => (p.type === 'user' ? [{ id: p.userId, name: p.name }] : [])),
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text);

/** The body of `POST /api/interactions`: contacts first, then colleagues. */
export function interactionBody(values: InteractionFormValues) {
  return {
    channel: values.channel,
    direction: values.direction,
    occurredAt: fromLocalInput(values.occurredAt),
    durationMinutes: values.durationMinutes === '' ? null : values.durationMinutes,
    subject: values.subject,
    body: orNull(values.body),
    outcome: orNull(values.outcome),
    participants: [...values.contacts.map((c) => ({ partyId: c.id })), ...values.users.map((u) => ({ userId: u.id }))],
  };
}

/** The body of `PATCH /api/interactions/:id`: every field of the form, with the version read. */
export function interactionChanges(values: InteractionFormValues, version: number) {
  return { version, ...interactionBody(values) };
}

export type FormField = keyof InteractionFormValues | 'form';

/** Where a refused field of the API shows on the form: `body.participants[1].partyId` → contacts. */
export function formFieldOf(apiField: string): FormField {
  const field = apiField.replace(/^body\./, '');
  if (field.startsWith('participants')) return field.endsWith('.userId') ? 'users' : 'contacts';
  const known: FormField[] = ['channel', 'direction', 'occurredAt', 'durationMinutes', 'subject', 'body', 'outcome'];
  return known.find((k) => k === field) ?? 'form';
}

/** The API's refusals by form field (the first rule of each). */
export function formIssues(error: unknown): Partial<Record<FormField, string>> {
  if (!(error instanceof ApiError)) return {};
  const issues: Partial<Record<FormField, string>> = {};
  for (const issue of error.issues) issues[formFieldOf(issue.field)] ??= issue.rule;
  return issues;
}

/** `1536` → `1.5 KB`, in the interface's language (decimal units, as file managers show them). */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}
