/**
 * The French phonetic key of a record's name, stored in `parties.name_key` and indexed, so that the check on
 * creation finds "Dupond" when "Dupont" exists with one index lookup, and the scan can block on it.
 *
 * The key is FONEM (Bouchard & Pouyez), chosen over Phonex and Sonnex because it was designed for French family
 * names (genealogical record linkage) rather than for words in general: it makes Dupont/Dupond, Lefebvre/Lefèvre,
 * Mathieu/Matthieu, Gauthier/Gautier and Rousseau/Rousso equal, where Sonnex keeps Lefebvre apart from Lefèvre and
 * Phonex returns numbers that merge unrelated names. Its output is letters, readable in the database.
 */
import fonem from 'talisman/phonetics/french/fonem.js';
import { fold } from './normalise.ts';

export interface NamedParty {
  kind: string;
  lastName?: string | null;
  legalName?: string | null;
  tradeName?: string | null;
}

// Particles written or left out at will ("de Villiers", "Villiers"); articles (Le Gall) belong to the name.
const PARTICLES = new Set(['de', 'd', 'du', 'des', 'von', 'van', 'der', 'den', 'di', 'da', 'del', 'della']);

// Words that say what kind of company it is, not which one: legal forms, "Établissements", "& Fils", "and Co".
const COMPANY_NOISE = new Set([
  'sarl', 'sas', 'sasu', 'sa', 'eurl', 'sci', 'snc', 'scop', 'scp', 'scm', 'sca', 'scs', 'selarl', 'selas', 'selafa',
  'selca', 'sem', 'spl', 'gie', 'gaec', 'earl', 'ei', 'eirl', 'ae', 'sarlu', 'scea', 'sccv', 'sel',
  'ets', 'etablissement', 'etablissements', 'ste', 'societe', 'cie', 'compagnie', 'fils', 'freres', 'soeurs',
  'et', 'and', 'co', 'ltd', 'limited', 'llc', 'llp', 'plc', 'inc', 'corp', 'corporation', 'gmbh', 'ag', 'bv', 'nv',
  'srl', 'spa', 'pty', 'group', 'groupe', 'holding',
  'le', 'la', 'les', 'l', 'de', 'd', 'du', 'des', 'the', 'of', 'a', 'au', 'aux',
]);

const MAX_COMPANY_WORDS = 3;

/** FONEM of one folded word (a–z only); '' for a word without letters. */
export function phoneticWord(word: string): string {
  const letters = word.replace(/[^a-z]/g, '');
  return letters === '' ? '' : fonem(letters);
}

/** The phonetic key of a family name, particles dropped and parts joined ("Le Gall" = "Legall"). */
export function familyNameKey(lastName: string | null | undefined): string | null {
  const words = fold(lastName).split(' ').filter(Boolean);
  while (words.length > 1 && PARTICLES.has(words[0]!)) words.shift();
  const key = phoneticWord(words.join(''));
  return key === '' ? null : key;
}

/** The main words of a company name: legal forms, articles and "& Fils" dropped, digits kept. */
export function companyWords(name: string | null | undefined): string[] {
  const words = fold(name).split(' ').filter(Boolean);
  const main = words.filter((word) => !COMPANY_NOISE.has(word));
  return main.length > 0 ? main : words;
}

/**
 * The phonetic key of a company name: its first main words (at most three), each made phonetic, in alphabetical
 * order so that "Menuiserie Durand" and "Durand Menuiserie" agree.
 */
export function companyNameKey(name: string | null | undefined): string | null {
  const codes = companyWords(name)
    .slice(0, MAX_COMPANY_WORDS)
    .map((word) => (/^\d+$/.test(word) ? word : phoneticWord(word)))
    .filter(Boolean)
    .sort();
  return codes.length === 0 ? null : codes.join(' ');
}

/**
 * The phonetic key stored in `parties.name_key`: of the family name for people, of the legal name (or the trade
 * name when there is none) for organisations; null when the record has no such name.
 */
export function partyNameKey(party: NamedParty): string | null {
  if (party.kind === 'person') return familyNameKey(party.lastName);
  return companyNameKey(party.legalName?.trim() ? party.legalName : party.tradeName);
}
