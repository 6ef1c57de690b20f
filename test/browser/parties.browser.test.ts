/**
 * The people list in a real Chromium: creating a person through the dialog (with the server's refusal shown on
 * the field), filtering, searching, sorting, saving a view and applying it again; and scrolling a list of
 * thousands of people, which loads pages as it goes while the page keeps only the visible rows. Needs Chromium:
 * see test/helpers/browser.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';
import { SYSTEM_ACTOR } from '../../src/platform/context.ts';
import { takeCustomerNumbers } from '../../src/modules/parties/customer-numbers.ts';
import { callApi, eventually, skip, useBrowser, type BrowserOptions } from '../helpers/browser.ts';

const { server, inBrowser } = useBrowser();

const AS_ADMIN: BrowserOptions = { screenshot: 'parties', viewport: { width: 1440, height: 900 }, signIn: true };

async function names(page: Page): Promise<string[]> {
  return page.getByTestId('party-name').allTextContents();
}

async function expectNames(page: Page, expected: string[]) {
  await eventually(async () => assert.deepEqual((await names(page)).toSorted(), expected.toSorted()));
}

async function pickOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Inserts `count` people at once with SQL (the API would take minutes), all tagged `tag`. */
async function seedPeople(db: Kysely<DB>, count: number, tag: string): Promise<void> {
  const workspace = await db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
  await db.transaction().execute(async (trx) => {
    const numbers = await takeCustomerNumbers({ db: trx, workspaceId: workspace.id, actor: SYSTEM_ACTOR }, count);
    const rows = numbers.map((customerNumber, i) => ({
      workspace_id: workspace.id,
      id: randomUUID(),
      kind: 'person',
      customer_number: customerNumber,
      display_name: `Bulk ${String(i).padStart(5, '0')}`,
      last_name: `Bulk ${String(i).padStart(5, '0')}`,
      city: 'Nantes',
      tags: [tag],
      custom: JSON.stringify({}),
    }));
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('parties').values(rows.slice(i, i + 500)).execute();
  });
}

test('people are created, filtered, searched, sorted and kept in a saved view', { skip }, async (t) => {
  await inBrowser(t, AS_ADMIN, async (page) => {
    await page.getByTestId('nav-people').click();
    await page.getByTestId('party-empty').waitFor();
    assert.equal(await page.getByTestId('party-count').textContent(), '0 people');

    // Create through the dialog: the server refuses the phone, and says so under the phone field.
    await page.getByTestId('party-create').click();
    await page.getByTestId('create-firstName').fill('Élodie');
    await page.getByTestId('create-lastName').fill('Marchand');
    await page.getByTestId('create-email').fill('elodie.marchand@example.fr');
    await page.getByTestId('create-phone').fill('12');
    await page.getByTestId('create-line1').fill('12 rue des Tilleuls');
    await page.getByTestId('create-postcode').fill('69003');
    await page.getByTestId('create-city').fill('Lyon');
    await page.getByTestId('create-roles').click({ force: true }); // the pills box above it takes the click
    await page.getByRole('option', { name: 'Customer', exact: true }).click();
    await page.getByTestId('create-tags').fill('salon');
    await page.getByTestId('create-tags').press('Enter');
    await page.getByTestId('create-submit').click();
    await page.getByRole('alert').filter({ hasText: 'The record could not be created' }).waitFor();
    assert.equal(await page.getByTestId('create-phone').getAttribute('aria-invalid'), 'true');
    await page.getByTestId('create-phone').fill('06 12 34 56 78');
    await page.getByTestId('create-submit').click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);

    // Three more, through the API.
    await callApi(page, 'POST', '/api/people', { firstName: 'Bernard', lastName: 'Dupont', roles: ['prospect'] }, 201);
    await callApi(page, 'POST', '/api/people', { firstName: 'Chloé', lastName: 'Martin', roles: ['customer'] }, 201);
    await callApi(page, 'POST', '/api/people', { firstName: 'Zoé', lastName: 'Lambert', roles: ['lead'] }, 201);

    await page.getByTestId('nav-people').click();
    await expectNames(page, ['Bernard Dupont', 'Chloé Martin', 'Zoé Lambert', 'Élodie Marchand']);
    assert.equal(await page.getByTestId('party-count').textContent(), '4 people');
    const elodie = page.getByTestId('party-row').filter({ hasText: 'Élodie Marchand' });
    assert.match((await elodie.textContent()) ?? '', /06 12 34 56 78/);
    assert.match((await elodie.textContent()) ?? '', /Lyon/);
    assert.match((await elodie.textContent()) ?? '', /CUSTOMER|Customer/);

    // Filter by role: the list, the count and the URL follow.
    await pickOption(page, 'Role', 'Customer');
    await expectNames(page, ['Chloé Martin', 'Élodie Marchand']);
    await eventually(async () => assert.equal(await page.getByTestId('party-count').textContent(), '2 people'));
    assert.equal(new URL(page.url()).searchParams.get('role'), 'customer');

    // Search (accents ignored), alone.
    await page.getByTestId('filter-clear').click();
    await expectNames(page, ['Bernard Dupont', 'Chloé Martin', 'Zoé Lambert', 'Élodie Marchand']);
    await page.getByLabel('Search', { exact: true }).fill('chloe');
    await expectNames(page, ['Chloé Martin']);
    await page.getByLabel('Search', { exact: true }).fill('');
    await expectNames(page, ['Bernard Dupont', 'Chloé Martin', 'Zoé Lambert', 'Élodie Marchand']);

    // Sort by name, then the other way round.
    const ascending = await names(page);
    await page.getByTestId('sort-displayName').click();
    await eventually(async () => assert.deepEqual(await names(page), ascending.toReversed()));
    assert.equal(new URL(page.url()).searchParams.get('sort'), '-name');

    // Save "customers, by name descending" as a shared view.
    await pickOption(page, 'Role', 'Customer');
    await expectNames(page, ['Chloé Martin', 'Élodie Marchand']);
    await page.getByTestId('views-button').click();
    await page.getByTestId('view-save-as').click();
    await page.getByTestId('view-name').fill('Customers');
    await page.getByTestId('view-shared').check();
    await page.getByTestId('view-submit').click();
    await eventually(async () => assert.match((await page.getByTestId('views-button').textContent()) ?? '', /Customers/));

    // Back to the default view: everyone, by name.
    await page.getByTestId('views-button').click();
    await page.getByRole('menuitem', { name: 'Default view' }).click();
    await expectNames(page, ['Bernard Dupont', 'Chloé Martin', 'Zoé Lambert', 'Élodie Marchand']);
    assert.equal(new URL(page.url()).searchParams.get('role'), null);

    // Applying the view brings its filter and sort back.
    await page.getByTestId('views-button').click();
    await page.getByTestId('view-item').filter({ hasText: 'Customers' }).click();
    await expectNames(page, ['Chloé Martin', 'Élodie Marchand']);
    assert.equal(await page.getByRole('combobox', { name: 'Role', exact: true }).inputValue(), 'Customer');
    assert.equal(new URL(page.url()).searchParams.get('sort'), '-name');
    assert.deepEqual(await names(page), ascending.filter((n) => ['Chloé Martin', 'Élodie Marchand'].includes(n)).toReversed());

    // Changing the list marks the view as modified; its owner saves the change over it, or deletes it.
    await pickOption(page, 'Role', 'Prospect');
    await expectNames(page, ['Bernard Dupont']);
    await page.getByTestId('view-modified').waitFor();
    await page.getByTestId('views-button').click();
    await page.getByTestId('view-update').click();
    await page.getByTestId('view-modified').waitFor({ state: 'detached' });
    await page.getByTestId('views-button').click();
    await page.getByTestId('view-delete').click();
    await page.getByTestId('view-delete-confirm').click();
    await eventually(async () => assert.doesNotMatch((await page.getByTestId('views-button').textContent()) ?? '', /Customers/));
    await page.getByTestId('views-button').click();
    assert.equal(await page.getByTestId('view-item').count(), 0);
    await page.keyboard.press('Escape');

    // A click anywhere on a row opens the record.
    await page.getByTestId('party-row').filter({ hasText: 'Bernard Dupont' }).locator('td').nth(1).click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
  });
});

test('scrolling thousands of people loads page after page while only the visible rows exist', { skip }, async (t) => {
  await seedPeople(server().db, 3_000, 'bulk');
  await inBrowser(t, AS_ADMIN, async (page, url) => {
    const listRequests: string[] = [];
    page.on('request', (request) => {
      const requestUrl = new URL(request.url());
      if (requestUrl.pathname === '/api/people') listRequests.push(requestUrl.search);
    });
    await page.goto(`${url}/people?tag=bulk`);
    await page.getByTestId('party-row').first().waitFor();
    await eventually(async () => assert.equal(await page.getByTestId('party-count').textContent(), '3,000 people'));
    assert.equal(await page.getByTestId('party-table').getAttribute('aria-rowcount'), '3001');

    const scroller = page.getByTestId('party-scroller');
    const lastIndex = async () => Math.max(...(await page.getByTestId('party-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-index'))))));
    for (let i = 0; i < 40 && (await lastIndex()) < 1_000; i++) {
      await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await sleep(150);
    }
    const loaded = (await lastIndex()) + 1;
    const inDom = await page.getByTestId('party-row').count();
    assert.ok(loaded >= 1_000, `scrolling loaded more pages (${loaded} rows)`);
    assert.ok(inDom < 80, `only the visible rows are in the page (${inDom} of ${loaded})`);
    assert.ok(listRequests.filter((search) => search.includes('cursor=')).length >= 9, 'each page was asked for with the previous cursor');
    assert.ok(listRequests.every((search) => search.includes('limit=100') && search.includes('tag=bulk')));
    await eventually(async () => assert.match((await page.getByTestId('party-loaded').textContent()) ?? '', /of 3,000 loaded/));
    const bottomRow = page.getByTestId('party-row').filter({ hasText: `Bulk ${String(loaded - 1).padStart(5, '0')}` });
    assert.equal(await bottomRow.count(), 1, 'the last loaded row is on screen');

    // The home page counts the whole customer base and leads to each list.
    await page.goto(url);
    const people = page.getByTestId('home-count-person');
    await eventually(async () => assert.match((await people.textContent()) ?? '', /\d[\d,]* people/));
    await people.click();
    await page.waitForURL(/\/people$/);
  });
});
