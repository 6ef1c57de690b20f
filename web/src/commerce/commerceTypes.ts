/** The shapes the commerce API answers, as the server's presenters declare them. */
import type { OrderDetail, OrderSummary, QuoteDetail, QuoteSummary, LineOutput } from '../../../src/modules/commerce/order-presenter.ts';
import type { ProductOutput } from '../../../src/modules/commerce/catalogue-presenter.ts';

export type Order = OrderDetail;
export type { OrderSummary, QuoteSummary, LineOutput };
export type Quote = QuoteDetail;
export type Product = ProductOutput;

export interface Category {
  id: string;
  name: string;
  parentId: string | null;
  productCount: number;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
