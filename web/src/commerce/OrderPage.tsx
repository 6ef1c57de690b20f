/**
 * /orders/$id: the order's header (number, status, customer, date, channel), the actions its workflow allows
 * next, its lines and totals with the margin, its notes, and below them its deliveries and invoices (the billing
 * panel).
 */
import { Badge, Button, Grid, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../app/ConfirmButton.tsx';
import { formatDateTime } from '../app/format.ts';
import { AnchorLink, BackLink } from '../app/links.tsx';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { QueryView } from '../app/QueryState.tsx';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { OrderBillingPanel } from '../billing/OrderBillingPanel.tsx';
import { LogInteractionButton } from '../interactions/LogInteractionButton.tsx';
import { useOrder, useOrderStatus, useUpdateOrder } from './commerceHooks.ts';
import { nextOrderSteps } from './commerceModel.ts';
import type { Order } from './commerceTypes.ts';
import { CustomerLink, LinesTable, OrderStatusBadge, TotalsBlock } from './CommerceBits.tsx';

export function OrderPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const order = useOrder(id);
  const editable = hasPermission(me, 'customers:write');
  return (
    <Stack gap="lg">
      <BackLink to="/orders">{t('commerce.orders.back')}</BackLink>
      <QueryView query={order}>{(data) => <OrderView order={data} editable={editable} />}</QueryView>
    </Stack>
  );
}

function OrderView({ order, editable }: { order: Order; editable: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} data-testid="order-number">
              {order.number}
            </Title>
            <OrderStatusBadge status={order.status} />
            {order.onPromotion && (
              <Badge variant="outline" color="grape">
                {order.promoCode ? t('commerce.order.promoCode', { code: order.promoCode }) : t('commerce.orders.promotion')}
              </Badge>
            )}
          </Group>
          <Group gap="xs">
            <CustomerLink customer={order.customer} />
            <Text c="dimmed" size="sm">
              {order.customer.customerNumber} · {formatDateTime(order.orderedAt, i18n.language)} · {t(`commerce.channel.${order.channel}`)}
            </Text>
            <LogInteractionButton partyId={order.customer.id} links={{ orderId: order.id }} />
          </Group>
          {order.quoteId && (
            <AnchorLink to="/quotes/$id" params={{ id: order.quoteId }} size="sm">
              {t('commerce.order.fromQuote')}
            </AnchorLink>
          )}
        </Stack>
        {editable && <StatusActions order={order} />}
      </Group>

      <Paper withBorder p="md">
        <Stack gap="md">
          <LinesTable lines={order.lines} currency={order.currency} />
          <TotalsBlock totals={order} currency={order.currency} />
        </Stack>
      </Paper>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <NotesEditor order={order} editable={editable} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <OrderBillingPanel orderId={order.id} editable={editable} />
        </Grid.Col>
      </Grid>
    </>
  );
}

function StatusActions({ order }: { order: Order }) {
  const { t } = useTranslation();
  const change = useOrderStatus(order.id);
  const { forward, canCancel } = nextOrderSteps(order.status);
  const move = (status: Order['status']) =>
    change.mutateAsync({ status }).then(
      () => notifySuccess(t('commerce.order.statusChanged', { status: t(`commerce.orderStatus.${status}`) })),
      (error: unknown) => {
        notifyError(error);
        throw error;
      },
    );
  return (
    <Group gap="xs" data-testid="order-actions">
      {forward.map((status) => (
        <Button key={status} loading={change.isPending && change.variables?.status === status} onClick={() => void move(status).catch(() => {})} data-testid={`order-to-${status}`}>
          {t(`commerce.order.moveTo.${status}`)}
        </Button>
      ))}
      {canCancel && (
        <ConfirmButton
          variant="light"
          label={t('commerce.order.cancel')}
          title={t('commerce.order.cancelTitle', { number: order.number })}
          message={t('commerce.order.cancelMessage')}
          onConfirm={() => move('cancelled')}
        />
      )}
    </Group>
  );
}

function NotesEditor({ order, editable }: { order: Order; editable: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateOrder(order.id);
  const [notes, setNotes] = useState(order.notes ?? '');
  useEffect(() => setNotes(order.notes ?? ''), [order.notes]);
  const dirty = notes.trim() !== (order.notes ?? '');
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Text fw={600}>{t('commerce.form.notes')}</Text>
        {editable ? (
          <>
            <Textarea autosize minRows={3} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} aria-label={t('commerce.form.notes')} data-testid="order-notes" />
            <Group justify="flex-end">
              <Button
                size="xs"
                disabled={!dirty}
                loading={update.isPending}
                onClick={() =>
                  update.mutate(
                    { version: order.version, notes: notes.trim() || null },
                    { onSuccess: () => notifySuccess(t('commerce.order.notesSaved')), onError: notifyError },
                  )
                }
              >
                {t('common.save')}
              </Button>
            </Group>
          </>
        ) : (
          <Text size="sm" c={order.notes ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
            {order.notes ?? t('commerce.order.noNotes')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

