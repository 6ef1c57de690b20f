/**
 * The API's refusals, worded for the field that caused them. The contact checks shared with the server give each
 * rule a stable code, so those read naturally in both languages; other rules get a message per field, and
 * anything unforeseen is shown in the API's own words.
 */
import type { TFunction } from 'i18next';
import { EMAIL_RULES } from '../../../src/shared/contact/email.ts';
import { PHONE_RULES } from '../../../src/shared/contact/phone.ts';
import { POSTCODE_RULES } from '../../../src/shared/contact/postcode.ts';
import { fieldError } from '../app/formErrors.ts';
import { translateDynamic } from '../i18n/dynamic.ts';

const RULE_TABLES: Record<string, Record<string, string>> = { email: EMAIL_RULES, phone: PHONE_RULES, postcode: POSTCODE_RULES };

/** Fields whose refusals have one message of their own, whatever the exact rule. */
const FIELD_MESSAGES = new Set(['siren', 'siret', 'nafCode', 'website', 'birthDate', 'childrenBirthYears', 'postcode', 'line1', 'city', 'country']);

/**
 * The translation key for `rule` broken by `field` (`emails[0].email`, `siret`, `custom.size`), or null when
 * only the API's words will do.
 */
export function ruleKey(field: string, rule: string): string | null {
  const leaf = field.split('.').at(-1)?.replace(/\[\d+\]$/, '') ?? field;
  const table = RULE_TABLES[leaf];
  const code = table ? Object.entries(table).find(([, text]) => text === rule)?.[0] : undefined;
  if (code) return `record.rules.${leaf}.${code}`;
  if (FIELD_MESSAGES.has(leaf)) return `record.rules.fields.${leaf}`;
  return null;
}

/** The message to show at `field` for `error`, or undefined when the API did not name that field. */
export function issueMessage(t: TFunction, error: unknown, field: string): string | undefined {
  const rule = fieldError(error, field);
  if (rule === undefined) return undefined;
  const key = ruleKey(field, rule);
  return key ? translateDynamic(t, key, rule) : t('record.rules.other', { rule });
}
