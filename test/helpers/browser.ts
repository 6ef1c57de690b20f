/**
 * Real Chromium for the browser tests. `useBrowser()` starts a Rapport server (see server.ts) and a headless
 * Chromium before a file's tests and closes both after them; its `inBrowser` runs one scenario in a fresh browser
 * context, so that no cookie or storage leaks from one test into the next.
 *
 * Chromium is Debian's `chromium` package, or the program CHROMIUM_PATH names. Without it the tests are skipped
 * on a developer's machine (every test passes `{ skip }`, which then says why) and fail in CI (CI=true), where
 * a silently skipped browser test would hide a broken page.
 */
import { after, before, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { startTestServer, type TestServer } from './server.ts';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const IN_CI = process.env.CI === 'true';
const chromiumMissing = !existsSync(CHROMIUM_PATH);

/** The `skip` option of every browser test: why, when Chromium is missing outside CI; otherwise false. */
export const skip: string | false =
  chromiumMissing && !IN_CI ? `Chromium not found at ${CHROMIUM_PATH} (install Debian's chromium or set CHROMIUM_PATH)` : false;

/** Headless, and quiet: no sandbox (containers lack it), no GPU, no update or sync traffic. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export interface BrowserOptions {
  /** Names the screenshot a failure leaves: /tmp/rapport-<screenshot>-<test name>-<time>.png. */
  screenshot: string;
  /** The browser's language, which the app follows until the user saves their own; en-US by default. */
  locale?: string;
  /** 1400 × 900 by default. */
  viewport?: { width: number; height: number };
  /** Signs in as the workspace's admin before the scenario starts; the scenario then begins on the home page. */
  signIn?: boolean;
}

/** A test's steps: `url` is the server's base URL, such as http://127.0.0.1:41234 (no trailing slash). */
export type Scenario = (page: Page, url: string) => Promise<void>;

export interface BrowserSession {
  /** The running server (its admin's credentials, its database); started before the file's first test. */
  server(): TestServer;
  /**
   * Runs `scenario` in a fresh browser context (own cookies and storage) on a new page. Uncaught errors in the
   * page fail the scenario too; on failure a full-page screenshot is saved to /tmp and named in the error.
   */
  inBrowser(t: TestContext, options: BrowserOptions, scenario: Scenario): Promise<void>;
}

/** Registers the file's `before` (server and Chromium started) and `after` (both closed) hooks. */
export function useBrowser(): BrowserSession {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  before(async () => {
    if (skip) return;
    if (chromiumMissing) assert.fail(`Chromium not found at ${CHROMIUM_PATH}: CI must install it`);
    server = await startTestServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    server() {
      assert.ok(server, 'the server is started');
      return server;
    },

    async inBrowser(t, options, scenario) {
      assert.ok(browser && server, 'browser and server are started');
      const context = await browser.newContext({
        locale: options.locale ?? 'en-US',
        viewport: options.viewport ?? { width: 1400, height: 900 },
        // Lets callApi name API paths alone; the scenarios themselves always go to absolute URLs.
        baseURL: server.url,
      });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      try {
        if (options.signIn) await signInAsAdmin(page, server);
        await scenario(page, server.url);
        assert.deepEqual(pageErrors, [], 'no uncaught error in the page');
      } catch (error) {
        const file = `/tmp/rapport-${options.screenshot}-${t.name.replace(/\W+/g, '-')}-${Date.now()}.png`;
        await page.screenshot({ path: file, fullPage: true }).catch(() => {});
        t.diagnostic(`screenshot of the failure: ${file}`);
        if (error instanceof Error) error.message += `\n(screenshot: ${file}; page errors: ${pageErrors.join(' | ') || 'none'})`;
        throw error;
      } finally {
        await context.close();
      }
    },
  };
}

async function signInAsAdmin(page: Page, server: TestServer): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email', { exact: true }).fill(server.adminEmail);
  await page.getByLabel('Password', { exact: true }).fill(server.adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('home-title').waitFor();
}

/**
 * Calls the API at `path` with the page's session, as the web app does (CSRF token echoed), asserts the answer
 * has `status`, and returns its JSON body. Only for pages opened by `inBrowser`, whose context knows the server.
 */
export async function callApi<T = unknown>(page: Page, method: 'POST' | 'PATCH', path: string, body: object, status: number): Promise<T> {
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'rapport_csrf')?.value ?? '';
  const response = await page.request.fetch(path, { method, data: body, headers: { 'x-csrf-token': csrf } });
  assert.equal(response.status(), status, await response.text());
  return (await response.json()) as T;
}

/** Retries `check` until it passes or `timeout` ms have gone by; then its last failure is thrown. */
export async function eventually(check: () => Promise<void>, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(100);
    }
  }
}

/** Waits for the answer to one API call made by the page: `path` is the URL's path, or a pattern for it. */
export function apiResponse(page: Page, method: string, path: string | RegExp): Promise<Response> {
  return page.waitForResponse((response) => {
    const pathname = new URL(response.url()).pathname;
    return response.request().method() === method && (typeof path === 'string' ? pathname === path : path.test(pathname));
  });
}
