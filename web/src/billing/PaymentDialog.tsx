/**
 * Recording a payment on an invoice (or a refund paid out on a credit note): amount, method, day and reference.
 * The server checks the amount against what is due; its refusal shows under the amount field.
 */
import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../app/formErrors.ts';
import { FormActions, FormErrorAlert, OptionSelect } from '../app/FormParts.tsx';
import { formatMoney } from '../app/format.ts';
import { notifySuccess } from '../app/notify.ts';
import { useRecordPayment } from './billingHooks.ts';
import { errorAboveForm, localDay, PAYMENT_METHODS, paymentBody, readAmount, type PaymentDraft } from './billingModel.ts';
import type { InvoiceSummary } from './billingTypes.ts';

export interface PaymentDialogProps {
  orderId: string;
  invoice: InvoiceSummary;
  onClose: () => void;
}

export function PaymentDialog({ orderId, invoice, onClose }: PaymentDialogProps) {
  const { t, i18n } = useTranslation();
  const record = useRecordPayment(orderId, invoice.customer.id);
  const refund = invoice.kind === 'credit_note';
  const owed = refund ? invoice.refundOwed : invoice.balanceDue;
  const [draft, setDraft] = useState<PaymentDraft>({ amount: '', method: 'transfer', paidOn: localDay(), reference: '' });
  const [typo, setTypo] = useState(false);
  const set = <K extends keyof PaymentDraft>(key: K, value: PaymentDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const money = (amount: string) => formatMoney(amount, invoice.currency, i18n.language);
  const amountError = typo ? t('billing.payment.amountInvalid') : fieldError(record.error, 'amount');

  function submit(event: FormEvent) {
    event.preventDefault();
    const readable = readAmount(draft.amount) !== null;
    setTypo(!readable);
    if (!readable) return;
    const body = paymentBody(draft, localDay());
    record.mutate(
      { invoiceId: invoice.id, body },
      {
        onSuccess: () => {
          notifySuccess(t('billing.payment.saved', { amount: money(body.amount), number: invoice.number }));
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t(refund ? 'billing.payment.refundTitle' : 'billing.payment.title', { number: invoice.number })}>
      <form onSubmit={submit} data-testid="payment-dialog">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t(refund ? 'billing.payment.refundBalance' : 'billing.payment.balance', { amount: money(owed) })}
          </Text>
          <FormErrorAlert error={errorAboveForm(record.error, 'amount', 'method', 'paidAt', 'reference')} />
          <TextInput
            label={t('billing.fields.amount')}
            value={draft.amount}
            onChange={(event) => set('amount', event.currentTarget.value)}
            error={amountError}
            inputMode="decimal"
            required
            data-autofocus
            rightSection={<Text size="xs">{invoice.currency}</Text>}
            data-testid="payment-amount"
          />
          <OptionSelect
            label={t('billing.fields.method')}
            options={PAYMENT_METHODS}
            optionLabel={(method) => t(`billing.paymentMethod.${method}`)}
            value={draft.method}
            onChange={(method) => set('method', method)}
            error={fieldError(record.error, 'method')}
            data-testid="payment-method"
          />
          <TextInput
            type="date"
            label={t('billing.fields.paidOn')}
            value={draft.paidOn}
            onChange={(event) => set('paidOn', event.currentTarget.value)}
            error={fieldError(record.error, 'paidAt')}
            data-testid="payment-paid-on"
          />
          <TextInput
            label={t('billing.fields.reference')}
            value={draft.reference}
            onChange={(event) => set('reference', event.currentTarget.value)}
            error={fieldError(record.error, 'reference')}
            data-testid="payment-reference"
          />
          <FormActions onCancel={onClose} submitLabel={t('billing.payment.save')} loading={record.isPending} testId="payment-save" />
        </Stack>
      </form>
    </Modal>
  );
}
