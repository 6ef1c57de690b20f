/**
 * Phone numbers: what people type (French national formats first) read into E.164, and E.164 shown back.
 *
 * Built on libphonenumber-js with its "max" metadata: the smaller "min" metadata only checks a number's length,
 * so it can neither reject numbers outside the ranges a country has allocated nor tell a mobile from a fixed
 * line. Shared by the server and the web app, so nothing here may import from Node.
 */
import { isSupportedCountry, parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/max';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js/max';

/** What a number is for, as far as its range tells: `other` covers VoIP, toll-free, premium and undecidable. */
export type PhoneType = 'mobile' | 'fixed' | 'other';

/**
 * Why a number was refused, as a stable code (safe to key translations on), with the rule it breaks in English,
 * worded to follow a field name (`phone must not be empty`).
 */
export const PHONE_RULES = {
  empty: 'must not be empty',
  characters: 'must contain only digits, spaces, a leading + and the separators . - / ( )',
  'country-code': 'must start with a valid country code',
  international: 'must start with + and a country code',
  'too-short': 'is too short to be a phone number',
  'too-long': 'is too long to be a phone number',
  length: 'does not have the right number of digits for its country',
  invalid: 'is not a valid phone number',
} as const;

export type PhoneProblem = keyof typeof PHONE_RULES;

export type PhoneResult =
  | { ok: true; e164: string; country: string | undefined; type: PhoneType }
  | { ok: false; code: PhoneProblem; rule: string };

/** Longer than any written phone number, however generously spaced; spares the parser pasted paragraphs. */
const MAX_INPUT_LENGTH = 64;

/** Digits, blanks, the separators people use, and one leading plus. NFKC has already made digits ASCII. */
const PHONE_CHARACTERS = /^\+?[\d\s().\/\-\u2010-\u2015\u2212]*$/;
const UNICODE_DASHES = /[\u2010-\u2015\u2212]/g;

/**
 * The overseas départements that share France's national numbering plan: from France, '0690 12 34 56' is dialled
 * as written and rings in Guadeloupe, though its international form is +590. Saint-Barthélemy and Saint-Martin
 * come with Guadeloupe, whose calling code they share.
 */
const FRENCH_PLAN_OVERSEAS: readonly CountryCode[] = ['GP', 'MQ', 'GF', 'RE', 'YT'];
const FRENCH_NATIONAL_DIGITS = 10;
/** National prefixes of the overseas départements' landlines and mobiles (ARCEP numbering plan). */
const OVERSEAS_RANGES = /^0(590|594|596|262|263|269|639|69[0-7])/;

/**
 * Reads a phone number as a person typed it and returns it in E.164 (`+33612345678`) with its country and type.
 * National formats are read as numbers of `defaultCountry` (ISO 3166 alpha-2, any case); with 'FR', numbers of the
 * overseas départements in their French national form ('0690 …', '0262 …') are recognised too. International
 * formats ('+44 …', or the default country's exit code such as '0033 …' from France) are read whatever the default
 * country. An unknown default country means only '+' numbers can be read. Never throws; an E.164 output read
 * again gives itself.
 */
export function normalisePhone(input: string, defaultCountry = 'FR'): PhoneResult {
  const text = input.normalize('NFKC').trim();
  if (text === '') return refuse('empty');
  if (text.length > MAX_INPUT_LENGTH) return refuse('too-long');
  if (!PHONE_CHARACTERS.test(text)) return refuse('characters');

  const written = text.replace(UNICODE_DASHES, '-');
  const upper = defaultCountry.toUpperCase();
  const home = isSupportedCountry(upper) ? upper : undefined;
  const international = written.startsWith('+');
  if (!international && home === undefined) return refuse('international');

  const digits = written.replace(/\D/g, '');
  const nationalInFrance = home === 'FR' && /^0[1-9]/.test(digits);
  // The overseas geographic and mobile ranges are read as such first: some ('0596 …' in Martinique, '0269 …' in
  // Mayotte) also pass for mainland numbers in the metadata. Shared ranges such as 0800 stay French.
  const overseasFirst = nationalInFrance && OVERSEAS_RANGES.test(digits);
  const found =
    (overseasFirst ? frenchOverseasNumber(written) : undefined) ??
    validNumber(written, home) ??
    (nationalInFrance ? frenchOverseasNumber(written) : undefined);
  if (found) return { ok: true, e164: found.number, country: found.country, type: typeOf(found) };

  // Every number of the French plan, overseas included, is ten digits when dialled within France: say which way
  // it is wrong rather than leave a missed digit to the generic rule.
  if (nationalInFrance && digits.length !== FRENCH_NATIONAL_DIGITS) {
    return refuse(digits.length < FRENCH_NATIONAL_DIGITS ? 'too-short' : 'too-long');
  }

  switch (validatePhoneNumberLength(written, { defaultCountry: home })) {
    case 'INVALID_COUNTRY':
      return refuse('country-code');
    case 'TOO_SHORT':
      return refuse('too-short');
    case 'TOO_LONG':
      return refuse('too-long');
    case 'INVALID_LENGTH':
      return refuse('length');
    default:
      return refuse('invalid');
  }
}

/**
 * Shows an E.164 number for people: 'national' as it is dialled inside its own country ('06 12 34 56 78',
 * '020 7946 0958'), 'international' with its calling code ('+33 6 12 34 56 78'). A value that is not an E.164 number
 * comes back unchanged, so whatever was stored can still be shown.
 */
export function formatPhone(e164: string, style: 'national' | 'international'): string {
  if (!e164.startsWith('+')) return e164;
  const number = parsePhoneNumberFromString(e164, { extract: false });
  if (!number) return e164;
  return style === 'national' ? number.formatNational() : number.formatInternational();
}

function validNumber(text: string, defaultCountry: CountryCode | undefined): PhoneNumber | undefined {
  const number = parsePhoneNumberFromString(text, { defaultCountry, extract: false });
  return number?.isValid() ? number : undefined;
}

function frenchOverseasNumber(text: string): PhoneNumber | undefined {
  for (const country of FRENCH_PLAN_OVERSEAS) {
    const number = validNumber(text, country);
    if (number) return number;
  }
  return undefined;
}

function typeOf(number: PhoneNumber): PhoneType {
  switch (number.getType()) {
    case 'MOBILE':
      return 'mobile';
    case 'FIXED_LINE':
      return 'fixed';
    default:
      // Includes FIXED_LINE_OR_MOBILE (the United States, Canada…): we only say `mobile` when we know.
      return 'other';
  }
}

function refuse(code: PhoneProblem): PhoneResult {
  return { ok: false, code, rule: PHONE_RULES[code] };
}
