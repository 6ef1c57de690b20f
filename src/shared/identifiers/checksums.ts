/**
 * The two check-digit schemes used in this folder: Luhn (mod 10), which INSEE uses for SIREN and SIRET, and
 * ISO 7064 MOD 97-10, which IBANs and our customer numbers use. MOD 97-10 is the stronger of the two: it catches
 * every single-character error and every transposition of adjacent characters, where Luhn misses 09 ↔ 90.
 */

const DIGITS = /^\d+$/;
const DIGITS_AND_LETTERS = /^[0-9A-Z]+$/;

function luhnSum(digits: string, doubleRightmost: boolean): number {
  let sum = 0;
  for (let fromRight = 0; fromRight < digits.length; fromRight += 1) {
    let digit = Number(digits[digits.length - 1 - fromRight]);
    if ((fromRight % 2 === 0) === doubleRightmost) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum;
}

/** Whether a string of ASCII digits ends in a correct Luhn check digit; false for anything else, '' included. */
export function passesLuhn(digits: string): boolean {
  return DIGITS.test(digits) && luhnSum(digits, false) % 10 === 0;
}

/**
 * The Luhn check digit to append to a non-empty string of ASCII digits, so that the result passes the Luhn check.
 * Throws a RangeError for anything else (a programming error, not bad user input).
 */
export function luhnCheckDigit(payload: string): string {
  if (!DIGITS.test(payload)) throw new RangeError('luhnCheckDigit expects ASCII digits');
  return String((10 - (luhnSum(payload, true) % 10)) % 10);
}

/** The remainder mod 97 of a string of digits and uppercase letters, each letter read as 10 (A) to 35 (Z). */
function mod97(value: string): number {
  let remainder = 0;
  for (const character of value) {
    const code = character.charCodeAt(0);
    remainder = code <= 57 ? (remainder * 10 + (code - 48)) % 97 : (remainder * 100 + (code - 55)) % 97;
  }
  return remainder;
}

/**
 * The two ISO 7064 MOD 97-10 check digits ('01' to '98') to append to a non-empty string of digits and uppercase
 * letters. Throws a RangeError for anything else.
 */
export function mod97CheckDigits(payload: string): string {
  if (!DIGITS_AND_LETTERS.test(payload)) throw new RangeError('mod97CheckDigits expects digits and A-Z');
  return String(98 - mod97(`${payload}00`)).padStart(2, '0');
}

/** Whether a string of digits and uppercase letters ends in correct ISO 7064 MOD 97-10 check digits. */
export function passesMod97(value: string): boolean {
  return value.length > 2 && DIGITS_AND_LETTERS.test(value) && DIGITS.test(value.slice(-2)) && mod97(value) === 1;
}
