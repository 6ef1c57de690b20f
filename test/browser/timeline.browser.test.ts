/**
 * The customer's story on the record page, in a real Chromium: orders and record changes on the timeline, the
 * kind filter, a link from an entry to its order, and the purchase metrics beside it.
 * Needs Chromium: see test/helpers/browser.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callApi, eventually, skip, useBrowser, type BrowserOptions } from '../helpers/browser.ts';

const { inBrowser } = useBrowser();
const AS_ADMIN: BrowserOptions = { screenshot: 'timeline', signIn: true };

test('orders and record changes are on the timeline, filterable, and the metrics add them up', { skip }, async (t) => {
  await inBrowser(t, AS_ADMIN, async (page, url) => {
    const person = await callApi<{ id: string; version: number }>(page, 'POST', '/api/people', { firstName: 'Rose', lastName: 'Chevalier', roles: ['customer'] }, 201);
    const product = await callApi<{ id: string }>(page, 'POST', '/api/catalogue/products', { sku: 'LAMP-1', name: 'Lampe de bureau', unitPrice: '40.00', unitCost: '15.00' }, 201);
    const order = await callApi<{ id: string; number: string }>(
      page,
      'POST',
      '/api/orders',
      { customerId: person.id, channel: 'store', lines: [{ productId: product.id, quantity: 2 }] },
      201,
    );
    await callApi(page, 'POST', '/api/orders', { customerId: person.id, channel: 'web', lines: [{ productId: product.id, quantity: 1, discountPercent: 10 }] }, 201);
    await callApi(page, 'PATCH', `/api/people/${person.id}`, { version: person.version, notes: 'Préfère le retrait en magasin' }, 200);

    await page.goto(`${url}/people/${person.id}`);
    await page.getByTestId('record-name').filter({ hasText: 'Rose Chevalier' }).waitFor();

    // The metrics panel adds up both orders: 80 + 36 excluding tax, margin 116 − 45.
    const metrics = page.getByTestId('metrics');
    await metrics.getByTestId('metric-orders').getByText('2', { exact: true }).waitFor();
    const revenue = await metrics.getByTestId('metric-revenue').innerText();
    assert.match(revenue, /116[.,]00/);
    assert.match(await metrics.getByTestId('metric-margin').innerText(), /71[.,]00/);

    await page.getByTestId('tab-timeline').click();
    const timeline = page.getByTestId('timeline');
    await timeline.getByText(`Order ${order.number} placed`).waitFor();
    const kinds = await timeline.getByTestId('timeline-entry').evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
    assert.deepEqual(kinds, ['field_change', 'order', 'order', 'record']);

    // Only sales: the record changes go.
    await timeline.getByTestId('timeline-filters').getByText('Orders & deliveries').click();
    // The filtered page replaces the list once it has loaded: its entries are read until they are that page's.
    await eventually(async () =>
      assert.deepEqual(
        await timeline.getByTestId('timeline-entry').evaluateAll((items) => items.map((item) => item.getAttribute('data-kind'))),
        ['order', 'order'],
      ),
    );

    // An order entry leads to its page.
    await timeline.getByText(`Order ${order.number} placed`).click();
    await page.waitForURL(`**/orders/${order.id}`);
  });
});
