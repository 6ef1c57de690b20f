/**
 * Email addresses: a practical check, not RFC 5322. It accepts what mail services hand out (including accented
 * domains and local parts) and refuses what is almost surely a typing mistake; quoted local parts, comments and IP
 * literals are refused on purpose. Shared by the server and the web app, so nothing here may import from Node.
 */

/**
 * Why an address was refused, as a stable code (safe to key translations on), with the rule it breaks in English,
 * worded to follow a field name (`email must not be empty`).
 */
export const EMAIL_RULES = {
  empty: 'must not be empty',
  spaces: 'must not contain spaces',
  'one-at': 'must contain exactly one @',
  local: 'must have a name before the @',
  'local-too-long': 'must have at most 64 bytes before the @',
  'local-characters': "must have only letters, digits, dots and ! # $ % & ' * + / = ? ^ _ ` { | } ~ - before the @",
  'local-dots': 'must not start or end with a dot before the @, nor have two dots in a row',
  domain: 'must have a domain such as example.fr after the @',
  'domain-label':
    'must have a domain made of letters, digits and hyphens between dots, not starting or ending with a hyphen',
  'too-long': 'must have at most 254 bytes',
  invalid: 'is not a valid email address',
} as const;

export type EmailProblem = keyof typeof EMAIL_RULES;

export type EmailResult = { ok: true; email: string } | { ok: false; code: EmailProblem; rule: string };

/** RFC 5321 limits, in bytes of UTF-8. */
const MAX_LOCAL_BYTES = 64;
const MAX_TOTAL_BYTES = 254;
const MAX_LABEL_BYTES = 63;

/** The unquoted ("dot-atom") characters, plus letters and digits of any script for internationalised addresses. */
const LOCAL_CHARACTERS = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~.-]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u;
const SPACE = /\s/u;

/**
 * Trims, lower-cases and Unicode-normalises (NFC) an address, then checks it: one @, a local part of 1 to 64
 * bytes in unquoted characters without stray dots, a domain of at least two labels of letters, digits and inner
 * hyphens, a top-level label that is not all digits, and 254 bytes at most. Lower-casing the local part is not
 * what RFC 5321 allows, but it is what every mainstream mailbox does and what makes duplicates findable.
 * Never throws; a normalised address normalised again gives itself.
 */
export function normaliseEmail(input: string): EmailResult {
  const email = canonical(input);
  if (email === '') return refuse('empty');
  if (SPACE.test(email)) return refuse('spaces');

  const parts = email.split('@');
  if (parts.length !== 2) return refuse('one-at');
  const [local = '', domain = ''] = parts;

  if (local === '') return refuse('local');
  if (byteLength(local) > MAX_LOCAL_BYTES) return refuse('local-too-long');
  if (!LOCAL_CHARACTERS.test(local)) return refuse('local-characters');
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return refuse('local-dots');

  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((label) => label === '')) return refuse('domain');
  const badLabel = labels.some((label) => !DOMAIN_LABEL.test(label) || byteLength(label) > MAX_LABEL_BYTES);
  if (badLabel) return refuse('domain-label');
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return refuse('domain');

  if (byteLength(email) > MAX_TOTAL_BYTES) return refuse('too-long');
  // Unicode does not promise that lower-casing and NFC commute for every sequence; refusing an address that a
  // second pass would still change keeps the promise that a normalised address is a fixed point.
  if (canonical(email) !== email) return refuse('invalid');
  return { ok: true, email };
}

function canonical(text: string): string {
  return text.trim().toLowerCase().normalize('NFC');
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

function refuse(code: EmailProblem): EmailResult {
  return { ok: false, code, rule: EMAIL_RULES[code] };
}
