/**
 * Scores a pair of prepared records: each field's level adds its Fellegi–Sunter points (weights.ts), the sum is
 * mapped to 0–100, and the level says whether the pair is a match, a possible match or neither under the
 * workspace's thresholds. `pairPoints` is the allocation-free path the scan runs on every pair; `scorePair` adds
 * the per-field explanation for the pairs worth keeping.
 */
import {
  compareBirthDates,
  compareCities,
  compareCompanyNames,
  compareEmails,
  compareExact,
  compareFamilyNames,
  compareGivenNames,
  compareIdentifiers,
  comparePostcodes,
  compareSirets,
  compareStreets,
  explainLevel,
  similarity,
  type Level,
  type Verdict,
} from './compare.ts';
import type { Prepared } from './dedup-record.ts';
import { scoreOfPoints, weightOf, type WeightedField } from './weights.ts';

export type FieldName =
  | 'name' | 'firstName' | 'lastName' | 'email' | 'phone' | 'birthDate' | 'address' | 'postcode' | 'city'
  | 'siret' | 'siren' | 'externalId' | 'legalName' | 'website';

/** One line of a pair's explanation, as the API shows it. */
export interface FieldComparison {
  field: FieldName;
  a: string | null;
  b: string | null;
  verdict: Verdict;
  similarity: number;
  weight: number;
  reason: string;
}

export interface Thresholds {
  matchThreshold: number;
  possibleThreshold: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { matchThreshold: 80, possibleThreshold: 60 };

export interface PairScore {
  score: number;
  level: 'match' | 'possible' | null;
  fields: FieldComparison[];
}

type Sink = (field: WeightedField, level: Level, points: number) => void;

const HOUSEHOLD_LEVELS = new Set<Level>(['exact', 'phonetic', 'typo']);

function contactPoints(a: Prepared, b: Prepared, household: boolean, sink: Sink | null): number {
  const postcode = comparePostcodes(a.postcode, b.postcode);
  const known = postcode === 'exact';
  const email = compareEmails(a.email, b.email);
  const phone = compareIdentifiers(a.phone, b.phone);
  const address = compareStreets(a.streetNumber, a.street, b.streetNumber, b.street);
  const city = compareCities(a.city, b.city);
  const externalId = compareIdentifiers(a.externalId, b.externalId);
  const points = [
    weightOf('email', email, known, household),
    weightOf('phone', phone, known, household),
    weightOf('address', address, known, household),
    weightOf('postcode', postcode, known, household),
    weightOf('city', city, known, household),
    weightOf('externalId', externalId, known, household),
  ] as const;
  if (sink) {
    sink('email', email, points[0]);
    sink('phone', phone, points[1]);
    sink('address', address, points[2]);
    sink('postcode', postcode, points[3]);
    sink('city', city, points[4]);
    sink('externalId', externalId, points[5]);
  }
  return points[0] + points[1] + points[2] + points[3] + points[4] + points[5];
}

function personPoints(a: Prepared, b: Prepared, sink: Sink | null): number {
  let first = compareGivenNames(a.first, a.firstTight, a.firstPhonetic, b.first, b.firstTight, b.firstPhonetic);
  let last = compareFamilyNames(a.last, a.lastTight, a.lastPhonetic, b.last, b.lastTight, b.lastPhonetic);
  if (first === 'different' && last === 'different' && a.firstTight !== '' && a.lastTight !== '') {
    const crossFirst = compareGivenNames(a.first, a.firstTight, a.firstPhonetic, b.last, b.lastTight, b.lastPhonetic);
    const crossLast = compareFamilyNames(a.last, a.lastTight, a.lastPhonetic, b.first, b.firstTight, b.firstPhonetic);
    if (crossFirst !== 'different' && crossFirst !== 'missing' && crossLast !== 'different' && crossLast !== 'missing') {
      first = 'swapped';
      last = 'swapped';
    }
  }
  // Same family, another given name: a household, whose members share addresses, phones and sometimes birthdays.
  const household = first === 'different' && HOUSEHOLD_LEVELS.has(last);
  const firstPoints = weightOf('firstName', first, false, household);
  const lastPoints = weightOf('lastName', last, false, household);
  const birth = compareBirthDates(a.birth, b.birth);
  const birthPoints = weightOf('birthDate', birth, false, household);
  if (sink) {
    sink('firstName', first, firstPoints);
    sink('lastName', last, lastPoints);
    sink('birthDate', birth, birthPoints);
  }
  return firstPoints + lastPoints + birthPoints + contactPoints(a, b, household, sink);
}

function organisationPoints(a: Prepared, b: Prepared, sink: Sink | null): number {
  let total = 0;
  const add = (field: WeightedField, level: Level) => {
    const points = weightOf(field, level, false, false);
    total += points;
    if (sink) sink(field, level, points);
  };
  add('legalName', compareCompanyNames(a.company, a.companyKey, b.company, b.companyKey));
  const siret = compareSirets(a.siret, b.siret);
  add('siret', siret);
  // With both SIRETs known, their first nine digits are the SIREN: counting it again would count one fact twice.
  add('siren', siret === 'missing' ? compareExact(a.siren, b.siren) : 'missing');
  add('website', compareExact(a.website, b.website));
  return total + contactPoints(a, b, false, sink);
}

/** The summed points of a pair, without explanation (the scan's hot path). */
export function pairPoints(a: Prepared, b: Prepared): number {
  return a.input.kind === 'person' ? personPoints(a, b, null) : organisationPoints(a, b, null);
}

/** The level of a score under the thresholds. */
export function levelOf(score: number, thresholds: Thresholds): 'match' | 'possible' | null {
  if (score >= thresholds.matchThreshold) return 'match';
  if (score >= thresholds.possibleThreshold) return 'possible';
  return null;
}

/** A score rounded to two decimals, as stored. */
export function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}

function shown(record: Prepared, field: WeightedField): string | null {
  const input = record.input;
  const values: Record<WeightedField, string | null | undefined> = {
    firstName: input.firstName,
    lastName: input.lastName,
    birthDate: input.birthDate,
    externalId: input.externalId,
    email: input.email,
    phone: input.phone,
    postcode: input.postcode,
    city: input.city,
    address: input.line1,
    legalName: input.legalName?.trim() ? input.legalName : input.tradeName,
    siret: input.siret,
    siren: input.siren,
    website: input.website,
  };
  const value = values[field];
  return value === undefined || value === null || value === '' ? null : String(value);
}

function similarityOf(field: WeightedField, level: Level, a: Prepared, b: Prepared): number {
  if (level === 'exact') return 1;
  if (level === 'missing') return 0;
  if (field === 'firstName' || field === 'lastName') {
    return level === 'swapped' ? 1 : similarity(field === 'firstName' ? a.first : a.last, field === 'firstName' ? b.first : b.last);
  }
  if (field === 'legalName') return similarity(a.company, b.company);
  if (field === 'city') return similarity(a.city, b.city);
  return explainLevel(level).verdict === 'similar' ? 0.9 : 0;
}

/** Scores a pair with its per-field explanation, fields in the order they were compared. */
export function scorePair(a: Prepared, b: Prepared, thresholds: Thresholds = DEFAULT_THRESHOLDS): PairScore {
  const fields: FieldComparison[] = [];
  const sink: Sink = (field, level, points) => {
    const { verdict, reason } = explainLevel(level);
    fields.push({
      field,
      a: shown(a, field),
      b: shown(b, field),
      verdict,
      similarity: Math.round(similarityOf(field, level, a, b) * 100) / 100,
      weight: Math.round(points * 100) / 100,
      reason,
    });
  };
  const points = a.input.kind === 'person' ? personPoints(a, b, sink) : organisationPoints(a, b, sink);
  const score = roundScore(scoreOfPoints(points));
  return { score, level: levelOf(score, thresholds), fields: fields.filter((f) => f.a !== null || f.b !== null) };
}
