/**
 * Validation and normalisation of the identifiers that customer records carry, shared by the server and the web
 * app. Pure and dependency-free: nothing here may import from Node.
 */
export type { IdentifierCheck, IdentifierProblem } from './check-result.ts';
export { luhnCheckDigit } from './checksums.ts';
export {
  checkSiren,
  checkSiret,
  formatSiren,
  formatSiret,
  isValidSiren,
  isValidSiret,
  normaliseSiren,
  normaliseSiret,
  sirenOfSiret,
} from './siren.ts';
export {
  NAF_SECTIONS,
  checkNafCode,
  isValidNafCode,
  nafSectionOfCode,
  nafSectionOfDivision,
  normaliseNafCode,
  type NafSection,
  type NafSectionLetter,
} from './naf.ts';
export {
  DEFAULT_CUSTOMER_NUMBER_PREFIX,
  formatCustomerNumber,
  isValidCustomerNumber,
  isValidCustomerNumberPrefix,
  parseCustomerNumber,
  type CustomerNumber,
} from './customer-number.ts';
