/** French postcodes: where known postcodes point, what is refused, and properties over all 5-digit strings. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { anyText } from './arbitraries.ts';
import { checkFrenchPostcode, POSTCODE_RULES, type PostcodeProblem } from '../../../src/shared/contact/postcode.ts';
import { DEPARTEMENTS } from '../../../src/shared/reference/departements.ts';

function refusal(code: PostcodeProblem) {
  return { ok: false, code, rule: POSTCODE_RULES[code] };
}

function where(postcode: string): [string, string, string | undefined] {
  const result = checkFrenchPostcode(postcode);
  assert.ok(result.ok, `${postcode} should be accepted, got ${JSON.stringify(result)}`);
  return [result.departement.code, result.departement.name, result.region?.code];
}

test('known postcodes point to their département and région', () => {
  assert.deepEqual(checkFrenchPostcode('75008'), {
    ok: true,
    postcode: '75008',
    departement: { code: '75', name: 'Paris' },
    region: { code: '11', name: 'Île-de-France' },
  });
  assert.deepEqual(checkFrenchPostcode('13001'), {
    ok: true,
    postcode: '13001',
    departement: { code: '13', name: 'Bouches-du-Rhône' },
    region: { code: '93', name: "Provence-Alpes-Côte d'Azur" },
  });
  assert.deepEqual(where('29200'), ['29', 'Finistère', '53']);
  assert.deepEqual(where('01000'), ['01', 'Ain', '84']);
  assert.deepEqual(where('69001'), ['69', 'Rhône', '84']);
  assert.deepEqual(where('95000'), ['95', "Val-d'Oise", '11']);
  assert.deepEqual(where('67000'), ['67', 'Bas-Rhin', '44']);
  assert.deepEqual(where('31000'), ['31', 'Haute-Garonne', '76']);
});

test('Corsica is split by range: up to 20199 Corse-du-Sud, from 20200 Haute-Corse', () => {
  assert.deepEqual(where('20000'), ['2A', 'Corse-du-Sud', '94']);
  assert.deepEqual(where('20090'), ['2A', 'Corse-du-Sud', '94']);
  assert.deepEqual(where('20199'), ['2A', 'Corse-du-Sud', '94']);
  assert.deepEqual(where('20200'), ['2B', 'Haute-Corse', '94']);
  assert.deepEqual(where('20600'), ['2B', 'Haute-Corse', '94']);
  assert.deepEqual(where('20999'), ['2B', 'Haute-Corse', '94']);
});

test('overseas départements are found by their first three digits', () => {
  assert.deepEqual(where('97100'), ['971', 'Guadeloupe', '01']);
  assert.deepEqual(where('97200'), ['972', 'Martinique', '02']);
  assert.deepEqual(where('97300'), ['973', 'Guyane', '03']);
  assert.deepEqual(where('97400'), ['974', 'La Réunion', '04']);
  assert.deepEqual(where('97600'), ['976', 'Mayotte', '06']);
});

test('overseas collectivities are places without a région', () => {
  assert.deepEqual(where('97500'), ['975', 'Saint-Pierre-et-Miquelon', undefined]);
  assert.deepEqual(where('97133'), ['977', 'Saint-Barthélemy', undefined]);
  assert.deepEqual(where('97150'), ['978', 'Saint-Martin', undefined]);
  assert.deepEqual(where('98600'), ['986', 'Wallis-et-Futuna', undefined]);
  assert.deepEqual(where('98714'), ['987', 'Polynésie française', undefined]);
  assert.deepEqual(where('98800'), ['988', 'Nouvelle-Calédonie', undefined]);
  assert.deepEqual(checkFrenchPostcode('98800'), {
    ok: true,
    postcode: '98800',
    departement: { code: '988', name: 'Nouvelle-Calédonie' },
    region: undefined,
  });
});

test('spacing around and after the département is forgiven, nothing else', () => {
  assert.equal(where(' 75008 ')[0], '75');
  assert.equal(where('75 008')[0], '75');
  const misshapen = ['7500', '750080', '75-008', '75  008', '7 5008', 'F-75008', 'abcde', '75008a', '\uff17\uff15008'];
  for (const input of misshapen) assert.deepEqual(checkFrenchPostcode(input), refusal('format'), input);
  assert.deepEqual(checkFrenchPostcode('  '), refusal('empty'));
});

test('postcodes that exist nowhere in France are refused; Monaco gets its own rule', () => {
  const nowhere = ['00000', '00100', '96000', '96999', '99000', '97000', '97700', '97800', '97900', '98100', '98900'];
  for (const postcode of nowhere) assert.deepEqual(checkFrenchPostcode(postcode), refusal('unknown'), postcode);
  assert.deepEqual(checkFrenchPostcode('98000'), refusal('monaco'));
  assert.deepEqual(checkFrenchPostcode('98090'), refusal('monaco'));
});

test('every département is reached by some postcode', () => {
  const reached = new Set<string>();
  for (let n = 0; n < 100000; n += 1) {
    const result = checkFrenchPostcode(String(n).padStart(5, '0'));
    if (result.ok && result.region) reached.add(result.departement.code);
  }
  assert.deepEqual([...reached].sort(), DEPARTEMENTS.map((d) => d.code).sort());
});

test('property: any string gives a well-formed answer and never throws', () => {
  const input = fc.oneof(anyText, fc.stringMatching(/^\s*\d{2} ?\d{3}\s*$/));
  fc.assert(
    fc.property(input, (text) => {
      const result = checkFrenchPostcode(text);
      if (result.ok) {
        assert.match(result.postcode, /^\d{5}$/);
        assert.ok(result.departement.code.length > 0);
      } else {
        assert.equal(result.rule, POSTCODE_RULES[result.code]);
      }
    }),
    { numRuns: 2000 },
  );
});

test('property: a checked postcode checks again to the same answer, and its digits lead to its département', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 99999 }), (n) => {
      const result = checkFrenchPostcode(String(n).padStart(5, '0'));
      if (!result.ok) return;
      assert.deepEqual(checkFrenchPostcode(result.postcode), result);
      const code = result.departement.code;
      const special: Record<string, string> = { '2A': '20', '2B': '20', '977': '97133', '978': '97150' };
      const expectedStart = special[code] ?? code;
      assert.ok(result.postcode.startsWith(expectedStart), `${result.postcode} → ${code}`);
    }),
    { numRuns: 2000 },
  );
});
