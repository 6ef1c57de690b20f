/** Luhn and ISO 7064 MOD 97-10, with known answers and the error-detection properties we rely on. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { digits } from './arbitraries.ts';
import { luhnCheckDigit, mod97CheckDigits, passesLuhn, passesMod97 } from '../../../src/shared/identifiers/checksums.ts';

test('Luhn: known answers', () => {
  assert.equal(passesLuhn('79927398713'), true, 'the textbook example');
  assert.equal(luhnCheckDigit('7992739871'), '3');
  assert.equal(luhnCheckDigit('73282932'), '0');
  assert.equal(passesLuhn('79927398710'), false);
  for (const notDigits of ['', ' ', '12a4', '１２']) assert.equal(passesLuhn(notDigits), false, notDigits);
  assert.throws(() => luhnCheckDigit(''), RangeError);
  assert.throws(() => luhnCheckDigit('12 3'), RangeError);
});

test('Luhn: any digits followed by their check digit pass, and every single-digit change is caught', () => {
  const digitString = fc.integer({ min: 1, max: 20 }).chain(digits);
  fc.assert(
    fc.property(digitString, fc.nat(), fc.integer({ min: 1, max: 9 }), (payload, at, shift) => {
      const full = payload + luhnCheckDigit(payload);
      assert.equal(passesLuhn(full), true);
      const index = at % full.length;
      const changed = full.slice(0, index) + String((Number(full[index]) + shift) % 10) + full.slice(index + 1);
      assert.equal(passesLuhn(changed), false, changed);
    }),
  );
});

test('Luhn misses the 09 ↔ 90 swap, which is why customer numbers use MOD 97-10', () => {
  assert.equal(passesLuhn('091'), true);
  assert.equal(passesLuhn('901'), true);
  assert.equal(passesMod97('0971'), true);
  assert.equal(passesMod97('9071'), false);
});

test('MOD 97-10: the ISO 13616 example IBAN GB82 WEST 1234 5698 7654 32', () => {
  assert.equal(mod97CheckDigits('WEST12345698765432GB'), '82');
  assert.equal(passesMod97('WEST12345698765432GB82'), true);
  assert.equal(passesMod97('WEST12345698765432GB83'), false);
  assert.equal(passesMod97('WEST12345698765423GB82'), false);
  for (const malformed of ['', '1', '01', 'west12345698765432GB82', 'WEST12345698765432GB8A']) {
    assert.equal(passesMod97(malformed), false, malformed);
  }
  assert.throws(() => mod97CheckDigits('ab'), RangeError);
});

test('MOD 97-10: check digits always make the value pass, and stay within 01–98', () => {
  const payload = fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 1 });
  fc.assert(
    fc.property(payload, (value) => {
      const check = mod97CheckDigits(value);
      assert.match(check, /^(0[1-9]|[1-8]\d|9[0-8])$/);
      assert.equal(passesMod97(value + check), true);
    }),
  );
});
