/**
 * Contact exports people bring from elsewhere: Outlook (English and French), Google Contacts (the old and the
 * current CSV) and vCard files. Each is recognised from its column titles and comes with a ready mapping to the
 * people fields, so a user importing their Outlook contacts has nothing to map by hand.
 *
 * Typed columns (Google's "Phone 1 - Label" beside "Phone 1 - Value", vCard's "TEL 1 type") are not read row
 * by row: the value column goes to the field its position most often means (the first phone is usually the
 * mobile), and the user can change it on the mapping step.
 */
import type { ColumnMapping, ImportTargetName, SourceLayout } from '../import-types.ts';
import { foldHeader } from '../mapping/suggest.ts';

/** Folded title → people field key, for each layout. */
const OUTLOOK: Record<string, string> = {
  // English
  title: 'civility',
  'first name': 'firstName',
  'last name': 'lastName',
  company: 'organisation',
  'job title': 'jobTitle',
  'business street': 'workAddress.line1',
  'business street 2': 'workAddress.line2',
  'business city': 'workAddress.city',
  'business postal code': 'workAddress.postcode',
  'business country region': 'workAddress.country',
  'home street': 'address.line1',
  'home street 2': 'address.line2',
  'home city': 'address.city',
  'home postal code': 'address.postcode',
  'home country region': 'address.country',
  'e mail address': 'email',
  'e mail 2 address': 'email.work',
  'e mail 3 address': 'email.other',
  'mobile phone': 'phone.mobile',
  'business phone': 'phone.work',
  'home phone': 'phone.home',
  'other phone': 'phone.other',
  birthday: 'birthDate',
  gender: 'gender',
  language: 'language',
  categories: 'tags',
  notes: 'notes',
  // French: Outlook calls both the civility and the job title "Titre"; the second one is read as "Titre (2)".
  titre: 'civility',
  'titre 2': 'jobTitle',
  prenom: 'firstName',
  nom: 'lastName',
  societe: 'organisation',
  'rue bureau': 'workAddress.line1',
  'rue bureau 2': 'workAddress.line2',
  'ville bureau': 'workAddress.city',
  'code postal bureau': 'workAddress.postcode',
  'pays region bureau': 'workAddress.country',
  'rue domicile': 'address.line1',
  'rue domicile 2': 'address.line2',
  'ville domicile': 'address.city',
  'code postal domicile': 'address.postcode',
  'pays region domicile': 'address.country',
  'adresse de messagerie': 'email',
  'adresse de messagerie 2': 'email.work',
  'adresse de messagerie 3': 'email.other',
  'telephone mobile': 'phone.mobile',
  'telephone bureau': 'phone.work',
  'telephone domicile': 'phone.home',
  'autre telephone': 'phone.other',
  anniversaire: 'birthDate',
  sexe: 'gender',
  langue: 'language',
};

const GOOGLE: Record<string, string> = {
  'given name': 'firstName',
  'first name': 'firstName',
  'family name': 'lastName',
  'last name': 'lastName',
  'name prefix': 'civility',
  birthday: 'birthDate',
  gender: 'gender',
  language: 'language',
  notes: 'notes',
  'group membership': 'tags',
  labels: 'tags',
  'organization 1 name': 'organisation',
  'organization name': 'organisation',
  'organization 1 title': 'jobTitle',
  'organization title': 'jobTitle',
  'e mail 1 value': 'email',
  'e mail 2 value': 'email.work',
  'e mail 3 value': 'email.other',
  'phone 1 value': 'phone.mobile',
  'phone 2 value': 'phone.work',
  'phone 3 value': 'phone.home',
  'phone 4 value': 'phone.other',
  'address 1 street': 'address.line1',
  'address 1 extended address': 'address.line2',
  'address 1 city': 'address.city',
  'address 1 postal code': 'address.postcode',
  'address 1 country': 'address.country',
  'address 2 street': 'workAddress.line1',
  'address 2 extended address': 'workAddress.line2',
  'address 2 city': 'workAddress.city',
  'address 2 postal code': 'workAddress.postcode',
  'address 2 country': 'workAddress.country',
};

const VCARD: Record<string, string> = {
  fn: 'fullName',
  'n family': 'lastName',
  'n given': 'firstName',
  'n prefix': 'civility',
  org: 'organisation',
  title: 'jobTitle',
  bday: 'birthDate',
  gender: 'gender',
  'email 1': 'email',
  'email 2': 'email.work',
  'email 3': 'email.other',
  'tel 1': 'phone.mobile',
  'tel 2': 'phone.work',
  'tel 3': 'phone.home',
  'adr home street': 'address.line1',
  'adr home extended': 'address.line2',
  'adr home postcode': 'address.postcode',
  'adr home city': 'address.city',
  'adr home country': 'address.country',
  'adr work street': 'workAddress.line1',
  'adr work extended': 'workAddress.line2',
  'adr work postcode': 'workAddress.postcode',
  'adr work city': 'workAddress.city',
  'adr work country': 'workAddress.country',
  note: 'notes',
  categories: 'tags',
  uid: 'externalId',
};

const PRESETS: Partial<Record<SourceLayout, Record<string, string>>> = { outlook: OUTLOOK, google: GOOGLE, vcard: VCARD };

/** Titles only Outlook writes, in English or French. */
const OUTLOOK_MARKERS = ['e mail address', 'business street', 'home street', 'mobile phone', 'business phone', 'adresse de messagerie', 'rue bureau', 'rue domicile', 'telephone mobile', 'telephone bureau', 'job title', 'e mail display name', 'nom complet de l adresse de messagerie'];

/**
 * The layout a set of column titles comes from: 'google' for Google Contacts ("E-mail 1 - Value", "Phone 1 -
 * Value"…), 'outlook' when at least three titles only Outlook writes are there, else 'generic'.
 */
export function detectLayout(headers: readonly string[]): SourceLayout {
  const folded = new Set(headers.map(foldHeader));
  const googleTyped = [...folded].some((title) => /^(e mail|phone) \d+ value$/.test(title));
  if (googleTyped && (folded.has('given name') || folded.has('first name') || folded.has('family name') || folded.has('last name'))) return 'google';
  const outlookHits = OUTLOOK_MARKERS.filter((marker) => folded.has(marker)).length;
  return outlookHits >= 3 ? 'outlook' : 'generic';
}

/**
 * The ready mapping of a recognised layout for a target, aligned with the headers (null = column ignored), or
 * null when there is none (a generic file, or a target other than people): the caller then suggests one.
 */
export function presetMapping(layout: SourceLayout, headers: readonly string[], target: ImportTargetName): ColumnMapping | null {
  const preset = PRESETS[layout];
  if (!preset || target !== 'people') return null;
  const used = new Set<string>();
  return headers.map((header) => {
    const folded = foldHeader(header);
    const key = preset[folded];
    if (!key || (used.has(key) && key !== 'tags')) return null;
    used.add(key);
    return key;
  });
}

/**
 * Cells as a layout means them: Outlook writes "0/0/00" for a birthday it does not know and "Unspecified" for
 * an unknown gender, which are no values at all. Other layouts are returned as they are.
 */
export function cleanLayoutCells(layout: SourceLayout, cells: string[]): string[] {
  if (layout !== 'outlook') return cells;
  return cells.map((cell) => (/^0{1,2}[/.-]0{1,2}[/.-]0{2,4}$/.test(cell.trim()) || /^(unspecified|non specifie)$/.test(foldHeader(cell)) ? '' : cell));
}
