/**
 * INSEE code lists used to describe people and organisations: socio-professional groups (PCS 2020) and the head-
 * count bands of the Sirene register. Codes are INSEE's, kept as text; labels are INSEE's in French, with an English
 * rendering. Shared by the server and the web app.
 */

export interface Label {
  fr: string;
  en: string;
}

/**
 * PCS 2020 socio-professional groups, the nomenclature's most aggregated level. Groups 1 to 6 classify people by
 * their occupation; 7 and 8 are the two groups INSEE adds to describe the whole population, people in work or not.
 */
export const SOCIO_PROFESSIONAL_GROUPS = [
  { code: '1', label: { fr: 'Agriculteurs exploitants', en: 'Farmers' } },
  {
    code: '2',
    label: { fr: "Artisans, commerçants et chefs d'entreprise", en: 'Craftspeople, shopkeepers and business owners' },
  },
  {
    code: '3',
    label: {
      fr: 'Cadres et professions intellectuelles supérieures',
      en: 'Managers and higher intellectual professions',
    },
  },
  { code: '4', label: { fr: 'Professions intermédiaires', en: 'Intermediate professions' } },
  { code: '5', label: { fr: 'Employés', en: 'Clerical, sales and service employees' } },
  { code: '6', label: { fr: 'Ouvriers', en: 'Manual workers' } },
  { code: '7', label: { fr: 'Retraités', en: 'Retired people' } },
  {
    code: '8',
    label: { fr: 'Autres personnes sans activité professionnelle', en: 'Other people without a professional activity' },
  },
] as const satisfies readonly { code: string; label: Label }[];

export type SocioProfessionalGroup = (typeof SOCIO_PROFESSIONAL_GROUPS)[number]['code'];

export interface HeadcountBand {
  code: string;
  /** Fewest employees in the band; undefined for NN, which is a status rather than a number. */
  min: number | undefined;
  /** Most employees in the band; undefined when it has no upper bound, or for NN. */
  max: number | undefined;
  label: Label;
}

/**
 * Sirene "tranches d'effectifs salariés", from the smallest to the largest. NN is a unit that employs nobody;
 * 00 is one that employed people during the year but had none on 31 December.
 */
export const HEADCOUNT_BANDS = [
  { code: 'NN', min: undefined, max: undefined, label: { fr: 'Unité non employeuse', en: 'Non-employer unit' } },
  { code: '00', min: 0, max: 0, label: { fr: '0 salarié', en: '0 employees' } },
  { code: '01', min: 1, max: 2, label: { fr: '1 ou 2 salariés', en: '1 or 2 employees' } },
  { code: '02', min: 3, max: 5, label: { fr: '3 à 5 salariés', en: '3 to 5 employees' } },
  { code: '03', min: 6, max: 9, label: { fr: '6 à 9 salariés', en: '6 to 9 employees' } },
  { code: '11', min: 10, max: 19, label: { fr: '10 à 19 salariés', en: '10 to 19 employees' } },
  { code: '12', min: 20, max: 49, label: { fr: '20 à 49 salariés', en: '20 to 49 employees' } },
  { code: '21', min: 50, max: 99, label: { fr: '50 à 99 salariés', en: '50 to 99 employees' } },
  { code: '22', min: 100, max: 199, label: { fr: '100 à 199 salariés', en: '100 to 199 employees' } },
  { code: '31', min: 200, max: 249, label: { fr: '200 à 249 salariés', en: '200 to 249 employees' } },
  { code: '32', min: 250, max: 499, label: { fr: '250 à 499 salariés', en: '250 to 499 employees' } },
  { code: '41', min: 500, max: 999, label: { fr: '500 à 999 salariés', en: '500 to 999 employees' } },
  { code: '42', min: 1000, max: 1999, label: { fr: '1 000 à 1 999 salariés', en: '1,000 to 1,999 employees' } },
  { code: '51', min: 2000, max: 4999, label: { fr: '2 000 à 4 999 salariés', en: '2,000 to 4,999 employees' } },
  { code: '52', min: 5000, max: 9999, label: { fr: '5 000 à 9 999 salariés', en: '5,000 to 9,999 employees' } },
  { code: '53', min: 10000, max: undefined, label: { fr: '10 000 salariés et plus', en: '10,000 employees or more' } },
] as const satisfies readonly HeadcountBand[];

export type HeadcountBandCode = (typeof HEADCOUNT_BANDS)[number]['code'];

/**
 * The band of a head count: a whole number of employees, 0 or more. Zero gives '00' ("0 salarié"): a bare number
 * cannot say that a unit never employs anyone, which is what NN records. Anything else (negative, fractional, not
 * finite) gives undefined. The bands follow the head count: more employees never give an earlier band.
 */
export function bandForHeadcount(headcount: number): HeadcountBandCode | undefined {
  if (!Number.isSafeInteger(headcount) || headcount < 0) return undefined;
  for (const band of HEADCOUNT_BANDS) {
    if (band.min !== undefined && headcount >= band.min && (band.max === undefined || headcount <= band.max)) {
      return band.code;
    }
  }
  return undefined;
}
