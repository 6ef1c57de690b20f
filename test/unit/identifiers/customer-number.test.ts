/** Customer numbers: known answers, tolerant parsing, and the typo-detection guarantees of MOD 97-10. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { anyText } from './arbitraries.ts';
import { mod97CheckDigits } from '../../../src/shared/identifiers/checksums.ts';
import {
  DEFAULT_CUSTOMER_NUMBER_PREFIX,
  formatCustomerNumber,
  isValidCustomerNumber,
  isValidCustomerNumberPrefix,
  parseCustomerNumber,
} from '../../../src/shared/identifiers/customer-number.ts';

const prefix = fc.stringMatching(/^[A-Z]{1,4}$/);
const sequence = fc.oneof(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }));

test('known answers, computed independently with ISO 7064 MOD 97-10 over prefix and padded sequence', () => {
  assert.equal(DEFAULT_CUSTOMER_NUMBER_PREFIX, 'C');
  assert.equal(formatCustomerNumber('C', 123), 'C-000123-18');
  assert.equal(formatCustomerNumber('C', 1), 'C-000001-93');
  assert.equal(formatCustomerNumber('C', 1_000_000), 'C-1000000-94');
  assert.equal(formatCustomerNumber('CLI', 42), 'CLI-000042-86');
  assert.match(formatCustomerNumber('ABCD', Number.MAX_SAFE_INTEGER), /^ABCD-9007199254740991-\d\d$/);
});

test('parsing tolerates case, spaces and missing dashes', () => {
  for (const typed of ['C-000123-18', 'c00012318', 'C00012318', 'c-000123-18', ' C 000123 18 ', 'C–000123–18']) {
    assert.deepEqual(parseCustomerNumber(typed), { prefix: 'C', sequence: 123 }, typed);
  }
  assert.deepEqual(parseCustomerNumber('cli00004286'), { prefix: 'CLI', sequence: 42 });
  assert.deepEqual(parseCustomerNumber('C-1000000-94'), { prefix: 'C', sequence: 1_000_000 });
});

test('typos, wrong check digits and non-canonical spellings are rejected', () => {
  for (const typed of [
    'C-000123-19', // wrong check digits
    'C-000124-18', // one digit changed
    'C-000213-18', // two digits swapped
    'G-000123-18', // prefix changed
    'C-00123-18', // sequence shorter than 6 digits
    `C-0000123-${mod97CheckDigits('C0000123')}`, // padded beyond the canonical width, even with matching digits
    `C-000000-${mod97CheckDigits('C000000')}`, // sequences start at 1
    `ſ-000123-${mod97CheckDigits('S000123')}`, // 'ſ'.toUpperCase() is 'S', but it is not what was typed
    `ABCDE-000123-${mod97CheckDigits('ABCDE000123')}`, // prefix too long
    'C-000123', '000123-18', 'C-000123-1', '', '-', 'C.000123.18', 'C_000123_18',
  ]) {
    assert.equal(parseCustomerNumber(typed), null, typed);
    assert.equal(isValidCustomerNumber(typed), false, typed);
  }
});

test('formatting refuses invalid prefixes and sequences', () => {
  for (const bad of ['', 'c', 'ABCDE', 'C1', 'É', 'C-']) {
    assert.equal(isValidCustomerNumberPrefix(bad), false, bad);
    assert.throws(() => formatCustomerNumber(bad, 1), RangeError, bad);
  }
  for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1]) {
    assert.throws(() => formatCustomerNumber('C', bad), RangeError, String(bad));
  }
  assert.equal(isValidCustomerNumberPrefix('ABCD'), true);
});

test('property: format then parse gives back prefix and sequence, however the number is retyped', () => {
  fc.assert(
    fc.property(prefix, sequence, (p, s) => {
      const formatted = formatCustomerNumber(p, s);
      assert.match(formatted, /^[A-Z]{1,4}-\d{6,}-\d{2}$/);
      assert.deepEqual(parseCustomerNumber(formatted), { prefix: p, sequence: s });
      assert.deepEqual(parseCustomerNumber(formatted.toLowerCase().replaceAll('-', '')), { prefix: p, sequence: s });
      assert.deepEqual(parseCustomerNumber(formatted.replaceAll('-', ' ')), { prefix: p, sequence: s });
    }),
  );
});

test('property: any single-character substitution is rejected, in the prefix or the digits', () => {
  fc.assert(
    fc.property(prefix, sequence, fc.nat(), fc.integer({ min: 1, max: 25 }), (p, s, at, shift) => {
      const formatted = formatCustomerNumber(p, s);
      const positions = [...formatted].flatMap((character, index) => (character === '-' ? [] : [index]));
      const index = positions[at % positions.length]!;
      const original = formatted[index]!;
      const replacement = /\d/.test(original)
        ? String((Number(original) + shift) % 10)
        : String.fromCharCode(65 + ((original.charCodeAt(0) - 65 + shift) % 26));
      fc.pre(replacement !== original);
      const typo = formatted.slice(0, index) + replacement + formatted.slice(index + 1);
      assert.equal(parseCustomerNumber(typo), null, `${formatted} → ${typo}`);
    }),
  );
});

test('property: any swap of two adjacent, different digits is rejected, across the dash too', () => {
  fc.assert(
    fc.property(prefix, sequence, fc.nat(), (p, s, at) => {
      const formatted = formatCustomerNumber(p, s);
      const digitsOnly = formatted.slice(p.length).replaceAll('-', '');
      const index = at % (digitsOnly.length - 1);
      fc.pre(digitsOnly[index] !== digitsOnly[index + 1]);
      const swapped = digitsOnly.slice(0, index) + digitsOnly[index + 1] + digitsOnly[index] + digitsOnly.slice(index + 2);
      assert.equal(parseCustomerNumber(p + swapped), null, `${formatted} → ${p}${swapped}`);
    }),
  );
});

test('property: arbitrary strings never throw, and whatever parses formats back to the same number', () => {
  fc.assert(
    fc.property(anyText, (input) => {
      const parsed = parseCustomerNumber(input);
      assert.equal(isValidCustomerNumber(input), parsed !== null);
      if (parsed !== null) {
        assert.deepEqual(parseCustomerNumber(formatCustomerNumber(parsed.prefix, parsed.sequence)), parsed);
      }
    }),
  );
});
