/**
 * Selling in a real Chromium: a product created in the catalogue with its margin shown as the prices are typed,
 * an order written from the customer's record with two lines and a discount, its totals computed live and then
 * by the server, and the order moved to its next status. Needs Chromium: see test/helpers/browser.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { apiResponse, callApi, skip, useBrowser, type BrowserOptions } from '../helpers/browser.ts';

const { inBrowser } = useBrowser();

const AS_ADMIN: BrowserOptions = { screenshot: 'orders', signIn: true };

/** Picks `text` in the product select of `row`: types to search, then clicks the option. */
async function chooseProduct(page: Page, row: Locator, text: string) {
  await row.getByTestId('line-product').click();
  await row.getByTestId('line-product').fill(text);
  await page.getByRole('option', { name: new RegExp(text) }).click();
}

test('a product is created, an order with two lines and a discount is written with live totals, then moved on', { skip }, async (t) => {
  await inBrowser(t, AS_ADMIN, async (page, url) => {
    const customer = await callApi<{ id: string }>(page, 'POST', '/api/people', { firstName: 'Hugo', lastName: 'Lefèvre' }, 201);
    await callApi(page, 'POST', '/api/catalogue/products', { sku: 'TAS-06', name: 'Tasses en grès (6)', unitPrice: '15.00', unitCost: '6.00', vatRate: '5.5' }, 201);

    // The catalogue: a new product, its margin shown while the prices are typed.
    await page.goto(`${url}/catalogue`);
    await page.getByTestId('product-new').click();
    const form = page.getByTestId('product-form');
    await form.getByTestId('product-sku').fill('CAF-MOU');
    await form.getByTestId('product-name').fill('Moulin à café manuel');
    await form.getByTestId('product-unitPrice').fill('49.90');
    await form.getByTestId('product-unitCost').fill('20');
    await form.getByTestId('product-margin').filter({ hasText: '€29.90 (59.92 %)' }).waitFor();
    const created = apiResponse(page, 'POST', '/api/catalogue/products');
    await form.getByTestId('product-submit').click();
    assert.equal((await created).status(), 201);
    const row = page.locator('[data-testid="product-row"][data-sku="CAF-MOU"]');
    await row.getByTestId('product-row-margin').filter({ hasText: '€29.90' }).waitFor();

    // The customer's record, tab Orders: a new order for them.
    await page.goto(`${url}/people/${customer.id}`);
    await page.getByTestId('tab-orders').click();
    await page.getByTestId('party-orders').getByTestId('new-order').click();
    const orderForm = page.getByTestId('order-form');
    await orderForm.getByTestId('order-customer-fixed').waitFor();
    const lines = orderForm.getByTestId('line-editor-row');
    await chooseProduct(page, lines.nth(0), 'CAF-MOU');
    await lines.nth(0).getByTestId('line-quantity').fill('2');
    await lines.nth(0).getByTestId('line-discount').fill('10');
    await lines.nth(0).getByTestId('line-total').filter({ hasText: '€89.82' }).waitFor();
    await orderForm.getByTestId('line-add').click();
    await chooseProduct(page, lines.nth(1), 'TAS-06');
    // 89.82 + 15.00 excl. tax; VAT per line 17.96 + 0.83 (half a cent rounds up).
    await orderForm.getByTestId('total-totalInclTax').filter({ hasText: '€123.61' }).waitFor();

    const posted = apiResponse(page, 'POST', '/api/orders');
    await orderForm.getByTestId('order-submit').click();
    const response = await posted;
    assert.equal(response.status(), 201, await response.text());
    const order = (await response.json()) as { id: string; number: string; totalInclTax: string; margin: string };
    assert.equal(order.totalInclTax, '123.61');
    assert.equal(order.margin, '58.82');

    // The order page: the server's totals, then the next status.
    await page.waitForURL(`${url}/orders/${order.id}`);
    await page.getByTestId('order-number').filter({ hasText: order.number }).waitFor();
    await page.getByTestId('totals').getByTestId('total-totalInclTax').filter({ hasText: '€123.61' }).waitFor();
    await page.getByTestId('totals').getByTestId('total-discountTotal').filter({ hasText: '€9.98' }).waitFor();
    assert.equal(await page.getByTestId('line-row').count(), 2);
    await page.getByTestId('order-status').filter({ hasText: 'Confirmed' }).waitFor();
    const moved = apiResponse(page, 'POST', `/api/orders/${order.id}/status`);
    await page.getByTestId('order-to-in_preparation').click();
    assert.equal((await moved).status(), 200);
    await page.locator('[data-testid="order-status"][data-status="in_preparation"]').waitFor();

    // The list shows it with its new status.
    await page.goto(`${url}/orders?status=in_preparation`);
    await page.getByTestId('order-row').filter({ hasText: order.number }).getByText('In preparation').waitFor();
  });
});
