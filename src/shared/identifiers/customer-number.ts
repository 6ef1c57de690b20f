/**
 * Rapport's human-readable customer number, written 'C-000123-18': a prefix of 1 to 4 uppercase letters
 * (configurable per workspace, 'C' by default), the sequence zero-padded to at least 6 digits, and two ISO 7064
 * MOD 97-10 check digits computed over prefix and sequence, as IBANs do. We chose MOD 97-10 over Luhn because it
 * catches every single-character typo and every swap of two adjacent digits (Luhn misses 09 ↔ 90), and because it
 * covers the prefix letters too.
 */
import { mod97CheckDigits, passesMod97 } from './checksums.ts';

/** The prefix used when a workspace has not chosen one. */
export const DEFAULT_CUSTOMER_NUMBER_PREFIX = 'C';

export type CustomerNumber = { prefix: string; sequence: number };

const PREFIX = /^[A-Z]{1,4}$/;
const MIN_SEQUENCE_DIGITS = 6;
/** Dropped when parsing: whitespace and dashes, so 'c 000123 18' and 'C00012318' both read. */
const SEPARATORS = /[\s\-\u2010-\u2015]/g;
/** ASCII letters only: toUpperCase would turn 'ſ' into 'S' and 'ı' into 'I'. */
const TYPED_SHAPE = /^([A-Za-z]{1,4})(\d+)(\d{2})$/;

/** Whether a prefix is acceptable for customer numbers: 1 to 4 uppercase ASCII letters. */
export function isValidCustomerNumberPrefix(prefix: string): boolean {
  return PREFIX.test(prefix);
}

function isValidSequence(sequence: number): boolean {
  return Number.isSafeInteger(sequence) && sequence >= 1;
}

function padSequence(sequence: number): string {
  return String(sequence).padStart(MIN_SEQUENCE_DIGITS, '0');
}

/**
 * The customer number for a prefix and a sequence (a positive safe integer): formatCustomerNumber('C', 123) is
 * 'C-000123-18'. Throws a RangeError for an invalid prefix or sequence, which is a programming error.
 */
export function formatCustomerNumber(prefix: string, sequence: number): string {
  if (!isValidCustomerNumberPrefix(prefix)) throw new RangeError(`invalid customer number prefix: ${prefix}`);
  if (!isValidSequence(sequence)) throw new RangeError(`invalid customer number sequence: ${sequence}`);
  const digits = padSequence(sequence);
  return `${prefix}-${digits}-${mod97CheckDigits(prefix + digits)}`;
}

/**
 * Reads a customer number typed in any case, with or without dashes and spaces ('c00012318' is 'C-000123-18').
 * Returns null when the shape is wrong, the sequence is not padded to exactly its canonical width, or the check
 * digits do not match. It does not compare the prefix with the workspace's: the caller decides that.
 */
export function parseCustomerNumber(input: string): CustomerNumber | null {
  const match = TYPED_SHAPE.exec(input.replace(SEPARATORS, ''));
  if (match === null) return null;
  const [, typedPrefix, digits, checkDigits] = match;
  const prefix = typedPrefix!.toUpperCase();
  const sequence = Number(digits);
  if (!isValidSequence(sequence) || padSequence(sequence) !== digits) return null;
  if (!passesMod97(`${prefix}${digits}${checkDigits}`)) return null;
  return { prefix, sequence };
}

/** Whether the input reads as a customer number with matching check digits (see parseCustomerNumber). */
export function isValidCustomerNumber(input: string): boolean {
  return parseCustomerNumber(input) !== null;
}
