/**
 * Logging an interaction from a customer's record in a real Chromium: a phone call with a colleague, a photo
 * attached and a program refused with its reason on its own line; the API shows the call with its participants
 * and the photo byte for byte; opened from the timeline, the call shows its file and takes an edit. Needs
 * Chromium: see test/helpers/browser.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callApi, skip, useBrowser, type BrowserOptions } from '../helpers/browser.ts';

const { inBrowser } = useBrowser();

const AS_ADMIN: BrowserOptions = { screenshot: 'interactions', signIn: true };

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510)]);

interface Interaction {
  id: string;
  channel: string;
  direction: string;
  subject: string;
  durationMinutes: number | null;
  attachmentCount: number;
  participants: { type: string; partyId?: string; userId?: string }[];
}

test('a phone call is logged from the record with a photo, and a refused file says why', { skip }, async (t) => {
  await inBrowser(t, AS_ADMIN, async (page, url) => {
    const person = await callApi<{ id: string }>(page, 'POST', '/api/people', { firstName: 'Margaux', lastName: 'Fontaine' }, 201);
    await page.goto(`${url}/people/${person.id}`);
    await page.getByTestId('record-name').filter({ hasText: 'Margaux Fontaine' }).waitFor();
    await page.getByTestId('tab-timeline').click();
    await page.getByTestId('log-interaction').click();

    const dialog = page.getByTestId('log-interaction-dialog');
    await dialog.getByTestId('interaction-contacts').locator('..').getByText('Margaux Fontaine').waitFor();
    await dialog.getByLabel('Channel').click();
    await page.getByRole('option', { name: 'Phone call' }).click();
    await dialog.getByText('Inbound', { exact: true }).click();
    await dialog.getByLabel('Duration (minutes)').fill('8');
    await dialog.getByLabel('Subject').fill('Colis arrivé abîmé');
    await dialog.getByLabel('Notes').fill('La cliente envoie une photo du carton.');
    await dialog.getByLabel('Outcome').fill('Remplacement proposé');
    await dialog.getByLabel('Colleagues').click();
    await page.getByRole('option').first().click();
    await dialog.getByLabel('Subject').click();

    const chooser = page.waitForEvent('filechooser');
    await dialog.getByTestId('interaction-add-files').click();
    await (await chooser).setFiles([
      { name: 'carton.png', mimeType: 'image/png', buffer: PNG },
      { name: 'setup.exe', mimeType: 'application/octet-stream', buffer: EXE },
    ]);
    await dialog.getByTestId('chosen-file').filter({ hasText: 'carton.png' }).waitFor();

    await dialog.getByTestId('interaction-submit').click();
    // The photo is sent; the program is refused, on its own line, and the dialog waits to be closed.
    await dialog.getByTestId('upload-item').filter({ hasText: 'carton.png' }).filter({ hasText: 'Sent' }).waitFor();
    const refused = dialog.getByTestId('upload-failed').filter({ hasText: 'setup.exe' });
    await refused.getByText('This type of file is not accepted', { exact: false }).waitFor();
    await refused.getByText('application/x-msdownload', { exact: false }).waitFor();
    await dialog.getByTestId('saved-with-problems').waitFor();
    await dialog.getByTestId('interaction-close').click();
    await dialog.waitFor({ state: 'hidden' });

    const list = await page.request.get(`/api/interactions?partyId=${person.id}`);
    const [call, ...others] = ((await list.json()) as { data: Interaction[] }).data;
    assert.equal(others.length, 0);
    assert.equal(call!.channel, 'phone');
    assert.equal(call!.direction, 'inbound');
    assert.equal(call!.subject, 'Colis arrivé abîmé');
    assert.equal(call!.durationMinutes, 8);
    assert.equal(call!.attachmentCount, 1);
    assert.deepEqual(call!.participants.map((p) => p.type), ['contact', 'user']);
    assert.equal(call!.participants[0]!.partyId, person.id);

    const files = (await (await page.request.get(`/api/interactions/${call!.id}/attachments`)).json()) as { data: { fileName: string; url: string }[] };
    assert.deepEqual(files.data.map((f) => f.fileName), ['carton.png']);
    const download = await page.request.get(files.data[0]!.url);
    assert.deepEqual(Buffer.from(await download.body()), PNG);

    // From the timeline, the call opens in full, with its file; its outcome is edited there.
    await page.locator('[data-testid="timeline-entry"][data-kind="interaction"]').getByRole('button').first().click();
    const drawer = page.getByTestId('interaction-view');
    await drawer.getByTestId('interaction-subject').filter({ hasText: 'Colis arrivé abîmé' }).waitFor();
    await drawer.getByTestId('interaction-contact').filter({ hasText: 'Margaux Fontaine' }).waitFor();
    const photo = drawer.getByTestId('attachment').filter({ hasText: 'carton.png' });
    assert.equal(await photo.getByTestId('attachment-download').getAttribute('href'), files.data[0]!.url);
    await drawer.getByTestId('interaction-edit').click();
    const form = page.getByTestId('interaction-edit-form');
    await form.getByLabel('Outcome').fill('Carton remplacé');
    await form.getByTestId('interaction-save').click();
    await drawer.getByText('Carton remplacé').waitFor();
    const saved = (await (await page.request.get(`/api/interactions/${call!.id}`)).json()) as Interaction & { outcome: string; version: number };
    assert.equal(saved.outcome, 'Carton remplacé');
    assert.equal(saved.version, 2);
  });
});
