/**
 * Planned work and alerts in a real Chromium: a monthly visit planned from a customer's record (preset
 * recurrence, reminder), seen in "my day" and done in one click, its next occurrence stored and the later ones
 * projected in the agenda; an alert raised on the record, shown up front, then resolved. Needs Chromium: see
 * test/helpers/browser.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiResponse, callApi, skip, useBrowser, type BrowserOptions } from '../helpers/browser.ts';
import { addDays, parisToday } from '../../src/modules/tasks/paris-time.ts';

const { inBrowser } = useBrowser();

const AS_ADMIN: BrowserOptions = { screenshot: 'tasks', signIn: true };

test('a monthly visit planned from the record shows in my day and the agenda, and its series goes on', { skip }, async (t) => {
  await inBrowser(t, AS_ADMIN, async (page, url) => {
    const today = parisToday();
    const dayOfMonth = Number(today.slice(8, 10));
    const person = await callApi<{ id: string }>(page, 'POST', '/api/people', { firstName: 'Agathe', lastName: 'Leroy' }, 201);
    await page.goto(`${url}/people/${person.id}`);
    await page.getByTestId('record-name').filter({ hasText: 'Agathe Leroy' }).waitFor();

    const panel = page.getByTestId('party-tasks');
    await panel.getByText('No open task.').waitFor();
    await panel.getByTestId('add-task').click();
    const dialog = page.getByTestId('task-dialog');
    await dialog.getByLabel('Title').fill('Visite mensuelle du magasin');
    await dialog.getByLabel('All day').check();
    await dialog.getByTestId('task-recurrence').click();
    await page.getByRole('option', { name: `Every month on day ${dayOfMonth}` }).click();
    await dialog.getByTestId('task-reminder').click();
    await page.getByRole('option', { name: '1 day before' }).click();
    const created = apiResponse(page, 'POST', '/api/tasks');
    await dialog.getByTestId('task-submit').click();
    const response = await created;
    assert.equal(response.status(), 201, await response.text());
    const sent = JSON.parse(response.request().postData() ?? '{}');
    assert.deepEqual(
      { kind: sent.kind, dueAt: sent.dueAt, allDay: sent.allDay, recurrence: sent.recurrence, remindBeforeMinutes: sent.remindBeforeMinutes, partyId: sent.partyId },
      { kind: 'visit', dueAt: today, allDay: true, recurrence: `FREQ=MONTHLY;BYMONTHDAY=${dayOfMonth}`, remindBeforeMinutes: 1440, partyId: person.id },
    );
    await panel.getByTestId('task-row').filter({ hasText: 'Visite mensuelle du magasin' }).waitFor();
    assert.equal(await panel.getByTestId('task-recurring').count(), 1);

    // My day: today's visit, done in one click; the next one is planned a month later.
    await page.getByTestId('nav-my-day').click();
    const todayBucket = page.getByTestId('my-day-today');
    const row = todayBucket.getByTestId('task-row').filter({ hasText: 'Visite mensuelle du magasin' });
    await row.getByText('Agathe Leroy').waitFor();
    const completed = apiResponse(page, 'POST', /\/api\/tasks\/[^/]+\/complete$/);
    await row.getByTestId('task-complete').click();
    const closed = await (await completed).json();
    assert.equal(closed.task.status, 'done');
    const next = closed.next as { dueDate: string; id: string };
    assert.ok(next.dueDate > today && next.dueDate <= addDays(today, 62), `next occurrence ${next.dueDate}`);
    await row.waitFor({ state: 'detached' });
    await page.getByText('1 task done today').waitFor();

    // The agenda, month by month: the stored next visit, then the following one projected from the rule.
    await page.getByTestId('nav-agenda').click();
    await page.getByTestId('agenda-view').getByText('Month').click();
    await page.getByTestId('agenda-next').click();
    const nextDay = page.getByTestId(`agenda-day-${next.dueDate}`);
    const stored = nextDay.getByTestId('agenda-item').filter({ hasText: 'Visite mensuelle du magasin' }).first();
    await stored.waitFor();
    assert.equal(await stored.getAttribute('data-projected'), null);
    await page.getByTestId('agenda-next').click();
    const projected = page.locator('[data-testid="agenda-item"][data-projected="true"]').filter({ hasText: 'Visite mensuelle du magasin' });
    await projected.first().waitFor();
  });
});

test('an alert raised on the record shows up front with who raised it, and is resolved', { skip }, async (t) => {
  await inBrowser(t, AS_ADMIN, async (page, url) => {
    const person = await callApi<{ id: string }>(page, 'POST', '/api/people', { firstName: 'Bruno', lastName: 'Garnier' }, 201);
    await page.goto(`${url}/people/${person.id}`);
    await page.getByTestId('record-name').filter({ hasText: 'Bruno Garnier' }).waitFor();

    const panel = page.getByTestId('party-alerts');
    await panel.getByText('No open alert.').waitFor();
    await panel.getByTestId('raise-alert').click();
    const dialog = page.getByTestId('raise-alert-dialog');
    await dialog.getByTestId('alert-kind').click();
    await page.getByRole('option', { name: 'Unpaid invoice' }).click();
    await dialog.getByTestId('alert-note').fill('Facture F-2026-0012 impayée depuis 60 jours');
    const raised = apiResponse(page, 'POST', `/api/parties/${person.id}/alerts`);
    await dialog.getByTestId('alert-submit').click();
    assert.equal((await raised).status(), 201);

    const shown = panel.getByTestId('open-alert-unpaid_invoice');
    await shown.getByText('Facture F-2026-0012 impayée depuis 60 jours').waitFor();
    await shown.getByText(/Raised by Admin/).waitFor();
    const listed = await (await page.request.get(`/api/parties/${person.id}/alerts`)).json();
    assert.deepEqual(listed.data.map((a: { kind: string; open: boolean }) => [a.kind, a.open]), [['unpaid_invoice', true]]);

    await shown.getByTestId('resolve-alert').click();
    const resolveDialog = page.getByTestId('resolve-alert-dialog');
    await resolveDialog.getByTestId('alert-resolution').fill('Réglée par virement');
    const resolved = apiResponse(page, 'POST', /\/api\/alerts\/[^/]+\/resolve$/);
    await resolveDialog.getByTestId('alert-resolve-submit').click();
    assert.equal((await resolved).status(), 200);
    await shown.waitFor({ state: 'detached' });
    await panel.getByTestId('resolved-alerts-toggle').click();
    await panel.getByTestId('resolved-alert').getByText(/Réglée par virement/).waitFor();
  });
});
