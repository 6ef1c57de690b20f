/**
 * Reading the coded values of people and organisations as files write them: a civility "M." or "Mrs", a gender
 * "F" or "Homme", a role "Ancien client", a socio-professional group "Cadre", a country "Belgique", a language
 * "anglais". Each list accepts the stored code and the French and English labels, compared folded.
 */
import { FAMILY_SITUATIONS, CIVILITIES } from '../../../shared/reference/person.ts';
import { HEADCOUNT_BANDS, SOCIO_PROFESSIONAL_GROUPS, bandForHeadcount } from '../../../shared/reference/insee.ts';
import { foldLabel } from './party-fields.ts';

export type Read<T> = { value: T } | { error: string };

/** Code → the words that name it (folded), codes included. */
type Labels = Record<string, readonly string[]>;

function lookup(labels: Labels): Map<string, string> {
  const map = new Map<string, string>();
  for (const [code, words] of Object.entries(labels)) {
    map.set(foldLabel(code), code);
    for (const word of words) map.set(foldLabel(word), code);
  }
  return map;
}

const CIVILITY = lookup({
  mr: ['m', 'mr', 'monsieur', 'mister', 'sir', 'mssr', ...CIVILITIES.filter((c) => c.code === 'mr').flatMap((c) => [c.short.fr, c.label.fr])],
  ms: ['mme', 'madame', 'mrs', 'ms', 'miss', 'mlle', 'mademoiselle', 'mmes', 'madam'],
  mx: ['mx', 'neutre'],
});

const GENDER = lookup({
  female: ['f', 'femme', 'feminin', 'female', 'woman', 'w', 'fille'],
  male: ['m', 'h', 'homme', 'masculin', 'male', 'man', 'garcon'],
  other: ['autre', 'other', 'x', 'non binaire', 'nonbinary', 'non binary'],
});

const ROLES = lookup({
  prospect: ['prospect', 'prospects', 'prospecte'],
  lead: ['piste', 'lead', 'leads', 'opportunite'],
  customer: ['client', 'cliente', 'clients', 'customer', 'customers', 'acheteur'],
  former_customer: ['ancien client', 'ancienne cliente', 'ex client', 'client perdu', 'former customer', 'lost customer', 'past customer'],
  partner: ['partenaire', 'partner'],
  supplier: ['fournisseur', 'supplier', 'vendor'],
  collaborator: ['collaborateur', 'collaboratrice', 'collaborator', 'salarie', 'employee', 'staff'],
});

const PCS_WORDS: Record<string, string[]> = {
  '1': ['agriculteur', 'agricultrice', 'exploitant agricole', 'farmer'],
  '2': ['artisan', 'commercant', 'commercante', 'chef d entreprise', 'independant', 'business owner'],
  '3': ['cadre', 'cadres', 'profession liberale', 'cadre superieur', 'manager', 'executive'],
  '4': ['profession intermediaire', 'technicien', 'agent de maitrise', 'technician'],
  '5': ['employe', 'employee', 'employes'],
  '6': ['ouvrier', 'ouvriere', 'ouvriers', 'worker', 'manual worker'],
  '7': ['retraite', 'retraitee', 'retraites', 'retired', 'pensioner'],
  '8': ['sans activite', 'sans profession', 'etudiant', 'etudiante', 'inactif', 'chomeur', 'student', 'unemployed'],
};
const PCS = lookup(
  Object.fromEntries(SOCIO_PROFESSIONAL_GROUPS.map((g) => [g.code, [g.label.fr, g.label.en, ...(PCS_WORDS[g.code] ?? [])]])),
);

const FAMILY_WORDS: Record<string, string[]> = {
  single: ['celibataire', 'single', 'seul', 'seule'],
  couple: ['en couple', 'couple', 'concubin', 'concubinage', 'union libre', 'in a relationship'],
  married: ['marie', 'mariee', 'maries', 'married'],
  civil_partnership: ['pacse', 'pacsee', 'pacs', 'civil partnership'],
  divorced: ['divorce', 'divorcee', 'separe', 'separee', 'divorced', 'separated'],
  widowed: ['veuf', 'veuve', 'widow', 'widower', 'widowed'],
};
const FAMILY = lookup(Object.fromEntries(FAMILY_SITUATIONS.map((f) => [f.code, [f.label.fr, f.label.en, ...(FAMILY_WORDS[f.code] ?? [])]])));

const HEADCOUNT = lookup(Object.fromEntries(HEADCOUNT_BANDS.map((b) => [b.code, [b.label.fr, b.label.en]])));

function readCode(map: Map<string, string>, text: string, what: string, examples: string): Read<string> {
  const code = map.get(foldLabel(text));
  return code === undefined ? { error: `is not a known ${what} (${examples})` } : { value: code };
}

/** Each reader gives the stored code of a cell, or the reason it is none. */
export const readCivility = (text: string) => readCode(CIVILITY, text, 'civility', 'M., Mme, Mr, Mrs, Ms, Mx');
export const readGender = (text: string) => readCode(GENDER, text, 'gender', 'F, M, femme, homme, female, male, autre');
export const readPcsGroup = (text: string) => readCode(PCS, text, 'socio-professional group', '1 to 8, or an INSEE label such as Cadres');
export const readFamilySituation = (text: string) =>
  readCode(FAMILY, text, 'family situation', 'célibataire, en couple, marié, pacsé, divorcé, veuf, or single, married…');

/** A role, or several (the caller splits the list). */
export const readRole = (text: string) => readCode(ROLES, text, 'role', 'prospect, piste, client, ancien client, partenaire, fournisseur…');

/** A head-count band: its INSEE code, its label, or a number of employees. */
export function readHeadcountBand(text: string): Read<string> {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed) && !HEADCOUNT.has(trimmed)) {
    const band = bandForHeadcount(Number(trimmed));
    if (band) return { value: band };
  }
  return readCode(HEADCOUNT, trimmed, 'head-count band', 'an INSEE code such as 11, a label such as "10 à 19 salariés", or a number');
}

let countries: Map<string, string> | undefined;
let languages: Map<string, string> | undefined;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The current ISO code of a region code; null for the codes that are no country (EU, ZZ, QO). */
function canonicalRegion(code: string): string | null {
  if (['EU', 'EZ', 'UN', 'ZZ'].includes(code) || code.startsWith('Q') || code.startsWith('X')) return code === 'XK' ? code : null;
  const region = new Intl.Locale(`und-${code}`).region;
  return region && /^[A-Z]{2}$/.test(region) ? region : null;
}

/** Every code of two letters the runtime knows a name for, by its names in French and English (folded). */
function namesOf(type: 'region' | 'language', aliases: Record<string, string>): Map<string, string> {
  const map = new Map<string, string>();
  const display = ['fr', 'en'].map((locale) => new Intl.DisplayNames([locale], { type, fallback: 'none' }));
  for (const a of LETTERS) {
    for (const b of LETTERS) {
      // Deprecated codes ('UK', 'FX') name their current country, and store as its code ('GB', 'FR').
      const code = type === 'region' ? canonicalRegion(a + b) : (a + b).toLowerCase();
      if (code === null) continue;
      const names = display.map((d) => {
        try {
          return d.of(code);
        } catch {
          return undefined;
        }
      });
      if (names.every((name) => name === undefined)) continue;
      map.set((type === 'region' ? a + b : code).toLowerCase(), code);
      for (const name of names) if (name) map.set(foldLabel(name), code);
    }
  }
  for (const [alias, code] of Object.entries(aliases)) map.set(alias, code);
  return map;
}

/** A country as an ISO 3166-1 alpha-2 code: 'FR', 'France', 'Belgique', 'United Kingdom', 'UK'… */
export function readCountry(text: string): Read<string> {
  countries ??= namesOf('region', { uk: 'GB', angleterre: 'GB', england: 'GB', usa: 'US', 'etats unis d amerique': 'US', hollande: 'NL' });
  const code = countries.get(foldLabel(text));
  return code === undefined ? { error: 'is not a known country (write its name or its two-letter code, such as FR)' } : { value: code };
}

/** A language as an ISO 639-1 code: 'fr', 'français', 'English'… */
export function readLanguage(text: string): Read<string> {
  languages ??= namesOf('language', { francais: 'fr', anglais: 'en', allemand: 'de', espagnol: 'es', italien: 'it' });
  const code = languages.get(foldLabel(text));
  return code === undefined ? { error: 'is not a known language (write its name or its two-letter code, such as fr)' } : { value: code };
}

/**
 * "DUPONT Jean" → last Dupont, first Jean (the words in capitals are the family name, as French lists write it);
 * "Dupont, Jean" → last Dupont, first Jean; otherwise the last word is the family name ("Jean Dupont").
 */
export function splitFullName(text: string): { firstName: string | null; lastName: string | null } {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return { firstName: null, lastName: null };
  const comma = clean.indexOf(',');
  if (comma > 0) {
    const last = clean.slice(0, comma).trim();
    const first = clean.slice(comma + 1).trim();
    return { lastName: last || null, firstName: first || null };
  }
  const words = clean.split(' ');
  if (words.length === 1) return { firstName: null, lastName: clean };
  const isCapitals = (word: string) => /\p{L}{2}/u.test(word) && word === word.toUpperCase() && word !== word.toLowerCase();
  const capitals = words.filter(isCapitals);
  if (capitals.length > 0 && capitals.length < words.length) {
    return { lastName: capitals.map(titleCase).join(' '), firstName: words.filter((w) => !isCapitals(w)).join(' ') };
  }
  return { lastName: words[words.length - 1]!, firstName: words.slice(0, -1).join(' ') };
}

/** 'DUPONT' → 'Dupont', 'LE-GALL' → 'Le-Gall', "D'ARTAGNAN" → "D'Artagnan". */
function titleCase(word: string): string {
  return word.toLowerCase().replace(/(^|[-'’\s])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

/** Whether two texts are the same words, case and accents aside ('Été' and 'ete'). */
export function sameWords(a: string, b: string): boolean {
  return foldLabel(a) === foldLabel(b);
}
