/**
 * One sentence per document, in French or English, that an agent, an SMS or a chatbot can read out to the
 * customer as it is: "Votre commande CMD-2026-000123 a été expédiée le 12/03 par Colissimo, suivi 6A12345."
 * Pure: the status service gathers the facts, this only words them. Amounts and days are written the way the
 * language writes them, with plain spaces (no narrow no-break spaces, which SMS alphabets lack).
 */
import { dayInFrance } from './billing-math.ts';

export const STATUS_LANGUAGES = ['fr', 'en'] as const;
export type StatusLanguage = (typeof STATUS_LANGUAGES)[number];

export interface DeliveryFacts {
  number: string;
  status: string;
  carrier: string | null;
  trackingNumber: string | null;
  promisedOn: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  isLate: boolean;
}

export interface OrderFacts {
  number: string;
  status: string;
  orderedAt: string;
  deliveries: DeliveryFacts[];
}

export interface InvoiceFacts {
  number: string;
  kind: 'invoice' | 'credit_note';
  status: string;
  dueOn: string;
  totalInclTax: string;
  balanceDue: string;
  currency: string;
  paidAt: string | null;
  daysOverdue: number;
  /** For a credit note: its invoice, and the refund it owes. */
  creditedInvoiceNumber: string | null;
  refundOwed: string;
}

export interface ReturnFacts {
  number: string;
  status: string;
  orderNumber: string;
  receivedAt: string | null;
  creditNoteNumber: string | null;
}

export interface RepairFacts {
  number: string;
  status: string;
  subject: string;
  resolutionDueAt: string | null;
  resolvedAt: string | null;
}

const LOCALES: Record<StatusLanguage, string> = { fr: 'fr-FR', en: 'en-GB' };

/** Plain spaces instead of the (narrow) no-break spaces Intl writes in French. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/** "12/03" (fr) or "12 Mar" (en), for a YYYY-MM-DD day or an instant (its day in France). */
export function shortDay(value: string, language: StatusLanguage): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : dayInFrance(value);
  const date = new Date(`${day}T12:00:00Z`);
  const options: Intl.DateTimeFormatOptions =
    language === 'fr' ? { day: '2-digit', month: '2-digit', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  return plain(new Intl.DateTimeFormat(LOCALES[language], options).format(date));
}

/** "120,00 €" (fr) or "€120.00" (en). */
export function money(amount: string, currency: string, language: StatusLanguage): string {
  try {
    return plain(new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency }).format(Number(amount)));
  } catch {
    return `${amount} ${currency}`;
  }
}

type Words = Record<StatusLanguage, string>;
const pick = (words: Words, language: StatusLanguage) => words[language];

/** The delivery that says most about where the order is: the last delivered, else shipped, else any. */
function telling(deliveries: readonly DeliveryFacts[]): DeliveryFacts | undefined {
  const latest = (list: DeliveryFacts[], key: 'deliveredAt' | 'shippedAt') => list.sort((a, b) => (b[key] ?? '').localeCompare(a[key] ?? ''))[0];
  const live = deliveries.filter((d) => d.status !== 'returned');
  return latest(live.filter((d) => d.deliveredAt), 'deliveredAt') ?? latest(live.filter((d) => d.shippedAt), 'shippedAt') ?? live[0];
}

function shippedPhrase(delivery: DeliveryFacts, language: StatusLanguage): string {
  const parts = [pick({ fr: `le ${shortDay(delivery.shippedAt!, language)}`, en: `on ${shortDay(delivery.shippedAt!, language)}` }, language)];
  if (delivery.carrier) parts.push(pick({ fr: `par ${delivery.carrier}`, en: `by ${delivery.carrier}` }, language));
  const sentence = parts.join(' ');
  return delivery.trackingNumber ? `${sentence}, ${pick({ fr: 'suivi', en: 'tracking' }, language)} ${delivery.trackingNumber}` : sentence;
}

function latePhrase(deliveries: readonly DeliveryFacts[], language: StatusLanguage): string {
  const late = deliveries.find((d) => d.isLate);
  if (!late) {
    const promised = deliveries.find((d) => d.promisedOn && !d.deliveredAt && d.status !== 'returned');
    if (!promised) return '';
    return pick({ fr: ` Livraison prévue le ${shortDay(promised.promisedOn!, language)}.`, en: ` Expected delivery: ${shortDay(promised.promisedOn!, language)}.` }, language);
  }
  if (!late.promisedOn) return pick({ fr: ' Elle a pris du retard, nous vous prions de nous en excuser.', en: ' It is running late; we apologise.' }, language);
  const day = shortDay(late.promisedOn, language);
  return pick(
    { fr: ` Elle a pris du retard : la livraison était prévue le ${day}, nous vous prions de nous en excuser.`, en: ` It is running late: delivery was expected on ${day}; we apologise.` },
    language,
  );
}

export function orderSummary(order: OrderFacts, language: StatusLanguage): string {
  const n = order.number;
  const on = shortDay(order.orderedAt, language);
  const delivery = telling(order.deliveries);
  switch (order.status) {
    case 'cancelled':
      return pick({ fr: `Votre commande ${n} du ${on} a été annulée.`, en: `Your order ${n} of ${on} has been cancelled.` }, language);
    case 'delivered':
    case 'completed':
      if (delivery?.deliveredAt) {
        const day = shortDay(delivery.deliveredAt, language);
        return pick({ fr: `Votre commande ${n} a été livrée le ${day}.`, en: `Your order ${n} was delivered on ${day}.` }, language);
      }
      return pick({ fr: `Votre commande ${n} a été livrée.`, en: `Your order ${n} has been delivered.` }, language);
    case 'shipped':
      if (delivery?.shippedAt) {
        const how = shippedPhrase(delivery, language);
        return pick({ fr: `Votre commande ${n} a été expédiée ${how}.`, en: `Your order ${n} was shipped ${how}.` }, language) + latePhrase(order.deliveries, language);
      }
      return pick({ fr: `Votre commande ${n} a été expédiée.`, en: `Your order ${n} has been shipped.` }, language) + latePhrase(order.deliveries, language);
    case 'in_preparation': {
      const partly = delivery?.deliveredAt
        ? pick({ fr: ` Une partie a été livrée le ${shortDay(delivery.deliveredAt, language)}.`, en: ` Part of it was delivered on ${shortDay(delivery.deliveredAt, language)}.` }, language)
        : delivery?.shippedAt
          ? pick({ fr: ` Une partie a été expédiée ${shippedPhrase(delivery, language)}.`, en: ` Part of it was shipped ${shippedPhrase(delivery, language)}.` }, language)
          : '';
      return pick({ fr: `Votre commande ${n} du ${on} est en préparation.`, en: `Your order ${n} of ${on} is being prepared.` }, language) + partly + latePhrase(order.deliveries, language);
    }
    default:
      return pick(
        { fr: `Votre commande ${n} du ${on} est confirmée ; elle sera préparée prochainement.`, en: `Your order ${n} of ${on} is confirmed and will be prepared shortly.` },
        language,
      );
  }
}

export function invoiceSummary(invoice: InvoiceFacts, language: StatusLanguage): string {
  const n = invoice.number;
  const total = money(invoice.totalInclTax, invoice.currency, language);
  const balance = money(invoice.balanceDue, invoice.currency, language);
  const due = shortDay(invoice.dueOn, language);
  if (invoice.kind === 'credit_note') {
    const of = invoice.creditedInvoiceNumber ?? '';
    const refund = Number(invoice.refundOwed) > 0 ? money(invoice.refundOwed, invoice.currency, language) : null;
    const base = pick({ fr: `Votre avoir ${n} de ${total} porte sur la facture ${of}.`, en: `Your credit note ${n} of ${total} applies to invoice ${of}.` }, language);
    if (!refund) return base + pick({ fr: ' Il a été déduit de ce qui restait à payer.', en: ' It was deducted from what remained to pay.' }, language);
    return base + pick({ fr: ` Un remboursement de ${refund} vous est dû.`, en: ` A refund of ${refund} is due to you.` }, language);
  }
  switch (invoice.status) {
    case 'cancelled':
      return pick({ fr: `Votre facture ${n} a été annulée.`, en: `Your invoice ${n} has been cancelled.` }, language);
    case 'paid':
      if (invoice.paidAt) {
        const day = shortDay(invoice.paidAt, language);
        return pick({ fr: `Votre facture ${n} de ${total} est réglée (paiement reçu le ${day}).`, en: `Your invoice ${n} of ${total} is paid (payment received on ${day}).` }, language);
      }
      return pick({ fr: `Votre facture ${n} de ${total} est soldée.`, en: `Your invoice ${n} of ${total} is settled.` }, language);
    default:
      if (invoice.daysOverdue > 0) {
        const days = invoice.daysOverdue;
        return pick(
          {
            fr: `Votre facture ${n} de ${total} était à régler le ${due} : il reste ${balance} à payer (${days} jour${days > 1 ? 's' : ''} de retard).`,
            en: `Your invoice ${n} of ${total} was due on ${due}: ${balance} remains to be paid (${days} day${days > 1 ? 's' : ''} late).`,
          },
          language,
        );
      }
      if (invoice.status === 'partially_paid') {
        return pick(
          { fr: `Votre facture ${n} de ${total} est à régler avant le ${due} : il reste ${balance} à payer.`, en: `Your invoice ${n} of ${total} is due by ${due}: ${balance} remains to be paid.` },
          language,
        );
      }
      return pick({ fr: `Votre facture ${n} de ${total} est à régler avant le ${due}.`, en: `Your invoice ${n} of ${total} is due by ${due}.` }, language);
  }
}

export function returnSummary(ret: ReturnFacts, language: StatusLanguage): string {
  const head = pick({ fr: `Votre retour ${ret.number} (commande ${ret.orderNumber})`, en: `Your return ${ret.number} (order ${ret.orderNumber})` }, language);
  switch (ret.status) {
    case 'received': {
      const day = ret.receivedAt ? shortDay(ret.receivedAt, language) : null;
      return (
        head +
        pick(
          {
            fr: ` a été reçu${day ? ` le ${day}` : ''} ; le remboursement est en cours.`,
            en: ` was received${day ? ` on ${day}` : ''}; the refund is being processed.`,
          },
          language,
        )
      );
    }
    case 'refunded':
      return (
        head +
        (ret.creditNoteNumber
          ? pick({ fr: ` a été remboursé par l’avoir ${ret.creditNoteNumber}.`, en: ` was refunded with credit note ${ret.creditNoteNumber}.` }, language)
          : pick({ fr: ' a été remboursé.', en: ' was refunded.' }, language))
      );
    case 'rejected':
      return head + pick({ fr: ' a été refusé.', en: ' was declined.' }, language);
    default:
      return head + pick({ fr: ' est enregistré ; nous attendons votre colis.', en: ' is registered; we are waiting for your parcel.' }, language);
  }
}

export function repairSummary(repair: RepairFacts, language: StatusLanguage): string {
  const head = pick({ fr: `Votre réparation ${repair.number} « ${repair.subject} »`, en: `Your repair ${repair.number} “${repair.subject}”` }, language);
  switch (repair.status) {
    case 'resolved':
    case 'closed': {
      const day = repair.resolvedAt ? shortDay(repair.resolvedAt, language) : null;
      return head + pick({ fr: ` est terminée${day ? ` depuis le ${day}` : ''}.`, en: ` is complete${day ? ` since ${day}` : ''}.` }, language);
    }
    case 'waiting_customer':
      return head + pick({ fr: ' attend une réponse de votre part.', en: ' is waiting for your reply.' }, language);
    default: {
      const day = repair.resolutionDueAt ? shortDay(repair.resolutionDueAt, language) : null;
      return head + pick({ fr: ` est en cours${day ? ` ; résolution prévue d’ici le ${day}` : ''}.`, en: ` is in progress${day ? `; expected to be resolved by ${day}` : ''}.` }, language);
    }
  }
}

/** What to say when there is nothing to report. */
export function nothingToReport(language: StatusLanguage): string {
  return pick(
    { fr: 'Nous n’avons aucune commande, facture, retour ou réparation en cours pour vous.', en: 'We have no order, invoice, return or repair in progress for you.' },
    language,
  );
}
