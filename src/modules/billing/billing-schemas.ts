/** Request and response schemas of deliveries, invoices, credit notes, payments and returns. */
import { Type } from 'typebox';
import { NonBlankString, NullableTimestamp, StringEnum, Timestamp } from '../../platform/http/schemas.ts';
import { ORDER_STATUSES } from '../../shared/commerce/commerce-reference.ts';
import { CustomerOut, DecimalIn, LineFiguresOut } from '../commerce/order-schemas.ts';
import { DELIVERY_STATUSES, INVOICE_KINDS, INVOICE_STATUSES, PAYMENT_METHODS, RETURN_STATUSES } from './billing-reference.ts';

export const REFUSALS = { 409: Type.Ref('ErrorBody'), 422: Type.Ref('ErrorBody') } as const;

const NullableText = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

const LineChoice = Type.Object(
  {
    orderLinePosition: Type.Integer({ minimum: 1, description: 'Position of the line on the order' }),
    quantity: Type.Optional(DecimalIn('More than 0, up to 3 decimals; all that remains by default')),
  },
  { additionalProperties: false },
);
const LineChoices = Type.Array(LineChoice, { minItems: 1, maxItems: 500 });

// ——— Requests ———

export const DeliveryCreate = Type.Object(
  {
    lines: Type.Optional(LineChoices),
    carrier: Type.Optional(NullableText(100)),
    trackingNumber: Type.Optional(NullableText(100)),
    promisedOn: Type.Optional(Type.Union([Day, Type.Null()])),
    address: Type.Optional(NullableText(1000)),
  },
  {
    additionalProperties: false,
    examples: [{ lines: [{ orderLinePosition: 1, quantity: 2 }], carrier: 'Colissimo', trackingNumber: '6A12345678901', promisedOn: '2026-03-14' }],
  },
);

export const DeliveryStatusChange = Type.Object(
  {
    status: StringEnum(DELIVERY_STATUSES),
    at: Type.Optional(Type.String({ format: 'date-time', description: 'When it was shipped or delivered; now by default' })),
    carrier: Type.Optional(NullableText(100)),
    trackingNumber: Type.Optional(NullableText(100)),
  },
  { additionalProperties: false, examples: [{ status: 'shipped', carrier: 'Colissimo', trackingNumber: '6A12345678901' }] },
);

export const InvoiceCreate = Type.Object(
  {
    lines: Type.Optional(LineChoices),
    issuedOn: Type.Optional(Type.String({ format: 'date', description: 'Today by default' })),
    paymentTermDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, description: 'Due date = issue date + this; 30 by default' })),
  },
  { additionalProperties: false, examples: [{ paymentTermDays: 30 }] },
);

export const InvoiceCancel = Type.Optional(
  Type.Object({ reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) }, { additionalProperties: false, examples: [{ reason: 'Facture émise par erreur' }] }),
);

export const PaymentCreate = Type.Object(
  {
    amount: DecimalIn('More than 0 and at most the balance due, 2 decimals'),
    paidAt: Type.Optional(Type.String({ format: 'date-time', description: 'Now by default' })),
    method: StringEnum(PAYMENT_METHODS),
    reference: Type.Optional(NullableText(200)),
  },
  { additionalProperties: false, examples: [{ amount: '60.00', method: 'transfer', reference: 'VIR 2026-03-15' }] },
);

export const CreditNoteCreate = Type.Object(
  {
    lines: Type.Optional(LineChoices),
    amount: Type.Optional(DecimalIn('An amount including tax, spread over the VAT rates of the invoice')),
    reason: NonBlankString(500),
  },
  { additionalProperties: false, examples: [{ amount: '20.00', reason: 'Geste commercial : colis arrivé abîmé' }] },
);

export const ReturnCreate = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        {
          orderLinePosition: Type.Integer({ minimum: 1 }),
          quantity: Type.Optional(DecimalIn('At most what was delivered minus what was already returned')),
          condition: Type.Optional(NullableText(200)),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
    reason: NonBlankString(500),
  },
  { additionalProperties: false, examples: [{ lines: [{ orderLinePosition: 1, quantity: 1, condition: 'Emballage ouvert' }], reason: 'Taille trop petite' }] },
);

export const ReturnStatusNote = Type.Optional(
  Type.Object({ note: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) }, { additionalProperties: false, examples: [{ note: 'Colis reçu en entrepôt' }] }),
);

// ——— Responses ———

const DocumentLineOut = {
  position: Type.Integer(),
  orderLinePosition: Type.Integer(),
  description: Type.String(),
  quantity: Type.String(),
};

const DocumentRef = Type.Union([Type.Object({ id: Type.String(), number: Type.String() }), Type.Null()]);

export const DeliveryOut = Type.Object({
  id: Type.String(),
  number: Type.String(),
  orderId: Type.String(),
  orderNumber: Type.String(),
  customer: CustomerOut,
  status: StringEnum(DELIVERY_STATUSES),
  isLate: Type.Boolean({ description: 'Marked late, or promised for a day that has passed and not delivered' }),
  carrier: NullableString,
  trackingNumber: NullableString,
  address: NullableString,
  promisedOn: Type.Union([Day, Type.Null()]),
  shippedAt: NullableTimestamp,
  deliveredAt: NullableTimestamp,
  lines: Type.Array(Type.Object(DocumentLineOut)),
  version: Type.Integer(),
  createdAt: Timestamp,
});

const InvoiceFields = {
  id: Type.String(),
  number: Type.String(),
  kind: StringEnum(INVOICE_KINDS),
  orderId: NullableString,
  orderNumber: NullableString,
  customer: CustomerOut,
  creditedInvoice: DocumentRef,
  status: StringEnum(INVOICE_STATUSES),
  issuedOn: Day,
  dueOn: Day,
  currency: Type.String(),
  totalExclTax: Type.String(),
  taxTotal: Type.String(),
  totalInclTax: Type.String(),
  costTotal: Type.String(),
  amountPaid: Type.String({ description: 'Payments received; for a credit note what is settled: applied to its invoice or refunded' }),
  creditedTotal: Type.String({ description: 'Credit notes issued against this invoice' }),
  balanceDue: Type.String({ description: 'Invoice: max(0, total − paid − credited); credit note: 0' }),
  refundOwed: Type.String({ description: 'What credit notes still owe the customer: not absorbed by the balance due, not refunded yet' }),
  paidAt: NullableTimestamp,
  isOverdue: Type.Boolean(),
  daysOverdue: Type.Integer({ description: 'Days past the due date while open or partially paid' }),
  daysLate: Type.Union([Type.Integer(), Type.Null()], { description: 'Paid this many days after the due date' }),
  reason: NullableString,
  version: Type.Integer(),
  createdAt: Timestamp,
};

export const InvoiceSummaryOut = Type.Object(InvoiceFields);

const InvoiceLineOut = Type.Object({
  position: Type.Integer(),
  orderLinePosition: Type.Union([Type.Integer(), Type.Null()]),
  productId: NullableString,
  ...LineFiguresOut,
});

export const PaymentOut = Type.Object({
  id: Type.String(),
  invoiceId: Type.String(),
  amount: Type.String(),
  paidAt: Timestamp,
  method: StringEnum(PAYMENT_METHODS),
  reference: NullableString,
  daysLate: Type.Integer({ description: 'Days after the due date (0 when on time)' }),
  createdAt: Timestamp,
});

export const InvoiceOut = Type.Object({
  ...InvoiceFields,
  lines: Type.Array(InvoiceLineOut),
  payments: Type.Array(PaymentOut),
  creditNotes: Type.Array(InvoiceSummaryOut),
});

export const PaymentResultOut = Type.Object({ payment: PaymentOut, invoice: InvoiceOut });

export const InvoiceTotalsOut = Type.Object({
  totals: Type.Array(
    Type.Object({
      currency: Type.String(),
      count: Type.Integer(),
      totalInclTax: Type.String(),
      amountPaid: Type.String(),
      balanceDue: Type.String(),
      overdueCount: Type.Integer(),
      overdueBalance: Type.String(),
    }),
  ),
});

export const ReturnOut = Type.Object({
  id: Type.String(),
  number: Type.String(),
  orderId: Type.String(),
  orderNumber: Type.String(),
  customer: CustomerOut,
  status: StringEnum(RETURN_STATUSES),
  reason: Type.String(),
  requestedAt: Timestamp,
  receivedAt: NullableTimestamp,
  creditNote: DocumentRef,
  lines: Type.Array(Type.Object({ ...DocumentLineOut, condition: NullableString })),
  version: Type.Integer(),
});

export const OrderBillingOut = Type.Object({
  orderId: Type.String(),
  orderNumber: Type.String(),
  orderStatus: StringEnum(ORDER_STATUSES),
  currency: Type.String(),
  customerId: Type.String(),
  lines: Type.Array(
    Type.Object({
      position: Type.Integer(),
      sku: Type.String(),
      description: Type.String(),
      ordered: Type.String(),
      planned: Type.String({ description: 'On deliveries not sent back' }),
      shipped: Type.String(),
      delivered: Type.String(),
      invoiced: Type.String(),
      credited: Type.String(),
      returned: Type.String(),
      toDeliver: Type.String(),
      toInvoice: Type.String(),
      returnable: Type.String({ description: 'Delivered minus returned' }),
    }),
  ),
  deliveries: Type.Array(DeliveryOut),
  invoices: Type.Array(InvoiceSummaryOut),
  returns: Type.Array(ReturnOut),
  totals: Type.Object({
    invoiced: Type.String(),
    paid: Type.String(),
    credited: Type.String(),
    balanceDue: Type.String(),
    refundOwed: Type.String(),
    overdue: Type.Boolean(),
  }),
});
