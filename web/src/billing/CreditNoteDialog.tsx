/** Issuing a credit note for an amount on an invoice, with its reason; refusals show under the fields. */
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldError } from '../app/formErrors.ts';
import { notifySuccess } from '../app/notify.ts';
import { useCreateCreditNote } from './billingHooks.ts';
import { namesField, readAmount } from './billingModel.ts';
import type { InvoiceSummary } from './billingTypes.ts';

export function CreditNoteDialog({ orderId, invoice, onClose }: { orderId: string; invoice: InvoiceSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateCreditNote(orderId, invoice.customer.id);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const otherError = create.error !== null && !namesField(create.error, 'amount', 'reason') ? errorMessage(create.error) : null;

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
          {otherError && (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
              {otherError}
            </Alert>
          )}
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
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="credit-note-save">
              {t('billing.creditNoteDialog.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
