/**
 * Customer record settings and the global search in a real Chromium: an admin adds a choice field with its
 * purpose, narrows what sales users may change, creates a team and joins it; then Ctrl-K finds a person by a
 * name typed without accents and Enter opens their record. Needs Chromium: see test/helpers/browser.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiResponse, callApi, skip, useBrowser, type BrowserOptions } from '../helpers/browser.ts';

const { inBrowser } = useBrowser();

const AS_ADMIN: BrowserOptions = { screenshot: 'customizing', signIn: true };

test('an admin adds a custom field, narrows edit scopes and creates a team', { skip }, async (t) => {
  await inBrowser(t, AS_ADMIN, async (page, url) => {
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
  await inBrowser(t, AS_ADMIN, async (page, url) => {
    const person = await callApi<{ id: string }>(page, 'POST', '/api/people', {
      firstName: 'Élodie',
      lastName: 'Marchand',
      emails: [{ email: 'elodie.marchand@example.fr' }],
      addresses: [{ line1: '12 rue des Tilleuls', postcode: '69003', city: 'Lyon' }],
    }, 201);

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
