/** Preparing a delivery: the quantities still to deliver (all of them by default), carrier, tracking, promised day. */
import { Divider, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../app/formErrors.ts';
import { FormActions, FormErrorAlert } from '../app/FormParts.tsx';
import { notifySuccess } from '../app/notify.ts';
import { useCreateDelivery, type DeliveryBody } from './billingHooks.ts';
import { errorAboveForm } from './billingModel.ts';
import type { OrderBilling } from './billingTypes.ts';
import { LineQuantities, typedLines } from './LineQuantities.tsx';

export function DeliveryDialog({ billing, onClose }: { billing: OrderBilling; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateDelivery(billing.orderId, billing.customerId);
  const open = billing.lines.filter((line) => Number(line.toDeliver) > 0);
  const [quantities, setQuantities] = useState<Record<number, string>>(Object.fromEntries(open.map((line) => [line.position, line.toDeliver])));
  const [details, setDetails] = useState({ carrier: '', trackingNumber: '', promisedOn: '', address: '' });
  const [sent, setSent] = useState<number[]>([]);
  const lines = typedLines(quantities);

  function submit(event: FormEvent) {
    event.preventDefault();
    const body: DeliveryBody = { lines };
    for (const [key, value] of Object.entries(details) as [keyof typeof details, string][]) if (value.trim()) body[key] = value.trim();
    setSent(lines.map((line) => line.orderLinePosition));
    create.mutate(body, {
      onSuccess: (delivery) => {
        notifySuccess(t('billing.deliveries.created', { number: delivery.number }));
        onClose();
      },
    });
  }

  const text = (key: keyof typeof details, type?: string) => (
    <TextInput
      type={type}
      label={t(`billing.fields.${key}`)}
      value={details[key]}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setDetails((d) => ({ ...d, [key]: value }));
      }}
      error={fieldError(create.error, key)}
      data-testid={`delivery-${key}`}
    />
  );

  return (
    <Modal opened onClose={onClose} title={t('billing.deliveries.dialogTitle')} size="lg">
      <form onSubmit={submit} data-testid="delivery-dialog">
        <Stack gap="sm">
          <FormErrorAlert error={errorAboveForm(create.error, 'lines', 'carrier', 'trackingNumber', 'promisedOn', 'address')} />
          <Text size="sm" c="dimmed">
            {t('billing.deliveries.linesHint')}
          </Text>
          <LineQuantities
            label={t('billing.fields.lines')}
            lines={open.map((line) => ({ ...line, hint: t('billing.deliveries.toDeliver', { quantity: line.toDeliver }) }))}
            values={quantities}
            onChange={(position, value) => setQuantities((q) => ({ ...q, [position]: value }))}
            error={create.error}
            sentPositions={sent}
          />
          <Divider />
          <Group grow>
            {text('carrier')}
            {text('trackingNumber')}
          </Group>
          {text('promisedOn', 'date')}
          {text('address')}
          <FormActions onCancel={onClose} submitLabel={t('billing.deliveries.create')} loading={create.isPending} disabled={lines.length === 0} testId="delivery-save" />
        </Stack>
      </form>
    </Modal>
  );
}
