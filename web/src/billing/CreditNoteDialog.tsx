/** Issuing a credit note for an amount on an invoice, with its reason; refusals show under the fields. */
import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../app/formErrors.ts';
import { FormActions, FormErrorAlert } from '../app/FormParts.tsx';
import { notifySuccess } from '../app/notify.ts';
import { useCreateCreditNote } from './billingHooks.ts';
import { errorAboveForm, readAmount } from './billingModel.ts';
import type { InvoiceSummary } from './billingTypes.ts';

export function CreditNoteDialog({ orderId, invoice, onClose }: { orderId: string; invoice: InvoiceSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateCreditNote(orderId, invoice.customer.id);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { invoiceId: invoice.id, amount: readAmount(amount) ?? amount.trim(), reason: reason.trim() },
      {
        onSuccess: (note) => {
          notifySuccess(t('billing.creditNoteDialog.saved', { number: note.number }));
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('billing.creditNoteDialog.title', { number: invoice.number })}>
      <form onSubmit={submit} data-testid="credit-note-dialog">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('billing.creditNoteDialog.text')}
          </Text>
          <FormErrorAlert error={errorAboveForm(create.error, 'amount', 'reason')} />
          <TextInput
            label={t('billing.fields.amount')}
            value={amount}
            onChange={(event) => setAmount(event.currentTarget.value)}
            error={fieldError(create.error, 'amount')}
            inputMode="decimal"
            required
            data-autofocus
            rightSection={<Text size="xs">{invoice.currency}</Text>}
            data-testid="credit-note-amount"
          />
          <TextInput
            label={t('billing.fields.reason')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={fieldError(create.error, 'reason')}
            required
            data-testid="credit-note-reason"
          />
          <FormActions onCancel={onClose} submitLabel={t('billing.creditNoteDialog.save')} loading={create.isPending} testId="credit-note-save" />
        </Stack>
      </form>
    </Modal>
  );
}
