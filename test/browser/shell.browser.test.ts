/**
 * The web shell in a real Chromium: signing in, the language following the browser and then the user's saved
 * choice, and signing out. Needs Chromium: see test/helpers/browser.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiResponse, skip, useBrowser, type BrowserOptions } from '../helpers/browser.ts';

const { server, inBrowser } = useBrowser();

/** A fresh, signed-out browser speaking `locale`. */
const signedOut = (locale: string): BrowserOptions => ({ screenshot: 'shell', locale, viewport: { width: 1280, height: 800 } });

test('an English browser signs in, switches to French for good, and signs out', { skip }, async (t) => {
  await inBrowser(t, signedOut('en-US'), async (page, url) => {
    await page.goto(`${url}/`);

    // Not signed in: the app sends us to the login page, in English.
    await page.getByTestId('login-form').waitFor();
    assert.match(new URL(page.url()).pathname, /^\/login$/);
    await page.getByLabel('Email', { exact: true }).fill(server().adminEmail);
    await page.getByLabel('Password', { exact: true }).fill(server().adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const title = page.getByTestId('home-title');
    await title.waitFor();
    assert.match((await title.textContent()) ?? '', /^Welcome to /);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Home' }).waitFor();

    // Switch to French from the user menu: the interface changes at once and the choice is saved.
    await page.getByTestId('user-menu').click();
    const saved = apiResponse(page, 'PATCH', '/api/me');
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
  await inBrowser(t, signedOut('fr-FR'), async (page, url) => {
    await page.goto(`${url}/login`);
    await page.getByTestId('login-form').waitFor();
    await page.getByLabel('Adresse e-mail', { exact: true }).waitFor();
    await page.getByLabel('Mot de passe', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  });
});
