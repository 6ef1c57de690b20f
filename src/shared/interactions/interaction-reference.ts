/**
 * The code lists of interactions and the kinds of files that may be attached, shared by the server (which
 * validates and sniffs) and the web app (which offers the choices and filters the file picker).
 */
export const INTERACTION_CHANNELS = ['email', 'phone', 'meeting', 'visit', 'web_form', 'store', 'letter', 'sms', 'chat', 'social'] as const;
export type InteractionChannel = (typeof INTERACTION_CHANNELS)[number];

export const INTERACTION_DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export type InteractionDirection = (typeof INTERACTION_DIRECTIONS)[number];

/** The records a file can be attached to. */
export const ATTACHMENT_OWNER_TYPES = ['interaction', 'case'] as const;
export type AttachmentOwnerType = (typeof ATTACHMENT_OWNER_TYPES)[number];

/** How the web app draws a file: one icon per family. */
export type AttachmentFamily = 'image' | 'pdf' | 'document' | 'spreadsheet' | 'presentation' | 'text' | 'email';

export interface AttachmentType {
  /** The content type stored and served. */
  mime: string;
  /** File name extensions that agree with the content (lower case, no dot). */
  extensions: readonly string[];
  family: AttachmentFamily;
  /**
   * Formats without a magic number (plain text, CSV, e-mail messages) cannot be recognised from their bytes
   * alone: they are accepted when they are valid UTF-8 text and the name or declared type says what they are.
   */
  text?: boolean;
}

/** The allow list: photos, PDF, office documents, plain text and CSV, saved e-mails. Anything else is refused. */
export const ATTACHMENT_TYPES: readonly AttachmentType[] = [
  { mime: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], family: 'image' },
  { mime: 'image/png', extensions: ['png'], family: 'image' },
  { mime: 'image/webp', extensions: ['webp'], family: 'image' },
  { mime: 'image/gif', extensions: ['gif'], family: 'image' },
  { mime: 'image/heic', extensions: ['heic', 'heif'], family: 'image' },
  { mime: 'image/heif', extensions: ['heic', 'heif'], family: 'image' },
  { mime: 'application/pdf', extensions: ['pdf'], family: 'pdf' },
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], family: 'document' },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], family: 'spreadsheet' },
  { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'], family: 'presentation' },
  { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], family: 'document' },
  { mime: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'], family: 'spreadsheet' },
  { mime: 'text/plain', extensions: ['txt', 'text', 'log', 'md'], family: 'text', text: true },
  { mime: 'text/csv', extensions: ['csv'], family: 'spreadsheet', text: true },
  { mime: 'message/rfc822', extensions: ['eml'], family: 'email', text: true },
];

/** The `accept` attribute of a file picker offering exactly the allowed kinds. */
export const ATTACHMENT_ACCEPT = [...new Set(ATTACHMENT_TYPES.flatMap((t) => [t.mime, ...t.extensions.map((e) => `.${e}`)]))].join(',');

/** The family of a stored content type (`document` for anything unexpected). */
export function attachmentFamily(contentType: string): AttachmentFamily {
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  return ATTACHMENT_TYPES.find((t) => t.mime === mime)?.family ?? 'document';
}
