/**
 * Field comparators. Each answers with a level (how the two values relate: equal, phonetically equal, one digit
 * apart…) without allocating, because a scan runs them millions of times; `explainLevel` turns a level into the
 * verdict and the short English reason shown to people. Both values are prepared (see dedup-record.ts).
 */
import { jaroWinkler } from './jaro-winkler.ts';
import { areFoldedNicknames } from './nicknames.ts';

export type Level =
  | 'exact'
  | 'phonetic'
  | 'nickname'
  | 'initial'
  | 'typo'
  | 'close'
  | 'partial'
  | 'swapped'
  | 'one-digit'
  | 'transposed'
  | 'day-month'
  | 'same-year'
  | 'same-local'
  | 'same-siren'
  | 'street'
  | 'different'
  | 'missing';

export type Verdict = 'same' | 'similar' | 'different' | 'missing';

const REASONS: Record<Level, { verdict: Verdict; reason: string }> = {
  exact: { verdict: 'same', reason: 'equal' },
  phonetic: { verdict: 'similar', reason: 'phonetically equal' },
  nickname: { verdict: 'similar', reason: 'nickname of' },
  initial: { verdict: 'similar', reason: 'initial matches' },
  typo: { verdict: 'similar', reason: 'spelling one letter or so apart' },
  close: { verdict: 'similar', reason: 'spelling close' },
  partial: { verdict: 'similar', reason: 'one part of a compound name' },
  swapped: { verdict: 'similar', reason: 'first and last names swapped' },
  'one-digit': { verdict: 'similar', reason: 'one digit different' },
  transposed: { verdict: 'similar', reason: 'digits transposed' },
  'day-month': { verdict: 'similar', reason: 'day and month swapped' },
  'same-year': { verdict: 'different', reason: 'same year only' },
  'same-local': { verdict: 'similar', reason: 'same mailbox name at another domain' },
  'same-siren': { verdict: 'similar', reason: 'same company (SIREN), another establishment' },
  street: { verdict: 'similar', reason: 'same street, another number' },
  different: { verdict: 'different', reason: 'different' },
  missing: { verdict: 'missing', reason: 'missing on one side' },
};

/** The verdict and the English reason shown for a level. */
export function explainLevel(level: Level): { verdict: Verdict; reason: string } {
  return REASONS[level];
}

/** Jaro-Winkler similarity of two folded strings (0–1). */
export function similarity(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  if (a === '' || b === '') return 0;
  return jaroWinkler(a, b);
}

/** Whether two strings of equal length differ in exactly one position. */
export function oneCharacterApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let differences = 0;
  for (let i = 0; i < a.length; i += 1) if (a.charCodeAt(i) !== b.charCodeAt(i) && ++differences > 1) return false;
  return differences === 1;
}

/** Whether `b` is `a` with two adjacent characters swapped. */
export function adjacentTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** Whether one string becomes the other by inserting or deleting one character. */
function oneInsertionApart(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  return short.slice(i) === long.slice(i + 1);
}

/** Spelling close enough to be a slip: one edit apart on a name of five letters or more, or Jaro-Winkler ≥ 0.92. */
function spellingLevel(a: string, b: string): Level {
  const longEnough = Math.min(a.length, b.length) >= 5;
  if (longEnough && (oneCharacterApart(a, b) || adjacentTransposition(a, b) || oneInsertionApart(a, b))) return 'typo';
  const jw = jaroWinkler(a, b);
  if (jw >= 0.92) return 'typo';
  if (jw >= 0.85) return 'close';
  return 'different';
}

function sharesAWord(a: string, b: string): boolean {
  if (a.indexOf(' ') < 0 && b.indexOf(' ') < 0) return false;
  const words = a.split(' ');
  return b.split(' ').some((word) => word.length > 1 && words.includes(word));
}

/** Given names: equal, nickname, initial ("J." and "Jean"), phonetically equal, spelling close, one part shared. */
export function compareGivenNames(a: string, aTight: string, aPhonetic: string, b: string, bTight: string, bPhonetic: string): Level {
  if (a === '' || b === '') return 'missing';
  if (aTight === bTight) return 'exact';
  if (aTight.length === 1 || bTight.length === 1) return aTight[0] === bTight[0] ? 'initial' : 'different';
  if (areFoldedNicknames(a, b)) return 'nickname';
  if (aPhonetic !== '' && aPhonetic === bPhonetic) return 'phonetic';
  const spelling = spellingLevel(aTight, bTight);
  if (spelling !== 'different') return spelling;
  return sharesAWord(a, b) ? 'partial' : 'different';
}

/** Family names: equal (spaces and particles aside), phonetically equal, spelling close, one part of a compound. */
export function compareFamilyNames(a: string, aTight: string, aPhonetic: string, b: string, bTight: string, bPhonetic: string): Level {
  if (a === '' || b === '') return 'missing';
  if (aTight === bTight) return 'exact';
  if (aPhonetic !== '' && aPhonetic === bPhonetic) return 'phonetic';
  const spelling = spellingLevel(aTight, bTight);
  if (spelling !== 'different') return spelling;
  return sharesAWord(a, b) ? 'partial' : 'different';
}

/** Birth dates as YYYYMMDD: equal, one digit different, two digits transposed, day and month swapped, same year. */
export function compareBirthDates(a: string, b: string): Level {
  if (a === '' || b === '') return 'missing';
  if (a === b) return 'exact';
  if (a.slice(0, 4) === b.slice(0, 4) && a.slice(4, 6) === b.slice(6, 8) && a.slice(6, 8) === b.slice(4, 6)) return 'day-month';
  if (oneCharacterApart(a, b)) return 'one-digit';
  if (adjacentTransposition(a, b)) return 'transposed';
  if (a.slice(0, 4) === b.slice(0, 4)) return 'same-year';
  return 'different';
}

/** Identifiers and phone numbers: equal, one digit different, two digits transposed. */
export function compareIdentifiers(a: string, b: string): Level {
  if (a === '' || b === '') return 'missing';
  if (a === b) return 'exact';
  if (oneCharacterApart(a, b)) return 'one-digit';
  if (adjacentTransposition(a, b)) return 'transposed';
  return 'different';
}

/** E-mail addresses (normalised): equal, a slip in the mailbox name, or the same mailbox name at another domain. */
export function compareEmails(a: string, b: string): Level {
  if (a === '' || b === '') return 'missing';
  if (a === b) return 'exact';
  const atA = a.lastIndexOf('@');
  const atB = b.lastIndexOf('@');
  const localA = a.slice(0, atA);
  const localB = b.slice(0, atB);
  if (a.slice(atA) === b.slice(atB) && localA.length >= 5 && (oneCharacterApart(localA, localB) || adjacentTransposition(localA, localB))) {
    return 'typo';
  }
  // A mailbox name like "dupont" is shared by strangers at different providers; a long one like
  // "jean.dupont.1974" hardly ever is.
  if (localA === localB && localA.length >= 8) return 'same-local';
  return 'different';
}

/** Postcodes: equal, one character different (a slip, or the next town). */
export function comparePostcodes(a: string, b: string): Level {
  if (a === '' || b === '') return 'missing';
  if (a === b) return 'exact';
  if (oneCharacterApart(a, b) || adjacentTransposition(a, b)) return 'one-digit';
  return 'different';
}

/** Cities (folded): equal or spelling close. */
export function compareCities(a: string, b: string): Level {
  if (a === '' || b === '') return 'missing';
  if (a === b) return 'exact';
  return jaroWinkler(a, b) >= 0.9 ? 'typo' : 'different';
}

/** Street addresses: number and street equal, street equal with another number, or a slip in the street. */
export function compareStreets(aNumber: string, aStreet: string, bNumber: string, bStreet: string): Level {
  if (aStreet === '' || bStreet === '') return 'missing';
  const sameNumber = aNumber !== '' && aNumber === bNumber;
  if (aStreet === bStreet) return sameNumber ? 'exact' : 'street';
  if (!sameNumber && aNumber !== '' && bNumber !== '') return 'different';
  const jw = jaroWinkler(aStreet, bStreet);
  if (jw >= 0.9) return sameNumber ? 'typo' : 'street';
  return 'different';
}

/** Company names as their main words: equal, phonetically equal, spelling close, or one holding the other. */
export function compareCompanyNames(a: string, aKey: string, b: string, bKey: string): Level {
  if (a === '' || b === '') return 'missing';
  if (a === b) return 'exact';
  if (aKey !== '' && aKey === bKey) return 'phonetic';
  if (jaroWinkler(a, b) >= 0.92) return 'typo';
  const wordsA = a.split(' ');
  const wordsB = b.split(' ');
  const [fewer, more] = wordsA.length <= wordsB.length ? [wordsA, wordsB] : [wordsB, wordsA];
  if (fewer.every((word) => more.includes(word))) return 'partial';
  return 'different';
}

/** SIRET numbers: equal, or the same company (first nine digits) at another establishment. */
export function compareSirets(a: string, b: string): Level {
  if (a === '' || b === '') return 'missing';
  if (a === b) return 'exact';
  return a.slice(0, 9) === b.slice(0, 9) ? 'same-siren' : 'different';
}

/** Plain equality, for SIREN and web domains. */
export function compareExact(a: string, b: string): Level {
  if (a === '' || b === '') return 'missing';
  return a === b ? 'exact' : 'different';
}
