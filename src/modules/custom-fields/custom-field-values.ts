/**
 * The rules of custom fields that the server and the web app share (nothing here needs Node): their types, the
 * key derived from a label, and the check and normalisation of one value against its definition. Values are
 * stored in parties.custom as JSON: text, url and choice as strings, number and money as numbers (money rounded
 * to cents), date as 'YYYY-MM-DD', boolean as a boolean, multiple choice as an array of distinct options. null
 * clears a value.
 */
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'money', 'date', 'boolean', 'choice', 'multi_choice', 'url'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export interface CustomFieldDefinition {
  key: string;
  type: CustomFieldType;
  options: readonly string[];
}

/**
 * The key a field gets from its label when none is given, the same in the browser as on the server: accents
 * dropped, lower case, other characters as underscores, at most 40 characters, and a letter first
 * ('Taille de vêtement' → 'taille_de_vetement', '2e adresse' → 'f_2e_adresse').
 */
export function keyFromLabel(label: string): string {
  const key = label
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return /^[a-z]/.test(key) ? key : `f_${key}`.slice(0, 40);
}

export type CustomValueCheck = { ok: true; value: unknown } | { ok: false; rule: string };

const MAX_TEXT = 2000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

export function checkCustomValue(field: CustomFieldDefinition, value: unknown): CustomValueCheck {
  if (value === null) return { ok: true, value: null };
  switch (field.type) {
    case 'text':
      if (typeof value !== 'string') return { ok: false, rule: 'must be a text' };
      if (value.length > MAX_TEXT) return { ok: false, rule: `must be at most ${MAX_TEXT} characters` };
      return { ok: true, value: value.trim() === '' ? null : value.trim() };
    case 'url':
      if (typeof value !== 'string' || !isHttpUrl(value.trim())) return { ok: false, rule: 'must be an http(s) URL' };
      return { ok: true, value: value.trim() };
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, rule: 'must be a number' };
      return { ok: true, value };
    case 'money':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, rule: 'must be an amount' };
      if (Math.abs(value) >= 1e13) return { ok: false, rule: 'must be less than 10 000 billion' };
      return { ok: true, value: Math.round(value * 100) / 100 };
    case 'date':
      if (typeof value !== 'string' || !isRealDate(value)) return { ok: false, rule: 'must be a date written YYYY-MM-DD' };
      return { ok: true, value };
    case 'boolean':
      if (typeof value !== 'boolean') return { ok: false, rule: 'must be true or false' };
      return { ok: true, value };
    case 'choice':
      if (typeof value !== 'string' || !field.options.includes(value)) {
        return { ok: false, rule: `must be one of ${field.options.join(', ')}` };
      }
      return { ok: true, value };
    case 'multi_choice': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !field.options.includes(v))) {
        return { ok: false, rule: `must be a list of values among ${field.options.join(', ')}` };
      }
      const distinct = field.options.filter((option) => value.includes(option));
      return { ok: true, value: distinct.length === 0 ? null : distinct };
    }
  }
}
