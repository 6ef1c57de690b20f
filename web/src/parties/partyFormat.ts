/**
 * How the values of people and organisations read in the interface's language: amounts in euros, calendar days,
 * and the labels of the INSEE and geographic code lists the API sends as codes. Pure.
 */
import { HEADCOUNT_BANDS, SOCIO_PROFESSIONAL_GROUPS } from '../../../src/shared/reference/insee.ts';
import { CIVILITIES, FAMILY_SITUATIONS } from '../../../src/shared/reference/person.ts';
import { NAF_SECTIONS } from '../../../src/shared/identifiers/naf.ts';
import { findDepartement } from '../../../src/shared/reference/departements.ts';
import { findRegion } from '../../../src/shared/reference/regions.ts';
import type { PartyRole } from './partyTypes.ts';

type Lang = 'fr' | 'en';

function lang(locale: string): Lang {
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** `1234.5` → `1 234,50 €` (fr) or `€1,234.50` (en). */
export function formatMoney(amount: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(amount);
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A calendar day `2026-03-12` → `12 mars 2026`, the same day wherever the browser is. */
export function formatDay(day: string, locale: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** The code lists whose labels live in shared reference data rather than in the catalogue. */
export type ReferenceList = 'pcsGroup' | 'familySituation' | 'headcountBand' | 'nafSection' | 'civility' | 'departement' | 'region';

/** The label of a code in one of the reference lists; an unknown code shows as itself. */
export function referenceLabel(list: ReferenceList, code: string, locale: string): string {
  const l = lang(locale);
  switch (list) {
    case 'pcsGroup':
      return SOCIO_PROFESSIONAL_GROUPS.find((g) => g.code === code)?.label[l] ?? code;
    case 'familySituation':
      return FAMILY_SITUATIONS.find((s) => s.code === code)?.label[l] ?? code;
    case 'headcountBand':
      return HEADCOUNT_BANDS.find((b) => b.code === code)?.label[l] ?? code;
    case 'nafSection': {
      const section = NAF_SECTIONS.find((s) => s.letter === code);
      return section ? `${section.letter} · ${section.label[l]}` : code;
    }
    case 'civility':
      return CIVILITIES.find((c) => c.code === code)?.short[l] ?? code;
    case 'departement': {
      const departement = findDepartement(code);
      return departement ? `${departement.code} · ${departement.name}` : code;
    }
    case 'region':
      return findRegion(code)?.name ?? code;
  }
}

/** The options of a reference list, as a select shows them. */
export function referenceOptions(list: 'pcsGroup' | 'familySituation' | 'headcountBand' | 'nafSection' | 'civility', locale: string) {
  const codes: readonly string[] = {
    pcsGroup: SOCIO_PROFESSIONAL_GROUPS.map((g) => g.code),
    familySituation: FAMILY_SITUATIONS.map((s) => s.code),
    headcountBand: HEADCOUNT_BANDS.map((b) => b.code),
    nafSection: NAF_SECTIONS.map((s) => s.letter),
    civility: CIVILITIES.map((c) => c.code),
  }[list];
  return codes.map((code) => ({ value: code, label: referenceLabel(list, code, locale) }));
}

/** Badge colour of each customer role: warm for the pipeline, green for customers, neutral for the others. */
export const ROLE_COLORS: Record<PartyRole, string> = {
  prospect: 'yellow',
  lead: 'orange',
  customer: 'green',
  former_customer: 'gray',
  partner: 'violet',
  supplier: 'cyan',
  collaborator: 'blue',
};

/** Initials of a name for an avatar: first letters of its first and last words. */
export function nameInitials(name: string): string {
  const words = name.trim().split(/[\s-]+/).filter(Boolean);
  const picked = words.length <= 1 ? words : [words[0]!, words.at(-1)!];
  return picked.map((w) => w.charAt(0).toUpperCase()).join('');
}
