/**
 * The Voice of the Customer in a real Chromium: the dashboard draws its figures and charts from seeded feedback,
 * the worst touch point comes first, and a click on it or on a bar shows the verbatims behind it; feedback
 * recorded on a customer's record appears there with its derived sentiment. Needs Chromium: see
 * test/helpers/browser.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiResponse, callApi, skip, useBrowser, type BrowserOptions } from '../helpers/browser.ts';

const { inBrowser } = useBrowser();

const AS_ADMIN: BrowserOptions = { screenshot: 'voc', signIn: true };
const DAY = 86_400_000;

/** Five delivery answers (NPS 10, 2, 3, 5, 8 → −40) and five case answers (all promoters → 100), over two months. */
async function seedFeedback(page: Page, partyId: string): Promise<void> {
  const answers = [
    ['delivery', 10, 'Livreur très aimable'],
    ['delivery', 2, 'Colis abîmé à la livraison'],
    ['delivery', 3, 'Trois jours de retard'],
    ['delivery', 5, null],
    ['delivery', 8, null],
    ['case', 9, 'Dossier traité rapidement'],
    ['case', 10, null],
    ['case', 10, null],
    ['case', 9, null],
    ['case', 10, 'Technicien parfait'],
  ] as const;
  for (const [i, [touchpoint, nps, verbatim]] of answers.entries()) {
    const receivedAt = new Date(Date.now() - (i + 1) * 5 * DAY).toISOString();
    await callApi(page, 'POST', '/api/feedback', { partyId, touchpoint, channel: 'email', nps, verbatim, receivedAt, topics: touchpoint === 'delivery' ? ['livraison'] : [] }, 201);
  }
}

test('the dashboard draws its charts from the feedback, and a click drills down to the verbatims', { skip }, async (t) => {
  await inBrowser(t, AS_ADMIN, async (page, url) => {
    const person = await callApi<{ id: string }>(page, 'POST', '/api/people', { firstName: 'Nadia', lastName: 'Benali' }, 201);
    await seedFeedback(page, person.id);

    await page.goto(`${url}/voc`);
    // NPS over ten answers: 6 promoters, 1 passive, 3 detractors → 30.
    await page.getByTestId('kpi-nps-value').filter({ hasText: /^30$/ }).waitFor();
    await page.getByTestId('kpi-answers-value').filter({ hasText: /^10$/ }).waitFor();
    await page.getByTestId('kpi-nps').getByText('Promoters 6 · passives 1 · detractors 3').waitFor();

    // Both charts are drawn: a line per series month by month, a bar per touch point and series.
    await page.getByTestId('voc-trend-chart').locator('.recharts-line-curve').first().waitFor();
    assert.equal(await page.getByTestId('voc-trend-chart').locator('.recharts-line-curve').count(), 2);
    assert.ok((await page.getByTestId('voc-trend-chart').locator('.recharts-line-dot').count()) >= 2, 'a dot per month with answers');
    await page.getByTestId('voc-breakdown-chart').locator('.recharts-bar-rectangle').first().waitFor();
    assert.ok((await page.getByTestId('voc-breakdown-chart').locator('.recharts-bar-rectangle').count()) >= 2);

    // Worst first: delivery (−40) before the case (100).
    const rows = page.getByTestId('voc-worst-row');
    await rows.first().waitFor();
    assert.deepEqual(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-key'))), ['delivery', 'case']);
    await rows.first().getByText('-40').waitFor();

    // The verbatims behind the worst row: delivery answers only.
    const verbatims = page.getByTestId('voc-verbatims');
    await verbatims.getByTestId('feedback-verbatim').filter({ hasText: 'Technicien parfait' }).waitFor();
    const drilled = apiResponse(page, 'GET', '/api/feedback');
    await rows.first().click();
    await page.waitForURL(/touchpoint=delivery/);
    assert.match((await drilled).url(), /touchpoint=delivery/);
    await verbatims.getByTestId('voc-drill').getByText('Touch point: Delivery').waitFor();
    await verbatims.getByTestId('feedback-verbatim').filter({ hasText: 'Colis abîmé à la livraison' }).waitFor();
    await verbatims.getByTestId('feedback-verbatim').filter({ hasText: 'Technicien parfait' }).waitFor({ state: 'detached' });
    assert.equal(await verbatims.getByTestId('feedback-item').count(), 5);
    await verbatims.getByTestId('feedback-item').filter({ hasText: 'Colis abîmé' }).getByTestId('sentiment-badge').filter({ hasText: 'Negative' }).waitFor();
    await verbatims.getByTestId('feedback-item').first().getByTestId('customer-link').filter({ hasText: 'Nadia Benali' }).waitFor();

    // A bar drills down too: the topic chart's only bar is "livraison".
    await page.getByTestId('voc-dimension').getByText('Topic').click();
    const bar = page.getByTestId('voc-breakdown-chart').locator('.recharts-bar-rectangle').first();
    await bar.waitFor();
    await bar.click();
    await page.waitForURL(/topic=livraison/);
    await verbatims.getByTestId('voc-drill').getByText('Topic: livraison').waitFor();
    assert.ok(!page.url().includes('touchpoint='), 'the new drill-down replaces the previous one');
  });
});

test('feedback recorded on a customer’s record shows there with its derived sentiment', { skip }, async (t) => {
  await inBrowser(t, AS_ADMIN, async (page, url) => {
    const person = await callApi<{ id: string }>(page, 'POST', '/api/people', { firstName: 'Paul', lastName: 'Mercier' }, 201);
    await page.goto(`${url}/people/${person.id}`);
    await page.getByTestId('tab-feedback').click();
    const panel = page.getByTestId('party-feedback');
    await panel.getByText('No feedback yet.').waitFor();
    await panel.getByTestId('feedback-create').click();

    const form = page.getByTestId('feedback-form');
    await form.getByTestId('feedback-touchpoint').click();
    await page.getByRole('option', { name: 'Delivery', exact: true }).click();
    await form.getByTestId('feedback-nps').click();
    await page.getByRole('option', { name: '3', exact: true }).click();
    await form.getByTestId('feedback-verbatim-input').fill('Livraison en retard, pas satisfait');
    await form.getByTestId('feedback-topics').fill('Délai');
    await form.getByTestId('feedback-topics').press('Enter');
    const saved = apiResponse(page, 'POST', '/api/feedback');
    await form.getByTestId('feedback-submit').click();
    const response = await saved;
    assert.equal(response.status(), 201);
    assert.deepEqual(JSON.parse(response.request().postData() ?? '{}').nps, 3);

    const item = panel.getByTestId('feedback-item').filter({ hasText: 'Livraison en retard' });
    await item.getByTestId('sentiment-badge').filter({ hasText: 'Negative' }).waitFor();
    await item.getByText('NPS 3').waitFor();
    await item.getByText('délai', { exact: true }).waitFor();
    assert.equal(await item.getByTestId('customer-link').count(), 0, 'the record does not repeat its own name');
  });
});
