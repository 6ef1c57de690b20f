/** Phone normalisation and formatting: known answers, then properties over arbitrary input. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { anyText } from './arbitraries.ts';
import { getCountries, getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { formatPhone, normalisePhone, PHONE_RULES } from '../../../src/shared/contact/phone.ts';

function accepted(input: string, defaultCountry?: string) {
  const result = normalisePhone(input, defaultCountry);
  assert.ok(result.ok, `${JSON.stringify(input)} should be accepted, got ${JSON.stringify(result)}`);
  return result;
}

function refused(input: string, defaultCountry?: string): string {
  const result = normalisePhone(input, defaultCountry);
  assert.ok(!result.ok, `${JSON.stringify(input)} should be refused, got ${JSON.stringify(result)}`);
  assert.equal(result.rule, PHONE_RULES[result.code]);
  return result.code;
}

test('French mobile numbers are read in every way people write them', () => {
  const written = [
    '06 12 34 56 78',
    '0612345678',
    '06.12.34.56.78',
    '06-12-34-56-78',
    '06/12/34/56/78',
    '(06) 12 34 56 78',
    '  06 12 34 56 78  ',
    '06\u00a012\u00a034\u00a056\u00a078',
    '06\u202f12\u202f34\u202f56\u202f78',
    '06\u201312\u201334\u201356\u201378',
    '\uff10\uff16\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18',
    '+33 6 12 34 56 78',
    '+33612345678',
    '+33 (0)6 12 34 56 78',
    '0033 6 12 34 56 78',
    '0033612345678',
  ];
  for (const input of written) {
    assert.deepEqual(accepted(input), { ok: true, e164: '+33612345678', country: 'FR', type: 'mobile' }, input);
  }
});

test('fixed, VoIP and toll-free French numbers get their type', () => {
  assert.deepEqual(accepted('01 42 68 53 00'), { ok: true, e164: '+33142685300', country: 'FR', type: 'fixed' });
  assert.deepEqual(accepted('05 56 12 34 56'), { ok: true, e164: '+33556123456', country: 'FR', type: 'fixed' });
  assert.deepEqual(accepted('07 81 23 45 67'), { ok: true, e164: '+33781234567', country: 'FR', type: 'mobile' });
  assert.deepEqual(accepted('09 51 23 45 67'), { ok: true, e164: '+33951234567', country: 'FR', type: 'other' });
  assert.deepEqual(accepted('0 800 12 34 56'), { ok: true, e164: '+33800123456', country: 'FR', type: 'other' });
});

test('overseas départements written in the French national form get their own calling code', () => {
  assert.deepEqual(accepted('0690 12 34 56'), { ok: true, e164: '+590690123456', country: 'GP', type: 'mobile' });
  assert.deepEqual(accepted('0696 12 34 56'), { ok: true, e164: '+596696123456', country: 'MQ', type: 'mobile' });
  assert.deepEqual(accepted('0694 12 34 56'), { ok: true, e164: '+594694123456', country: 'GF', type: 'mobile' });
  assert.deepEqual(accepted('0262 12 34 56'), { ok: true, e164: '+262262123456', country: 'RE', type: 'fixed' });
  assert.deepEqual(accepted('0692 12 34 56'), { ok: true, e164: '+262692123456', country: 'RE', type: 'mobile' });
  assert.deepEqual(accepted('0639 00 12 34'), { ok: true, e164: '+262639001234', country: 'YT', type: 'mobile' });
  assert.deepEqual(accepted('+590 690 12 34 56'), { ok: true, e164: '+590690123456', country: 'GP', type: 'mobile' });
  // Landlines whose digits would also pass for mainland numbers.
  assert.equal(accepted('0596 00 26 66').e164, '+596596002666');
  assert.equal(accepted('0269 60 26 66').e164, '+262269602666');
  assert.equal(accepted('0590 12 34 56').e164, '+590590123456');
  // Only from France: the same digits mean nothing to a Belgian default.
  refused('0690 12 34 56', 'BE');
});

test('international numbers are read whatever the default country', () => {
  assert.deepEqual(accepted('+44 20 7946 0958'), { ok: true, e164: '+442079460958', country: 'GB', type: 'fixed' });
  assert.deepEqual(accepted('+44 7400 123456'), { ok: true, e164: '+447400123456', country: 'GB', type: 'mobile' });
  assert.deepEqual(accepted('+32 470 12 34 56'), { ok: true, e164: '+32470123456', country: 'BE', type: 'mobile' });
  assert.deepEqual(accepted('+377 93 15 80 00'), { ok: true, e164: '+37793158000', country: 'MC', type: 'fixed' });
  assert.deepEqual(accepted('+1 202 555 0123', 'DE'), { ok: true, e164: '+12025550123', country: 'US', type: 'other' });
  assert.deepEqual(accepted('+800 1234 5678'), { ok: true, e164: '+80012345678', country: undefined, type: 'other' });
});

test('the default country decides how national numbers are read, in any case', () => {
  assert.equal(accepted('020 7946 0958', 'GB').e164, '+442079460958');
  assert.equal(accepted('020 7946 0958', 'gb').e164, '+442079460958');
  assert.equal(accepted('00 33 6 12 34 56 78', 'GB').e164, '+33612345678');
  assert.equal(accepted('0470 12 34 56', 'BE').e164, '+32470123456');
  assert.equal(refused('0612345678', 'XX'), 'international');
  assert.equal(refused('0612345678', ''), 'international');
  assert.equal(accepted('+33 6 12 34 56 78', 'XX').e164, '+33612345678');
});

test('impossible numbers are refused with a rule that says why', () => {
  assert.equal(refused(''), 'empty');
  assert.equal(refused('  \t '), 'empty');
  assert.equal(refused('0612'), 'too-short');
  assert.equal(refused('06 12 34 56 7'), 'too-short');
  assert.equal(refused('0690 12 34 5'), 'too-short');
  assert.equal(refused('112'), 'too-short');
  assert.equal(refused('+33 6'), 'too-short');
  assert.equal(refused('06123456789'), 'too-long');
  assert.equal(refused('+33 6 12 34 56 78 90 12'), 'too-long');
  assert.equal(refused('0'.repeat(65)), 'too-long');
  assert.equal(refused('+999 1234 5678'), 'country-code');
  assert.equal(refused('00 999 1234 5678'), 'country-code');
  assert.equal(refused('07 00 00 00 00'), 'invalid');
  assert.equal(refused('+33 6 90 12 34 56'), 'invalid');
  assert.equal(refused('+'), 'invalid');
  const notPhoneCharacters = ['tel 06 12 34 56 78', '06 12 34 56 78 x12', 'O6 12 34 56 78', '06 12 34 56 78 #'];
  for (const input of [...notPhoneCharacters, '06+12345678', '++33612345678']) {
    assert.equal(refused(input), 'characters', input);
  }
});

test('E.164 numbers are shown nationally or internationally, anything else unchanged', () => {
  assert.equal(formatPhone('+33612345678', 'national'), '06 12 34 56 78');
  assert.equal(formatPhone('+33612345678', 'international'), '+33 6 12 34 56 78');
  assert.equal(formatPhone('+33142685300', 'national'), '01 42 68 53 00');
  assert.equal(formatPhone('+442079460958', 'national'), '020 7946 0958');
  assert.equal(formatPhone('+442079460958', 'international'), '+44 20 7946 0958');
  assert.equal(formatPhone('+590690123456', 'national'), '0690 12 34 56');
  for (const value of ['', 'not a number', '0612345678', '+', '+999']) {
    assert.equal(formatPhone(value, 'national'), value);
    assert.equal(formatPhone(value, 'international'), value);
  }
});

test("every country's example mobile number survives both formats and comes back the same", () => {
  let checked = 0;
  for (const country of getCountries()) {
    const example = getExampleNumber(country, examples);
    if (!example?.isValid()) continue;
    const e164 = example.number;
    assert.equal(accepted(formatPhone(e164, 'international'), 'FR').e164, e164, `${country} international`);
    assert.equal(accepted(formatPhone(e164, 'national'), country).e164, e164, `${country} national`);
    checked += 1;
  }
  assert.ok(checked > 200, `only ${checked} countries checked`);
});

const phoneCharacter = fc.constantFrom(...'0123456789 +-.()/', '0', '6', '33');
const phoneLike = fc.array(phoneCharacter, { maxLength: 24 }).map((parts) => parts.join(''));
const country = fc.constantFrom('FR', 'GB', 'BE', 'US', 'DE', 'GP', 'RE', 'XX', 'fr');

test('property: any string gives a well-formed answer and never throws', () => {
  const input = fc.oneof(anyText, phoneLike);
  fc.assert(
    fc.property(input, country, (text, defaultCountry) => {
      const result = normalisePhone(text, defaultCountry);
      if (result.ok) {
        assert.match(result.e164, /^\+[1-9]\d{6,14}$/);
        assert.ok(['mobile', 'fixed', 'other'].includes(result.type));
      } else {
        assert.equal(result.rule, PHONE_RULES[result.code]);
      }
    }),
    { numRuns: 2000 },
  );
});

test('property: normalising an E.164 output, or its formatted forms, gives it back', () => {
  fc.assert(
    fc.property(phoneLike, country, (text, defaultCountry) => {
      const first = normalisePhone(text, defaultCountry);
      if (!first.ok) return;
      assert.deepEqual(normalisePhone(first.e164, defaultCountry), first);
      assert.deepEqual(normalisePhone(first.e164, 'XX'), first);
      assert.deepEqual(normalisePhone(formatPhone(first.e164, 'international'), defaultCountry), first);
    }),
    { numRuns: 3000 },
  );
});

test('property: a French mobile number, however separated and prefixed, reads as itself', () => {
  const subscriber = fc.tuple(
    fc.constantFrom('60', '61', '62', '64', '65', '66', '67', '68', '73', '74', '75', '76', '77', '78', '79'),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }),
  ).map(([start, rest]) => `${start}${rest.join('')}`);
  const prefix = fc.constantFrom('0', '+33 ', '+33', '0033 ', '+33 (0)', '00 33 ');
  const separator = fc.constantFrom('', ' ', '.', '-', '\u00a0');
  fc.assert(
    fc.property(subscriber, prefix, separator, (digits, start, between) => {
      const written = `${start}${digits[0]}${between}${digits.slice(1).match(/../g)?.join(between)}`;
      const result = normalisePhone(written);
      assert.deepEqual(result, { ok: true, e164: `+33${digits}`, country: 'FR', type: 'mobile' }, written);
      assert.deepEqual(normalisePhone(formatPhone(result.e164, 'national')), result);
    }),
  );
});
