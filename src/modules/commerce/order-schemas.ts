/** Request and response schemas of quotes and orders. */
import { Type, type Static } from 'typebox';
import { StringEnum, Timestamp } from '../../platform/http/schemas.ts';
import { ORDER_STATUSES, QUOTE_STATUSES, SALES_CHANNELS } from '../../shared/commerce/commerce-reference.ts';

/** A decimal sent as a JSON number or a string ("12.50"); the service checks its range and decimals. */
export function DecimalIn(description: string) {
  return Type.Union([Type.Number(), Type.String({ maxLength: 24 })], { description });
}

const Uuid = Type.String({ format: 'uuid' });
const NullableUuid = Type.Union([Uuid, Type.Null()]);
const NullableText = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);

export const LineIn = Type.Object(
  {
    productId: Uuid,
    quantity: DecimalIn('More than 0, up to 3 decimals'),
    unitPrice: Type.Optional(DecimalIn("Unit price excluding tax; the product's price by default")),
    discountPercent: Type.Optional(DecimalIn('0 to 100, 2 decimals; 0 by default')),
    description: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: "The product's name by default" })),
  },
  { additionalProperties: false },
);
export type LineBody = Static<typeof LineIn>;

const Lines = Type.Array(LineIn, { minItems: 1, maxItems: 500 });

const EXAMPLE_LINES = [
  { productId: '0b9f0a52-3f5c-4a57-9d1e-4a3f2d6c8e10', quantity: 2, discountPercent: 10 },
  { productId: '5d1c7e2a-8b4f-4c3a-a9e6-2f7b1d0c9a34', quantity: '1.5', unitPrice: '12.00' },
];

export const OrderCreate = Type.Object(
  {
    customerId: Type.String({ format: 'uuid', description: 'A person or an organisation' }),
    contactId: Type.Optional(Type.Union([Type.String({ format: 'uuid', description: 'A person placing the order' }), Type.Null()])),
    channel: StringEnum(SALES_CHANNELS),
    orderedAt: Type.Optional(Type.String({ format: 'date-time', description: 'Now by default' })),
    currency: Type.Optional(Type.String({ minLength: 3, maxLength: 3, description: 'ISO 4217; EUR by default' })),
    promoCode: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 60 }), Type.Null()])),
    notes: Type.Optional(NullableText(4000)),
    lines: Lines,
  },
  {
    additionalProperties: false,
    examples: [{ customerId: '7a3e9d4c-1b2f-4e5a-8c6d-9f0e1a2b3c4d', channel: 'store', promoCode: 'PRINTEMPS', lines: EXAMPLE_LINES }],
  },
);
export type OrderCreateBody = Static<typeof OrderCreate>;

export const OrderUpdate = Type.Object(
  { version: Type.Integer({ minimum: 1 }), notes: Type.Optional(NullableText(4000)), contactId: Type.Optional(NullableUuid) },
  { additionalProperties: false, minProperties: 2, examples: [{ version: 1, notes: 'Livrer après 14 h' }] },
);

export const StatusChange = Type.Object(
  { status: StringEnum(ORDER_STATUSES), reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) },
  { additionalProperties: false, examples: [{ status: 'in_preparation' }] },
);

export const CancelBody = Type.Object(
  { reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) },
  { additionalProperties: false, examples: [{ reason: 'Le client a changé d’avis' }] },
);

export const QuoteCreate = Type.Object(
  {
    customerId: Type.String({ format: 'uuid', description: 'A person or an organisation' }),
    contactId: Type.Optional(NullableUuid),
    channel: StringEnum(SALES_CHANNELS),
    currency: Type.Optional(Type.String({ minLength: 3, maxLength: 3 })),
    issuedOn: Type.Optional(Type.String({ format: 'date', description: 'Today by default' })),
    validUntil: Type.Optional(Type.String({ format: 'date', description: '30 days after issue by default' })),
    notes: Type.Optional(NullableText(4000)),
    lines: Lines,
  },
  { additionalProperties: false, examples: [{ customerId: '7a3e9d4c-1b2f-4e5a-8c6d-9f0e1a2b3c4d', channel: 'sales_rep', lines: EXAMPLE_LINES }] },
);
export type QuoteCreateBody = Static<typeof QuoteCreate>;

export const QuoteUpdate = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    contactId: Type.Optional(NullableUuid),
    channel: Type.Optional(StringEnum(SALES_CHANNELS)),
    validUntil: Type.Optional(Type.String({ format: 'date' })),
    notes: Type.Optional(NullableText(4000)),
    lines: Type.Optional(Lines),
  },
  { additionalProperties: false, minProperties: 2, examples: [{ version: 1, validUntil: '2026-12-31' }] },
);
export type QuoteUpdateBody = Static<typeof QuoteUpdate>;

export const CustomerOut = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('person'), Type.Literal('organisation')]),
  displayName: Type.String(),
  customerNumber: Type.String(),
});

/** The priced figures of a document line, the same on quotes, orders, invoices and credit notes. */
export const LineFiguresOut = {
  description: Type.String(),
  quantity: Type.String(),
  unitPrice: Type.String(),
  discountPercent: Type.String(),
  vatRate: Type.String(),
  lineTotal: Type.String(),
  unitCost: Type.String(),
  lineCost: Type.String(),
};

export const LineOut = Type.Object({
  position: Type.Integer(),
  productId: Type.String(),
  sku: Type.String(),
  ...LineFiguresOut,
});

const Totals = {
  subtotal: Type.String({ description: 'Σ quantity × unit price, before discounts' }),
  discountTotal: Type.String(),
  totalExclTax: Type.String(),
  taxTotal: Type.String(),
  totalInclTax: Type.String(),
  costTotal: Type.String(),
  margin: Type.String({ description: 'totalExclTax − costTotal' }),
};

const OrderFields = {
  id: Type.String(),
  number: Type.String(),
  customer: CustomerOut,
  contactId: Type.Union([Type.String(), Type.Null()]),
  quoteId: Type.Union([Type.String(), Type.Null()]),
  status: StringEnum(ORDER_STATUSES),
  orderedAt: Timestamp,
  channel: StringEnum(SALES_CHANNELS),
  currency: Type.String(),
  onPromotion: Type.Boolean(),
  promoCode: Type.Union([Type.String(), Type.Null()]),
  ...Totals,
  notes: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
};

export const OrderSummaryOut = Type.Object(OrderFields);
export const OrderOut = Type.Object({ ...OrderFields, lines: Type.Array(LineOut) });

const QuoteFields = {
  id: Type.String(),
  number: Type.String(),
  customer: CustomerOut,
  contactId: Type.Union([Type.String(), Type.Null()]),
  status: StringEnum(QUOTE_STATUSES),
  issuedOn: Type.String({ format: 'date' }),
  validUntil: Type.String({ format: 'date' }),
  channel: StringEnum(SALES_CHANNELS),
  currency: Type.String(),
  orderId: Type.Union([Type.String(), Type.Null()]),
  ...Totals,
  notes: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
};

export const QuoteSummaryOut = Type.Object(QuoteFields);
export const QuoteOut = Type.Object({ ...QuoteFields, lines: Type.Array(LineOut) });
