/**
 * Normal forms used to compare two records: text without accents, case and punctuation; phones as E.164 digits;
 * e-mails as the mailbox they reach; street addresses with one spelling per street type and the number apart.
 * Every function here is idempotent (normalising twice changes nothing), which the property tests check.
 */
import { normalisePhone as checkPhone } from '../../shared/contact/phone.ts';

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i' };

/** Lower case, accents removed, ligatures spelt out, anything but letters and digits a single space. */
export function fold(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[œæßøđłı]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The folded text without spaces: "Le Gall", "LEGALL" and "le-gall" are the same name. */
export function foldTight(text: string | null | undefined): string {
  return fold(text).replace(/ /g, '');
}

/** Only the digits, for identifiers typed with spaces or dots (SIRET, SIREN, social security numbers). */
export function digitsOnly(text: string | null | undefined): string {
  return text ? text.replace(/\D+/g, '') : '';
}

/**
 * A phone number as its E.164 digits without the plus ("33612345678"), read as French when it has no country
 * prefix; a number the library cannot read keeps its bare digits so that two identical typos still compare equal.
 */
export function normalisePhoneDigits(text: string | null | undefined, defaultCountry = 'FR'): string {
  if (!text) return '';
  const trimmed = text.trim();
  // Stored numbers are E.164 already: reading them again through the library would cost a scan dearly.
  if (/^\+?\d{11,15}$/.test(trimmed)) return trimmed.replace(/^\+/, '');
  const checked = checkPhone(trimmed, defaultCountry);
  if (checked.ok) return checked.e164.replace(/^\+/, '');
  return digitsOnly(trimmed);
}

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * The mailbox an address reaches, in lower case. Only Gmail is known to ignore dots and everything after a plus
 * in the local part; other providers may treat "j.dupont" and "jdupont" as two people, so they are left alone.
 */
export function normaliseEmailAddress(text: string | null | undefined): string {
  if (!text) return '';
  const email = text.trim().toLowerCase();
  const at = email.lastIndexOf('@');
  if (at <= 0) return email;
  const domain = email.slice(at + 1);
  if (!GMAIL_DOMAINS.has(domain)) return email;
  const local = email.slice(0, at).split('+')[0]!.replace(/\./g, '');
  return `${local}@gmail.com`;
}

// One spelling per street type, French and English, so that "12 bd Voltaire" and "12 boulevard Voltaire" agree.
const STREET_TYPES: Record<string, string> = {
  bd: 'bd', bld: 'bd', blvd: 'bd', boul: 'bd', boulevard: 'bd', boulevar: 'bd',
  av: 'av', ave: 'av', avn: 'av', avenue: 'av',
  r: 'rue', rue: 'rue',
  st: 'st', str: 'st', street: 'st',
  rd: 'rd', road: 'rd',
  pl: 'pl', place: 'pl', plaza: 'pl',
  ch: 'ch', chem: 'ch', chemin: 'ch',
  imp: 'imp', impasse: 'imp',
  all: 'all', allee: 'all', allees: 'all',
  rte: 'rte', route: 'rte',
  fg: 'fg', fbg: 'fg', faubourg: 'fg',
  qu: 'qu', quai: 'qu',
  crs: 'crs', cours: 'crs',
  sq: 'sq', square: 'sq',
  pass: 'pass', passage: 'pass',
  res: 'res', residence: 'res',
  lot: 'lot', lotissement: 'lot',
  dr: 'dr', drv: 'dr', drive: 'dr',
  ln: 'ln', lane: 'ln',
  ct: 'ct', crt: 'ct', court: 'ct',
  cres: 'cres', cr: 'cres', crescent: 'cres',
  pde: 'pde', parade: 'pde',
  tce: 'tce', ter: 'tce', terrace: 'tce',
  hwy: 'hwy', highway: 'hwy',
  cl: 'cl', close: 'cl',
  cct: 'cct', circuit: 'cct',
  gr: 'gr', grove: 'gr',
  pkwy: 'pkwy', parkway: 'pkwy',
  sqr: 'sq',
  esp: 'esp', esplanade: 'esp',
  prom: 'prom', promenade: 'prom',
  sen: 'sen', sentier: 'sen',
  vla: 'vla', villa: 'vla',
  cite: 'cite',
  hameau: 'ham', ham: 'ham',
  mt: 'mt', mount: 'mt',
  pt: 'pt', point: 'pt',
  wy: 'way', way: 'way',
};

/** A street type in its one spelling, or the word itself when it is not a street type. */
export function streetTypeOf(word: string): string {
  return STREET_TYPES[word] ?? word;
}

export interface StreetParts {
  /** The house number and its suffix as written, digits apart from letters ("12 bis"), '' when none. */
  number: string;
  /** The street words with street types in one spelling and without the number ("bd voltaire"). */
  street: string;
}

/** Splits an address line into its number and its street, both folded. */
export function normaliseStreet(line: string | null | undefined): StreetParts {
  // Digits and letters glued together ("12bis", "3b") are split, so the number is found either way.
  const words = fold(line).replace(/(\d)([a-z])/g, '$1 $2').replace(/([a-z])(\d)/g, '$1 $2').split(' ').filter(Boolean);
  const numbers: string[] = [];
  const street: string[] = [];
  for (const word of words) {
    if (/^\d+$/.test(word) && street.length === 0) numbers.push(String(Number(word)));
    else if (numbers.length > 0 && street.length === 0 && /^(bis|ter|quater|[a-d])$/.test(word)) numbers.push(word);
    else street.push(streetTypeOf(word));
  }
  return { number: numbers.join(' '), street: street.join(' ') };
}

/** The address line folded with its street type in one spelling: idempotent, used as one comparable string. */
export function normaliseAddressLine(line: string | null | undefined): string {
  const { number, street } = normaliseStreet(line);
  return [number, street].filter(Boolean).join(' ');
}

/** A postcode without spaces, upper case ("75 001" → "75001", "sw1a 1aa" → "SW1A1AA"). */
export function normalisePostcode(text: string | null | undefined): string {
  return text ? text.replace(/\s+/g, '').toUpperCase() : '';
}
