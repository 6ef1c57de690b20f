import { test } from 'node:test';
import assert from 'node:assert/strict';
import en from './duplicates.en.json' with { type: 'json' };
import fr from './duplicates.fr.json' with { type: 'json' };
import {
  blocksCreation,
  comparisonDiffers,
  completeness,
  defaultSurvivor,
  fieldLabelKey,
  formatScore,
  formatWeight,
  initialPicks,
  levelColor,
  moveLabelKey,
  movesEntries,
  reviewQuery,
  scanProgress,
  settingsIssues,
  sideDiffers,
  worthChecking,
} from './duplicateModel.ts';
import type { CandidateSide } from './duplicateTypes.ts';

function side(overrides: Partial<CandidateSide>): CandidateSide {
  return {
    id: '0b8f2a30-1c6e-4f55-9a11-2d4c5e6f7a80',
    kind: 'person',
    displayName: 'Jean Dupont',
    customerNumber: 'C-000123',
    email: null,
    phone: null,
    city: null,
    birthDate: null,
    updatedAt: '2026-01-10T09:00:00Z',
    ...overrides,
  };
}

/** The value at a dotted key of a nested catalogue, or undefined. */
function lookup(catalogue: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
}

test('explanation lines that are close or different are highlighted, same and missing ones are not', () => {
  assert.equal(comparisonDiffers({ verdict: 'different' }), true);
  assert.equal(comparisonDiffers({ verdict: 'similar' }), true);
  assert.equal(comparisonDiffers({ verdict: 'same' }), false);
  assert.equal(comparisonDiffers({ verdict: 'missing' }), false);
});

test('side by side, values differ only beyond case, accents, spaces and punctuation', () => {
  const a = side({ displayName: 'Hélène Lefèvre', email: 'h.lefevre@example.fr', phone: '+33 6 12 34 56 78', city: 'Saint-Étienne' });
  const b = side({ displayName: 'HELENE LEFEVRE', email: 'H.Lefevre@example.fr', phone: '+33612345678', city: 'Saint Etienne', customerNumber: 'C-000999' });
  assert.equal(sideDiffers('displayName', a, b), false);
  assert.equal(sideDiffers('email', a, b), false);
  assert.equal(sideDiffers('phone', a, b), false);
  assert.equal(sideDiffers('city', a, b), false);
  assert.equal(sideDiffers('email', a, side({ email: 'helene@example.fr' })), true);
  // Present on one side only: the merge decides about it, so it shows.
  assert.equal(sideDiffers('birthDate', side({ birthDate: '1980-02-03' }), side({})), true);
  // Two rows always have their own number and update time: never highlighted.
  assert.equal(sideDiffers('customerNumber', a, b), false);
  assert.equal(sideDiffers('updatedAt', a, side({ updatedAt: '2026-05-01T00:00:00Z' })), false);
});

test('the more complete record is proposed to survive; on a tie the one updated last; then the first', () => {
  const full = side({ email: 'jean@example.fr', phone: '+33612345678', city: 'Lyon' });
  const thin = side({ email: 'jean@example.fr', updatedAt: '2026-09-01T00:00:00Z' });
  assert.equal(completeness(full), 3);
  assert.equal(completeness(side({ email: '  ' })), 0);
  assert.equal(defaultSurvivor(full, thin), 'a');
  assert.equal(defaultSurvivor(thin, full), 'b');
  const older = side({ city: 'Lyon', updatedAt: '2025-01-01T00:00:00Z' });
  const newer = side({ city: 'Lyon', updatedAt: '2026-01-01T00:00:00Z' });
  assert.equal(defaultSurvivor(older, newer), 'b');
  assert.equal(defaultSurvivor(newer, older), 'a');
  assert.equal(defaultSurvivor(older, older), 'a');
});

test('scores read as percentages in the interface language, bounded to 0–100', () => {
  assert.equal(formatScore(92, 'en'), '92%');
  assert.equal(formatScore(92.4, 'fr').replace(/\s/g, ' '), '92 %');
  assert.equal(formatScore(130, 'en'), '100%');
  assert.equal(formatScore(-4, 'en'), '0%');
  assert.equal(levelColor('match'), 'red');
  assert.equal(levelColor('possible'), 'orange');
  assert.equal(formatWeight(3.24, 'en'), '+3.2');
  assert.equal(formatWeight(-1.5, 'fr'), '−1,5');
  assert.equal(formatWeight(0, 'en'), '0');
});

test('every field the API compares, every level, status and verdict has a label in both languages', () => {
  const fields = ['name', 'firstName', 'lastName', 'email', 'phone', 'birthDate', 'address', 'postcode', 'city', 'siret', 'siren', 'externalId', 'legalName', 'website'];
  const keys = [
    ...fields.map(fieldLabelKey),
    ...['match', 'possible'].map((l) => `duplicates.levels.${l}`),
    ...['open', 'ignored', 'merged'].map((s) => `duplicates.statuses.${s}`),
    ...['same', 'similar', 'different', 'missing'].map((v) => `duplicates.verdicts.${v}`),
    ...['most_recent', 'most_complete', 'manual'].map((s) => `duplicates.merge.strategies.${s}`),
  ];
  for (const key of keys) {
    assert.equal(typeof lookup(en, key), 'string', `en ${key}`);
    assert.equal(typeof lookup(fr, key), 'string', `fr ${key}`);
  }
  assert.equal(fieldLabelKey('birthDate'), 'duplicates.fields.birthDate');
  // Moves are counted: each has its singular and plural form.
  for (const table of ['orders', 'timeline', 'cases', 'invoices']) {
    assert.match(String(lookup(en, `${moveLabelKey(table)}_one`)), /\{\{count\}\}/);
    assert.match(String(lookup(fr, `${moveLabelKey(table)}_other`)), /\{\{count\}\}/);
  }
});

test('moves list what there is to move, the largest first', () => {
  assert.deepEqual(movesEntries({ cases: 1, orders: 3, timeline: 41, tasks: 0, alerts: 3 }), [
    ['timeline', 41],
    ['alerts', 3],
    ['orders', 3],
    ['cases', 1],
  ]);
  assert.deepEqual(movesEntries({}), []);
});

test('a manual merge starts from what the automatic strategy chose', () => {
  assert.deepEqual(
    initialPicks([
      { field: 'firstName', survivorValue: 'Jean', absorbedValue: 'J.', chosen: 'survivor', differs: true },
      { field: 'birthDate', survivorValue: null, absorbedValue: '1980-02-03', chosen: 'absorbed', differs: true },
    ]),
    { firstName: 'survivor', birthDate: 'absorbed' },
  );
});

test('settings: thresholds within 0–100, possible ≤ likely ≤ automatic merge', () => {
  assert.deepEqual(settingsIssues({ matchThreshold: 85, possibleThreshold: 60, autoMerge: false, autoMergeThreshold: 97 }), {});
  assert.deepEqual(settingsIssues({ matchThreshold: 85, possibleThreshold: 90, autoMerge: false, autoMergeThreshold: 97 }), {
    possibleThreshold: 'possibleAboveMatch',
  });
  assert.deepEqual(settingsIssues({ matchThreshold: 85, possibleThreshold: 60, autoMerge: true, autoMergeThreshold: 80 }), {
    autoMergeThreshold: 'autoBelowMatch',
  });
  assert.deepEqual(settingsIssues({ matchThreshold: 120, possibleThreshold: Number.NaN, autoMerge: true, autoMergeThreshold: 97 }), {
    matchThreshold: 'range',
    possibleThreshold: 'range',
  });
});

test('a requested scan is over once the summary shows it ran, even if it never saw it running', () => {
  const asked = { lastScanBefore: '2026-01-01T00:00:00Z', sawScanning: false };
  assert.deepEqual(scanProgress(asked, { scanning: false, lastScanAt: '2026-01-01T00:00:00Z' }), asked);
  const running = { ...asked, sawScanning: true };
  assert.deepEqual(scanProgress(asked, { scanning: true, lastScanAt: '2026-01-01T00:00:00Z' }), running);
  assert.equal(scanProgress(running, { scanning: false, lastScanAt: '2026-01-01T00:00:00Z' }), 'done');
  assert.equal(scanProgress(asked, { scanning: false, lastScanAt: '2026-01-01T00:00:05Z' }), 'done');
  assert.equal(scanProgress({ lastScanBefore: null, sawScanning: false }, { scanning: false, lastScanAt: '2026-01-01T00:00:05Z' }), 'done');
});

test('the creation form is checked once the name is typed; only a likely match holds the creation', () => {
  assert.equal(worthChecking('person', { lastName: ' D ', legalName: '' }), false);
  assert.equal(worthChecking('person', { lastName: 'Du', legalName: '' }), true);
  assert.equal(worthChecking('organisation', { lastName: 'Dupont', legalName: '' }), false);
  assert.equal(worthChecking('organisation', { lastName: '', legalName: 'Menuiserie Durand' }), true);
  assert.equal(blocksCreation([]), false);
  assert.equal(blocksCreation([{ level: 'possible' }]), false);
  assert.equal(blocksCreation([{ level: 'possible' }, { level: 'match' }]), true);
});

test('the queue asks the API for the filters in force and the page on screen', () => {
  assert.deepEqual(reviewQuery({ kind: 'organisation', status: 'ignored', level: 'match' }, 'abc', 20), {
    kind: 'organisation',
    status: 'ignored',
    level: 'match',
    cursor: 'abc',
    limit: 20,
  });
});
