/** Email normalisation: known answers, then properties over arbitrary input. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { anyText } from './arbitraries.ts';
import { EMAIL_RULES, normaliseEmail } from '../../../src/shared/contact/email.ts';

function refused(input: string): string {
  const result = normaliseEmail(input);
  assert.ok(!result.ok, `${JSON.stringify(input)} should be refused, got ${JSON.stringify(result)}`);
  assert.equal(result.rule, EMAIL_RULES[result.code]);
  return result.code;
}

test('addresses are trimmed and lower-cased', () => {
  assert.deepEqual(normaliseEmail('  Jeanne.Dupont@Exemple.FR \n'), { ok: true, email: 'jeanne.dupont@exemple.fr' });
  assert.deepEqual(normaliseEmail('\u00a0hello@rapport.example\u00a0'), { ok: true, email: 'hello@rapport.example' });
  assert.deepEqual(normaliseEmail('A+tag@sub.domain.co.uk'), { ok: true, email: 'a+tag@sub.domain.co.uk' });
});

test('the unquoted characters mail services hand out are accepted', () => {
  for (const email of [
    'a@b.fr',
    "o'neil@example.com",
    'first_last-2@example.io',
    'x!#$%&*/=?^`{|}~@example.org',
    '1234@123.example',
    'user@xn--socit-esa.fr',
    'élodie@société.fr',
    'user@a-b.c-d.example',
  ]) {
    assert.deepEqual(normaliseEmail(email), { ok: true, email }, email);
  }
});

test('equivalent Unicode spellings give the same address', () => {
  const composed = normaliseEmail('ELODIE@SOCI\u00c9T\u00c9.FR');
  const decomposed = normaliseEmail('elodie@socie\u0301te\u0301.fr');
  assert.deepEqual(composed, { ok: true, email: 'elodie@soci\u00e9t\u00e9.fr' });
  assert.deepEqual(decomposed, composed);
});

test('broken addresses are refused with the rule they break', () => {
  assert.equal(refused(''), 'empty');
  assert.equal(refused('   '), 'empty');
  assert.equal(refused('jean dupont@exemple.fr'), 'spaces');
  assert.equal(refused('Jean <jean@exemple.fr>'), 'spaces');
  assert.equal(refused('jean.exemple.fr'), 'one-at');
  assert.equal(refused('jean@@exemple.fr'), 'one-at');
  assert.equal(refused('"a@b"@exemple.fr'), 'one-at');
  assert.equal(refused('@exemple.fr'), 'local');
  assert.equal(refused(`${'a'.repeat(65)}@exemple.fr`), 'local-too-long');
  assert.equal(refused(`${'é'.repeat(33)}@exemple.fr`), 'local-too-long');
  assert.equal(refused('"jean"@exemple.fr'), 'local-characters');
  assert.equal(refused('jean,dupont@exemple.fr'), 'local-characters');
  assert.equal(refused('jean\u0000@exemple.fr'), 'local-characters');
  assert.equal(refused('.jean@exemple.fr'), 'local-dots');
  assert.equal(refused('jean.@exemple.fr'), 'local-dots');
  assert.equal(refused('jean..dupont@exemple.fr'), 'local-dots');
  assert.equal(refused('jean@'), 'domain');
  assert.equal(refused('jean@localhost'), 'domain');
  assert.equal(refused('jean@exemple.'), 'domain');
  assert.equal(refused('jean@.exemple.fr'), 'domain');
  assert.equal(refused('jean@exemple..fr'), 'domain');
  assert.equal(refused('jean@192.168.0.1'), 'domain');
  assert.equal(refused('jean@[192.168.0.1]'), 'domain-label');
  assert.equal(refused('jean@-exemple.fr'), 'domain-label');
  assert.equal(refused('jean@exemple-.fr'), 'domain-label');
  assert.equal(refused('jean@exem_ple.fr'), 'domain-label');
  assert.equal(refused(`jean@${'a'.repeat(64)}.fr`), 'domain-label');
  assert.equal(refused(`jean@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.fr`), 'too-long');
});

test('the length limits are inclusive', () => {
  assert.equal(normaliseEmail(`${'a'.repeat(64)}@exemple.fr`).ok, true);
  assert.equal(normaliseEmail(`jean@${'a'.repeat(63)}.fr`).ok, true);
  const longest = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
  assert.equal(longest.length, 254);
  assert.equal(normaliseEmail(longest).ok, true);
  assert.equal(refused(`${longest}e`), 'too-long');
});

const addressLike = fc.oneof(
  fc.emailAddress(),
  fc.emailAddress().map((email) => ` ${email.toUpperCase()}\t`),
  fc
    .tuple(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 8 }))
    .map(([local, domain]) => `${local}@${domain}.fr`),
);

test('property: any string gives a well-formed answer and never throws', () => {
  fc.assert(
    fc.property(fc.oneof(anyText, addressLike), (text) => {
      const result = normaliseEmail(text);
      if (result.ok) {
        assert.equal(result.email, result.email.trim().toLowerCase());
        assert.equal(result.email.split('@').length, 2);
      } else {
        assert.equal(result.rule, EMAIL_RULES[result.code]);
      }
    }),
    { numRuns: 3000 },
  );
});

test('property: normalising is idempotent, and every generated valid address is accepted', () => {
  fc.assert(
    fc.property(fc.oneof(anyText, addressLike), (text) => {
      const first = normaliseEmail(text);
      if (first.ok) assert.deepEqual(normaliseEmail(first.email), first);
    }),
    { numRuns: 3000 },
  );
  fc.assert(
    fc.property(fc.emailAddress(), (email) => {
      const result = normaliseEmail(email);
      // fast-check's generator caps the local part and the domain, not their sum.
      if (email.length > 254) return;
      assert.deepEqual(result, { ok: true, email: email.toLowerCase() }, email);
    }),
    { numRuns: 2000 },
  );
});
