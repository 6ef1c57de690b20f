/**
 * Small code lists describing a person: civility and family situation. The codes are ours and stable (stored,
 * sent over the API); the labels are for display, in French and English. Shared by the server and the web app.
 */
import type { Label } from './insee.ts';

/**
 * Civilities. 'ms' is Madame: French usage dropped Mademoiselle from official forms in 2012, so Madame says nothing
 * about marriage, as Ms does in English. 'mx' is the gender-neutral civility.
 */
export const CIVILITIES = [
  { code: 'mr', short: { fr: 'M.', en: 'Mr' }, label: { fr: 'Monsieur', en: 'Mr' } },
  { code: 'ms', short: { fr: 'Mme', en: 'Ms' }, label: { fr: 'Madame', en: 'Ms' } },
  { code: 'mx', short: { fr: 'Mx', en: 'Mx' }, label: { fr: 'Mx', en: 'Mx' } },
] as const satisfies readonly { code: string; short: Label; label: Label }[];

export type Civility = (typeof CIVILITIES)[number]['code'];

/** Family situations, as people describe themselves: not a legal record. */
export const FAMILY_SITUATIONS = [
  { code: 'single', label: { fr: 'Célibataire', en: 'Single' } },
  { code: 'couple', label: { fr: 'En couple', en: 'In a relationship' } },
  { code: 'married', label: { fr: 'Marié·e', en: 'Married' } },
  { code: 'civil_partnership', label: { fr: 'Pacsé·e', en: 'In a civil partnership (PACS)' } },
  { code: 'divorced', label: { fr: 'Divorcé·e', en: 'Divorced' } },
  { code: 'widowed', label: { fr: 'Veuf·ve', en: 'Widowed' } },
] as const satisfies readonly { code: string; label: Label }[];

export type FamilySituation = (typeof FAMILY_SITUATIONS)[number]['code'];
