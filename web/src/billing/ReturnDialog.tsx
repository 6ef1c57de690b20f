/** Recording a return: how much of each delivered line comes back (at most what is returnable), and why. */
import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../app/formErrors.ts';
import { FormActions, FormErrorAlert } from '../app/FormParts.tsx';
import { notifySuccess } from '../app/notify.ts';
import { useCreateReturn } from './billingHooks.ts';
import { errorAboveForm } from './billingModel.ts';
import type { OrderBilling } from './billingTypes.ts';
import { LineQuantities, typedLines } from './LineQuantities.tsx';

export function ReturnDialog({ billing, onClose }: { billing: OrderBilling; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateReturn(billing.orderId, billing.customerId);
  const returnable = billing.lines.filter((line) => Number(line.returnable) > 0);
  const [quantities, setQuantities] = useState<Record<number, string>>({});
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState<number[]>([]);
  const lines = typedLines(quantities);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSent(lines.map((line) => line.orderLinePosition));
    create.mutate(
      { lines, reason: reason.trim() },
      {
        onSuccess: (created) => {
          notifySuccess(t('billing.returns.created', { number: created.number }));
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('billing.returns.dialogTitle')} size="lg">
      <form onSubmit={submit} data-testid="return-dialog">
        <Stack gap="sm">
          <FormErrorAlert error={errorAboveForm(create.error, 'lines', 'reason')} />
          <Text size="sm" c="dimmed">
            {t('billing.returns.linesHint')}
          </Text>
          <LineQuantities
            label={t('billing.fields.lines')}
            lines={returnable.map((line) => ({ ...line, hint: t('billing.returns.returnable', { quantity: line.returnable }) }))}
            values={quantities}
            onChange={(position, value) => setQuantities((q) => ({ ...q, [position]: value }))}
            error={create.error}
            sentPositions={sent}
          />
          <TextInput
            label={t('billing.fields.reason')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={fieldError(create.error, 'reason')}
            required
            data-testid="return-reason"
          />
          <FormActions onCancel={onClose} submitLabel={t('billing.returns.create')} loading={create.isPending} disabled={lines.length === 0} testId="return-save" />
        </Stack>
      </form>
    </Modal>
  );
}
