/**
 * /orders: every order, newest first, filtered by number, status, channel, period and customer (all in the
 * URL, so a filtered list can be bookmarked), paged by cursor; "New order" opens the order form.
 */
import { Badge, CloseButton, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CursorPager } from '../app/CursorPager.tsx';
import { formatDateTime, formatMoney } from '../app/format.ts';
import { AnchorLink } from '../app/links.tsx';
import { ListTable } from '../app/ListTable.tsx';
import { useCursorPages } from '../app/useCursorPages.ts';
import { useTypedFilter } from '../app/useTypedFilter.ts';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { useOrders } from './commerceHooks.ts';
import { ORDER_STATUSES, orderListQuery, SALES_CHANNELS, type OrderListSearch } from './commerceModel.ts';
import { CustomerLink, OrderStatusBadge } from './CommerceBits.tsx';
import { DocumentFormButton } from './DocumentFormDialog.tsx';

const route = getRouteApi('/_signedIn/orders');
const PAGE_SIZE = 25;

export function OrderListPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const setFilter = (changes: Partial<OrderListSearch>) => void navigate({ search: (prev) => ({ ...prev, ...changes }), replace: true });
  const pages = useCursorPages(JSON.stringify(search));
  const list = useOrders({ ...orderListQuery(search), limit: PAGE_SIZE, cursor: pages.cursor });

  const [text, setText] = useTypedFilter(search.q, (q) => void navigate({ search: (prev) => ({ ...prev, q }), replace: true }));

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('commerce.orders.title')}</Title>
        {hasPermission(me, 'customers:write') && <DocumentFormButton kind="order" />}
      </Group>

      <Group align="flex-end" gap="sm" role="search" aria-label={t('commerce.orders.filters')}>
        <TextInput
          label={t('commerce.orders.number')}
          placeholder={t('commerce.orders.numberPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={{ base: '100%', sm: 200 }}
          data-testid="orders-filter-q"
        />
        <Select
          label={t('commerce.orders.status')}
          placeholder={t('commerce.orders.any')}
          data={ORDER_STATUSES.map((s) => ({ value: s, label: t(`commerce.orderStatus.${s}`) }))}
          value={search.status ?? null}
          onChange={(value) => setFilter({ status: (value ?? undefined) as OrderListSearch['status'] })}
          clearable
          w={{ base: '100%', sm: 170 }}
          data-testid="orders-filter-status"
        />
        <Select
          label={t('commerce.orders.channel')}
          placeholder={t('commerce.orders.any')}
          data={SALES_CHANNELS.map((c) => ({ value: c, label: t(`commerce.channel.${c}`) }))}
          value={search.channel ?? null}
          onChange={(value) => setFilter({ channel: (value ?? undefined) as OrderListSearch['channel'] })}
          clearable
          w={{ base: '100%', sm: 170 }}
          data-testid="orders-filter-channel"
        />
        <TextInput type="date" label={t('commerce.orders.from')} value={search.from ?? ''} onChange={(e) => setFilter({ from: e.currentTarget.value || undefined })} w={160} />
        <TextInput type="date" label={t('commerce.orders.to')} value={search.to ?? ''} onChange={(e) => setFilter({ to: e.currentTarget.value || undefined })} w={160} />
        {search.customerId && (
          <Badge size="lg" variant="light" rightSection={<CloseButton size="xs" aria-label={t('commerce.orders.clearCustomer')} onClick={() => setFilter({ customerId: undefined })} />}>
            {t('commerce.orders.oneCustomer')}
          </Badge>
        )}
      </Group>

      <ListTable query={list} head={<OrderHead />} columns={7} empty={t('commerce.orders.empty')} emptyTestId="orders-empty" minWidth={860} testId="orders-table">
        {(order) => (
          <Table.Tr key={order.id} data-testid="order-row">
            <Table.Td>
              <AnchorLink to="/orders/$id" params={{ id: order.id }} fw={500}>
                {order.number}
              </AnchorLink>
              {order.onPromotion && (
                <Badge size="xs" variant="outline" color="grape" ml={6}>
                  {t('commerce.orders.promotion')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(order.orderedAt, i18n.language)}</Table.Td>
            <Table.Td>
              <CustomerLink customer={order.customer} />
            </Table.Td>
            <Table.Td>{t(`commerce.channel.${order.channel}`)}</Table.Td>
            <Table.Td>
              <OrderStatusBadge status={order.status} />
            </Table.Td>
            <Table.Td ta="right">{formatMoney(order.totalExclTax, order.currency, i18n.language)}</Table.Td>
            <Table.Td ta="right" fw={500}>
              {formatMoney(order.totalInclTax, order.currency, i18n.language)}
            </Table.Td>
          </Table.Tr>
        )}
      </ListTable>

      <CursorPager pages={pages} query={list} />
    </Stack>
  );
}

function OrderHead() {
  const { t } = useTranslation();
  return (
    <>
      <Table.Th>{t('commerce.orders.number')}</Table.Th>
      <Table.Th>{t('commerce.orders.orderedAt')}</Table.Th>
      <Table.Th>{t('commerce.orders.customer')}</Table.Th>
      <Table.Th>{t('commerce.orders.channel')}</Table.Th>
      <Table.Th>{t('commerce.orders.status')}</Table.Th>
      <Table.Th ta="right">{t('commerce.totals.exclTax')}</Table.Th>
      <Table.Th ta="right">{t('commerce.totals.inclTax')}</Table.Th>
    </>
  );
}
