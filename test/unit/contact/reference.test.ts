/** Reference data: the shape of the code lists, checked against facts that do not change often. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEPARTEMENTS, findDepartement, regionOf } from '../../../src/shared/reference/departements.ts';
import { findRegion, REGIONS } from '../../../src/shared/reference/regions.ts';
import { OVERSEAS_COLLECTIVITIES } from '../../../src/shared/reference/overseas-collectivities.ts';
import {
  bandForHeadcount,
  HEADCOUNT_BANDS,
  SOCIO_PROFESSIONAL_GROUPS,
} from '../../../src/shared/reference/insee.ts';
import { CIVILITIES, FAMILY_SITUATIONS } from '../../../src/shared/reference/person.ts';

function assertUniqueCodes(list: readonly { code: string }[], what: string): void {
  assert.equal(new Set(list.map((entry) => entry.code)).size, list.length, `${what} codes are unique`);
}

test('101 départements and 18 régions, each département in exactly one région, each région with one at least', () => {
  assert.equal(DEPARTEMENTS.length, 101);
  assert.equal(REGIONS.length, 18);
  assertUniqueCodes(DEPARTEMENTS, 'département');
  assertUniqueCodes(REGIONS, 'région');
  assert.equal(new Set(DEPARTEMENTS.map((d) => d.name)).size, 101);
  for (const departement of DEPARTEMENTS) {
    assert.equal(REGIONS.filter((region) => region.code === departement.region).length, 1, departement.code);
    assert.equal(regionOf(departement).code, departement.region);
  }
  for (const region of REGIONS) {
    assert.ok(DEPARTEMENTS.some((d) => d.region === region.code), `${region.name} has a département`);
  }
});

test('départements per région match the map of France since 2016', () => {
  const count = (code: string) => DEPARTEMENTS.filter((d) => d.region === code).length;
  const expected: Record<string, number> = {
    '01': 1, '02': 1, '03': 1, '04': 1, '06': 1, '11': 8, '24': 6, '27': 8, '28': 5,
    '32': 5, '44': 10, '52': 5, '53': 4, '75': 12, '76': 13, '84': 12, '93': 6, '94': 2,
  };
  for (const region of REGIONS) assert.equal(count(region.code), expected[region.code], region.name);
  assert.deepEqual(
    DEPARTEMENTS.filter((d) => d.region === '53').map((d) => d.name),
    ["Côtes-d'Armor", 'Finistère', 'Ille-et-Vilaine', 'Morbihan'],
  );
});

test('codes are the metropolitan 01–95 without 20, Corsica 2A/2B, and the five overseas départements', () => {
  const expected = [
    ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((code) => code !== '20'),
    '2A', '2B', '971', '972', '973', '974', '976',
  ];
  assert.deepEqual(DEPARTEMENTS.map((d) => d.code).sort(), expected.sort());
  assert.equal(findDepartement('2A')?.name, 'Corse-du-Sud');
  assert.equal(findDepartement('974')?.name, 'La Réunion');
  assert.equal(findDepartement('20'), undefined);
  assert.equal(findRegion('94')?.name, 'Corse');
  assert.equal(findRegion('toString'), undefined);
});

test('overseas collectivities are no département and have INSEE codes of the 97x–98x series', () => {
  assertUniqueCodes(OVERSEAS_COLLECTIVITIES, 'collectivity');
  for (const collectivity of OVERSEAS_COLLECTIVITIES) {
    assert.match(collectivity.code, /^9[78]\d$/);
    assert.equal(findDepartement(collectivity.code), undefined);
  }
});

test('INSEE lists: 8 socio-professional groups, 16 head-count bands in order, every label in both languages', () => {
  assert.deepEqual(SOCIO_PROFESSIONAL_GROUPS.map((g) => g.code), ['1', '2', '3', '4', '5', '6', '7', '8']);
  assert.deepEqual(
    HEADCOUNT_BANDS.map((b) => b.code),
    ['NN', '00', '01', '02', '03', '11', '12', '21', '22', '31', '32', '41', '42', '51', '52', '53'],
  );
  const numbered = HEADCOUNT_BANDS.filter((band) => band.min !== undefined);
  for (let i = 1; i < numbered.length; i += 1) {
    assert.equal(numbered[i]?.min, (numbered[i - 1]?.max ?? Number.NaN) + 1, 'bands are contiguous');
  }
  assert.equal(numbered.at(-1)?.max, undefined);
  for (const list of [SOCIO_PROFESSIONAL_GROUPS, HEADCOUNT_BANDS, FAMILY_SITUATIONS, CIVILITIES]) {
    assertUniqueCodes(list, 'list');
    for (const entry of list) assert.ok(entry.label.fr.length > 0 && entry.label.en.length > 0, entry.code);
  }
  assert.deepEqual(CIVILITIES.map((c) => c.short.fr), ['M.', 'Mme', 'Mx']);
  assert.equal(FAMILY_SITUATIONS.length, 6);
});

test('head counts fall in their Sirene band', () => {
  const cases: [number, string | undefined][] = [
    [0, '00'], [1, '01'], [2, '01'], [3, '02'], [5, '02'], [6, '03'], [9, '03'], [10, '11'], [19, '11'], [20, '12'],
    [49, '12'], [50, '21'], [99, '21'], [100, '22'], [199, '22'], [200, '31'], [249, '31'], [250, '32'], [499, '32'],
    [500, '41'], [999, '41'], [1000, '42'], [1999, '42'], [2000, '51'], [4999, '51'], [5000, '52'], [9999, '52'],
    [10000, '53'], [2_000_000, '53'],
    [-1, undefined], [2.5, undefined], [Number.NaN, undefined], [Number.POSITIVE_INFINITY, undefined],
  ];
  for (const [headcount, band] of cases) assert.equal(bandForHeadcount(headcount), band, String(headcount));
});

test('property: more employees never give an earlier band, and the band holds the head count', () => {
  const rank = (code: string | undefined) => HEADCOUNT_BANDS.findIndex((band) => band.code === code);
  const headcount = fc.oneof(fc.nat({ max: 20000 }), fc.nat());
  fc.assert(
    fc.property(headcount, headcount, (a, b) => {
      const [low, high] = a <= b ? [a, b] : [b, a];
      assert.ok(rank(bandForHeadcount(low)) <= rank(bandForHeadcount(high)), `${low} vs ${high}`);
      const band = HEADCOUNT_BANDS[rank(bandForHeadcount(low))];
      assert.ok(band?.min !== undefined && low >= band.min && (band.max === undefined || low <= band.max));
    }),
    { numRuns: 2000 },
  );
});
