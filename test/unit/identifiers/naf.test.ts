/** NAF rév. 2 / APE codes: shape, existing divisions, sections; known answers and properties. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { anyText, digits } from './arbitraries.ts';
import {
  NAF_SECTIONS,
  checkNafCode,
  isValidNafCode,
  nafSectionOfCode,
  nafSectionOfDivision,
  normaliseNafCode,
} from '../../../src/shared/identifiers/naf.ts';

/** The official division ranges of each section, written out independently of the source table. */
const OFFICIAL_RANGES = 'A 01-03, B 05-09, C 10-33, D 35-35, E 36-39, F 41-43, G 45-47, H 49-53, I 55-56, J 58-63, '
  + 'K 64-66, L 68-68, M 69-75, N 77-82, O 84-84, P 85-85, Q 86-88, R 90-93, S 94-96, T 97-98, U 99-99';

function officialSectionOf(division: number): string | null {
  for (const range of OFFICIAL_RANGES.split(', ')) {
    const [letter, from, to] = range.split(/[ -]/);
    if (division >= Number(from) && division <= Number(to)) return letter!;
  }
  return null;
}

test('codes typed in the usual ways normalise to 62.01Z', () => {
  for (const typed of ['62.01Z', '6201Z', '62 01 Z', '62.01z', '6201z', ' 62.01Z ', '62-01-Z', '62.01.Z']) {
    assert.equal(normaliseNafCode(typed), '62.01Z', typed);
    assert.deepEqual(checkNafCode(typed), { ok: true, value: '62.01Z' }, typed);
  }
  assert.equal(normaliseNafCode('47.11f'), '47.11F');
  assert.equal(normaliseNafCode('0111Z'), '01.11Z');
});

test('malformed codes are rejected with the format rule', () => {
  const formatFailure = { ok: false, code: 'format', rule: 'must be 4 digits and a letter, like 62.01Z' };
  for (const typed of [
    '', '62', '6201', '62.01', '62.1Z', '721Z', '62.01ZZ', '62.011', 'J62.01Z', '62,01Z', '62_01Z', '６２.０１Z', '62.01ı',
  ]) {
    assert.deepEqual(checkNafCode(typed), formatFailure, typed);
    assert.equal(normaliseNafCode(typed), null, typed);
  }
});

test('divisions that do not exist are rejected, though well-formed', () => {
  for (const division of ['00', '04', '34', '40', '44', '48', '54', '57', '67', '76', '83', '89']) {
    const typed = `${division}.10Z`;
    assert.equal(normaliseNafCode(typed), typed);
    assert.deepEqual(checkNafCode(typed), {
      ok: false,
      code: 'division',
      rule: `division ${division} does not exist in NAF rév. 2`,
    });
    assert.equal(nafSectionOfCode(typed), null);
  }
});

test('codes map to their section', () => {
  const expected: [string, string][] = [
    ['01.11Z', 'A'], ['09.90Z', 'B'], ['10.71C', 'C'], ['33.20D', 'C'], ['35.11Z', 'D'], ['39.00Z', 'E'],
    ['43.99C', 'F'], ['47.11F', 'G'], ['49.41A', 'H'], ['56.10A', 'I'], ['62.01Z', 'J'], ['64.19Z', 'K'],
    ['68.20B', 'L'], ['69.10Z', 'M'], ['82.99Z', 'N'], ['84.11Z', 'O'], ['85.59A', 'P'], ['86.10Z', 'Q'],
    ['90.01Z', 'R'], ['94.99Z', 'S'], ['97.00Z', 'T'], ['99.00Z', 'U'],
  ];
  for (const [code, letter] of expected) assert.equal(nafSectionOfCode(code)?.letter, letter, code);
  assert.equal(nafSectionOfCode('6201z')?.label.en, 'Information and communication');
  assert.equal(nafSectionOfCode('62.01Z')?.label.fr, 'Information et communication');
  assert.equal(nafSectionOfCode('not a code'), null);
});

test('every division from 00 to 99 maps to its official section, and 88 divisions exist', () => {
  let existing = 0;
  for (let division = 0; division <= 99; division += 1) {
    const official = officialSectionOf(division);
    assert.equal(nafSectionOfDivision(division)?.letter ?? null, official, String(division));
    assert.equal(isValidNafCode(`${String(division).padStart(2, '0')}.00Z`), official !== null);
    if (official !== null) existing += 1;
  }
  assert.equal(existing, 88);
  for (const outside of [-1, 100, 1.5, Number.NaN]) assert.equal(nafSectionOfDivision(outside), null);
});

test('the 21 sections run from A to U in order, with both titles', () => {
  assert.deepEqual(NAF_SECTIONS.map((s) => s.letter).join(''), 'ABCDEFGHIJKLMNOPQRSTU');
  for (const [index, section] of NAF_SECTIONS.entries()) {
    assert.ok(section.label.fr.length > 0 && section.label.en.length > 0, section.letter);
    assert.ok(section.firstDivision <= section.lastDivision, section.letter);
    const next = NAF_SECTIONS[index + 1];
    if (next) assert.ok(section.lastDivision < next.firstDivision, section.letter);
  }
  assert.ok(Object.isFrozen(NAF_SECTIONS) && Object.isFrozen(NAF_SECTIONS[0]!.label));
});

test('property: every spelling of a well-formed code normalises to one canonical form, idempotently', () => {
  const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  const lowerOrUpper = fc.boolean();
  const separator = fc.constantFrom('', ' ', '.', '-', '  ');
  fc.assert(
    fc.property(digits(2), digits(2), letter, lowerOrUpper, separator, separator, (div, cls, sub, lower, s1, s2) => {
      const canonical = `${div}.${cls}${sub}`;
      const typed = `${div}${s1}${cls}${s2}${lower ? sub.toLowerCase() : sub}`;
      assert.equal(normaliseNafCode(typed), canonical);
      assert.equal(normaliseNafCode(canonical), canonical);
      assert.equal(isValidNafCode(typed), nafSectionOfDivision(Number(div)) !== null);
    }),
  );
});

test('property: arbitrary strings never throw; check, normalise and section agree', () => {
  fc.assert(
    fc.property(anyText, (input) => {
      const once = normaliseNafCode(input);
      if (once !== null) assert.equal(normaliseNafCode(once), once);
      const check = checkNafCode(input);
      assert.equal(isValidNafCode(input), check.ok);
      assert.equal(nafSectionOfCode(input) !== null, check.ok);
      if (check.ok) assert.equal(check.value, once);
    }),
  );
});
