/**
 * The answer of every check* function in this folder. A failure carries a stable `code` (for translations and
 * tests) and a human-readable English `rule` naming what the input breaks.
 */

/** Why an identifier was rejected; stable strings, safe to key translations on. */
export type IdentifierProblem =
  | 'characters' // something other than digits and separators
  | 'length' // the wrong number of digits
  | 'all-zeros' // a placeholder such as 000 000 000, never issued
  | 'check-digit' // the check digit (or La Poste's digit sum) does not match
  | 'siren' // a SIRET whose first 9 digits are not a valid SIREN
  | 'format' // not shaped like the identifier at all (NAF codes)
  | 'division'; // a NAF division that does not exist

export type IdentifierCheck = { ok: true; value: string } | { ok: false; code: IdentifierProblem; rule: string };

/** A failed check with its code and rule. */
export function rejected(code: IdentifierProblem, rule: string): IdentifierCheck {
  return { ok: false, code, rule };
}
