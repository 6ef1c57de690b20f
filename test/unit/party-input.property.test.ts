/**
 * Whatever a client sends for contact points and identifiers, reading the body never throws: it either yields
 * normalised values or names each offending field with its rule.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FieldIssue } from '../../src/platform/errors.ts';
import { readPartyBody } from '../../src/modules/parties/party-input.ts';
import { checkCustomValue, CUSTOM_FIELD_TYPES, type CustomFieldDefinition } from '../../src/modules/custom-fields/custom-field-values.ts';

const messyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('06 12 34 56 78', '+33 1 23 45 67 89', '0033612345678', 'Élodie@Exemple.FR', ' a@b.fr ', '75008', '2A004', '97133', '98000', '732 829 320 00074', '16.23Z', '1623z', '00.00Z'),
);

test('people: every email, phone and postcode is normalised or reported at its own field', () => {
  fc.assert(
    fc.property(fc.array(messyText, { maxLength: 3 }), fc.array(messyText, { maxLength: 3 }), messyText, (emails, phones, postcode) => {
      const issues: FieldIssue[] = [];
      const input = readPartyBody(
        'person',
        {
          lastName: 'Test',
          emails: emails.map((email) => ({ email })),
          phones: phones.map((phone) => ({ phone })),
          addresses: [{ line1: '1 rue', city: 'Ville', postcode }],
        },
        new Map(),
        issues,
      );
      const flagged = new Set(issues.map((i) => i.field));
      for (const issue of issues) assert.match(issue.field, /^body\.(emails|phones|addresses)\[\d+\]\.(email|phone|postcode)$/);
      input.emails!.forEach((row, i) => {
        if (!flagged.has(`body.emails[${i}].email`)) assert.equal(row.email, row.email.toLowerCase().trim());
      });
      input.phones!.forEach((row, i) => {
        if (!flagged.has(`body.phones[${i}].phone`)) assert.match(row.phone, /^\+[1-9]\d{6,14}$/);
      });
      if (!flagged.has('body.addresses[0].postcode')) {
        assert.match(input.addresses![0]!.postcode!, /^\d{5}$/);
        assert.ok(input.addresses![0]!.departement);
      }
    }),
    { numRuns: 500 },
  );
});

test('organisations: SIRET, SIREN and NAF are accepted normalised or refused at their field', () => {
  fc.assert(
    fc.property(messyText, messyText, messyText, (siret, siren, nafCode) => {
      const issues: FieldIssue[] = [];
      const input = readPartyBody('organisation', { legalName: 'X', siret, siren, nafCode }, new Map(), issues);
      for (const issue of issues) assert.ok(['body.siret', 'body.siren', 'body.nafCode'].includes(issue.field), issue.field);
      const flagged = new Set(issues.map((i) => i.field));
      if (!flagged.has('body.siret') && input.columns.siret) {
        assert.match(String(input.columns.siret), /^\d{14}$/);
        assert.equal(input.columns.siren, String(input.columns.siret).slice(0, 9));
      }
      if (!flagged.has('body.nafCode') && input.columns.naf_code) assert.match(String(input.columns.naf_code), /^\d{2}\.\d{2}[A-Z]$/);
    }),
    { numRuns: 500 },
  );
});

test('custom values: any JSON is either accepted in the stored shape of its type or refused with a rule', () => {
  const field = fc.record({
    key: fc.constant('f'),
    type: fc.constantFrom(...CUSTOM_FIELD_TYPES),
    options: fc.constant(['a', 'b', 'c']),
  }) as fc.Arbitrary<CustomFieldDefinition>;
  fc.assert(
    fc.property(field, fc.jsonValue(), (definition, value) => {
      const result = checkCustomValue(definition, value);
      if (!result.ok) {
        assert.ok(result.rule.length > 0);
        return;
      }
      const stored = result.value;
      if (stored === null) return;
      switch (definition.type) {
        case 'number':
        case 'money':
          assert.equal(typeof stored, 'number');
          break;
        case 'boolean':
          assert.equal(typeof stored, 'boolean');
          break;
        case 'multi_choice':
          assert.ok(Array.isArray(stored) && stored.every((v) => definition.options.includes(v as string)));
          break;
        case 'choice':
          assert.ok(definition.options.includes(stored as string));
          break;
        default:
          assert.equal(typeof stored, 'string');
      }
    }),
    { numRuns: 1000 },
  );
});
