/**
 * What followed an order, on the order page: its deliveries with the moves each allows, its invoices with what
 * remains due (payments and credit notes recorded from here), and its returns with their actions. Writing
 * deliveries and returns needs `editable` (customers:write); invoices, payments and credit notes billing:write.
 */
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconTruckDelivery } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../app/format.ts';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { Section } from '../record/Section.tsx';
import { DeliveryStatusBadge } from './BillingBadges.tsx';
import { useMoveDelivery, useOrderBilling } from './billingHooks.ts';
import { deliveryMoves } from './billingModel.ts';
import type { Delivery, OrderBilling } from './billingTypes.ts';
import { DeliveryDialog } from './DeliveryDialog.tsx';
import { InvoicesSection } from './InvoicesSection.tsx';
import { ReturnsSection } from './ReturnsSection.tsx';

export function OrderBillingPanel({ orderId, editable }: { orderId: string; editable: boolean }) {
  const me = useMe();
  const billing = useOrderBilling(orderId);
  if (billing.isPending) return <Loading />;
  if (billing.isError) return <LoadError error={billing.error} onRetry={() => void billing.refetch()} />;
  const canBill = hasPermission(me, 'billing:write');
  return (
    <Stack gap="lg" data-testid="order-billing">
      <DeliveriesSection billing={billing.data} editable={editable} />
      <InvoicesSection billing={billing.data} canBill={canBill} />
      <ReturnsSection billing={billing.data} editable={editable} canRefund={canBill} />
    </Stack>
  );
}

function DeliveriesSection({ billing, editable }: { billing: OrderBilling; editable: boolean }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const open = billing.orderStatus !== 'cancelled' && billing.lines.some((line) => Number(line.toDeliver) > 0);
  return (
    <Section
      title={t('billing.deliveries.title')}
      testId="billing-deliveries"
      actions={
        editable &&
        open && (
          <Button size="xs" leftSection={<IconTruckDelivery size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="delivery-new">
            {t('billing.deliveries.new')}
          </Button>
        )
      }
    >
      {billing.deliveries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('billing.deliveries.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('billing.fields.number')}</Table.Th>
                <Table.Th>{t('billing.fields.status')}</Table.Th>
                <Table.Th>{t('billing.fields.carrier')}</Table.Th>
                <Table.Th>{t('billing.fields.lines')}</Table.Th>
                {editable && <Table.Th>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {billing.deliveries.map((delivery) => (
                <DeliveryRow key={delivery.id} delivery={delivery} editable={editable} orderId={billing.orderId} customerId={billing.customerId} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && <DeliveryDialog billing={billing} onClose={() => setCreating(false)} />}
    </Section>
  );
}

function DeliveryRow({ delivery, editable, orderId, customerId }: { delivery: Delivery; editable: boolean; orderId: string; customerId: string }) {
  const { t, i18n } = useTranslation();
  const move = useMoveDelivery(orderId, customerId);
  const when = delivery.deliveredAt ?? delivery.shippedAt;
  return (
    <Table.Tr data-testid="delivery-row" data-number={delivery.number}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {delivery.number}
        </Text>
        {when && (
          <Text size="xs" c="dimmed">
            {formatDateTime(when, i18n.language)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <DeliveryStatusBadge status={delivery.status} late={delivery.isLate} />
        {delivery.promisedOn && (
          <Text size="xs" c={delivery.isLate ? 'orange' : 'dimmed'}>
            {t('billing.fields.promisedOn')} {formatDate(delivery.promisedOn, i18n.language)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{delivery.carrier ?? '—'}</Text>
        {delivery.trackingNumber && (
          <Text size="xs" c="dimmed" ff="monospace">
            {delivery.trackingNumber}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {delivery.lines.map((line) => (
          <Text size="xs" key={line.position}>
            {line.quantity} × {line.description}
          </Text>
        ))}
      </Table.Td>
      {editable && (
        <Table.Td>
          <Group gap={4}>
            {deliveryMoves(delivery).map((status) => (
              <Button
                key={status}
                size="compact-xs"
                variant={status === 'returned' || status === 'late' ? 'subtle' : 'light'}
                loading={move.isPending && move.variables?.status === status}
                onClick={() =>
                  move.mutate(
                    { id: delivery.id, status },
                    {
                      onSuccess: () => notifySuccess(t('billing.deliveries.moved', { number: delivery.number, status: t(`billing.deliveryStatus.${status}`) })),
                      onError: notifyError,
                    },
                  )
                }
                data-testid={`delivery-move-${status}`}
              >
                {t(`billing.deliveries.move.${status}`)}
              </Button>
            ))}
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
