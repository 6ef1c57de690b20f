/**
 * The Fellegi–Sunter weights. For each field and each way two values can relate (a level), m is how often a true
 * duplicate shows that level and u how often two different people (or companies) do; the level adds log2(m/u)
 * points: positive when it is more typical of duplicates, negative when more typical of strangers. The values are
 * set from what the levels mean in a French or English customer base, not fitted to a data set; each says why.
 * A field missing on either side adds 0.
 */
import type { Level } from './compare.ts';

export interface Probabilities {
  m: number;
  u: number;
}

type Table = Partial<Record<Level, Probabilities>>;

const FAMILY_NAME: Table = {
  // Typed again by someone else, a family name keeps its spelling about 9 times in 10. Strangers share one about
  // 1 time in 1,000: the commonest names (Martin, Smith) each cover about 1 % of people, most far less.
  exact: { m: 0.88, u: 0.001 },
  // Dupont/Dupond: a written-by-ear variant; many different names share a FONEM code too.
  phonetic: { m: 0.04, u: 0.003 },
  // One letter typed wrong, left out or swapped: frequent in keyed data, rare between two real names.
  typo: { m: 0.04, u: 0.002 },
  close: { m: 0.015, u: 0.01 },
  // Martin-Dupont and Dupont: a married or compound name written in part.
  partial: { m: 0.015, u: 0.001 },
  // First and last names entered in each other's box: rare, and almost never true of two strangers.
  swapped: { m: 0.01, u: 0.00005 },
  // A marriage, or a name mangled beyond recognition.
  different: { m: 0.03, u: 0.99 },
};

const GIVEN_NAME: Table = {
  // Given names are more concentrated than family names: two strangers share one about 1 time in 100.
  exact: { m: 0.88, u: 0.01 },
  // Bob and Robert: the same person signs either way now and then; strangers rarely stand in that relation.
  nickname: { m: 0.03, u: 0.002 },
  // "J." for Jean: about 1 record in 100 has only an initial, and 1 stranger in 14 shares an initial.
  initial: { m: 0.01, u: 0.0007 },
  phonetic: { m: 0.03, u: 0.003 },
  typo: { m: 0.04, u: 0.003 },
  close: { m: 0.015, u: 0.01 },
  // Jean-Pierre and Jean: a compound name written in part.
  partial: { m: 0.02, u: 0.002 },
  swapped: { m: 0.01, u: 0.00005 },
  different: { m: 0.04, u: 0.98 },
};

const BIRTH_DATE: Table = {
  // Two different people share a birth date about 1 time in 20,000 (365 days over some 60 years of birth).
  exact: { m: 0.9, u: 1 / 20_000 },
  // About 24 valid dates differ from a given one by a single digit.
  'one-digit': { m: 0.04, u: 24 / 20_000 },
  // Two neighbouring digits swapped: a classic keying slip; few dates are a transposition of another.
  transposed: { m: 0.02, u: 6 / 20_000 },
  // 03/04 read as the 4th of March: the US and French orders; one date in the lifetime range for a stranger.
  'day-month': { m: 0.01, u: 1 / 20_000 },
  // The same year and nothing else: strangers of a similar age share a year about 1 time in 60.
  'same-year': { m: 0.01, u: 1 / 60 },
  different: { m: 0.03, u: 0.98 },
};

const EXTERNAL_ID: Table = {
  // An identifier from another system: equal identifiers are strong evidence (two sources may still reuse a
  // number, about 1 time in 100,000)…
  exact: { m: 0.85, u: 0.00001 },
  // …a one-digit difference is a keying slip, or the next number of a sequential numbering…
  'one-digit': { m: 0.06, u: 0.001 },
  transposed: { m: 0.02, u: 0.0001 },
  // …and a different identifier is weak evidence: identifiers carry typos too, and one person may hold two.
  different: { m: 0.07, u: 1 },
};

const EMAIL: Table = {
  // A couple may share a family mailbox (about 1 stranger pair in 5,000 with the same address on file).
  exact: { m: 0.8, u: 0.0002 },
  typo: { m: 0.04, u: 0.0005 },
  'same-local': { m: 0.04, u: 0.0005 },
  // People have several addresses and change them: a different address says little.
  different: { m: 0.15, u: 1 },
};

const PHONE: Table = {
  // Households share a landline and companies a switchboard.
  exact: { m: 0.8, u: 0.0005 },
  'one-digit': { m: 0.03, u: 0.0005 },
  transposed: { m: 0.01, u: 0.0001 },
  different: { m: 0.15, u: 1 },
};

const POSTCODE: Table = {
  // A regional business has most customers in a few hundred postcodes: strangers share one about 1 time in 100.
  exact: { m: 0.9, u: 0.01 },
  // A slip, but more often the next town: as common among strangers.
  'one-digit': { m: 0.03, u: 0.05 },
  // People move; a postcode is mistyped now and then.
  different: { m: 0.07, u: 0.99 },
};

// The city is read together with the postcode: when the postcodes agree, so do the cities of almost any two
// records, so the city adds next to nothing; when the postcodes are missing or differ, the city carries the place.
const CITY_WITH_POSTCODE: Table = {
  exact: { m: 0.95, u: 0.9 },
  typo: { m: 0.04, u: 0.05 },
  different: { m: 0.01, u: 0.05 },
};
const CITY_ALONE: Table = {
  exact: { m: 0.8, u: 0.02 },
  typo: { m: 0.1, u: 0.005 },
  different: { m: 0.1, u: 0.97 },
};

const ADDRESS: Table = {
  // Flats and households put a stranger at the same number of the same street about 1 time in 2,000.
  exact: { m: 0.75, u: 0.0005 },
  typo: { m: 0.08, u: 0.0005 },
  // The same street with another or no number: neighbours, or a slip.
  street: { m: 0.08, u: 0.005 },
  different: { m: 0.09, u: 0.97 },
};

const COMPANY_NAME: Table = {
  // Legal forms set aside, two different companies rarely share their main words.
  exact: { m: 0.85, u: 0.0005 },
  phonetic: { m: 0.05, u: 0.001 },
  typo: { m: 0.04, u: 0.002 },
  // "Durand" and "Menuiserie Durand": one name holds the other.
  partial: { m: 0.03, u: 0.003 },
  different: { m: 0.03, u: 0.99 },
};

const SIRET: Table = {
  // A SIRET identifies one establishment; a checked number is almost never shared by mistake.
  exact: { m: 0.95, u: 0.000001 },
  // Two establishments of one company are usually two records on purpose (a head office and a shop).
  'same-siren': { m: 0.03, u: 0.0001 },
  different: { m: 0.02, u: 1 },
};

const SIREN: Table = {
  exact: { m: 0.95, u: 0.00001 },
  different: { m: 0.02, u: 1 },
};

const WEBSITE: Table = {
  exact: { m: 0.7, u: 0.0001 },
  // Companies have several sites and domains.
  different: { m: 0.2, u: 1 },
};

// Within a household (same family name, another given name) shared contact points and even a birth date (twins)
// are what one expects of two different people: u becomes how often family members share them.
const HOUSEHOLD_U: Partial<Record<string, number>> = { address: 0.4, phone: 0.3, email: 0.1, postcode: 0.6, birthDate: 0.02 };

export const TABLES = {
  firstName: GIVEN_NAME,
  lastName: FAMILY_NAME,
  birthDate: BIRTH_DATE,
  externalId: EXTERNAL_ID,
  email: EMAIL,
  phone: PHONE,
  postcode: POSTCODE,
  address: ADDRESS,
  legalName: COMPANY_NAME,
  siret: SIRET,
  siren: SIREN,
  website: WEBSITE,
} as const;

export type WeightedField = keyof typeof TABLES | 'city';

interface Points {
  usual: number;
  /** Within a household (see HOUSEHOLD_U), for the exact level of the fields households share. */
  household: number;
}

// log2(m/u) worked out once per field and level: the scan looks them up tens of millions of times.
function pointsOf(table: Table, field: string): Partial<Record<Level, Points>> {
  const points: Partial<Record<Level, Points>> = {};
  for (const [level, p] of Object.entries(table) as [Level, Probabilities][]) {
    const householdU = level === 'exact' ? HOUSEHOLD_U[field] : undefined;
    points[level] = { usual: Math.log2(p.m / p.u), household: Math.log2(p.m / (householdU ?? p.u)) };
  }
  return points;
}

const POINTS = Object.fromEntries(Object.entries(TABLES).map(([field, table]) => [field, pointsOf(table, field)])) as Record<
  keyof typeof TABLES,
  Partial<Record<Level, Points>>
>;
const CITY_POINTS = { withPostcode: pointsOf(CITY_WITH_POSTCODE, 'city'), alone: pointsOf(CITY_ALONE, 'city') };

/** Points a level adds for a field: log2(m/u), 0 when missing or not in the table. */
export function weightOf(field: WeightedField, level: Level, postcodeKnown: boolean, household: boolean): number {
  const points = field === 'city' ? (postcodeKnown ? CITY_POINTS.withPostcode : CITY_POINTS.alone)[level] : POINTS[field][level];
  if (!points) return 0;
  return household ? points.household : points.usual;
}

/**
 * The score's curve: the posterior probability (in %) that the pair is one record, taking as prior odds one
 * duplicate pair among 100,000 pairs compared — the order of magnitude of the records of a mid-sized base.
 */
export const PRIOR_POINTS = Math.log2(100_000);

/** Maps summed points to 0–100 with the logistic curve centred on the prior. */
export function scoreOfPoints(points: number): number {
  return 100 / (1 + 2 ** (PRIOR_POINTS - points));
}
