/** SIREN and SIRET: known answers from the SIRENE register, La Poste's exception, and properties. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { anyText, digits } from './arbitraries.ts';
import { luhnCheckDigit } from '../../../src/shared/identifiers/checksums.ts';
import {
  checkSiren,
  checkSiret,
  formatSiren,
  formatSiret,
  isValidSiren,
  isValidSiret,
  normaliseSiren,
  normaliseSiret,
  sirenOfSiret,
} from '../../../src/shared/identifiers/siren.ts';

/** A valid SIREN: 8 random digits (not all zeros) and their Luhn digit. */
const validSiren = digits(8)
  .filter((payload) => payload !== '00000000')
  .map((payload) => payload + luhnCheckDigit(payload));

/** A valid SIRET outside La Poste: a valid SIREN, a 4-digit establishment number and the Luhn digit. */
const validSiret = fc
  .tuple(validSiren.filter((siren) => siren !== '356000000'), digits(4))
  .map(([siren, establishment]) => siren + establishment + luhnCheckDigit(siren + establishment));

/** Replaces the digit at `at` (modulo the length) by a different one. */
function changeOneDigit(value: string, at: number, shift: number): string {
  const index = at % value.length;
  return value.slice(0, index) + String((Number(value[index]) + shift) % 10) + value.slice(index + 1);
}

test('real SIRENs are valid, in any usual spelling', () => {
  for (const siren of ['732829320', '552100554', '356000000', '542051180', '552081317']) {
    assert.equal(isValidSiren(siren), true, siren);
  }
  for (const spelling of ['732 829 320', '732.829.320', '732-829-320', ' 732829320 ', '732\u00a0829\u202f320']) {
    assert.deepEqual(checkSiren(spelling), { ok: true, value: '732829320' }, spelling);
    assert.equal(normaliseSiren(spelling), '732829320');
  }
});

test('invalid SIRENs are rejected with the rule they break', () => {
  assert.deepEqual(checkSiren('732829321'), { ok: false, code: 'check-digit', rule: 'fails the Luhn check digit' });
  assert.deepEqual(checkSiren('73282932'), { ok: false, code: 'length', rule: 'must have 9 digits' });
  assert.deepEqual(checkSiren('73282932000074'), { ok: false, code: 'length', rule: 'must have 9 digits' });
  assert.deepEqual(checkSiren(''), { ok: false, code: 'length', rule: 'must have 9 digits' });
  assert.deepEqual(checkSiren('000 000 000'), { ok: false, code: 'all-zeros', rule: 'cannot be all zeros' });
  for (const garbage of ['73282932O', 'FR732829320', '732_829_320', '７３２８２９３２０', '732/829/320']) {
    assert.deepEqual(
      checkSiren(garbage),
      { ok: false, code: 'characters', rule: 'may contain only digits, spaces, dots and dashes' },
      garbage,
    );
    assert.equal(normaliseSiren(garbage), null);
  }
});

test('real SIRETs are valid; their SIREN, formatting and rules', () => {
  assert.deepEqual(checkSiret('732 829 320 00074'), { ok: true, value: '73282932000074' });
  assert.equal(isValidSiret('73282932000074'), true);
  assert.equal(normaliseSiret('732.829.320.00074'), '73282932000074');
  assert.equal(sirenOfSiret('732 829 320 00074'), '732829320');
  assert.equal(sirenOfSiret('732829320'), null);
  assert.equal(formatSiret('73282932000074'), '732 829 320 00074');
  assert.equal(formatSiren('732829320'), '732 829 320');
  assert.equal(formatSiren('732-829-320'), '732 829 320');
  assert.equal(formatSiren('7328'), null);
  assert.equal(formatSiret('732829320'), null);

  assert.deepEqual(checkSiret('73282932000075'), { ok: false, code: 'check-digit', rule: 'fails the Luhn check digit' });
  assert.deepEqual(checkSiret('732829320'), { ok: false, code: 'length', rule: 'must have 14 digits' });
  assert.equal(normaliseSiret('7328293200007a'), null);
  // 732829321 is not a valid SIREN, yet 73282932100064 passes the SIRET's own Luhn check.
  assert.deepEqual(checkSiret('73282932100064'), {
    ok: false,
    code: 'siren',
    rule: 'its first 9 digits are not a valid SIREN: fails the Luhn check digit',
  });
  assert.equal(checkSiret('00000000000000').ok, false);
});

test("La Poste's establishments: digit sum a multiple of 5; its head office keeps the Luhn rule", () => {
  assert.equal(isValidSiret('35600000000048'), true, 'the head office: Luhn-valid, digit sum 26');
  // Constructed numbers under SIREN 356 000 000, whose own digits add up to 14.
  assert.equal(isValidSiret('356 000 000 00001'), true, 'digit sum 15, although it fails Luhn');
  assert.equal(isValidSiret('35600000012346'), true, 'digit sum 30');
  assert.deepEqual(checkSiret('35600000000030'), {
    ok: false,
    code: 'check-digit',
    rule: 'fails the La Poste check: its digits must add up to a multiple of 5',
  }, 'digit sum 17, although it passes Luhn');
  assert.equal(isValidSiret('35600000000002'), false);
});

test('property: 8 random digits and their Luhn digit make a valid SIREN, and any single-digit change breaks it', () => {
  fc.assert(
    fc.property(validSiren, fc.nat(), fc.integer({ min: 1, max: 9 }), (siren, at, shift) => {
      assert.deepEqual(checkSiren(siren), { ok: true, value: siren });
      assert.equal(isValidSiren(changeOneDigit(siren, at, shift)), false);
    }),
  );
});

test('property: a valid SIRET stays valid once formatted, its SIREN is valid, and any single-digit change breaks it', () => {
  fc.assert(
    fc.property(validSiret, fc.nat(), fc.integer({ min: 1, max: 9 }), (siret, at, shift) => {
      assert.equal(isValidSiret(siret), true);
      assert.equal(isValidSiret(formatSiret(siret)!), true);
      assert.equal(isValidSiren(sirenOfSiret(siret)!), true);
      assert.equal(isValidSiret(changeOneDigit(siret, at, shift)), false);
    }),
  );
});

test('property: separators anywhere are ignored, and normalising twice changes nothing', () => {
  const separator = fc.constantFrom(' ', '.', '-', '\u00a0', '\u202f', '\t', '\u2013');
  const sprinkled = (value: string) =>
    fc
      .array(fc.array(separator, { maxLength: 2 }), { minLength: value.length + 1, maxLength: value.length + 1 })
      .map((gaps) => gaps.map((gap, i) => gap.join('') + (value[i] ?? '')).join(''));
  fc.assert(
    fc.property(validSiret.chain((siret) => fc.tuple(fc.constant(siret), sprinkled(siret))), ([siret, typed]) => {
      assert.equal(normaliseSiret(typed), siret);
      assert.equal(normaliseSiren(formatSiren(siret.slice(0, 9))!), siret.slice(0, 9));
    }),
  );
  fc.assert(
    fc.property(anyText, (input) => {
      for (const normalise of [normaliseSiren, normaliseSiret]) {
        const once = normalise(input);
        if (once !== null) assert.equal(normalise(once), once);
      }
    }),
  );
});

test('property: arbitrary strings never throw, and the check agrees with normalise and isValid', () => {
  const anyString = fc.oneof(anyText, digits(9), digits(14));
  fc.assert(
    fc.property(anyString, (input) => {
      const siren = checkSiren(input);
      const siret = checkSiret(input);
      assert.equal(isValidSiren(input), siren.ok);
      assert.equal(isValidSiret(input), siret.ok);
      if (siren.ok) assert.equal(siren.value, normaliseSiren(input));
      if (siret.ok) assert.equal(siret.value, normaliseSiret(input));
      if (!siren.ok) assert.ok(siren.rule.length > 0);
      formatSiren(input);
      formatSiret(input);
      sirenOfSiret(input);
    }),
  );
});
