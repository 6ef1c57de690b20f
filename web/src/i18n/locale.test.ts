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
import { pickLocale } from './locale.ts';

/** The shell's catalogue and each feature's, English beside French. */
const CATALOGUES: [string, object, object][] = [
  ['shell', en, fr],
  ['parties', partiesEn, partiesFr],
  ['record', recordEn, recordFr],
  ['customizing', customizingEn, customizingFr],
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
