/**
 * A record as duplicate detection reads it, and its prepared form: every value normalised once, so that
 * comparing two records (millions of times in a scan) only compares ready strings.
 */
import { digitsOnly, fold, foldTight, normaliseEmailAddress, normalisePhoneDigits, normalisePostcode, normaliseStreet } from './normalise.ts';
import { companyNameKey, companyWords, familyNameKey, phoneticWord } from './name-key.ts';

export type DedupKind = 'person' | 'organisation';

/** What detection looks at on a person or an organisation; absent values are null or left out. */
export interface DedupInput {
  id: string;
  kind: DedupKind;
  firstName?: string | null;
  lastName?: string | null;
  legalName?: string | null;
  tradeName?: string | null;
  /** YYYY-MM-DD. */
  birthDate?: string | null;
  email?: string | null;
  phone?: string | null;
  line1?: string | null;
  postcode?: string | null;
  city?: string | null;
  siret?: string | null;
  siren?: string | null;
  externalId?: string | null;
  website?: string | null;
  /** The stored `name_key`, when it is known, saves computing it again. */
  nameKey?: string | null;
}

export interface Prepared {
  input: DedupInput;
  first: string;
  firstTight: string;
  firstPhonetic: string;
  last: string;
  lastTight: string;
  lastPhonetic: string;
  /** The birth date as eight digits YYYYMMDD, '' when unknown. */
  birth: string;
  email: string;
  phone: string;
  streetNumber: string;
  street: string;
  postcode: string;
  city: string;
  siret: string;
  siren: string;
  externalId: string;
  website: string;
  /** Organisations: the main words of the name, legal forms dropped. */
  company: string;
  companyKey: string;
}

const phoneticCache = new Map<string, string>();

/** FONEM of a folded word, remembered: a million records hold only tens of thousands of distinct names. */
export function cachedPhonetic(word: string, family: boolean): string {
  const cacheKey = family ? `f:${word}` : `g:${word}`;
  let code = phoneticCache.get(cacheKey);
  if (code === undefined) {
    code = (family ? familyNameKey(word) : phoneticWord(word.replace(/ /g, ''))) ?? '';
    if (phoneticCache.size > 500_000) phoneticCache.clear();
    phoneticCache.set(cacheKey, code);
  }
  return code;
}

const foldCache = new Map<string, string>();

/** `fold` of a value that repeats across a base (given names, family names, cities), remembered. */
function cachedFold(text: string | null | undefined): string {
  if (!text) return '';
  let folded = foldCache.get(text);
  if (folded === undefined) {
    folded = fold(text);
    if (foldCache.size > 500_000) foldCache.clear();
    foldCache.set(text, folded);
  }
  return folded;
}

function websiteDomain(url: string | null | undefined): string {
  if (!url) return '';
  return url.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').split(/[/?#:]/)[0] ?? '';
}

function birthDigits(date: string | null | undefined): string {
  const digits = digitsOnly(date);
  return digits.length === 8 ? digits : '';
}

/** Normalises every compared value of a record once. */
export function prepare(input: DedupInput): Prepared {
  const person = input.kind === 'person';
  const first = person ? cachedFold(input.firstName) : '';
  const last = person ? cachedFold(input.lastName) : '';
  const { number, street } = normaliseStreet(input.line1);
  const companyName = person ? '' : input.legalName?.trim() ? input.legalName : input.tradeName;
  const siret = digitsOnly(input.siret);
  return {
    input,
    first,
    firstTight: first.replace(/ /g, ''),
    firstPhonetic: first === '' ? '' : cachedPhonetic(first, false),
    last,
    lastTight: last.replace(/ /g, ''),
    lastPhonetic: last === '' ? '' : (input.nameKey ?? cachedPhonetic(last, true)),
    birth: birthDigits(input.birthDate),
    email: normaliseEmailAddress(input.email),
    phone: normalisePhoneDigits(input.phone),
    streetNumber: number,
    street,
    postcode: normalisePostcode(input.postcode),
    city: cachedFold(input.city),
    siret,
    siren: digitsOnly(input.siren) || siret.slice(0, 9),
    externalId: foldTight(input.externalId),
    website: websiteDomain(input.website),
    company: person ? '' : companyWords(companyName).join(' '),
    companyKey: person ? '' : (input.nameKey ?? companyNameKey(companyName) ?? ''),
  };
}
