/**
 * After-sales cases in a real Chromium: the queue shows a late case as breached and filters on it; a case opened
 * from the customer's record moves through its workflow from its page (resolving asks for the notes), its SLA
 * badge following. Needs Chromium: see test/helpers/browser.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiResponse, callApi, skip, useBrowser, type BrowserOptions } from '../helpers/browser.ts';

const { inBrowser } = useBrowser();

const AS_ADMIN: BrowserOptions = { screenshot: 'cases', signIn: true };
const HOUR = 3_600_000;

interface Created {
  id: string;
  number: string;
}

test('the queue shows a late case as breached and filters the breached ones', { skip }, async (t) => {
  await inBrowser(t, AS_ADMIN, async (page, url) => {
    const person = await callApi<Created>(page, 'POST', '/api/people', { firstName: 'Julie', lastName: 'Fontaine' }, 201);
    const late = await callApi<Created>(
      page,
      'POST',
      '/api/cases',
      { partyId: person.id, type: 'complaint', channel: 'phone', priority: 'urgent', subject: 'Chaudière froide', openedAt: new Date(Date.now() - 3 * HOUR).toISOString() },
      201,
    );
    await callApi(page, 'POST', '/api/cases', { partyId: person.id, type: 'question', channel: 'email', subject: 'Question sur la garantie' }, 201);

    await page.goto(`${url}/cases`);
    const lateRow = page.getByTestId('case-row').filter({ hasText: late.number });
    await lateRow.getByTestId('sla-badge').filter({ hasText: 'Breached' }).waitFor();
    assert.equal(await lateRow.getByTestId('sla-badge').getAttribute('data-state'), 'breached');
    await lateRow.getByText('overdue').waitFor();
    assert.equal(await lateRow.getByTestId('customer-link').textContent(), 'Julie Fontaine');
    // Most urgent first: the breached case heads the queue.
    assert.match((await page.getByTestId('case-row').first().textContent()) ?? '', /Chaudière froide/);

    await page.getByTestId('cases-filter-breached').click();
    await page.waitForURL(/breached=true/);
    await page.getByTestId('case-row').filter({ hasText: 'Question sur la garantie' }).waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('case-row').count(), 1);
  });
});

test('a case opened from the record moves through its workflow, its SLA badge following', { skip }, async (t) => {
  await inBrowser(t, AS_ADMIN, async (page, url) => {
    const person = await callApi<Created>(page, 'POST', '/api/people', { firstName: 'Marc', lastName: 'Lefebvre' }, 201);
    await page.goto(`${url}/people/${person.id}`);
    await page.getByTestId('tab-cases').click();
    await page.getByTestId('party-cases').getByText('No case for this customer.').waitFor();
    await page.getByTestId('party-cases').getByTestId('case-create').click();

    const form = page.getByTestId('case-create-form');
    await form.getByTestId('case-type').click();
    await page.getByRole('option', { name: 'Repair', exact: true }).click();
    await form.getByTestId('case-subject').fill('Lave-vaisselle qui fuit');
    await form.getByTestId('case-description').fill('Fuite sous la porte depuis lundi.');
    const created = apiResponse(page, 'POST', '/api/cases');
    await form.getByTestId('case-create-submit').click();
    const response = await created;
    assert.equal(response.status(), 201);
    const kase = (await response.json()) as Created & { priority: string };
    assert.equal(kase.priority, 'normal');

    await page.waitForURL(`${url}/cases/${kase.id}`);
    const header = page.getByTestId('case-header');
    await header.getByTestId('case-number').filter({ hasText: kase.number }).waitFor();
    await header.getByTestId('case-status').filter({ hasText: 'New' }).waitFor();
    assert.equal(await header.getByTestId('sla-badge').getAttribute('data-state'), 'on_track');
    await header.getByTestId('sla-firstResponse').getByText('left').waitFor();
    await page.getByTestId('case-description').filter({ hasText: 'Fuite sous la porte' }).waitFor();

    // Starting work counts as the first response.
    await header.getByTestId('case-move-open').click();
    await header.getByTestId('case-status').filter({ hasText: 'Open' }).waitFor();
    await header.getByTestId('sla-firstResponse').getByText(/in time/).waitFor();
    await header.getByTestId('case-move-waiting_customer').click();
    await header.getByTestId('case-status').filter({ hasText: 'Waiting for customer' }).waitFor();
    await header.getByTestId('case-move-open').click();
    await header.getByTestId('case-status').filter({ hasText: 'Open' }).waitFor();

    // Resolving asks for the notes, which then show on the case.
    await header.getByTestId('case-move-resolved').click();
    const dialog = page.getByRole('dialog', { name: `Resolve ${kase.number}` });
    await dialog.getByTestId('case-resolution').fill('Joint de porte remplacé sous garantie.');
    const resolved = apiResponse(page, 'POST', `/api/cases/${kase.id}/status`);
    await dialog.getByTestId('case-resolve-submit').click();
    assert.equal((await resolved).status(), 200);
    await header.getByTestId('case-status').filter({ hasText: 'Resolved' }).waitFor();
    await page.getByTestId('case-resolution').filter({ hasText: 'Joint de porte remplacé' }).waitFor();
    assert.equal(await header.getByTestId('sla-badge').getAttribute('data-state'), 'met');
    await header.getByTestId('case-move-closed').waitFor();
    await header.getByTestId('case-move-open').filter({ hasText: 'Reopen' }).waitFor();

    // Back on the record, the Cases tab lists it with its state.
    await page.goto(`${url}/people/${person.id}`);
    await page.getByTestId('tab-cases').click();
    const row = page.getByTestId('party-case-row').filter({ hasText: kase.number });
    await row.getByTestId('case-status').filter({ hasText: 'Resolved' }).waitFor();
  });
});

test('the SLA targets are edited in hours from the settings, and say they count elapsed time', { skip }, async (t) => {
  await inBrowser(t, AS_ADMIN, async (page, url) => {
    await page.goto(`${url}/settings`);
    await page.getByTestId('settings-service').click();
    await page.waitForURL(`${url}/settings/service`);
    await page.getByTestId('sla-elapsed-note').getByText('elapsed time').waitFor();
    const urgent = page.getByTestId('sla-row-urgent');
    await urgent.getByText('Default').waitFor();
    await page.getByTestId('sla-urgent-firstResponse').fill('0.5');
    const saved = apiResponse(page, 'PUT', '/api/sla-policies');
    await page.getByTestId('sla-save').click();
    const response = await saved;
    assert.equal(response.status(), 200);
    const sent = JSON.parse(response.request().postData() ?? '{}') as { policies: { priority: string; firstResponseMinutes: number; resolutionMinutes: number }[] };
    assert.deepEqual(sent.policies[0], { priority: 'urgent', firstResponseMinutes: 30, resolutionMinutes: 480 });
    await urgent.getByText('Default: 1 h / 8 h').waitFor();
    assert.equal(await page.getByTestId('sla-urgent-firstResponse').inputValue(), '0.5 h');
  });
});
