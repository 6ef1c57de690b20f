/**
 * The export menu of the people list in a real Chromium: the CSV it downloads holds the rows the filtered list
 * shows, in its order and with its columns. Needs Chromium: see test/helpers/browser.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { callApi, eventually, skip, useBrowser, type BrowserOptions } from '../helpers/browser.ts';

const { inBrowser } = useBrowser();

const AS_ADMIN: BrowserOptions = { screenshot: 'exports', signIn: true };

test('the export menu downloads a CSV holding the rows of the filtered list', { skip }, async (t) => {
  await inBrowser(t, AS_ADMIN, async (page, url) => {
    const people = [
      { firstName: 'Élodie', lastName: 'Marchand', city: 'Lyon', postcode: '69002' },
      { firstName: '=Hugo', lastName: 'Lambert', city: 'Lyon', postcode: '69003' },
      { firstName: 'Inès', lastName: 'Moreau', city: 'Lyon', postcode: '69001' },
      { firstName: 'Jules', lastName: 'Petit', city: 'Paris', postcode: '75011' },
    ];
    for (const p of people) {
      await callApi(page, 'POST', '/api/people', { firstName: p.firstName, lastName: p.lastName, addresses: [{ type: 'home', line1: '1 rue', postcode: p.postcode, city: p.city }] }, 201);
    }
    await page.goto(`${url}/people?city=Lyon&sort=-name`);
    let shown: string[] = [];
    await eventually(async () => {
      shown = await page.getByTestId('party-name').allTextContents();
      assert.equal(shown.length, 3);
    });

    await page.getByTestId('export-button').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    assert.match(download.suggestedFilename(), /^people-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile((await download.path())!, 'utf8');
    const [header, ...rows] = parse(text, { bom: true }) as string[][];
    assert.equal(header![0], 'displayName');
    assert.ok(header!.includes('email') && header!.includes('city'), 'the list’s default columns');
    // Same rows, same order; a name starting like a formula comes out neutralised.
    assert.deepEqual(rows.map((r) => r[0]), shown.map((name) => (name.startsWith('=') ? `'${name}` : name)));
    assert.deepEqual(rows.map((r) => r[header!.indexOf('city')]), ['Lyon', 'Lyon', 'Lyon']);
  });
});
