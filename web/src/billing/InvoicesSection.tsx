/**
 * The invoices of an order on its page: each with its balance due and an overdue flag, its credit notes beneath
 * it, and the actions billing staff have (record a payment or a refund, issue a credit note, cancel); above, the
 * button that invoices what is not invoiced yet.
 */
import { Button, Group, Modal, NumberInput, Paper, Stack, Text } from '@mantine/core';
import { IconFileInvoice } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../app/ConfirmButton.tsx';
import { formatDate, formatMoney } from '../app/format.ts';
import { errorMessage } from '../app/formErrors.ts';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { Section } from '../record/Section.tsx';
import { DEFAULT_PAYMENT_TERM_DAYS } from '../../../src/modules/billing/billing-reference.ts';
import { InvoiceStatusBadge, OverdueBadge } from './BillingBadges.tsx';
import { useCancelInvoice, useCreateInvoice } from './billingHooks.ts';
import { takesPayment } from './billingModel.ts';
import type { InvoiceSummary, OrderBilling } from './billingTypes.ts';
import { CreditNoteDialog } from './CreditNoteDialog.tsx';
import { PaymentDialog } from './PaymentDialog.tsx';

type Dialog = { kind: 'invoice' } | { kind: 'payment'; invoice: InvoiceSummary } | { kind: 'credit'; invoice: InvoiceSummary } | null;

export function InvoicesSection({ billing, canBill }: { billing: OrderBilling; canBill: boolean }) {
  const { t, i18n } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const money = (amount: string) => formatMoney(amount, billing.currency, i18n.language);
  const invoices = billing.invoices.filter((invoice) => invoice.kind === 'invoice');
  const notesOf = (invoice: InvoiceSummary) => billing.invoices.filter((note) => note.creditedInvoice?.id === invoice.id);
  const remaining = billing.orderStatus !== 'cancelled' && billing.lines.some((line) => Number(line.toInvoice) > 0);

  return (
    <Section
      title={t('billing.invoices.title')}
      testId="billing-invoices"
      actions={
        canBill &&
        remaining && (
          <Button size="xs" leftSection={<IconFileInvoice size={16} aria-hidden />} onClick={() => setDialog({ kind: 'invoice' })} data-testid="invoice-new">
            {t('billing.invoices.invoiceRest')}
          </Button>
        )
      }
    >
      {invoices.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('billing.invoices.empty')}
        </Text>
      ) : (
        <Stack gap="sm">
          {invoices.map((invoice) => (
            <Paper
              key={invoice.id}
              withBorder
              p="sm"
              bg={invoice.isOverdue ? 'var(--mantine-color-red-light)' : undefined}
              data-testid="invoice-row"
              data-number={invoice.number}
            >
              <Group justify="space-between" gap="xs">
                <Group gap="xs">
                  <Text fw={600}>{invoice.number}</Text>
                  <InvoiceStatusBadge status={invoice.status} />
                  <OverdueBadge days={invoice.daysOverdue} />
                </Group>
                <Text size="xs" c="dimmed">
                  {t('billing.fields.issuedOn')} {formatDate(invoice.issuedOn, i18n.language)} · {t('billing.fields.dueOn')} {formatDate(invoice.dueOn, i18n.language)}
                </Text>
              </Group>
              <Group gap="lg" mt={6}>
                <Amount label={t('billing.fields.total')} value={money(invoice.totalInclTax)} />
                <Amount label={t('billing.fields.paid')} value={money(invoice.amountPaid)} />
                <Amount label={t('billing.fields.balanceDue')} value={money(invoice.balanceDue)} strong testId="invoice-balance" />
                {Number(invoice.refundOwed) > 0 && <Amount label={t('billing.fields.refundOwed')} value={money(invoice.refundOwed)} />}
              </Group>
              {notesOf(invoice).map((note) => (
                <Group key={note.id} justify="space-between" gap="xs" mt={6} data-testid="credit-note-row" data-number={note.number}>
                  <Text size="sm">
                    {t('billing.creditNote')} {note.number} · −{money(note.totalInclTax)}{' '}
                    <Text span size="xs" c="dimmed">
                      {note.reason}
                    </Text>
                  </Text>
                  {canBill && takesPayment(note) && (
                    <Button size="compact-xs" variant="light" onClick={() => setDialog({ kind: 'payment', invoice: note })}>
                      {t('billing.invoices.recordRefund')}
                    </Button>
                  )}
                </Group>
              ))}
              {canBill && (
                <InvoiceActions billing={billing} invoice={invoice} onPay={() => setDialog({ kind: 'payment', invoice })} onCredit={() => setDialog({ kind: 'credit', invoice })} />
              )}
            </Paper>
          ))}
          <Text size="sm" ta="right" data-testid="billing-totals">
            {t('billing.invoices.totals', { invoiced: money(billing.totals.invoiced), paid: money(billing.totals.paid), due: money(billing.totals.balanceDue) })}
          </Text>
        </Stack>
      )}
      {dialog?.kind === 'invoice' && <InvoiceDialog billing={billing} onClose={close} />}
      {dialog?.kind === 'payment' && <PaymentDialog orderId={billing.orderId} invoice={dialog.invoice} onClose={close} />}
      {dialog?.kind === 'credit' && <CreditNoteDialog orderId={billing.orderId} invoice={dialog.invoice} onClose={close} />}
    </Section>
  );
}

function InvoiceActions({ billing, invoice, onPay, onCredit }: { billing: OrderBilling; invoice: InvoiceSummary; onPay: () => void; onCredit: () => void }) {
  const { t } = useTranslation();
  const cancel = useCancelInvoice(billing.orderId, billing.customerId);
  const cancellable = invoice.status !== 'cancelled' && Number(invoice.amountPaid) === 0 && Number(invoice.creditedTotal) === 0;
  return (
    <Group gap={4} mt="xs">
      {takesPayment(invoice) && (
        <Button size="compact-xs" onClick={onPay} data-testid="invoice-pay">
          {t('billing.invoices.recordPayment')}
        </Button>
      )}
      {invoice.status !== 'cancelled' && (
        <Button size="compact-xs" variant="light" onClick={onCredit} data-testid="invoice-credit">
          {t('billing.invoices.creditNote')}
        </Button>
      )}
      {cancellable && (
        <ConfirmButton
          size="compact-xs"
          variant="subtle"
          label={t('billing.invoices.cancel')}
          title={t('billing.invoices.cancelTitle', { number: invoice.number })}
          message={t('billing.invoices.cancelText')}
          onConfirm={() =>
            cancel.mutateAsync(invoice.id, {
              onSuccess: () => notifySuccess(t('billing.invoices.cancelled', { number: invoice.number })),
              onError: notifyError,
            })
          }
        />
      )}
    </Group>
  );
}

function Amount({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 400} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

/** Invoicing what remains, with the payment term that sets the due date. */
function InvoiceDialog({ billing, onClose }: { billing: OrderBilling; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateInvoice(billing.orderId, billing.customerId);
  const [days, setDays] = useState<number | string>(DEFAULT_PAYMENT_TERM_DAYS);
  const submit = () =>
    create.mutate(
      { paymentTermDays: typeof days === 'number' ? days : DEFAULT_PAYMENT_TERM_DAYS },
      {
        onSuccess: (invoice) => {
          notifySuccess(t('billing.invoices.created', { number: invoice.number }));
          onClose();
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('billing.invoices.dialogTitle')}>
      <Stack gap="sm" data-testid="invoice-dialog">
        <Text size="sm" c="dimmed">
          {t('billing.invoices.dialogText')}
        </Text>
        <NumberInput
          label={t('billing.fields.paymentTermDays')}
          value={days}
          onChange={setDays}
          min={0}
          max={365}
          allowDecimal={false}
          error={create.error ? errorMessage(create.error) : undefined}
          data-testid="invoice-term"
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={create.isPending} onClick={submit} data-testid="invoice-save">
            {t('billing.invoices.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
