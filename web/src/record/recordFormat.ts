/**
 * How the values of a record read, in the interface's language: code lists by their labels, days and amounts
 * the local way, contact points on one line. Shared by the fields and by the conflict dialog.
 */
import type { TFunction } from 'i18next';
import { formatPhone } from '../../../src/shared/contact/phone.ts';
import { NAF_SECTIONS } from '../../../src/shared/identifiers/naf.ts';
import { HEADCOUNT_BANDS, SOCIO_PROFESSIONAL_GROUPS, type Label } from '../../../src/shared/reference/insee.ts';
import { CIVILITIES, FAMILY_SITUATIONS } from '../../../src/shared/reference/person.ts';
import { translateDynamic } from '../i18n/dynamic.ts';
import type { CustomFieldDefinition, NamedRef } from './recordHooks.ts';

/** Languages offered for a person, by ISO 639-1 code; their names come from the browser. */
export const LANGUAGE_CODES = ['fr', 'en', 'de', 'es', 'it', 'pt', 'nl', 'ar', 'zh', 'ru', 'pl', 'ro', 'tr', 'ja', 'br', 'oc', 'eu', 'co'] as const;

export function pick(label: Label, locale: string): string {
  return locale.startsWith('fr') ? label.fr : label.en;
}

/** A code list as Select options in the interface's language. */
export function codeOptions(list: readonly { code: string; label: Label }[], locale: string) {
  return list.map((item) => ({ value: item.code, label: pick(item.label, locale) }));
}

export const civilityLabel = (code: string, locale: string) => labelIn(CIVILITIES, code, locale);
export const familySituationLabel = (code: string, locale: string) => labelIn(FAMILY_SITUATIONS, code, locale);
export const pcsGroupLabel = (code: string, locale: string) => labelIn(SOCIO_PROFESSIONAL_GROUPS, code, locale);
export const headcountBandLabel = (code: string, locale: string) => labelIn(HEADCOUNT_BANDS, code, locale);

function labelIn(list: readonly { code: string; label: Label }[], code: string, locale: string): string {
  const found = list.find((item) => item.code === code);
  return found ? pick(found.label, locale) : code;
}

/** "J · Information et communication" for a NAF section letter. */
export function nafSectionLabel(letter: string | null, locale: string): string | null {
  const section = NAF_SECTIONS.find((s) => s.letter === letter);
  return section ? `${section.letter} · ${pick(section.label, locale)}` : null;
}

export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** `2026-04-12` → `12 Apr 2026`, read as a calendar day (no time zone shift). */
export function formatDay(day: string, locale: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(year, month - 1, date));
}

export function formatMoney(amount: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(amount);
}

export interface FormatContext {
  t: TFunction;
  locale: string;
  owners?: readonly NamedRef[];
  teams?: readonly NamedRef[];
  customFields?: readonly CustomFieldDefinition[];
}

/** The label of a field of the record, custom fields by their own label. */
export function fieldLabel(field: string, context: Pick<FormatContext, 't' | 'customFields'>): string {
  if (field.startsWith('custom.')) {
    const key = field.slice('custom.'.length);
    return context.customFields?.find((f) => f.key === key)?.label ?? key;
  }
  return translateDynamic(context.t, `record.fields.${field}`, field);
}

/** One value of a field as text; empty values are the caller's to show (this returns ''). */
export function formatFieldValue(field: string, value: unknown, context: FormatContext): string {
  const { t, locale } = context;
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '';
  const dynamic = (prefix: string, code: unknown) => translateDynamic(t, `record.${prefix}.${String(code)}`, String(code));
  const list = (prefix: string) => (value as unknown[]).map((code) => dynamic(prefix, code)).join(', ');
  switch (field) {
    case 'civility':
      return civilityLabel(String(value), locale);
    case 'gender':
      return dynamic('genders', value);
    case 'pcsGroup':
      return pcsGroupLabel(String(value), locale);
    case 'familySituation':
      return familySituationLabel(String(value), locale);
    case 'headcountBand':
      return headcountBandLabel(String(value), locale);
    case 'language':
      return languageName(String(value), locale);
    case 'birthDate':
      return formatDay(String(value), locale);
    case 'annualRevenue':
      return formatMoney(Number(value), locale);
    case 'preferredChannels':
      return list('channels');
    case 'paymentMethods':
      return list('paymentMethods');
    case 'roles':
      return list('roleNames');
    case 'ownerId':
      return context.owners?.find((u) => u.id === value)?.name ?? String(value);
    case 'teamId':
      return context.teams?.find((u) => u.id === value)?.name ?? String(value);
    case 'emails':
      return (value as { email: string }[]).map((e) => e.email).join(', ');
    case 'phones':
      return (value as { phone: string }[]).map((p) => formatPhone(p.phone, 'national')).join(', ');
    case 'addresses':
      return (value as { line1: string; postcode: string | null; city: string }[])
        .map((a) => [a.line1, [a.postcode, a.city].filter(Boolean).join(' ')].join(', '))
        .join(' ; ');
  }
  if (field.startsWith('custom.')) {
    const definition = context.customFields?.find((f) => `custom.${f.key}` === field);
    if (definition?.type === 'money') return formatMoney(Number(value), locale);
    if (definition?.type === 'date') return formatDay(String(value), locale);
  }
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}
