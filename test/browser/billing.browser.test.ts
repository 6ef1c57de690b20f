/**
 * Billing in a real Chromium, on an order's page: a delivery prepared and marked delivered (the order follows),
 * the order invoiced, a payment above the balance refused at the amount field, a partial payment recorded and the
 * balance shown; then the invoice on /invoices with its filters in the URL. Needs Chromium: see
 * test/helpers/browser.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiResponse, callApi, skip, useBrowser, type BrowserOptions } from '../helpers/browser.ts';

const { inBrowser } = useBrowser();

const AS_ADMIN: BrowserOptions = { screenshot: 'billing', signIn: true };

test('on an order: deliver, invoice, record a partial payment and see the balance; then the invoice on /invoices', { skip }, async (t) => {
  await inBrowser(t, AS_ADMIN, async (page, url) => {
    const customer = await callApi<{ id: string }>(page, 'POST', '/api/people', { firstName: 'Inès', lastName: 'Garnier' }, 201);
    const product = await callApi<{ id: string }>(page, 'POST', '/api/catalogue/products', { sku: 'BUF-01', name: 'Buffet en noyer', unitPrice: '100.00', vatRate: '20' }, 201);
    const order = await callApi<{ id: string; number: string }>(page, 'POST', '/api/orders', { customerId: customer.id, channel: 'store', lines: [{ productId: product.id, quantity: 2 }] }, 201);

    await page.goto(`${url}/orders/${order.id}`);
    const panel = page.getByTestId('order-billing');

    // A delivery of everything, with its carrier; then delivered, which delivers the order.
    await panel.getByTestId('delivery-new').click();
    const deliveryForm = page.getByTestId('delivery-dialog');
    assert.equal(await deliveryForm.getByTestId('quantity-1').inputValue(), '2');
    await deliveryForm.getByTestId('delivery-carrier').fill('Colissimo');
    await deliveryForm.getByTestId('delivery-trackingNumber').fill('6A12345');
    const prepared = apiResponse(page, 'POST', `/api/orders/${order.id}/deliveries`);
    await deliveryForm.getByTestId('delivery-save').click();
    assert.equal((await prepared).status(), 201);
    const delivery = panel.getByTestId('delivery-row');
    await delivery.getByTestId('delivery-status').and(page.locator('[data-status="prepared"]')).waitFor();
    await delivery.getByText('6A12345').waitFor();
    await delivery.getByTestId('delivery-move-delivered').click();
    await delivery.getByTestId('delivery-status').and(page.locator('[data-status="delivered"]')).waitFor();
    await page.getByTestId('order-status').and(page.locator('[data-status="delivered"]')).waitFor();

    // Invoiced whole: 2 × 100.00 + 20 % VAT.
    await panel.getByTestId('invoice-new').click();
    const invoiced = apiResponse(page, 'POST', `/api/orders/${order.id}/invoices`);
    await page.getByTestId('invoice-dialog').getByTestId('invoice-save').click();
    const invoice = (await (await invoiced).json()) as { number: string };
    const row = panel.locator(`[data-testid="invoice-row"][data-number="${invoice.number}"]`);
    await row.getByTestId('invoice-balance').filter({ hasText: '€240.00' }).waitFor();

    // More than is due is refused, at the amount field, with the balance in the message; then a partial payment.
    await row.getByTestId('invoice-pay').click();
    const paymentForm = page.getByTestId('payment-dialog');
    await paymentForm.getByTestId('payment-amount').fill('300');
    const refused = apiResponse(page, 'POST', /\/api\/invoices\/[^/]+\/payments$/);
    await paymentForm.getByTestId('payment-save').click();
    assert.equal((await refused).status(), 422);
    await paymentForm.getByText('must be at most 240.00 (the balance due)').waitFor();
    assert.equal(await paymentForm.getByTestId('payment-amount').getAttribute('aria-invalid'), 'true');
    await paymentForm.getByTestId('payment-amount').fill('100,50');
    const paid = apiResponse(page, 'POST', /\/api\/invoices\/[^/]+\/payments$/);
    await paymentForm.getByTestId('payment-save').click();
    assert.equal((await paid).status(), 201);
    await paymentForm.waitFor({ state: 'detached' });
    await row.getByTestId('invoice-balance').filter({ hasText: '€139.50' }).waitFor();
    await row.getByTestId('invoice-status').and(page.locator('[data-status="partially_paid"]')).waitFor();

    // The invoice list: the invoice with its balance and a link to its order; an overdue filter kept in the URL.
    await page.goto(`${url}/invoices`);
    const listed = page.locator(`[data-testid="invoice-list-row"][data-number="${invoice.number}"]`);
    await listed.getByText('€139.50').waitFor();
    assert.equal(await listed.getByTestId('invoice-order-link').textContent(), order.number);
    await page.getByTestId('invoices-filter-overdue').check();
    await page.waitForURL(/overdue=true/);
    await listed.waitFor({ state: 'detached' });
    await page.getByTestId('invoices-filter-overdue').uncheck();
    await listed.waitFor();
    await listed.getByTestId('invoice-order-link').click();
    await page.getByTestId('order-number').filter({ hasText: order.number }).waitFor();
  });
});

test('"Tell the customer" reads out where a customer stands, from a customer number typed loosely', { skip }, async (t) => {
  await inBrowser(t, AS_ADMIN, async (page, url) => {
    const customer = await callApi<{ id: string; customerNumber: string }>(page, 'POST', '/api/people', { firstName: 'Paul', lastName: 'Moreau' }, 201);
    const product = await callApi<{ id: string }>(page, 'POST', '/api/catalogue/products', { sku: 'CHA-02', name: 'Chaise paillée', unitPrice: '80.00' }, 201);
    const order = await callApi<{ id: string; number: string }>(page, 'POST', '/api/orders', { customerId: customer.id, channel: 'web', lines: [{ productId: product.id, quantity: 1 }] }, 201);
    const delivery = await callApi<{ id: string }>(page, 'POST', `/api/orders/${order.id}/deliveries`, { carrier: 'Chronopost' }, 201);
    await callApi(page, 'POST', `/api/deliveries/${delivery.id}/status`, { status: 'shipped', trackingNumber: 'XY998877' }, 200);

    await page.goto(`${url}/invoices`);
    await page.getByTestId('tell-customer').click();
    const panel = page.getByTestId('tell-customer-panel');
    await panel.getByTestId('tell-number').fill(customer.customerNumber.toLowerCase().replace(/-/g, ''));
    await panel.getByTestId('tell-language').getByText('Français', { exact: true }).click();
    await panel.getByTestId('tell-lookup').click();
    const sentence = panel.getByTestId('tell-summary').filter({ hasText: order.number });
    await sentence.filter({ hasText: /a été expédiée le \d{2}\/\d{2} par Chronopost, suivi XY998877\./ }).waitFor();

    await panel.getByTestId('tell-number').fill('C-000000-00');
    await panel.getByTestId('tell-lookup').click();
    await panel.getByTestId('tell-error').waitFor();
  });
});
