import { test } from 'node:test';
import assert from 'node:assert/strict';
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import partiesEn from '../parties/parties.en.json' with { type: 'json' };
import partiesFr from '../parties/parties.fr.json' with { type: 'json' };
import recordEn from '../record/record.en.json' with { type: 'json' };
import recordFr from '../record/record.fr.json' with { type: 'json' };
import customizingEn from '../customizing/customizing.en.json' with { type: 'json' };
import customizingFr from '../customizing/customizing.fr.json' with { type: 'json' };
import tasksEn from '../tasks/tasks.en.json' with { type: 'json' };
import tasksFr from '../tasks/tasks.fr.json' with { type: 'json' };
import alertsEn from '../alerts/alerts.en.json' with { type: 'json' };
import alertsFr from '../alerts/alerts.fr.json' with { type: 'json' };
import interactionsEn from '../interactions/interactions.en.json' with { type: 'json' };
import interactionsFr from '../interactions/interactions.fr.json' with { type: 'json' };
import commerceEn from '../commerce/commerce.en.json' with { type: 'json' };
import commerceFr from '../commerce/commerce.fr.json' with { type: 'json' };
import billingEn from '../billing/billing.en.json' with { type: 'json' };
import billingFr from '../billing/billing.fr.json' with { type: 'json' };
import casesEn from '../cases/cases.en.json' with { type: 'json' };
import casesFr from '../cases/cases.fr.json' with { type: 'json' };
import vocEn from '../voc/voc.en.json' with { type: 'json' };
import vocFr from '../voc/voc.fr.json' with { type: 'json' };
import timelineEn from '../timeline/timeline.en.json' with { type: 'json' };
import timelineFr from '../timeline/timeline.fr.json' with { type: 'json' };
import metricsEn from '../metrics/metrics.en.json' with { type: 'json' };
import metricsFr from '../metrics/metrics.fr.json' with { type: 'json' };
import importsEn from '../imports/imports.en.json' with { type: 'json' };
import importsFr from '../imports/imports.fr.json' with { type: 'json' };
import duplicatesEn from '../duplicates/duplicates.en.json' with { type: 'json' };
import duplicatesFr from '../duplicates/duplicates.fr.json' with { type: 'json' };
import exportsEn from '../exports/exports.en.json' with { type: 'json' };
import exportsFr from '../exports/exports.fr.json' with { type: 'json' };
import { pickLocale } from './locale.ts';

/** The shell's catalogue and each feature's, English beside French. */
const CATALOGUES: [string, object, object][] = [
  ['shell', en, fr],
  ['parties', partiesEn, partiesFr],
  ['record', recordEn, recordFr],
  ['customizing', customizingEn, customizingFr],
  ['tasks', tasksEn, tasksFr],
  ['alerts', alertsEn, alertsFr],
  ['interactions', interactionsEn, interactionsFr],
  ['commerce', commerceEn, commerceFr],
  ['billing', billingEn, billingFr],
  ['cases', casesEn, casesFr],
  ['voc', vocEn, vocFr],
  ['timeline', timelineEn, timelineFr],
  ['metrics', metricsEn, metricsFr],
  ['imports', importsEn, importsFr],
  ['duplicates', duplicatesEn, duplicatesFr],
  ['exports', exportsEn, exportsFr],
];

test('the first supported language in the browser order wins, English otherwise', () => {
  assert.equal(pickLocale(['fr-FR', 'en-US']), 'fr');
  assert.equal(pickLocale(['en-GB', 'fr']), 'en');
  assert.equal(pickLocale(['de-DE', 'fr-CA', 'en']), 'fr');
  assert.equal(pickLocale(['FR']), 'fr');
  assert.equal(pickLocale(['de', 'es']), 'en');
  assert.equal(pickLocale([]), 'en');
});

/** Every text of a nested catalogue, by dotted key. */
function flatten(catalogue: object, prefix = ''): Map<string, unknown> {
  return new Map(
    Object.entries(catalogue).flatMap(([key, value]): [string, unknown][] =>
      typeof value === 'object' && value !== null ? [...flatten(value, `${prefix}${key}.`)] : [[`${prefix}${key}`, value]],
    ),
  );
}

test('each French catalogue has exactly the keys of its English one, and no two catalogues share a key', () => {
  const owners = new Map<string, string>();
  for (const [name, english, french] of CATALOGUES) {
    assert.deepEqual([...flatten(french).keys()].sort(), [...flatten(english).keys()].sort(), name);
    for (const top of Object.keys(english)) {
      assert.ok(!owners.has(top), `${name} and ${owners.get(top)} both define "${top}"`);
      owners.set(top, name);
    }
  }
});

test('no translation is empty, and placeholders match between languages', () => {
  const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
  for (const [name, englishCatalogue, french] of CATALOGUES) {
    const english = flatten(englishCatalogue);
    for (const [key, text] of flatten(french)) {
      assert.ok(typeof text === 'string' && text.trim() !== '', `fr ${name} ${key} is empty`);
      assert.deepEqual(placeholders(text), placeholders(english.get(key)), `placeholders of ${name} ${key}`);
    }
  }
});
