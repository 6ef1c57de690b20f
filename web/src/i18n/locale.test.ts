import { test } from 'node:test';
import assert from 'node:assert/strict';
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import { pickLocale } from './locale.ts';

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

test('the French catalogue has exactly the keys of the English one', () => {
  assert.deepEqual([...flatten(fr).keys()].sort(), [...flatten(en).keys()].sort());
});

test('no translation is empty, and placeholders match between languages', () => {
  const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
  const english = flatten(en);
  for (const [key, text] of flatten(fr)) {
    assert.ok(typeof text === 'string' && text.trim() !== '', `fr ${key} is empty`);
    assert.deepEqual(placeholders(text), placeholders(english.get(key)), `placeholders of ${key}`);
  }
});
