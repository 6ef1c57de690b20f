/**
 * Known answers for the pieces of duplicate detection — normalisation, nicknames, French phonetics, comparators,
 * the name key — and properties of the score (symmetric, a record matches itself, normalisation idempotent).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fold, normaliseAddressLine, normaliseEmailAddress, normalisePhoneDigits, normaliseStreet } from '../../src/modules/duplicates/normalise.ts';
import { areNicknames, nicknamePairCount } from '../../src/modules/duplicates/nicknames.ts';
import { partyNameKey } from '../../src/modules/duplicates/name-key.ts';
import { compareBirthDates, compareCompanyNames, compareEmails, compareIdentifiers, compareSirets } from '../../src/modules/duplicates/compare.ts';
import { prepare, type DedupInput } from '../../src/modules/duplicates/dedup-record.ts';
import { scorePair } from '../../src/modules/duplicates/score.ts';
import { jaroWinkler } from '../../src/modules/duplicates/jaro-winkler.ts';
import talismanJaroWinkler from 'talisman/metrics/jaro-winkler.js';

const person = (fields: Partial<DedupInput>, id = 'a'): ReturnType<typeof prepare> => prepare({ id, kind: 'person', ...fields });
const organisation = (fields: Partial<DedupInput>, id = 'a') => prepare({ id, kind: 'organisation', ...fields });
const field = (a: ReturnType<typeof prepare>, b: ReturnType<typeof prepare>, name: string) => scorePair(a, b).fields.find((f) => f.field === name);

test('normalisation: accents and case, E.164 phones, Gmail only loses dots and plus tags, street types', () => {
  assert.equal(fold('  Éloïse  LE-GOFF '), 'eloise le goff');
  assert.equal(fold('Cœur'), 'coeur');
  assert.equal(normalisePhoneDigits('06 12 34 56 78'), '33612345678');
  assert.equal(normalisePhoneDigits('+33 6 12 34 56 78'), '33612345678');
  assert.equal(normaliseEmailAddress(' Jean.Dupont+promo@GoogleMail.com '), 'jeandupont@gmail.com');
  assert.equal(normaliseEmailAddress('jean.dupont+promo@orange.fr'), 'jean.dupont+promo@orange.fr');
  assert.deepEqual(normaliseStreet('12bis, Bd Voltaire'), { number: '12 bis', street: 'bd voltaire' });
  assert.equal(normaliseAddressLine('12 boulevard Voltaire'), normaliseAddressLine('12 bd voltaire'));
  assert.equal(normaliseAddressLine('4 Smith Street'), normaliseAddressLine('4 smith st'));
  assert.equal(normaliseAddressLine('9 avenue de la Gare'), normaliseAddressLine('9 av. de la gare'));
});

test('nicknames: a table of several hundred pairs, French and English', () => {
  assert.ok(nicknamePairCount() >= 300);
  for (const [a, b] of [['Jean-Pierre', 'JP'], ['Bob', 'Robert'], ['Kate', 'Katherine'], ['Kate', 'Catherine'], ['Bill', 'William'], ['Dany', 'Daniel'], ['Fanny', 'Françoise'], ['Fanny', 'Stéphanie']]) {
    assert.ok(areNicknames(a!, b!), `${a} / ${b}`);
  }
  assert.equal(areNicknames('Françoise', 'Stéphanie'), false, 'sharing a diminutive does not make two names one');
  assert.equal(areNicknames('Robert', 'Robert'), false);
});

test('French phonetic keys: Dupont/Dupond, Lefebvre/Lefèvre, Mathieu/Matthieu, organisations without legal forms', () => {
  const key = (lastName: string) => partyNameKey({ kind: 'person', lastName });
  assert.equal(key('Dupont'), key('Dupond'));
  assert.equal(key('Lefebvre'), key('Lefèvre'));
  assert.equal(key('Mathieu'), key('Matthieu'));
  assert.equal(key('Le Gall'), key('LEGALL'));
  assert.notEqual(key('Dupont'), key('Martin'));
  assert.equal(key('  '), null);
  const org = (legalName: string) => partyNameKey({ kind: 'organisation', legalName });
  assert.equal(org('Menuiserie Durand SARL'), org('MENUISERIE DURAND'));
  assert.equal(org('Ets Durand & Fils'), org('Durand'));
  assert.equal(org('SAS Boulangerie Martin'), org('Boulangerie Martin'));
  assert.equal(partyNameKey({ kind: 'organisation', legalName: null, tradeName: 'Durand Bois' }), org('Durand Bois'));
});

test('names: nickname, initial, phonetic, swapped first and last names', () => {
  assert.equal(field(person({ firstName: 'Bob' }), person({ firstName: 'Robert' }), 'firstName')!.reason, 'nickname of');
  assert.equal(field(person({ firstName: 'J.' }), person({ firstName: 'Jean' }), 'firstName')!.reason, 'initial matches');
  assert.equal(field(person({ lastName: 'Dupont' }), person({ lastName: 'Dupond' }), 'lastName')!.reason, 'phonetically equal');
  const swapped = scorePair(person({ firstName: 'Martin', lastName: 'Bernard' }), person({ firstName: 'Bernard', lastName: 'Martin' }));
  assert.deepEqual(swapped.fields.map((f) => f.reason), ['first and last names swapped', 'first and last names swapped']);
  assert.ok(swapped.fields.every((f) => f.weight > 0));
  assert.equal(field(person({ firstName: 'Jean' }), person({ firstName: 'Paul' }), 'firstName')!.verdict, 'different');
});

test('birth dates: exact, one digit, transposed, day and month swapped, same year', () => {
  assert.equal(compareBirthDates('19740312', '19740312'), 'exact');
  assert.equal(compareBirthDates('19740312', '19740313'), 'one-digit');
  assert.equal(compareBirthDates('19740312', '19740321'), 'transposed');
  assert.equal(compareBirthDates('19740312', '19741203'), 'day-month');
  assert.equal(compareBirthDates('19740312', '19741125'), 'same-year');
  assert.equal(compareBirthDates('19740312', '19860101'), 'different');
  assert.equal(compareBirthDates('', '19860101'), 'missing');
});

test('identifiers, e-mails and companies', () => {
  assert.equal(compareIdentifiers('2493383', '2439383'), 'transposed');
  assert.equal(compareIdentifiers('2428295', '2438295'), 'one-digit');
  assert.equal(compareEmails('jeandupont@gmail.com', 'jeandupont@gmail.com'), 'exact');
  assert.equal(compareEmails('jean.dupont.1974@orange.fr', 'jean.dupont.1974@free.fr'), 'same-local');
  assert.equal(compareSirets('73282932000074', '73282932000082'), 'same-siren');
  const a = organisation({ legalName: 'Menuiserie Durand SARL' });
  const b = organisation({ legalName: 'MENUISERIE DURAND' });
  assert.equal(compareCompanyNames(a.company, a.companyKey, b.company, b.companyKey), 'exact');
  const sameSiret = scorePair(organisation({ legalName: 'Menuiserie Durand SARL', siret: '73282932000074' }), organisation({ legalName: 'MENUISERIE DURAND', siret: '732 829 320 00074' }));
  assert.equal(sameSiret.level, 'match');
  assert.equal(sameSiret.fields.find((f) => f.field === 'siren'), undefined, 'the SIREN inside equal SIRETs is not counted twice');
});

test('missing values add nothing; a stranger with the same name only is no duplicate', () => {
  const a = person({ firstName: 'Jean', lastName: 'Martin', birthDate: '1970-01-01' });
  const b = person({ firstName: 'Jean', lastName: 'Martin', birthDate: '1985-06-30' });
  assert.equal(scorePair(a, b).level, null);
  const missing = field(a, person({ firstName: 'Jean', lastName: 'Martin' }), 'birthDate')!;
  assert.equal(missing.verdict, 'missing');
  assert.equal(missing.weight, 0);
});

const text = fc.string({ maxLength: 30 });
const maybe = fc.option(text, { nil: null });
const record = fc.record({
  firstName: fc.oneof(maybe, fc.constantFrom('Jean', 'JP', 'Jean-Pierre', 'Bob', 'Robert', 'Kate')),
  lastName: fc.oneof(maybe, fc.constantFrom('Dupont', 'Dupond', 'Lefèvre', 'Martin')),
  birthDate: fc.option(fc.date({ min: new Date('1900-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: null }),
  email: fc.option(fc.emailAddress(), { nil: null }),
  phone: fc.option(fc.stringMatching(/^0[1-9]( ?\d\d){4}$/), { nil: null }),
  line1: maybe,
  postcode: fc.option(fc.stringMatching(/^\d{5}$/), { nil: null }),
  city: maybe,
  externalId: maybe,
});

test('property: the score is symmetric', () => {
  fc.assert(
    fc.property(record, record, (x, y) => {
      const a = person(x, 'a');
      const b = person(y, 'b');
      assert.equal(scorePair(a, b).score, scorePair(b, a).score);
    }),
    { numRuns: 400 },
  );
});

test('property: a record with a name and one more value is a match with itself', () => {
  fc.assert(
    fc.property(record, (x) => {
      fc.pre(fold(x.lastName) !== '' && fold(x.firstName) !== '' && (x.birthDate !== null || x.email !== null || x.phone !== null));
      assert.equal(scorePair(person(x, 'a'), person(x, 'b')).level, 'match');
    }),
    { numRuns: 300 },
  );
});

test('property: normalisation is idempotent', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 60 }), (value) => {
      assert.equal(fold(fold(value)), fold(value));
      assert.equal(normaliseEmailAddress(normaliseEmailAddress(value)), normaliseEmailAddress(value));
      assert.equal(normalisePhoneDigits(normalisePhoneDigits(value)), normalisePhoneDigits(value));
      assert.equal(normaliseAddressLine(normaliseAddressLine(value)), normaliseAddressLine(value));
    }),
    { numRuns: 1000 },
  );
});

test('property: the allocation-free Jaro-Winkler gives the values of the talisman library', () => {
  // Short strings over a small alphabet meet many matches, transpositions and shared prefixes.
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'é', ' '), maxLength: 14 });
  fc.assert(
    fc.property(word, word, (a, b) => {
      assert.equal(jaroWinkler(a, b), talismanJaroWinkler(a, b));
    }),
    { numRuns: 5_000 },
  );
  assert.equal(jaroWinkler('martha', 'marhta'), talismanJaroWinkler('martha', 'marhta'));
  assert.ok(Math.abs(jaroWinkler('martha', 'marhta') - 0.9611) < 0.0001);
  assert.equal(jaroWinkler('', 'abc'), 0);
});
