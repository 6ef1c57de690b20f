/**
 * Customer record settings and the global search in a real Chromium: an admin adds a choice field with its
 * purpose, narrows what sales users may change, creates a team and joins it; then Ctrl-K finds a person by a
 * name typed without accents and Enter opens their record. Needs Chromium like shell.browser.test.ts.
 */
import { after, before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestServer } from '../helpers/server.ts';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const IN_CI = process.env.CI === 'true';
const chromiumMissing = !existsSync(CHROMIUM_PATH);
const skip = chromiumMissing && !IN_CI ? `Chromium not found at ${CHROMIUM_PATH} (install Debian's chromium or set CHROMIUM_PATH)` : false;

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server | undefined;
let browser: Browser | undefined;

before(async () => {
  if (skip) return;
  if (chromiumMissing) assert.fail(`Chromium not found at ${CHROMIUM_PATH}: CI must install it`);
  server = await startTestServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs `scenario` in a fresh English browser context; on failure saves a screenshot to /tmp and names it. */
async function inBrowser(t: TestContext, scenario: (page: Page, url: string) => Promise<void>) {
  assert.ok(browser && server, 'browser and server are started');
  const context: BrowserContext = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await scenario(page, server.url);
    assert.deepEqual(pageErrors, [], 'no uncaught error in the page');
  } catch (error) {
    const file = `/tmp/rapport-customizing-${t.name.replace(/\W+/g, '-')}-${Date.now()}.png`;
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    t.diagnostic(`screenshot of the failure: ${file}`);
    if (error instanceof Error) error.message += `\n(screenshot: ${file}; page errors: ${pageErrors.join(' | ') || 'none'})`;
    throw error;
  } finally {
    await context.close();
  }
}

async function signIn(page: Page, url: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel('Email', { exact: true }).fill(server!.adminEmail);
  await page.getByLabel('Password', { exact: true }).fill(server!.adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('home-title').waitFor();
}

/** Sends a write to the API with the page's session, as the web app does (CSRF token echoed). */
async function apiPost(page: Page, url: string, path: string, body: object) {
  const csrf = (await page.context().cookies(url)).find((cookie) => cookie.name === 'rapport_csrf')?.value ?? '';
  const response = await page.request.post(`${url}${path}`, { data: body, headers: { 'x-csrf-token': csrf } });
  assert.equal(response.status(), 201, await response.text());
  return (await response.json()) as { id: string };
}

/** Waits for the answer to one API call made by the page. */
function apiResponse(page: Page, method: string, path: string | RegExp) {
  return page.waitForResponse((response) => {
    const pathname = new URL(response.url()).pathname;
    return response.request().method() === method && (typeof path === 'string' ? pathname === path : path.test(pathname));
  });
}

test('an admin adds a custom field, narrows edit scopes and creates a team', { skip }, async (t) => {
  await inBrowser(t, async (page, url) => {
    await signIn(page, url);
    await page.goto(`${url}/settings`);
    await page.getByTestId('settings-customers').click();
    await page.getByRole('heading', { name: 'Customer records', level: 1 }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/settings/customers');

    // A choice field for people: the key follows the label, and the purpose is required.
    await page.getByTestId('custom-field-new-person').click();
    const form = page.getByTestId('custom-field-form-create');
    await form.getByLabel('Label').fill('Clothing size');
    assert.equal(await form.getByLabel('Key').inputValue(), 'clothing_size');
    await form.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Choice', exact: true }).click();
    const choices = form.getByLabel('Choices');
    for (const choice of ['S', 'M', 'L']) {
      await choices.fill(choice);
      await choices.press('Enter');
    }
    await form.getByRole('button', { name: 'Create the field' }).click();
    await form.getByText('Required').waitFor();
    await form.getByLabel('Purpose').fill('Offer the right sizes in our mailings');
    const created = apiResponse(page, 'POST', '/api/custom-fields');
    await form.getByRole('button', { name: 'Create the field' }).click();
    const field = await (await created).json();
    assert.deepEqual([field.key, field.type, field.options, field.purpose], ['clothing_size', 'choice', ['S', 'M', 'L'], 'Offer the right sizes in our mailings']);
    const row = page.getByTestId('custom-field-clothing_size');
    await row.getByText('Offer the right sizes in our mailings').waitFor();
    await row.getByText('Choice', { exact: true }).waitFor();
    await form.waitFor({ state: 'detached' });

    // Sales users may now change only their own records.
    await page.getByRole('tab', { name: 'Who may edit' }).click();
    await page.getByText('Admins always change every record.').waitFor();
    await page.getByRole('combobox', { name: 'Records that Sales users may change' }).click();
    const saved = apiResponse(page, 'PUT', '/api/record-access');
    await page.getByRole('option', { name: 'Their own records' }).click();
    const scopes = await (await saved).json();
    assert.equal(scopes.sales, 'own');
    assert.equal(scopes.admin, 'all');
    await page.getByText('Records they own, and records nobody owns yet, so that they can claim them.').waitFor();

    // A team, which the admin then joins: its member count follows.
    await page.getByRole('tab', { name: 'Teams' }).click();
    await page.getByLabel('Team name').fill('West sales');
    await page.getByRole('button', { name: 'Create the team' }).click();
    const teams = page.getByTestId('teams-table');
    const teamRow = teams.getByRole('row').filter({ hasText: 'West sales' });
    await teamRow.getByRole('cell', { name: '0', exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Team of Admin' }).click();
    const assigned = apiResponse(page, 'PATCH', /^\/api\/users\//);
    await page.getByRole('option', { name: 'West sales' }).click();
    assert.equal((await assigned).status(), 200);
    await teamRow.getByRole('cell', { name: '1', exact: true }).waitFor();
  });
});

test('Ctrl-K finds a person by a name typed without accents, and Enter opens the record', { skip }, async (t) => {
  await inBrowser(t, async (page, url) => {
    await signIn(page, url);
    const person = await apiPost(page, url, '/api/people', {
      firstName: 'Élodie',
      lastName: 'Marchand',
      emails: [{ email: 'elodie.marchand@example.fr' }],
      addresses: [{ line1: '12 rue des Tilleuls', postcode: '69003', city: 'Lyon' }],
    });

    await page.keyboard.press('Control+K');
    const input = page.getByRole('combobox', { name: 'Search the workspace' });
    await input.fill('elodie marchand');
    const people = page.getByRole('group', { name: 'People' });
    const option = people.getByRole('option').filter({ hasText: 'Élodie Marchand' });
    await option.waitFor();
    assert.match((await option.textContent()) ?? '', /elodie\.marchand@example\.fr · Lyon/);
    await input.press('ArrowDown');
    assert.equal(await option.getAttribute('aria-selected'), 'true');
    await input.press('Enter');
    await page.waitForURL(`${url}/people/${person.id}`);
  });
});
