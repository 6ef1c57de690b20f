/**
 * What a customer's timeline can hold, shared by the server (which writes and filters entries) and the web app
 * (which draws them). Each entry has a kind, an action within that kind, and the record behind it.
 */
export const TIMELINE_KINDS = [
  'interaction',
  'task',
  'quote',
  'order',
  'delivery',
  'invoice',
  'credit_note',
  'payment',
  'return',
  'case',
  'feedback',
  'alert',
  'record',
  'field_change',
  'role',
  'consent',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** The records an entry can point at (`subject_type`), which the web app links to. */
export const TIMELINE_SUBJECTS = ['interaction', 'task', 'quote', 'order', 'delivery', 'invoice', 'payment', 'return', 'case', 'feedback', 'alert'] as const;
export type TimelineSubject = (typeof TIMELINE_SUBJECTS)[number];
