/**
 * Importing people in a real Chromium: a French Excel CSV (Windows-1252, `;`, dates as dd/mm/yyyy) is dropped on
 * the new-import dialog, its columns come back mapped with where each suggestion came from, the preview shows
 * mobile numbers in international form and the refused row in red, the import runs with its progress shown to
 * the end, the error report names the refused row, and undo removes what was created. Needs Chromium: see
 * test/helpers/browser.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { apiResponse, skip, useBrowser, type BrowserOptions } from '../helpers/browser.ts';

const { inBrowser } = useBrowser();

const AS_ADMIN: BrowserOptions = { screenshot: 'imports', signIn: true };

const LAST_NAMES = ['Martin', 'Bernard', 'Thomas', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Lefèvre', 'Leroy', 'Roux', 'David',
  'Bertrand', 'Morel', 'Fournier', 'Girard', 'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Faure', 'André', 'Mercier', 'Blanc'];
const FIRST_NAMES = ['Camille', 'Léa', 'Hugo', 'Chloé', 'Théo', 'Inès', 'Jules', 'Zoé', 'Louis', 'Manon', 'Gabriel', 'Emma', 'Arthur', 'Jade', 'Raphaël',
  'Louise', 'Nathan', 'Alice', 'Lucas', 'Lina', 'Adam', 'Rose', 'Paul', 'Anna', 'Victor', 'Mila', 'Tom', 'Julia', 'Sacha', 'Lola'];

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The file as French Excel saves it: Windows-1252, `;`, CRLF, dates day first. Rows 2 to 31 are valid people,
 * each with a mobile written the French way; the last row has an email that is not one.
 */
function frenchCsv(): { bytes: Buffer; invalidRow: number; validRows: number } {
  const lines = ['Nom;Prénom;Email;Téléphone portable;Date de naissance;Adresse;Code postal;Ville'];
  LAST_NAMES.forEach((last, i) => {
    const mobile = `06 12 00 ${pad2(i)} 45`;
    lines.push(`${last};${FIRST_NAMES[i]};client.${i}@exemple.fr;${mobile};${pad2(1 + i)}/04/1985;${i + 1} rue de la Roquette;75011;Paris`);
  });
  lines.push('Petit;Anne;pas-un-email;06 98 76 54 32;31/12/1990;8 quai du Port;13002;Marseille');
  return { bytes: Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'), invalidRow: LAST_NAMES.length + 2, validRows: LAST_NAMES.length };
}

/** The label the field select of column `header` shows. */
async function mappedField(page: Page, header: string): Promise<string> {
  return page.locator(`[data-testid="mapping-row"][data-column="${header}"]`).getByTestId('mapping-field').inputValue();
}

test('a French CSV of people is mapped, previewed, imported with its progress, reported and undone', { skip }, async (t) => {
  await inBrowser(t, AS_ADMIN, async (page, url) => {
    const file = frenchCsv();

    // The history, then the new-import dialog: people, the file dropped in, sent with its progress bar.
    await page.goto(`${url}/imports`);
    await page.getByTestId('new-import').click();
    const form = page.getByTestId('new-import-form');
    assert.equal(await form.getByTestId('new-import-target').inputValue(), 'People');
    // Dropped on the drop area, as from the file manager.
    const dropped = await page.evaluateHandle((base64) => {
      const transfer = new DataTransfer();
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], 'clients-2026.csv', { type: 'text/csv' }));
      return transfer;
    }, file.bytes.toString('base64'));
    await form.getByTestId('import-drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
    await form.getByTestId('import-chosen-file').filter({ hasText: 'clients-2026.csv' }).waitFor();
    const uploaded = apiResponse(page, 'POST', '/api/imports');
    await form.getByTestId('import-upload').click();
    assert.equal((await uploaded).status(), 201);
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    const importId = page.url().split('/').at(-1)!;

    // Step 1: what was detected, and the columns mapped by suggestion.
    await page.getByTestId('import-format').filter({ hasText: 'Windows-1252, semicolon' }).waitFor();
    await page.getByTestId('mapping-step').waitFor();
    assert.equal(await mappedField(page, 'Nom'), 'Last name');
    assert.equal(await mappedField(page, 'Prénom'), 'First name');
    assert.equal(await mappedField(page, 'Email'), 'Email');
    assert.equal(await mappedField(page, 'Téléphone portable'), 'Mobile phone');
    assert.equal(await mappedField(page, 'Date de naissance'), 'Date of birth');
    assert.equal(await mappedField(page, 'Adresse'), 'Address line 1');
    assert.equal(await mappedField(page, 'Code postal'), 'Postcode');
    assert.equal(await mappedField(page, 'Ville'), 'City');
    const nameColumn = page.locator('[data-testid="mapping-row"][data-column="Nom"]');
    assert.equal(await nameColumn.getByTestId('mapping-source').getAttribute('data-source'), 'suggested');
    await nameColumn.getByTestId('mapping-samples').filter({ hasText: 'Martin · Bernard · Thomas' }).waitFor();
    assert.equal(await page.getByTestId('mapping-date-order').inputValue(), 'Day/month/year (31/12/2025)');

    // Step 2: the preview, values as they will be stored.
    await page.getByTestId('mapping-submit').click();
    await page.getByTestId('preview-step').waitFor();
    const first = page.locator('[data-testid="preview-row"][data-row="2"]');
    assert.equal(await first.getAttribute('data-action'), 'create');
    await first.locator('[data-field="phone.mobile"]').filter({ hasText: '+33612000045' }).waitFor();
    await first.locator('[data-field="birthDate"]').filter({ hasText: 'Apr 1, 1985' }).waitFor();
    await first.locator('[data-field="lastName"]').filter({ hasText: 'Martin' }).waitFor();
    assert.equal(await page.getByTestId('preview-row').count(), 20);

    // Step 3: the import runs; its progress is shown until the result replaces it. The embedded database can
    // finish so small a file before the first poll answers, so the polls wait until the progress has been seen.
    let releasePolls = () => {};
    const pollsReleased = new Promise<void>((resolve) => (releasePolls = resolve));
    await page.route(`**/api/imports/${importId}`, async (route) => {
      await pollsReleased;
      await route.continue();
    });
    const started = apiResponse(page, 'POST', `/api/imports/${importId}/start`);
    await page.getByTestId('import-run').click();
    assert.equal((await started).status(), 202);
    const progress = page.getByTestId('progress-step');
    await progress.waitFor();
    assert.match(await progress.getByTestId('import-percent').innerText(), /^\d+(\.\d)?%$/);
    releasePolls();
    const result = page.getByTestId('result-step');
    await result.waitFor({ timeout: 60_000 });
    assert.equal(await result.getAttribute('data-status'), 'completed');
    assert.equal(await result.getByTestId('count-created').getAttribute('data-value'), String(file.validRows));
    assert.equal(await result.getByTestId('count-invalid').getAttribute('data-value'), '1');

    const people = await (await page.request.get('/api/people?q=Lefèvre')).json() as { data: { displayName: string }[] };
    assert.ok(people.data.some((person) => person.displayName.includes('Lefèvre')), 'the imported person is in the list');

    // Step 4: the error report names the refused row; undo deletes what was created.
    const downloading = page.waitForEvent('download');
    await result.getByTestId('import-error-report').click();
    const download = await downloading;
    const report = (await readFile((await download.path())!)).toString('utf8');
    assert.ok(report.startsWith('\uFEFFrow;column;value;reason'), report.slice(0, 80));
    const refused = report.split(/\r?\n/).filter((line) => line.startsWith(`${file.invalidRow};`));
    assert.equal(refused.length, 1, report);
    assert.match(refused[0]!, /pas-un-email/);

    await result.getByTestId('import-undo').click();
    const undone = apiResponse(page, 'POST', `/api/imports/${importId}/undo`);
    await page.getByRole('dialog').getByRole('button', { name: 'Undo', exact: true }).click();
    assert.equal((await undone).status(), 200);
    await page.locator('[data-testid="result-step"][data-status="undone"]').waitFor();
    const after = await (await page.request.get('/api/people?q=Lefèvre')).json() as { data: unknown[] };
    assert.equal(after.data.length, 0, 'the people it created are gone');

    // The history shows it undone.
    await page.getByRole('link', { name: 'All imports' }).click();
    const row = page.locator(`[data-testid="import-row"][data-id="${importId}"]`);
    await row.getByTestId('import-status').filter({ hasText: 'Undone' }).waitFor();
  });
});
