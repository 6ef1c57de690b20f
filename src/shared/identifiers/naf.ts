/**
 * NAF rév. 2, the French classification of activities (in force since 2008), whose subclass codes INSEE assigns
 * to every company and establishment as its APE code: two digits of division, two of group and class, and a letter,
 * written '62.01Z'. The 88 divisions fall into 21 sections, A to U, identical to the European NACE Rev. 2.
 *
 * We check the shape and that the division exists; we do not hold the 732 subclasses, so '62.09Y' passes.
 */
import { rejected, type IdentifierCheck } from './check-result.ts';

export type NafSectionLetter =
  | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K'
  | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U';

/** A NAF section: its letter, the range of divisions it covers (every division in the range exists), its titles. */
export type NafSection = {
  readonly letter: NafSectionLetter;
  readonly firstDivision: number;
  readonly lastDivision: number;
  readonly label: { readonly fr: string; readonly en: string };
};

function section(letter: NafSectionLetter, firstDivision: number, lastDivision: number, fr: string, en: string) {
  return Object.freeze({ letter, firstDivision, lastDivision, label: Object.freeze({ fr, en }) });
}

/** The 21 sections of NAF rév. 2 in order, with INSEE's French titles and the English titles of NACE Rev. 2. */
export const NAF_SECTIONS: readonly NafSection[] = Object.freeze([
  section('A', 1, 3, 'Agriculture, sylviculture et pêche', 'Agriculture, forestry and fishing'),
  section('B', 5, 9, 'Industries extractives', 'Mining and quarrying'),
  section('C', 10, 33, 'Industrie manufacturière', 'Manufacturing'),
  section(
    'D', 35, 35,
    "Production et distribution d'électricité, de gaz, de vapeur et d'air conditionné",
    'Electricity, gas, steam and air conditioning supply',
  ),
  section(
    'E', 36, 39,
    "Production et distribution d'eau ; assainissement, gestion des déchets et dépollution",
    'Water supply; sewerage, waste management and remediation activities',
  ),
  section('F', 41, 43, 'Construction', 'Construction'),
  section(
    'G', 45, 47,
    "Commerce ; réparation d'automobiles et de motocycles",
    'Wholesale and retail trade; repair of motor vehicles and motorcycles',
  ),
  section('H', 49, 53, 'Transports et entreposage', 'Transportation and storage'),
  section('I', 55, 56, 'Hébergement et restauration', 'Accommodation and food service activities'),
  section('J', 58, 63, 'Information et communication', 'Information and communication'),
  section('K', 64, 66, "Activités financières et d'assurance", 'Financial and insurance activities'),
  section('L', 68, 68, 'Activités immobilières', 'Real estate activities'),
  section(
    'M', 69, 75,
    'Activités spécialisées, scientifiques et techniques',
    'Professional, scientific and technical activities',
  ),
  section(
    'N', 77, 82,
    'Activités de services administratifs et de soutien',
    'Administrative and support service activities',
  ),
  section('O', 84, 84, 'Administration publique', 'Public administration and defence; compulsory social security'),
  section('P', 85, 85, 'Enseignement', 'Education'),
  section('Q', 86, 88, 'Santé humaine et action sociale', 'Human health and social work activities'),
  section('R', 90, 93, 'Arts, spectacles et activités récréatives', 'Arts, entertainment and recreation'),
  section('S', 94, 96, 'Autres activités de services', 'Other service activities'),
  section(
    'T', 97, 98,
    "Activités des ménages en tant qu'employeurs ; activités indifférenciées des ménages en tant que producteurs "
      + 'de biens et services pour usage propre',
    'Activities of households as employers; undifferentiated goods- and services-producing activities of '
      + 'households for own use',
  ),
  section('U', 99, 99, 'Activités extra-territoriales', 'Activities of extraterritorial organisations and bodies'),
]);

/** Spaces, dots and dashes are dropped; what remains must be 4 ASCII digits and an ASCII letter. */
const SEPARATORS = /[\s.\-\u2010-\u2015]/g;
const CODE_SHAPE = /^(\d{2})(\d{2})([A-Za-z])$/;

/**
 * The canonical form '62.01Z' of a NAF rév. 2 subclass code typed as '6201Z', '62 01 Z', '62.01z' and the like;
 * null when the shape is wrong. Does not check that the division exists (checkNafCode does).
 */
export function normaliseNafCode(input: string): string | null {
  const match = CODE_SHAPE.exec(input.replace(SEPARATORS, ''));
  if (match === null) return null;
  const [, division, classDigits, letter] = match;
  return `${division}.${classDigits}${letter!.toUpperCase()}`;
}

/** The section of a NAF rév. 2 division (62 → J); null for divisions that do not exist, such as 04 or 89. */
export function nafSectionOfDivision(division: number): NafSection | null {
  if (!Number.isInteger(division)) return null;
  return NAF_SECTIONS.find((s) => division >= s.firstDivision && division <= s.lastDivision) ?? null;
}

/**
 * Checks a NAF rév. 2 / APE code: the shape of a subclass code and a division that exists. On success `value` holds
 * the canonical form '62.01Z'.
 */
export function checkNafCode(input: string): IdentifierCheck {
  const code = normaliseNafCode(input);
  if (code === null) return rejected('format', 'must be 4 digits and a letter, like 62.01Z');
  const division = code.slice(0, 2);
  if (nafSectionOfDivision(Number(division)) === null) {
    return rejected('division', `division ${division} does not exist in NAF rév. 2`);
  }
  return { ok: true, value: code };
}

/** Whether the input is a well-formed NAF rév. 2 / APE code in an existing division (see checkNafCode). */
export function isValidNafCode(input: string): boolean {
  return checkNafCode(input).ok;
}

/** The section of a NAF rév. 2 / APE code typed in any accepted form ('62.01Z' → J); null when it is not valid. */
export function nafSectionOfCode(input: string): NafSection | null {
  const code = normaliseNafCode(input);
  return code === null ? null : nafSectionOfDivision(Number(code.slice(0, 2)));
}
