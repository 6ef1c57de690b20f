import type { IsolationSeed } from './seed.ts';
import { createCategory, createProduct } from '../../../src/modules/commerce/catalogue-service.ts';
import { createOrder } from '../../../src/modules/commerce/order-write.ts';
import { createQuote } from '../../../src/modules/commerce/quote-service.ts';

/** Records of workspace A for the commerce routes (see tenant-isolation.test.ts): a category, a product, a quote, an order. */
export const seed: IsolationSeed = async ({ workspace, personId, organisationId }) => {
  const ctx = workspace.ctx;
  const category = await createCategory(ctx, { name: 'Isolation catégorie secrète' });
  const product = await createProduct(ctx, {
    sku: 'ISO-SECRET-SKU-7731',
    name: 'Produit isolé confidentiel',
    categoryId: category.id,
    unitPrice: '19.90',
    unitCost: '7.40',
  });
  const quote = await createQuote(ctx, {
    customerId: organisationId,
    contactId: personId,
    channel: 'sales_rep',
    notes: 'Devis note isolée 5521',
    lines: [{ productId: product.id, quantity: 3 }],
  });
  const order = await createOrder(ctx, {
    customerId: personId,
    channel: 'store',
    promoCode: 'ISOPROMO-9931',
    notes: 'Commande note isolée 4410',
    lines: [{ productId: product.id, quantity: 2, discountPercent: 10 }],
  });
  return {
    resources: { product_category: category.id, product: product.id, quote: quote.id, order: order.id },
    secrets: ['ISO-SECRET-SKU-7731', 'Produit isolé confidentiel', 'Isolation catégorie secrète', 'Devis note isolée 5521', 'Commande note isolée 4410', 'ISOPROMO-9931'],
  };
};
