/**
 * Orders to bill, for the billing tests and the isolation seed: a customer and products made through their own
 * services, and a confirmed order placed through commerce's `createOrder`, so billing starts from what the app
 * itself writes.
 */
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../src/platform/context.ts';
import { createParty } from '../../src/modules/parties/party-service.ts';
import { createProduct } from '../../src/modules/commerce/catalogue-service.ts';
import { createOrder } from '../../src/modules/commerce/order-write.ts';
import type { OrderDetail } from '../../src/modules/commerce/order-service.ts';

export interface ProductSpec {
  name: string;
  unitPrice: string;
  unitCost?: string;
  vatRate?: string;
}

export interface OrderSpec {
  /** The customer; a new person when left out. */
  customerId?: string;
  lines: { product: ProductSpec; quantity: number | string; discountPercent?: number }[];
  orderedAt?: string;
}

/** A person to bill, with their customer number. */
export async function makeCustomer(ctx: Ctx, lastName = `Client ${randomUUID().slice(0, 6)}`): Promise<{ id: string; customerNumber: string }> {
  const party = await createParty(ctx, 'person', { firstName: 'Camille', lastName });
  return { id: party.row.id, customerNumber: party.row.customer_number };
}

/** A confirmed order with one product per line, priced from the catalogue. */
export async function makeOrder(ctx: Ctx, spec: OrderSpec): Promise<OrderDetail> {
  const customerId = spec.customerId ?? (await makeCustomer(ctx)).id;
  const lines = [];
  for (const line of spec.lines) {
    const product = await createProduct(ctx, {
      sku: `SKU-${randomUUID().slice(0, 8)}`,
      name: line.product.name,
      unitPrice: line.product.unitPrice,
      unitCost: line.product.unitCost ?? '0',
      vatRate: line.product.vatRate ?? '20',
    });
    lines.push({ productId: product.id, quantity: line.quantity, ...(line.discountPercent !== undefined ? { discountPercent: line.discountPercent } : {}) });
  }
  return createOrder(ctx, { customerId, channel: 'web', lines, ...(spec.orderedAt ? { orderedAt: spec.orderedAt } : {}) });
}

/** The usual test order: 3 chairs at 100.00 (cost 60.00) and 2 tables at 250.00 (cost 150.00), VAT 20 %. */
export function chairsAndTables(customerId?: string): OrderSpec {
  return {
    ...(customerId ? { customerId } : {}),
    lines: [
      { product: { name: 'Chaise chêne', unitPrice: '100.00', unitCost: '60.00' }, quantity: 3 },
      { product: { name: 'Table ronde', unitPrice: '250.00', unitCost: '150.00' }, quantity: 2 },
    ],
  };
}
