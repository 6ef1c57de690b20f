/**
 * The web shell in a real Chromium: signing in, the language following the browser and then the user's saved
 * choice, and signing out. Needs Chromium (Debian's `chromium` package, or CHROMIUM_PATH); without it the tests
 * are skipped on a developer's machine and fail in CI.
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
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Runs `scenario` in a fresh browser context (own cookies and storage) with the given locale. On failure it
 * saves a screenshot to /tmp and names it in the error; uncaught errors in the page fail the scenario too.
 */
async function inBrowser(t: TestContext, locale: string, scenario: (page: Page, url: string) => Promise<void>) {
  assert.ok(browser && server, 'browser and server are started');
  const context: BrowserContext = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await scenario(page, server.url);
    assert.deepEqual(pageErrors, [], 'no uncaught error in the page');
  } catch (error) {
    const file = `/tmp/rapport-shell-${t.name.replace(/\W+/g, '-')}-${Date.now()}.png`;
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    t.diagnostic(`screenshot of the failure: ${file}`);
    if (error instanceof Error) error.message += `\n(screenshot: ${file}; page errors: ${pageErrors.join(' | ') || 'none'})`;
    throw error;
  } finally {
    await context.close();
  }
}

test('an English browser signs in, switches to French for good, and signs out', { skip }, async (t) => {
  await inBrowser(t, 'en-US', async (page, url) => {
    await page.goto(`${url}/`);

    // Not signed in: the app sends us to the login page, in English.
    await page.getByTestId('login-form').waitFor();
    assert.match(new URL(page.url()).pathname, /^\/login$/);
    await page.getByLabel('Email', { exact: true }).fill(server!.adminEmail);
    await page.getByLabel('Password', { exact: true }).fill(server!.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const title = page.getByTestId('home-title');
    await title.waitFor();
    assert.match((await title.textContent()) ?? '', /^Welcome to /);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Home' }).waitFor();

    // Switch to French from the user menu: the interface changes at once and the choice is saved.
    await page.getByTestId('user-menu').click();
    const saved = page.waitForResponse(
      (response) => new URL(response.url()).pathname === '/api/me' && response.request().method() === 'PATCH',
    );
    await page.getByTestId('lang-fr').click();
    assert.equal((await saved).status(), 200, 'PATCH /api/me saved the locale');
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Accueil' }).waitFor();
    assert.match((await title.textContent()) ?? '', /^Bienvenue dans /);
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');

    // The saved locale wins over the English browser after a reload.
    await page.reload();
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Accueil' }).waitFor();
    assert.match((await page.getByTestId('home-title').textContent()) ?? '', /^Bienvenue dans /);

    // Sign out: back to the login page, and the session is really gone.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    assert.match(new URL(page.url()).pathname, /^\/login$/);
    await page.goto(`${url}/settings`);
    await page.getByTestId('login-form').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('redirect'), '/settings');
  });
});

test('a French browser gets the login page in French', { skip }, async (t) => {
  await inBrowser(t, 'fr-FR', async (page, url) => {
    await page.goto(`${url}/login`);
    await page.getByTestId('login-form').waitFor();
    await page.getByLabel('Adresse e-mail', { exact: true }).waitFor();
    await page.getByLabel('Mot de passe', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  });
});
