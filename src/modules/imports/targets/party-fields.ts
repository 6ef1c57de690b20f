/**
 * The fields a column of a people or organisations file can feed, with the header names that suggest each one.
 * Synonyms are folded (lower case, no accents, punctuation as single spaces) as the mapping suggester folds
 * headers, and cover the French and English names spreadsheets and contact exports commonly use.
 */
import type { Ctx } from '../../../platform/context.ts';
import { customFieldMap, type CustomFieldFull } from '../../custom-fields/custom-field-service.ts';
import type { FieldType, TargetField } from '../import-types.ts';
import type { PartyKind } from '../../parties/party-schemas.ts';
import { CIVILITY_CODES, FAMILY_SITUATION_CODES, GENDERS, PARTY_ROLES, PCS_GROUP_CODES } from '../../../shared/reference/party.ts';
import { HEADCOUNT_BANDS } from '../../../shared/reference/insee.ts';

const field = (key: string, type: FieldType, synonyms: string[], extra: Partial<TargetField> = {}): TargetField => ({
  key,
  type,
  synonyms,
  ...extra,
});

/** The synonyms of one address field, for the home (people) or main (organisations) address and the work address. */
function addressFields(prefix: 'address' | 'workAddress', qualifiers: { fr: string[]; en: string[] }): TargetField[] {
  const names = (fr: string[], en: string[]) => [
    ...(prefix === 'address' ? [...fr, ...en] : []),
    ...qualifiers.fr.flatMap((q) => fr.map((f) => `${f} ${q}`)),
    ...qualifiers.en.flatMap((q) => en.map((e) => `${q} ${e}`)),
  ];
  return [
    field(`${prefix}.line1`, 'text', names(['adresse', 'rue', 'adresse 1', 'adresse ligne 1', 'voie', 'numero et rue'], ['address', 'street', 'address line 1', 'street address', 'address 1'])),
    field(`${prefix}.line2`, 'text', names(['adresse 2', 'complement', 'complement d adresse', 'adresse ligne 2', 'rue 2'], ['address line 2', 'address 2', 'street 2'])),
    field(`${prefix}.postcode`, 'text', names(['code postal', 'cp', 'c p'], ['postcode', 'zip', 'zip code', 'postal code', 'post code'])),
    field(`${prefix}.city`, 'text', names(['ville', 'commune', 'localite'], ['city', 'town'])),
    field(`${prefix}.country`, 'text', names(['pays'], ['country', 'country region', 'country code'])),
  ];
}

const COMMON_TAIL: TargetField[] = [
  field('tags', 'list', ['tags', 'etiquettes', 'etiquette', 'mots cles', 'categories', 'labels', 'groupes', 'groups']),
  field('notes', 'text', ['notes', 'note', 'commentaire', 'commentaires', 'remarques', 'observations', 'comments', 'description']),
  field('roles', 'list', ['roles', 'role', 'statut', 'type de relation', 'relation', 'relationship', 'status'], { values: PARTY_ROLES }),
  field('doNotContact', 'boolean', ['ne pas contacter', 'ne pas solliciter', 'do not contact', 'opt out', 'stop contact']),
  field('owner', 'email', ['proprietaire', 'responsable', 'commercial', 'suivi par', 'owner', 'account owner', 'sales rep']),
];

/** The fields of people, custom fields left out. */
export const PERSON_FIELDS: readonly TargetField[] = [
  field('externalId', 'text', ['id', 'identifiant', 'identifiant externe', 'id externe', 'reference', 'ref', 'code client', 'external id', 'uid', 'contact id']),
  field('customerNumber', 'text', ['numero client', 'n client', 'no client', 'num client', 'customer number', 'customer no', 'client number'], { matchOnly: true }),
  field('civility', 'enum', ['civilite', 'titre', 'title', 'salutation', 'prefix', 'n prefix', 'name prefix'], { values: CIVILITY_CODES }),
  field('firstName', 'text', ['prenom', 'prenoms', 'first name', 'firstname', 'given name', 'forename', 'n given']),
  field('lastName', 'text', ['nom', 'nom de famille', 'last name', 'lastname', 'surname', 'family name', 'n family', 'nom de naissance'], { required: true }),
  field('fullName', 'text', ['nom complet', 'prenom nom', 'nom prenom', 'nom et prenom', 'full name', 'name', 'display name', 'fn', 'contact']),
  field('birthDate', 'date', ['date de naissance', 'naissance', 'ne le', 'ne e le', 'birthday', 'birth date', 'date of birth', 'dob', 'bday', 'anniversaire']),
  field('gender', 'enum', ['sexe', 'genre', 'gender', 'sex'], { values: GENDERS }),
  field('language', 'text', ['langue', 'langue preferee', 'language', 'preferred language']),
  field('email', 'email', ['email', 'e mail', 'courriel', 'adresse email', 'adresse e mail', 'mail', 'adresse de messagerie', 'adresse mail', 'email address', 'e mail address', 'email 1', 'e mail 1 value', 'email personnel', 'personal email', 'home email']),
  field('email.work', 'email', ['email professionnel', 'e mail professionnel', 'email pro', 'mail pro', 'courriel professionnel', 'work email', 'business email', 'office email', 'email 2', 'e mail 2 value', 'e mail 2 address', 'adresse de messagerie 2']),
  field('email.other', 'email', ['autre email', 'autre e mail', 'email secondaire', 'other email', 'secondary email', 'email 3', 'e mail 3 value', 'e mail 3 address', 'adresse de messagerie 3']),
  field('phone.mobile', 'phone', ['portable', 'mobile', 'tel portable', 'telephone portable', 'telephone mobile', 'tel mobile', 'gsm', 'cell', 'cellulaire', 'mobile phone', 'cell phone', 'phone 1 value', 'tel 1']),
  field('phone.home', 'phone', ['telephone', 'tel', 'telephone fixe', 'fixe', 'tel fixe', 'telephone domicile', 'telephone personnel', 'phone', 'home phone', 'telephone number', 'phone number', 'phone 2 value', 'tel 2']),
  field('phone.work', 'phone', ['telephone bureau', 'tel bureau', 'telephone professionnel', 'tel pro', 'telephone travail', 'work phone', 'business phone', 'office phone', 'phone 3 value', 'tel 3']),
  field('phone.other', 'phone', ['autre telephone', 'autre tel', 'other phone', 'secondary phone']),
  ...addressFields('address', { fr: ['domicile', 'perso', 'personnelle'], en: ['home'] }),
  ...addressFields('workAddress', { fr: ['bureau', 'professionnelle', 'pro', 'travail'], en: ['work', 'business', 'office'] }),
  field('organisation', 'text', ['societe', 'entreprise', 'employeur', 'organisation', 'organisme', 'raison sociale', 'company', 'organization', 'organization name', 'employer', 'org']),
  field('jobTitle', 'text', ['fonction', 'poste', 'titre du poste', 'intitule de poste', 'job title', 'position', 'role in company', 'organization title']),
  field('interests', 'list', ['centres d interet', 'centre d interet', 'interets', 'loisirs', 'passions', 'interests', 'hobbies']),
  field('pcsGroup', 'enum', ['csp', 'pcs', 'categorie socioprofessionnelle', 'categorie socio professionnelle', 'profession', 'occupation', 'socio professional group'], { values: PCS_GROUP_CODES }),
  field('familySituation', 'enum', ['situation familiale', 'situation de famille', 'etat civil', 'statut marital', 'family situation', 'marital status'], { values: FAMILY_SITUATION_CODES }),
  field('childrenCount', 'integer', ['nombre d enfants', 'nb enfants', 'enfants', 'children', 'number of children', 'children count', 'kids']),
  ...COMMON_TAIL,
];

/** The fields of organisations, custom fields left out. */
export const ORGANISATION_FIELDS: readonly TargetField[] = [
  PERSON_FIELDS[0]!,
  PERSON_FIELDS[1]!,
  field('legalName', 'text', ['raison sociale', 'denomination', 'denomination sociale', 'nom', 'nom de l entreprise', 'societe', 'entreprise', 'organisation', 'legal name', 'company', 'company name', 'name', 'organization', 'organization name'], { required: true }),
  field('tradeName', 'text', ['nom commercial', 'enseigne', 'marque', 'trade name', 'brand', 'doing business as', 'dba']),
  field('siren', 'text', ['siren', 'n siren', 'numero siren', 'no siren', 'siren number']),
  field('siret', 'text', ['siret', 'n siret', 'numero siret', 'no siret', 'num siret', 'siret number', 'siret du siege']),
  field('nafCode', 'text', ['naf', 'code naf', 'ape', 'code ape', 'naf ape', 'code naf ape', 'activite principale', 'naf code', 'industry code']),
  field('headcountBand', 'enum', ['effectif', 'effectifs', 'tranche d effectif', 'tranche effectif', 'nombre de salaries', 'salaries', 'headcount', 'employees', 'number of employees', 'staff'], {
    values: HEADCOUNT_BANDS.map((band) => band.code),
  }),
  field('annualRevenue', 'money', ['chiffre d affaires', 'ca', 'ca annuel', 'chiffre d affaires annuel', 'revenue', 'annual revenue', 'turnover', 'sales']),
  field('website', 'text', ['site', 'site web', 'site internet', 'url', 'web', 'website', 'web page', 'homepage']),
  field('email', 'email', ['email', 'e mail', 'courriel', 'adresse email', 'adresse e mail', 'mail', 'adresse de messagerie', 'email address', 'contact email']),
  field('phone', 'phone', ['telephone', 'tel', 'telephone standard', 'standard', 'phone', 'phone number', 'telephone number', 'main phone', 'switchboard']),
  ...addressFields('address', { fr: ['siege', 'du siege'], en: ['head office', 'registered'] }),
  ...COMMON_TAIL,
];

const CUSTOM_TYPES: Record<string, FieldType> = {
  text: 'text',
  url: 'text',
  number: 'number',
  money: 'money',
  date: 'date',
  boolean: 'boolean',
  choice: 'enum',
  multi_choice: 'list',
};

/** The custom field's label folded the way headers are, so a column titled like the field maps to it. */
export function foldLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A workspace custom field as an import field `custom.<key>`, its label (and key) as synonyms. */
export function customTargetField(custom: CustomFieldFull): TargetField & { label: string } {
  const synonyms = [...new Set([foldLabel(custom.label), foldLabel(custom.key)])].filter((s) => s !== '');
  const values = custom.type === 'choice' || custom.type === 'multi_choice' ? { values: custom.options } : {};
  return { key: `custom.${custom.key}`, type: CUSTOM_TYPES[custom.type] ?? 'text', synonyms, label: custom.label, ...values };
}

/** Every field of a kind for this workspace: the built-in ones, then the active custom fields. */
export async function partyFields(ctx: Ctx, kind: PartyKind): Promise<TargetField[]> {
  const builtIn = kind === 'person' ? PERSON_FIELDS : ORGANISATION_FIELDS;
  const custom = await customFieldMap(ctx, kind);
  return [...builtIn, ...[...custom.values()].map(customTargetField)];
}
