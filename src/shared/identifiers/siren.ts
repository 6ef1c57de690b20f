/**
 * French company identifiers from INSEE's SIRENE register. A SIREN (9 digits) names a legal unit; a SIRET
 * (14 digits: the SIREN then a 5-digit NIC) names one of its establishments. Both end in a Luhn check digit, except
 * the establishments of La Poste (SIREN 356 000 000): INSEE documents that their SIRET digits add up to a multiple of
 * 5 instead, the head office 356 000 000 00048 alone keeping the Luhn rule.
 *
 * normalise*, format* and sirenOfSiret check only the shape (the number of digits); check* and isValid* also check
 * the digits themselves.
 */
import { rejected, type IdentifierCheck } from './check-result.ts';
import { passesLuhn } from './checksums.ts';

/** What people type between digit groups: any whitespace (including no-break spaces), dots and dashes. */
const SEPARATORS = /[\s.\-\u2010-\u2015]/g;
const DIGITS = /^\d*$/;
const ALL_ZEROS = /^0+$/;

const SIREN_LENGTH = 9;
const SIRET_LENGTH = 14;
const LA_POSTE_SIREN = '356000000';
const LA_POSTE_HEAD_OFFICE_SIRET = '35600000000048';

function checkShape(input: string, length: number): IdentifierCheck {
  const stripped = input.replace(SEPARATORS, '');
  if (!DIGITS.test(stripped)) return rejected('characters', 'may contain only digits, spaces, dots and dashes');
  if (stripped.length !== length) return rejected('length', `must have ${length} digits`);
  return { ok: true, value: stripped };
}

function digitSum(digits: string): number {
  let sum = 0;
  for (const digit of digits) sum += Number(digit);
  return sum;
}

/** The 9 digits of a SIREN typed with or without spaces, dots or dashes; null unless exactly 9 digits remain. */
export function normaliseSiren(input: string): string | null {
  const shape = checkShape(input, SIREN_LENGTH);
  return shape.ok ? shape.value : null;
}

/** The 14 digits of a SIRET typed with or without spaces, dots or dashes; null unless exactly 14 digits remain. */
export function normaliseSiret(input: string): string | null {
  const shape = checkShape(input, SIRET_LENGTH);
  return shape.ok ? shape.value : null;
}

/**
 * Checks a SIREN: 9 digits (separators allowed), not all zeros, with a correct Luhn check digit. On success `value`
 * holds the normalised 9 digits; on failure `rule` says which rule the input breaks.
 */
export function checkSiren(input: string): IdentifierCheck {
  const shape = checkShape(input, SIREN_LENGTH);
  if (!shape.ok) return shape;
  if (ALL_ZEROS.test(shape.value)) return rejected('all-zeros', 'cannot be all zeros');
  if (!passesLuhn(shape.value)) return rejected('check-digit', 'fails the Luhn check digit');
  return shape;
}

/**
 * Checks a SIRET: 14 digits (separators allowed) whose first 9 are a valid SIREN, with a correct Luhn check digit,
 * or for La Poste's establishments a digit sum that is a multiple of 5. On success `value` holds the 14 digits.
 */
export function checkSiret(input: string): IdentifierCheck {
  const shape = checkShape(input, SIRET_LENGTH);
  if (!shape.ok) return shape;
  const siret = shape.value;
  const siren = siret.slice(0, SIREN_LENGTH);
  if (siren === LA_POSTE_SIREN) {
    if (siret !== LA_POSTE_HEAD_OFFICE_SIRET && digitSum(siret) % 5 !== 0) {
      return rejected('check-digit', 'fails the La Poste check: its digits must add up to a multiple of 5');
    }
    return shape;
  }
  if (!passesLuhn(siret)) return rejected('check-digit', 'fails the Luhn check digit');
  const sirenCheck = checkSiren(siren);
  if (!sirenCheck.ok) return rejected('siren', `its first 9 digits are not a valid SIREN: ${sirenCheck.rule}`);
  return shape;
}

/** Whether the input is a valid SIREN (see checkSiren). */
export function isValidSiren(input: string): boolean {
  return checkSiren(input).ok;
}

/** Whether the input is a valid SIRET (see checkSiret). */
export function isValidSiret(input: string): boolean {
  return checkSiret(input).ok;
}

/** The SIREN (first 9 digits) of a SIRET typed in any accepted form; null unless it has 14 digits. */
export function sirenOfSiret(input: string): string | null {
  return normaliseSiret(input)?.slice(0, SIREN_LENGTH) ?? null;
}

/** A SIREN written the usual way, '732 829 320'; null unless the input has 9 digits. */
export function formatSiren(input: string): string | null {
  const siren = normaliseSiren(input);
  return siren === null ? null : `${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6)}`;
}

/** A SIRET written the usual way, '732 829 320 00074'; null unless the input has 14 digits. */
export function formatSiret(input: string): string | null {
  const siret = normaliseSiret(input);
  if (siret === null) return null;
  return `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
}
